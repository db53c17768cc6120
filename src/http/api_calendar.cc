// The calendar: rooms and chairs, the calendar settings, appointments (book one or a
// series, cancel, mark), the day and week views and a patient's appointments.
#include <boost/json.hpp>

#include "domain/time.h"
#include "http/api_handlers.h"
#include "http/calendar_codec.h"
#include "http/json_codec.h"

namespace kc::http {
namespace {

std::string named(std::string_view prefix, std::string_view field) { return std::string(prefix) + std::string(field); }

Result<std::string> text_at(const json::object& o, std::string_view prefix, std::string_view name, bool required) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) {
    if (required) return Error::invalid(named(prefix, name), std::string(name) + " is required.");
    return std::string();
  }
  if (!it->value().is_string()) return Error::invalid(named(prefix, name), std::string(name) + " must be a string.");
  if (it->value().as_string().size() > 200)
    return Error::invalid(named(prefix, name), std::string(name) + " is too long.");
  return std::string(it->value().as_string());
}

Result<std::optional<std::int64_t>> time_at(const json::object& o, std::string_view prefix, std::string_view name) {
  auto text = text_at(o, prefix, name, false);
  if (!text) return text.error();
  if (text->empty()) return std::optional<std::int64_t>{};
  auto ms = parse_iso8601(*text);
  if (!ms || text->size() < 11)
    return Error::invalid(named(prefix, name),
                          std::string(name) + " must be a date and time in ISO 8601, e.g. 2026-11-23T09:00:00Z.");
  return std::optional<std::int64_t>{*ms};
}

Result<std::optional<int>> int_at(const json::object& o, std::string_view prefix, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return std::optional<int>{};
  if (!it->value().is_int64() || it->value().as_int64() < -1'000'000 || it->value().as_int64() > 1'000'000)
    return Error::invalid(named(prefix, name), std::string(name) + " must be a whole number.");
  return std::optional<int>{static_cast<int>(it->value().as_int64())};
}

}  // namespace

Result<app::BookingInput> decode_booking(const json::object& body, std::string_view prefix) {
  app::BookingInput in;
  auto& r = in.request;
  struct TextField {
    std::string_view name;
    std::string* target;
    bool required;
  };
  for (auto f : {TextField{"type", &r.type, true}, TextField{"route", &r.route, false},
                 TextField{"patient_id", &r.patient_id, true}, TextField{"room_id", &r.room_id, false},
                 TextField{"program_id", &in.program_id, false}, TextField{"plan_id", &in.plan_id, false}}) {
    auto v = text_at(body, prefix, f.name, f.required);
    if (!v) return v.error();
    *f.target = *v;
  }
  auto staff = body.find("staff_ids");
  if (staff == body.end() || !staff->value().is_array())
    return Error::invalid(named(prefix, "staff_ids"), "staff_ids must be a list of staff ids.");
  if (staff->value().as_array().size() > 20) return Error::invalid(named(prefix, "staff_ids"), "Too many staff ids.");
  for (const auto& v : staff->value().as_array()) {
    if (!v.is_string() || v.as_string().size() > 100)
      return Error::invalid(named(prefix, "staff_ids"), "staff_ids must be a list of staff ids.");
    r.staff_ids.emplace_back(v.as_string());
  }
  auto start = time_at(body, prefix, "start");
  if (!start) return start.error();
  r.start_ms = *start;
  if (!r.start_ms) return Error::invalid(named(prefix, "start"), "start is required.");
  auto end = time_at(body, prefix, "end");
  if (!end) return end.error();
  r.end_ms = *end;
  auto minutes = int_at(body, prefix, "duration_minutes");
  if (!minutes) return minutes.error();
  r.duration_minutes = *minutes;
  auto session = int_at(body, prefix, "session_number");
  if (!session) return session.error();
  in.session_number = session->value_or(0);
  return in;
}

