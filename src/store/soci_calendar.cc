// The calendar part of SociTransaction (see soci_transaction.h): rooms, the calendar
// settings, the booking locks and appointments.
#include <algorithm>
#include <string>

#include "domain/calendar.h"
#include "store/query.h"
#include "store/soci_transaction.h"

namespace kc::store {
namespace {

using app::AppointmentQuery;
using app::AppointmentRow;
using app::CalendarSettingsRow;
using app::ClinicId;
using app::RoomRow;

constexpr const char* kRoomColumns = "id, clinic_id, name, kind, active, created_ms";

struct RoomFields {
  RoomRow row;
  int active = 0;
  long long created = 0;
  void bind(DynamicQuery& q) {
    q.into(row.id);
    q.into(row.clinic_id);
    q.into(row.name);
    q.into(row.kind);
    q.into(active);
    q.into(created);
  }
  RoomRow take() const {
    RoomRow r = row;
    r.active = active != 0;
    r.created_ms = created;
    return r;
  }
};

constexpr const char* kAppointmentColumns =
    "id, clinic_id, patient_id, type, route, room_id, staff_ids, start_ms, end_ms, status, cancel_reason, "
    "cancelled_by, cancelled_ms, program_id, plan_id, session_number, reminder_due_ms, settings_version_ms, "
    "created_by, created_ms, updated_ms";

struct AppointmentFields {
  AppointmentRow row;
  std::string staff;
  long long start = 0, end = 0, cancelled = 0, session = 0, reminder = 0, version = 0, created = 0, updated = 0;
  void bind(DynamicQuery& q) {
    q.into(row.id);
    q.into(row.clinic_id);
    q.into(row.patient_id);
    q.into(row.type);
    q.into(row.route);
    q.into(row.room_id);
    q.into(staff);
    q.into(start);
    q.into(end);
    q.into(row.status);
    q.into(row.cancel_reason);
    q.into(row.cancelled_by);
    q.into(cancelled);
    q.into(row.program_id);
    q.into(row.plan_id);
    q.into(session);
    q.into(reminder);
    q.into(version);
    q.into(row.created_by);
    q.into(created);
    q.into(updated);
  }
  AppointmentRow take() const {
    AppointmentRow r = row;
    r.staff_ids = split_list(staff, ',');
    r.start_ms = start;
    r.end_ms = end;
    r.cancelled_ms = cancelled;
    r.session_number = static_cast<int>(session);
    r.reminder_due_ms = reminder;
    r.settings_version_ms = version;
    r.created_ms = created;
    r.updated_ms = updated;
    return r;
  }
};

}  // namespace

void SociTransaction::insert_room(const RoomRow& r) {
  DynamicQuery q(sql());
  q.arg(r.id);
  q.arg(r.clinic_id);
  q.arg(r.name);
  q.arg(r.kind);
  q.arg(r.active ? 1LL : 0LL);
  q.arg(static_cast<long long>(r.created_ms));
  q.run("INSERT INTO rooms (id, clinic_id, name, kind, active, created_ms) VALUES (:id, :c, :n, :k, :a, :t)");
}

void SociTransaction::update_room(const ClinicId& clinic, const RoomRow& r) {
  DynamicQuery q(sql());
  q.arg(r.name);
  q.arg(r.kind);
  q.arg(r.active ? 1LL : 0LL);
  q.arg(clinic.value);
  q.arg(r.id);
  q.run("UPDATE rooms SET name = :n, kind = :k, active = :a WHERE clinic_id = :c AND id = :id");
}

std::optional<RoomRow> SociTransaction::room(const ClinicId& clinic, std::string_view id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(id));
  RoomFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kRoomColumns + " FROM rooms WHERE clinic_id = :c AND id = :id" + lock_clause());
  if (!q.fetch()) return std::nullopt;
  return f.take();
}

std::vector<RoomRow> SociTransaction::rooms(const ClinicId& clinic) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  RoomFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kRoomColumns + " FROM rooms WHERE clinic_id = :c ORDER BY name, id");
  return q.collect([&] { return f.take(); });
}

