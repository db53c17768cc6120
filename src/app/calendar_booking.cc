// CalendarService: booking one appointment or a series (all or nothing), the
// reminders and cancellation notices in the outbox, cancelling (a freed program
// place is offered to the waiting list), marking completed or not attended, and the
// live announcements of these changes.
#include <algorithm>
#include <map>

#include "app/calendar_internal.h"
#include "app/calendar_service.h"
#include "app/ids.h"
#include "domain/time.h"
#include "domain/validation.h"
#include "domain/waiting_list.h"

namespace kc::app {
namespace {

Error with_prefix(Error e, const std::string& prefix) {
  if (!prefix.empty()) e.field = prefix + (e.field.empty() ? std::string("") : e.field);
  return e;
}

}  // namespace

// ---- booking ----

Result<BookedAppointment> CalendarService::book(const Caller& caller, const BookingInput& input, BookingClash* clash) {
  auto out = book_all(caller, {input}, false, clash);
  if (!out) return out.error();
  return std::move(out->front());
}

Result<std::vector<BookedAppointment>> CalendarService::book_batch(const Caller& caller,
                                                                   const std::vector<BookingInput>& items,
                                                                   BookingClash* clash) {
  if (items.empty()) return Error::invalid("items", "Give at least one appointment.");
  if (items.size() > 60) return Error::invalid("items", "At most 60 appointments at once.");
  return book_all(caller, items, true, clash);
}

Result<std::vector<BookedAppointment>> CalendarService::book_all(const Caller& caller,
                                                                 const std::vector<BookingInput>& items, bool batch,
                                                                 BookingClash* clash) {
  if (!caller.can(Action::calendar_write)) {
    audit_.record_denied(store_, caller, batch ? "calendar.appointment.book_batch" : "calendar.appointment.book",
                         "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto prefix = [&](std::size_t i) { return batch ? "items[" + std::to_string(i) + "]." : std::string(); };

  CalendarSettingsRow settings_row;
  {
    auto tx = store_.begin(Store::Mode::read);
    settings_row = calendar_settings_of(*tx, caller.clinic);
  }
  const auto settings = to_domain(settings_row);
  std::vector<CheckedBooking> checked;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto c = check_booking(items[i].request, settings);
    if (!c) return with_prefix(c.error(), prefix(i));
    if (items[i].session_number < 0 || items[i].session_number > 1000)
      return Error::invalid(prefix(i) + "session_number", "session_number must be from 1 to 1000.");
    if (items[i].plan_id.size() > 100) return Error::invalid(prefix(i) + "plan_id", "plan_id is too long.");
    checked.push_back(std::move(*c));
  }

  std::vector<std::string> patient_ids, room_ids, user_ids;
  std::int64_t from = checked.front().start_ms, to = checked.front().end_ms;
  for (const auto& c : checked) {
    patient_ids.push_back(c.patient_id);
    if (!c.room_id.empty()) room_ids.push_back(c.room_id);
    user_ids.insert(user_ids.end(), c.staff_ids.begin(), c.staff_ids.end());
    from = std::min(from, c.start_ms);
    to = std::max(to, c.end_ms);
  }

  auto tx = store_.begin(Store::Mode::write);
  tx->lock_booking_resources(caller.clinic, patient_ids, room_ids, user_ids);

  // Everything the bookings name must be of this clinic and usable.
  std::map<std::string, PatientRow> patients;
  std::map<std::string, Demographics> contacts;
  std::map<std::string, RoomRow> rooms;
  std::map<std::string, UserRow> staff;
  for (std::size_t i = 0; i < checked.size(); ++i) {
    const auto& c = checked[i];
    if (!patients.count(c.patient_id)) {
      auto p = tx->patient(caller.clinic, c.patient_id);
      if (!p) return Error{ErrorKind::not_found, "not_found", "No such patient.", prefix(i) + "patient_id"};
      patients[c.patient_id] = *p;
      contacts[c.patient_id] = tx->patient_demographics(caller.clinic, c.patient_id).value_or(Demographics{});
    }
    if (!c.room_id.empty() && !rooms.count(c.room_id)) {
      auto r = tx->room(caller.clinic, c.room_id);
      if (!r) return Error{ErrorKind::not_found, "not_found", "No such room or chair.", prefix(i) + "room_id"};
      if (!r->active)
        return Error::conflict("room_inactive", "The room " + r->name + " is not in use.", prefix(i) + "room_id");
      rooms[c.room_id] = *r;
    }
    for (const auto& s : c.staff_ids) {
      if (staff.count(s)) continue;
      auto u = tx->user(caller.clinic, s);
      if (!u) return Error{ErrorKind::not_found, "not_found", "No such staff member.", prefix(i) + "staff_ids"};
      if (u->disabled)
        return Error::invalid(prefix(i) + "staff_ids", u->display_name + "'s account is disabled.", "staff_disabled");
      u->password_hash.clear();
      staff[s] = *u;
    }
    if (!items[i].program_id.empty() && !tx->program(caller.clinic, items[i].program_id))
      return Error{ErrorKind::not_found, "not_found", "No such waiting-list program.", prefix(i) + "program_id"};
  }

  // Overlaps with booked appointments, and between the items themselves.
  AppointmentQuery q;
  q.from_ms = from;
  q.to_ms = to;
  q.booked_only = true;
  const auto existing = tx->appointments(caller.clinic, q);
  std::vector<Slot> booked;
  for (const auto& a : existing) booked.push_back({a.id, a.patient_id, a.room_id, a.staff_ids, a.start_ms, a.end_ms});
  const auto existing_count = booked.size();
  for (std::size_t i = 0; i < checked.size(); ++i) {
    const auto& c = checked[i];
    Slot wanted{"", c.patient_id, c.room_id, c.staff_ids, c.start_ms, c.end_ms};
    if (auto hit = find_clash(wanted, booked)) {
      BookingClash details;
      details.item_index = batch ? static_cast<int>(i) : -1;
      details.field = prefix(i) + hit->field;
      details.value = hit->value;
      const auto at = static_cast<std::size_t>(
          std::find_if(booked.begin(), booked.end(), [&](const Slot& s) { return s.id == hit->with.id; }) -
          booked.begin());
      if (at < existing_count) {
        details.with = existing[at];
      } else {
        details.with_item_index = static_cast<int>(at - existing_count);
        details.with.start_ms = hit->with.start_ms;
        details.with.end_ms = hit->with.end_ms;
      }
      std::string what = hit->field == "room_id"     ? "The room " + rooms[hit->value].name + " is"
                         : hit->field == "staff_ids" ? staff[hit->value].display_name + " is"
                                                     : "The patient is";
      std::string msg =
          what + " already booked from " + format_iso8601(hit->with.start_ms) + " to " +
          format_iso8601(hit->with.end_ms) +
          (details.with_item_index >= 0 ? " by items[" + std::to_string(details.with_item_index) + "] of this request."
                                        : " (appointment " + details.with.id + ").");
      if (clash) *clash = details;
      return Error::conflict("double_booking", msg, details.field);
    }
    booked.push_back({"item-" + std::to_string(i), c.patient_id, c.room_id, c.staff_ids, c.start_ms, c.end_ms});
  }

  const auto now = clock_.now_ms();
  const auto clinic_row = tx->clinic(caller.clinic);
  const std::string clinic_name = clinic_row ? clinic_row->name : "the clinic";
  std::vector<BookedAppointment> out;
  for (std::size_t i = 0; i < checked.size(); ++i) {
    const auto& c = checked[i];
    AppointmentRow a;
    a.id = new_id(crypto_, "apt");
    a.clinic_id = caller.clinic.value;
    a.patient_id = c.patient_id;
    a.type = std::string(to_string(c.type));
    a.route = c.route ? std::string(to_string(*c.route)) : "";
    a.room_id = c.room_id;
    a.staff_ids = c.staff_ids;
    a.start_ms = c.start_ms;
    a.end_ms = c.end_ms;
    a.program_id = items[i].program_id;
    a.plan_id = items[i].plan_id;
    a.session_number = items[i].session_number;
    a.reminder_due_ms = std::max(now, c.start_ms - settings.reminder_lead_hours * kCalendarHourMs);
    a.settings_version_ms = settings_row.updated_ms;
    a.created_by = caller.user_id;
    a.created_ms = a.updated_ms = now;
    tx->insert_appointment(a);
    audit_.record(*tx, caller, "calendar.appointment.book", "appointment", a.id);
    const auto& p = patients[c.patient_id];
    const auto text = reminder_text(p.given_name, c.type, c.route, c.start_ms,
                                    c.room_id.empty() ? "" : rooms[c.room_id].name, clinic_name);
    auto m = message(caller.clinic, contacts[c.patient_id], p, text, a.id,
                     "Send on or after " + format_iso8601(a.reminder_due_ms) + "\n\n");
    tx->insert_outbox(m);
    BookedAppointment b;
    b.view = view_of(*tx, caller.clinic, a);
    b.reminder = m;
    out.push_back(std::move(b));
  }
  tx->commit();
  for (const auto& b : out) announce(caller.clinic, "appointment.booked", b.view.appointment);
  return out;
}

OutboxRow CalendarService::message(const ClinicId& clinic, const Demographics& d, const PatientRow& p,
                                   const ReminderText& text, const std::string& appointment_id,
                                   const std::string& prefix) {
  (void)p;
  const bool by_email = !d.email.empty();
  return OutboxRow{new_id(crypto_, "msg"),
                   clinic.value,
                   by_email ? "email" : (d.phone.empty() ? "none" : "text"),
                   by_email ? d.email : d.phone,
                   text.subject,
                   prefix + text.body,
                   "appointment",
                   appointment_id,
                   clock_.now_ms()};
}

AppointmentView CalendarService::view_of(Transaction& tx, const ClinicId& clinic, const AppointmentRow& a) {
  AppointmentView v;
  v.appointment = a;
  if (auto p = tx.patient(clinic, a.patient_id)) v.patient = *p;
  if (!a.room_id.empty()) v.room = tx.room(clinic, a.room_id);
  for (const auto& s : a.staff_ids)
    if (auto u = tx.user(clinic, s)) {
      u->password_hash.clear();
      v.staff.push_back(*u);
    }
  if (auto type = parse_appointment_type(a.type)) v.preparation = preparation_instructions(*type, parse_route(a.route));
  return v;
}

// ---- changes ----

Result<CancelResult> CalendarService::cancel(const Caller& caller, const std::string& id, const std::string& reason) {
  if (!caller.can(Action::calendar_write)) {
    audit_.record_denied(store_, caller, "calendar.appointment.cancel", "appointment", id);
    return Error::forbidden();
  }
  auto why = required_text("reason", reason, 500);
  if (!why) return why.error();
  auto tx = store_.begin(Store::Mode::write);
  auto a = tx->appointment(caller.clinic, id);
  if (!a) return Error::not_found("No such appointment.");
  if (a->status != "booked")
    return Error::conflict("appointment_not_booked",
                           "Only a booked appointment can be cancelled; this one is " + a->status + ".");
  const auto now = clock_.now_ms();
  a->status = "cancelled";
  a->cancel_reason = *why;
  a->cancelled_by = caller.user_id;
  a->cancelled_ms = a->updated_ms = now;
  tx->update_appointment(caller.clinic, *a);
  audit_.record(*tx, caller, "calendar.appointment.cancel", "appointment", id);
  CancelResult out;
  const auto p = tx->patient(caller.clinic, a->patient_id).value_or(PatientRow{});
  const auto d = tx->patient_demographics(caller.clinic, a->patient_id).value_or(Demographics{});
  const auto clinic_row = tx->clinic(caller.clinic);
  const auto type = parse_appointment_type(a->type).value_or(AppointmentType::consultation);
  out.notice = message(caller.clinic, d, p,
                       cancellation_text(p.given_name, type, a->start_ms, clinic_row ? clinic_row->name : ""), id, "");
  tx->insert_outbox(out.notice);
  if (!a->program_id.empty() && a->start_ms > now) out.offered_entry_id = offer_freed_place(*tx, caller, *a);
  out.view = view_of(*tx, caller.clinic, *a);
  tx->commit();
  announce(caller.clinic, "appointment.cancelled", *a);
  return out;
}

std::string CalendarService::offer_freed_place(Transaction& tx, const Caller& trigger, const AppointmentRow& a) {
  // The rule (docs/api.md, Calendar): a cancelled appointment that held a program's
  // place frees that slot; the next suitable person waiting in the program (urgent
  // first, then earliest joined: the waiting list's own order) is offered it, for the
  // program's offer lifetime, exactly as the waiting list offers a place.
  auto program = tx.program(trigger.clinic, a.program_id);  // locked in this write transaction
  if (!program) return {};
  const Caller caller = Caller::system(trigger.clinic, "calendar");
  auto rows = tx.entries(caller.clinic, program->id);
  std::vector<EntryState> waiting;
  for (const auto& r : rows)
    if (r.status == "waiting" && r.cleared_for_offer)
      waiting.push_back({r.id, EntryStatus::waiting, r.urgent, r.cleared_for_offer, r.joined_ms, 0});
  if (waiting.empty()) return {};
  std::sort(waiting.begin(), waiting.end(), comes_before);
  auto e = *std::find_if(rows.begin(), rows.end(), [&](const EntryRow& r) { return r.id == waiting.front().id; });
  const auto now = clock_.now_ms();
  e.status = "offered";
  e.offered_ms = e.updated_ms = now;
  e.offer_expires_ms = now + program->offer_hours * kCalendarHourMs;
  tx.update_entry(caller.clinic, e);
  audit_.record(tx, caller, "waiting.entry.offer", "waiting_entry", e.id);
  const bool by_email = e.preferred_contact == "email" && !e.email.empty();
  tx.insert_outbox(OutboxRow{
      new_id(crypto_, "msg"), e.clinic_id, by_email ? "email" : (e.preferred_contact == "text" ? "text" : "phone"),
      by_email ? e.email : e.phone, "A place is available: " + program->name,
      "Dear " + e.given_name + ",\n\nA place in " + program->name + " has become free. Please reply by " +
          format_iso8601(e.offer_expires_ms) + " (UTC) to accept it.",
      "waiting_entry", e.id, now});
  return e.id;
}

Result<AppointmentView> CalendarService::set_status(const Caller& caller, const std::string& id,
                                                    const std::string& status) {
  if (!caller.can(Action::calendar_write)) {
    audit_.record_denied(store_, caller, "calendar.appointment.status", "appointment", id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto a = tx->appointment(caller.clinic, id);
  if (!a) return Error::not_found("No such appointment.");
  auto next = change_status(parse_appointment_status(a->status).value_or(AppointmentStatus::booked), status);
  if (!next) return next.error();
  a->status = std::string(to_string(*next));
  a->updated_ms = clock_.now_ms();
  tx->update_appointment(caller.clinic, *a);
  audit_.record(*tx, caller, "calendar.appointment." + a->status, "appointment", id);
  auto v = view_of(*tx, caller.clinic, *a);
  tx->commit();
  announce(caller.clinic, "appointment.status", *a);
  return v;
}

void CalendarService::announce(const ClinicId& clinic, std::string_view type, const AppointmentRow& a) {
  if (!events_) return;
  events_->publish(clinic,
                   {std::string(type), "{\"appointment_id\":\"" + a.id + "\",\"room_id\":\"" + a.room_id + "\"}",
                    Action::calendar_read, clock_.now_ms()});
}

}  // namespace kc::app