Result<std::vector<app::BookingInput>> decode_booking_batch(const json::object& body) {
  auto items = body.find("items");
  if (items == body.end() || !items->value().is_array())
    return Error::invalid("items", "items must be a list of appointments.");
  const auto& list = items->value().as_array();
  if (list.empty()) return Error::invalid("items", "Give at least one appointment.");
  if (list.size() > 60) return Error::invalid("items", "At most 60 appointments at once.");
  std::vector<app::BookingInput> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string prefix = "items[" + std::to_string(i) + "].";
    if (!list[i].is_object()) return Error::invalid("items[" + std::to_string(i) + "]", "Each item is an object.");
    auto b = decode_booking(list[i].as_object(), prefix);
    if (!b) return b.error();
    out.push_back(std::move(*b));
  }
  return out;
}

Result<app::RoomInput> decode_room(const json::object& body) {
  app::RoomInput in;
  for (std::string_view name : {"name", "kind"}) {
    auto it = body.find(name);
    if (it == body.end() || it->value().is_null()) continue;
    if (!it->value().is_string()) return Error::invalid(std::string(name), std::string(name) + " must be a string.");
    (name == "name" ? in.name : in.kind) = std::string(it->value().as_string());
  }
  if (auto it = body.find("active"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_bool()) return Error::invalid("active", "active must be true or false.");
    in.active = it->value().as_bool();
  }
  return in;
}

Result<app::CalendarSettingsPatch> decode_calendar_settings(const json::object& body) {
  app::CalendarSettingsPatch patch;
  for (const auto& [key, value] : body) {
    const std::string name(key);
    if (name == "updated_at" || name == "updated_by" || name == "types" || name == "minimum_dosing_minutes")
      continue;  // read-only fields a client may echo back
    if (value.is_null()) continue;
    if (!value.is_int64() || value.as_int64() < -1'000'000 || value.as_int64() > 1'000'000)
      return Error::invalid(name.substr(0, 60), name.substr(0, 60) + " must be a whole number.");
    patch.values.emplace_back(name.substr(0, 60), static_cast<int>(value.as_int64()));
  }
  return patch;
}