std::optional<CalendarSettingsRow> SociTransaction::calendar_settings(const ClinicId& clinic) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  CalendarSettingsRow r;
  long long v[11] = {};
  q.into(r.clinic_id);
  for (auto& x : v) q.into(x);
  q.into(r.updated_by);
  q.run(
      "SELECT s.clinic_id, s.consultation_minutes, s.screening_minutes, s.dosing_session_minutes, "
      "s.integration_minutes, s.follow_up_minutes, s.telehealth_check_in_minutes, s.iv_infusion_minutes, "
      "s.racemic_observation_minutes, s.esketamine_session_minutes, s.reminder_lead_hours, s.updated_ms, "
      "COALESCE(u.email, s.updated_by) FROM calendar_settings s "
      "LEFT JOIN users u ON u.clinic_id = s.clinic_id AND u.id = s.updated_by WHERE s.clinic_id = :c");
  if (!q.fetch()) return std::nullopt;
  int* ints[] = {&r.consultation_minutes, &r.screening_minutes,           &r.dosing_session_minutes,
                 &r.integration_minutes,  &r.follow_up_minutes,           &r.telehealth_check_in_minutes,
                 &r.iv_infusion_minutes,  &r.racemic_observation_minutes, &r.esketamine_session_minutes,
                 &r.reminder_lead_hours};
  for (std::size_t i = 0; i < 10; ++i) *ints[i] = static_cast<int>(v[i]);
  r.updated_ms = v[10];
  return r;
}

void SociTransaction::save_calendar_settings(const CalendarSettingsRow& s) {
  DynamicQuery q(sql());
  q.arg(s.clinic_id);
  for (int v : {s.consultation_minutes, s.screening_minutes, s.dosing_session_minutes, s.integration_minutes,
                s.follow_up_minutes, s.telehealth_check_in_minutes, s.iv_infusion_minutes,
                s.racemic_observation_minutes, s.esketamine_session_minutes, s.reminder_lead_hours})
    q.arg(static_cast<long long>(v));
  q.arg(static_cast<long long>(s.updated_ms));
  q.arg(s.updated_by);
  q.run(
      "INSERT INTO calendar_settings (clinic_id, consultation_minutes, screening_minutes, dosing_session_minutes, "
      "integration_minutes, follow_up_minutes, telehealth_check_in_minutes, iv_infusion_minutes, "
      "racemic_observation_minutes, esketamine_session_minutes, reminder_lead_hours, updated_ms, updated_by) "
      "VALUES (:c, :a, :b, :d, :e, :f, :g, :h, :i, :j, :k, :u, :ub) ON CONFLICT (clinic_id) DO UPDATE SET "
      "consultation_minutes = excluded.consultation_minutes, screening_minutes = excluded.screening_minutes, "
      "dosing_session_minutes = excluded.dosing_session_minutes, integration_minutes = excluded.integration_minutes, "
      "follow_up_minutes = excluded.follow_up_minutes, "
      "telehealth_check_in_minutes = excluded.telehealth_check_in_minutes, "
      "iv_infusion_minutes = excluded.iv_infusion_minutes, "
      "racemic_observation_minutes = excluded.racemic_observation_minutes, "
      "esketamine_session_minutes = excluded.esketamine_session_minutes, "
      "reminder_lead_hours = excluded.reminder_lead_hours, updated_ms = excluded.updated_ms, "
      "updated_by = excluded.updated_by");
}

void SociTransaction::lock_booking_resources(const ClinicId& clinic, const std::vector<std::string>& patient_ids,
                                             const std::vector<std::string>& room_ids,
                                             const std::vector<std::string>& user_ids) {
  // SQLite: BEGIN IMMEDIATE already serialises writers. PostgreSQL: one fixed order
  // (patients, rooms, users; each by id) so that two bookings never wait on each other
  // in a cycle.
  if (sqlite_ || mode_ != app::Store::Mode::write) return;
  auto lock = [&](const char* table, std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (const auto& id : ids) {
      if (id.empty()) continue;
      DynamicQuery q(sql());
      q.arg(clinic.value);
      q.arg(id);
      std::string got;
      q.into(got);
      q.run(std::string("SELECT id FROM ") + table + " WHERE clinic_id = :c AND id = :id FOR UPDATE");
      q.fetch();
    }
  };
  lock("patients", patient_ids);
  lock("rooms", room_ids);
  lock("users", user_ids);
}

