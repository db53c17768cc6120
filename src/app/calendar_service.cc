// CalendarService: rooms and chairs, bookable staff, the calendar settings, and the
// reads (one appointment, a range, a patient's). Booking, cancelling and marking
// appointments are in calendar_booking.cc.
#include "app/calendar_service.h"

#include <algorithm>

#include "app/calendar_internal.h"
#include "app/ids.h"
#include "domain/time.h"
#include "domain/validation.h"

namespace kc::app {
namespace {

constexpr std::int64_t kMaxRangeMs = 42LL * 24 * kCalendarHourMs;

struct SettingField {
  const char* name;
  int CalendarSettingsRow::*member;
};

constexpr SettingField kSettingFields[] = {
    {"consultation_minutes", &CalendarSettingsRow::consultation_minutes},
    {"screening_minutes", &CalendarSettingsRow::screening_minutes},
    {"dosing_session_minutes", &CalendarSettingsRow::dosing_session_minutes},
    {"integration_minutes", &CalendarSettingsRow::integration_minutes},
    {"follow_up_minutes", &CalendarSettingsRow::follow_up_minutes},
    {"telehealth_check_in_minutes", &CalendarSettingsRow::telehealth_check_in_minutes},
    {"iv_infusion_minutes", &CalendarSettingsRow::iv_infusion_minutes},
    {"racemic_observation_minutes", &CalendarSettingsRow::racemic_observation_minutes},
    {"esketamine_session_minutes", &CalendarSettingsRow::esketamine_session_minutes},
    {"reminder_lead_hours", &CalendarSettingsRow::reminder_lead_hours},
};

Result<RoomRow> checked_room_fields(RoomRow room, const RoomInput& in) {
  if (in.name) {
    auto name = required_text("name", *in.name, 80);
    if (!name) return name.error();
    room.name = *name;
  }
  if (in.kind) {
    if (*in.kind != "room" && *in.kind != "chair") return Error::invalid("kind", "Kind must be room or chair.");
    room.kind = *in.kind;
  }
  if (in.active) room.active = *in.active;
  return room;
}

}  // namespace

CalendarSettingsRow default_calendar_settings(const ClinicId& clinic) {
  const CalendarSettings d;
  CalendarSettingsRow r;
  r.clinic_id = clinic.value;
  r.consultation_minutes = d.consultation_minutes;
  r.screening_minutes = d.screening_minutes;
  r.dosing_session_minutes = d.dosing_session_minutes;
  r.integration_minutes = d.integration_minutes;
  r.follow_up_minutes = d.follow_up_minutes;
  r.telehealth_check_in_minutes = d.telehealth_check_in_minutes;
  r.iv_infusion_minutes = d.iv_infusion_minutes;
  r.racemic_observation_minutes = d.racemic_observation_minutes;
  r.esketamine_session_minutes = d.esketamine_session_minutes;
  r.reminder_lead_hours = d.reminder_lead_hours;
  return r;
}

CalendarSettings to_domain(const CalendarSettingsRow& r) {
  CalendarSettings s;
  s.consultation_minutes = r.consultation_minutes;
  s.screening_minutes = r.screening_minutes;
  s.dosing_session_minutes = r.dosing_session_minutes;
  s.integration_minutes = r.integration_minutes;
  s.follow_up_minutes = r.follow_up_minutes;
  s.telehealth_check_in_minutes = r.telehealth_check_in_minutes;
  s.iv_infusion_minutes = r.iv_infusion_minutes;
  s.racemic_observation_minutes = r.racemic_observation_minutes;
  s.esketamine_session_minutes = r.esketamine_session_minutes;
  s.reminder_lead_hours = r.reminder_lead_hours;
  return s;
}

// ---- rooms ----

Result<std::vector<RoomRow>> CalendarService::rooms(const Caller& caller) {
  if (!caller.can(Action::calendar_read)) {
    audit_.record_denied(store_, caller, "calendar.rooms.read", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::read);
  return tx->rooms(caller.clinic);
}

Result<RoomRow> CalendarService::create_room(const Caller& caller, const RoomInput& input) {
  if (!caller.can(Action::calendar_manage)) {
    audit_.record_denied(store_, caller, "calendar.room.create", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  if (!input.name) return Error::invalid("name", "Name is required.");
  RoomRow base;
  base.kind = "room";
  auto room = checked_room_fields(base, input);
  if (!room) return room.error();
  room->id = new_id(crypto_, "room");
  room->clinic_id = caller.clinic.value;
  room->created_ms = clock_.now_ms();
  auto tx = store_.begin(Store::Mode::write);
  for (const auto& r : tx->rooms(caller.clinic))
    if (r.name == room->name) return Error::conflict("room_name_taken", "A room with this name exists.", "name");
  tx->insert_room(*room);
  audit_.record(*tx, caller, "calendar.room.create", "room", room->id);
  tx->commit();
  return *room;
}

Result<RoomRow> CalendarService::update_room(const Caller& caller, const std::string& id, const RoomInput& input) {
  if (!caller.can(Action::calendar_manage)) {
    audit_.record_denied(store_, caller, "calendar.room.update", "room", id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto current = tx->room(caller.clinic, id);
  if (!current) return Error::not_found("No such room.");
  auto room = checked_room_fields(*current, input);
  if (!room) return room.error();
  for (const auto& r : tx->rooms(caller.clinic))
    if (r.id != id && r.name == room->name)
      return Error::conflict("room_name_taken", "A room with this name exists.", "name");
  tx->update_room(caller.clinic, *room);
  audit_.record(*tx, caller, "calendar.room.update", "room", id);
  tx->commit();
  return *room;
}

Result<std::vector<UserRow>> CalendarService::bookable_staff(const Caller& caller) {
  if (!caller.can(Action::calendar_read)) {
    audit_.record_denied(store_, caller, "calendar.staff.read", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::read);
  std::vector<UserRow> out;
  std::string after;
  for (;;) {
    auto page = tx->users(caller.clinic, after, 200);
    for (auto& u : page) {
      u.password_hash.clear();
      // A device gateway's account is not a person who can be booked.
      const bool person = std::any_of(u.roles.begin(), u.roles.end(), [](Role r) { return r != Role::device; });
      if (!u.disabled && person) out.push_back(std::move(u));
    }
    if (page.size() < 200) break;
    after = page.back().email;
  }
  return out;
}

// ---- settings ----

Result<CalendarSettingsRow> CalendarService::settings(const Caller& caller) {
  if (!caller.can(Action::calendar_read)) {
    audit_.record_denied(store_, caller, "settings.calendar.read", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::read);
  return calendar_settings_of(*tx, caller.clinic);
}

Result<CalendarSettingsRow> CalendarService::update_settings(const Caller& caller, const CalendarSettingsPatch& patch) {
  if (!caller.can(Action::calendar_manage)) {
    audit_.record_denied(store_, caller, "settings.calendar.update", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto s = calendar_settings_of(*tx, caller.clinic);
  for (const auto& entry : patch.values) {
    const auto& name = entry.first;
    const int value = entry.second;
    auto f = std::find_if(std::begin(kSettingFields), std::end(kSettingFields),
                          [&name](const SettingField& x) { return name == x.name; });
    if (f == std::end(kSettingFields)) return Error::invalid(name, "Unknown setting " + name + ".");
    s.*(f->member) = value;
  }
  if (auto ok = validate(to_domain(s)); !ok) return ok.error();
  s.updated_ms = clock_.now_ms();
  s.updated_by = caller.user_id;
  tx->save_calendar_settings(s);
  audit_.record(*tx, caller, "settings.calendar.update", "clinic", caller.clinic.value);
  auto saved = calendar_settings_of(*tx, caller.clinic);
  tx->commit();
  return saved;
}

// ---- reads ----

Result<AppointmentView> CalendarService::appointment(const Caller& caller, const std::string& id) {
  if (!caller.can(Action::calendar_read)) {
    audit_.record_denied(store_, caller, "calendar.appointment.read", "appointment", id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);  // it names a patient: the read is audited
  auto a = tx->appointment(caller.clinic, id);
  if (!a) return Error::not_found("No such appointment.");
  auto v = view_of(*tx, caller.clinic, *a);
  audit_.record(*tx, caller, "calendar.appointment.read", "appointment", id);
  tx->commit();
  return v;
}

Result<std::vector<AppointmentView>> CalendarService::between(const Caller& caller, std::int64_t from_ms,
                                                              std::int64_t to_ms, const std::string& room_id) {
  if (!caller.can(Action::calendar_read)) {
    audit_.record_denied(store_, caller, "calendar.appointments.read", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  if (to_ms <= from_ms) return Error::invalid("to", "to must be after from.");
  if (to_ms - from_ms > kMaxRangeMs) return Error::invalid("to", "Ask for at most 42 days at once.");
  auto tx = store_.begin(Store::Mode::write);  // the view names patients: the read is audited
  if (!room_id.empty() && !tx->room(caller.clinic, room_id))
    return Error{ErrorKind::not_found, "not_found", "No such room or chair.", "room_id"};
  AppointmentQuery q;
  q.from_ms = from_ms;
  q.to_ms = to_ms;
  q.room_id = room_id;
  std::vector<AppointmentView> out;
  for (const auto& a : tx->appointments(caller.clinic, q)) out.push_back(view_of(*tx, caller.clinic, a));
  audit_.record(*tx, caller, "calendar.appointments.read", room_id.empty() ? "clinic" : "room",
                room_id.empty() ? caller.clinic.value : room_id);
  tx->commit();
  return out;
}

Result<std::vector<AppointmentView>> CalendarService::patient_appointments(const Caller& caller,
                                                                           const std::string& patient_id) {
  if (!caller.can(Action::calendar_read)) {
    audit_.record_denied(store_, caller, "calendar.patient_appointments.read", "patient", patient_id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);  // the read of a patient record is audited
  if (!tx->patient(caller.clinic, patient_id)) return Error::not_found("No such patient.");
  std::vector<AppointmentView> out;
  for (const auto& a : tx->patient_appointments(caller.clinic, patient_id))
    out.push_back(view_of(*tx, caller.clinic, a));
  audit_.record(*tx, caller, "calendar.patient_appointments.read", "patient", patient_id);
  tx->commit();
  return out;
}

std::optional<AppointmentRow> CalendarService::next_dosing_session(Transaction& tx, const ClinicId& clinic,
                                                                   const std::string& patient_id, std::int64_t now_ms) {
  for (const auto& a : tx.patient_appointments(clinic, patient_id))
    if (a.status == "booked" && a.type == "dosing_session" && a.end_ms > now_ms) return a;
  return std::nullopt;
}

}  // namespace kc::app