namespace handlers {
namespace {

app::CalendarService& calendar(Call& call) { return call.api.services().calendar; }

json::value time_or_null(std::int64_t ms) { return ms ? json::value(format_iso8601(ms)) : json::value(nullptr); }
json::value text_or_null(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

json::object room_json(const app::RoomRow& r) {
  return {{"id", r.id},
          {"name", r.name},
          {"kind", r.kind},
          {"active", r.active},
          {"created_at", format_iso8601(r.created_ms)}};
}

json::object appointment_json(const app::AppointmentView& v) {
  const auto& a = v.appointment;
  json::array staff, staff_ids, prep;
  for (const auto& u : v.staff)
    staff.push_back(json::object{{"id", u.id}, {"display_name", u.display_name}, {"email", u.email}});
  for (const auto& s : a.staff_ids) staff_ids.emplace_back(s);
  for (const auto& p : v.preparation) prep.emplace_back(p);
  const auto type = parse_appointment_type(a.type);
  const auto route = parse_route(a.route);
  return {{"id", a.id},
          {"patient_id", a.patient_id},
          {"patient", json::object{{"id", v.patient.id},
                                   {"given_name", v.patient.given_name},
                                   {"family_name", v.patient.family_name},
                                   {"date_of_birth", v.patient.date_of_birth}}},
          {"type", a.type},
          {"type_label", type ? appointment_type_label(*type) : "Appointment"},
          {"route", text_or_null(a.route)},
          {"route_label", route ? json::value(route_label(*route)) : json::value(nullptr)},
          {"room_id", text_or_null(a.room_id)},
          {"room", v.room ? json::value(room_json(*v.room)) : json::value(nullptr)},
          {"staff_ids", std::move(staff_ids)},
          {"staff", std::move(staff)},
          {"start", format_iso8601(a.start_ms)},
          {"end", format_iso8601(a.end_ms)},
          {"duration_minutes", (a.end_ms - a.start_ms) / 60'000},
          {"status", a.status},
          {"cancel_reason", text_or_null(a.cancel_reason)},
          {"cancelled_at", time_or_null(a.cancelled_ms)},
          {"program_id", text_or_null(a.program_id)},
          {"plan_id", text_or_null(a.plan_id)},
          {"session_number", a.session_number ? json::value(a.session_number) : json::value(nullptr)},
          {"reminder_due_at", time_or_null(a.reminder_due_ms)},
          {"settings_version", time_or_null(a.settings_version_ms)},
          {"preparation", std::move(prep)},
          {"created_at", format_iso8601(a.created_ms)}};
}

json::object message_json(const app::OutboxRow& m) {
  return {{"id", m.id},           {"channel", m.channel}, {"recipient", m.recipient},
          {"subject", m.subject}, {"body", m.body},       {"created_at", format_iso8601(m.created_ms)}};
}

json::object settings_json(const app::CalendarSettingsRow& s) {
  const auto d = app::to_domain(s);
  json::array types;
  for (auto t : all_appointment_types())
    types.push_back(json::object{{"code", to_string(t)},
                                 {"label", appointment_type_label(t)},
                                 {"default_minutes", default_minutes(d, t)},
                                 {"needs_room", needs_room(t)}});
  json::object minimum;
  for (auto r : all_routes()) minimum[to_string(r)] = minimum_dosing_minutes(d, r);
  return {{"consultation_minutes", s.consultation_minutes},
          {"screening_minutes", s.screening_minutes},
          {"dosing_session_minutes", s.dosing_session_minutes},
          {"integration_minutes", s.integration_minutes},
          {"follow_up_minutes", s.follow_up_minutes},
          {"telehealth_check_in_minutes", s.telehealth_check_in_minutes},
          {"iv_infusion_minutes", s.iv_infusion_minutes},
          {"racemic_observation_minutes", s.racemic_observation_minutes},
          {"esketamine_session_minutes", s.esketamine_session_minutes},
          {"reminder_lead_hours", s.reminder_lead_hours},
          {"types", std::move(types)},
          {"minimum_dosing_minutes", std::move(minimum)},
          {"updated_at", time_or_null(s.updated_ms)},
          {"updated_by", text_or_null(s.updated_by)}};
}

Response clash_response(const Error& e, const app::BookingClash& c) {
  json::object clash{{"field", c.field},
                     {"value", c.value},
                     {"appointment_id", text_or_null(c.with.id)},
                     {"start", format_iso8601(c.with.start_ms)},
                     {"end", format_iso8601(c.with.end_ms)}};
  if (c.item_index >= 0) clash["item_index"] = c.item_index;
  if (c.with_item_index >= 0) clash["with_item_index"] = c.with_item_index;
  json::object err{{"code", e.code}, {"message", e.message}, {"field", e.field}, {"clash", std::move(clash)}};
  return json_response(409, json::object{{"error", std::move(err)}});
}

Response booking_error(const Error& e, const app::BookingClash& c) {
  if (e.code == "double_booking") return clash_response(e, c);
  return error_response(e);
}

}  // namespace

Response list_rooms(Call& call) {
  auto rooms = calendar(call).rooms(*call.caller);
  if (!rooms) return error_response(rooms.error());
  json::array items;
  for (const auto& r : *rooms) items.push_back(room_json(r));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response create_room(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto in = decode_room(*body);
  if (!in) return error_response(in.error());
  auto r = calendar(call).create_room(*call.caller, *in);
  if (!r) return error_response(r.error());
  return json_response(201, room_json(*r));
}

Response update_room(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto in = decode_room(*body);
  if (!in) return error_response(in.error());
  auto r = calendar(call).update_room(*call.caller, call.params[0], *in);
  if (!r) return error_response(r.error());
  return json_response(200, room_json(*r));
}

Response list_calendar_staff(Call& call) {
  auto list = calendar(call).bookable_staff(*call.caller);
  if (!list) return error_response(list.error());
  json::array items;
  for (const auto& u : *list) {
    json::array roles;
    for (auto r : u.roles) roles.emplace_back(to_string(r));
    items.push_back(
        json::object{{"id", u.id}, {"display_name", u.display_name}, {"email", u.email}, {"roles", std::move(roles)}});
  }
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response get_calendar_settings(Call& call) {
  auto s = calendar(call).settings(*call.caller);
  if (!s) return error_response(s.error());
  return json_response(200, settings_json(*s));
}

Response update_calendar_settings(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto patch = decode_calendar_settings(*body);
  if (!patch) return error_response(patch.error());
  auto s = calendar(call).update_settings(*call.caller, *patch);
  if (!s) return error_response(s.error());
  return json_response(200, settings_json(*s));
}

Response list_appointments(Call& call) {
  std::int64_t range[2] = {0, 0};
  const char* names[2] = {"from", "to"};
  for (int i = 0; i < 2; ++i) {
    auto text = call.request.query_param(names[i]);
    if (!text) return error_response(Error::invalid(names[i], std::string(names[i]) + " is required."));
    auto ms = parse_iso8601(*text);
    if (!ms)
      return error_response(Error::invalid(names[i], std::string(names[i]) + " must be an ISO 8601 date or time."));
    range[i] = *ms;
  }
  auto list =
      calendar(call).between(*call.caller, range[0], range[1], call.request.query_param("room_id").value_or(""));
  if (!list) return error_response(list.error());
  json::array items;
  for (const auto& v : *list) items.push_back(appointment_json(v));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response book_appointment(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto in = decode_booking(*body);
  if (!in) return error_response(in.error());
  app::BookingClash clash;
  auto b = calendar(call).book(*call.caller, *in, &clash);
  if (!b) return booking_error(b.error(), clash);
  return json_response(
      201, json::object{{"appointment", appointment_json(b->view)}, {"reminder", message_json(b->reminder)}});
}

Response book_appointments_batch(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto items = decode_booking_batch(*body);
  if (!items) return error_response(items.error());
  app::BookingClash clash;
  auto booked = calendar(call).book_batch(*call.caller, *items, &clash);
  if (!booked) return booking_error(booked.error(), clash);
  json::array out;
  for (const auto& b : *booked)
    out.push_back(json::object{{"appointment", appointment_json(b.view)}, {"reminder", message_json(b.reminder)}});
  return json_response(201, json::object{{"items", std::move(out)}});
}

Response get_appointment(Call& call) {
  auto v = calendar(call).appointment(*call.caller, call.params[0]);
  if (!v) return error_response(v.error());
  return json_response(200, appointment_json(*v));
}

Response cancel_appointment(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto reason = string_field(*body, "reason");
  if (!reason) return error_response(reason.error());
  auto out = calendar(call).cancel(*call.caller, call.params[0], *reason);
  if (!out) return error_response(out.error());
  return json_response(200, json::object{{"appointment", appointment_json(out->view)},
                                         {"notice", message_json(out->notice)},
                                         {"offered_entry_id", text_or_null(out->offered_entry_id)}});
}

Response set_appointment_status(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto status = string_field(*body, "status");
  if (!status) return error_response(status.error());
  auto v = calendar(call).set_status(*call.caller, call.params[0], *status);
  if (!v) return error_response(v.error());
  return json_response(200, appointment_json(*v));
}

Response list_patient_appointments(Call& call) {
  auto list = calendar(call).patient_appointments(*call.caller, call.params[0]);
  if (!list) return error_response(list.error());
  json::array items;
  for (const auto& v : *list) items.push_back(appointment_json(v));
  return json_response(200, json::object{{"items", std::move(items)}});
}

}  // namespace handlers
}  // namespace kc::http