void SociTransaction::insert_appointment(const AppointmentRow& a) {
  DynamicQuery q(sql());
  q.arg(a.id);
  q.arg(a.clinic_id);
  q.arg(a.patient_id);
  q.arg(a.type);
  q.arg(a.route);
  q.arg(a.room_id);
  q.arg(join_list(a.staff_ids, ','));
  q.arg(static_cast<long long>(a.start_ms));
  q.arg(static_cast<long long>(a.end_ms));
  q.arg(a.status);
  q.arg(a.cancel_reason);
  q.arg(a.cancelled_by);
  q.arg(static_cast<long long>(a.cancelled_ms));
  q.arg(a.program_id);
  q.arg(a.plan_id);
  q.arg(static_cast<long long>(a.session_number));
  q.arg(static_cast<long long>(a.reminder_due_ms));
  q.arg(static_cast<long long>(a.settings_version_ms));
  q.arg(a.created_by);
  q.arg(static_cast<long long>(a.created_ms));
  q.arg(static_cast<long long>(a.updated_ms));
  q.run(std::string("INSERT INTO appointments (") + kAppointmentColumns +
        ") VALUES (:id, :c, :p, :t, :r, :room, :s, :st, :en, :status, :cr, :cb, :cm, :prog, :plan, :sn, :rem, "
        ":ver, :by, :cms, :ums)");
}

void SociTransaction::update_appointment(const ClinicId& clinic, const AppointmentRow& a) {
  DynamicQuery q(sql());
  q.arg(a.status);
  q.arg(a.cancel_reason);
  q.arg(a.cancelled_by);
  q.arg(static_cast<long long>(a.cancelled_ms));
  q.arg(static_cast<long long>(a.updated_ms));
  q.arg(clinic.value);
  q.arg(a.id);
  q.run(
      "UPDATE appointments SET status = :s, cancel_reason = :cr, cancelled_by = :cb, cancelled_ms = :cm, "
      "updated_ms = :u WHERE clinic_id = :c AND id = :id");
}

std::optional<AppointmentRow> SociTransaction::appointment(const ClinicId& clinic, std::string_view id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(id));
  AppointmentFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kAppointmentColumns + " FROM appointments WHERE clinic_id = :c AND id = :id" +
        lock_clause());
  if (!q.fetch()) return std::nullopt;
  return f.take();
}

std::vector<AppointmentRow> SociTransaction::appointments(const ClinicId& clinic, const AppointmentQuery& query) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  // No appointment lasts longer than the domain's maximum, so the start bound keeps
  // the index range short.
  q.arg(static_cast<long long>(query.from_ms - kMaxAppointmentMinutes * 60'000LL));
  q.arg(static_cast<long long>(query.to_ms));
  q.arg(static_cast<long long>(query.from_ms));
  std::string where = " WHERE clinic_id = :c AND start_ms > :lo AND start_ms < :to AND end_ms > :from";
  if (!query.room_id.empty()) {
    q.arg(query.room_id);
    where += " AND room_id = :room";
  }
  if (!query.patient_id.empty()) {
    q.arg(query.patient_id);
    where += " AND patient_id = :p";
  }
  if (query.booked_only) where += " AND status = 'booked'";
  AppointmentFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kAppointmentColumns + " FROM appointments" + where + " ORDER BY start_ms, id");
  return q.collect([&] { return f.take(); });
}

std::vector<AppointmentRow> SociTransaction::patient_appointments(const ClinicId& clinic, std::string_view patient_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  AppointmentFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kAppointmentColumns +
        " FROM appointments WHERE clinic_id = :c AND patient_id = :p ORDER BY start_ms, id");
  return q.collect([&] { return f.take(); });
}

}  // namespace kc::store
