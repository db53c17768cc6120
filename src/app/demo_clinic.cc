#include "app/demo_clinic.h"

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ids.h"
// [consent]
// [/consent]
// [plans]
// [/plans]
// [dose]
// [/dose]
// [calendar]
#include "domain/calendar.h"
// [/calendar]

namespace kc::app {
namespace {

struct DemoPatient {
  std::string_view given, family, dob;
};

// Invented people; any likeness is chance.
constexpr std::array kDemoPatients = {
    DemoPatient{"Maya", "Okafor", "1986-03-14"},   DemoPatient{"Jonas", "Lindqvist", "1979-11-02"},
    DemoPatient{"Rosa", "Delgado", "1992-07-23"},  DemoPatient{"Samuel", "Achebe", "1968-01-30"},
    DemoPatient{"Lena", "Hoffmann", "2001-05-09"}, DemoPatient{"Tomás", "Ferreira", "1974-09-17"},
};

}  // namespace

bool ensure_demo_clinic(Store& store, Crypto& crypto, const Clock& clock) {
  {
    auto tx = store.begin(Store::Mode::read);
    if (tx->clinic_by_name(kDemoClinicName)) return false;
  }
  const std::int64_t now = clock.now_ms();
  // One hash serves every demo account: they share the published demo password.
  const std::string hash = crypto.hash_password(kDemoPassword);
  AuditLog audit(crypto, clock);
  auto tx = store.begin(Store::Mode::write);
  ClinicRow clinic{new_id(crypto, "cln"), std::string(kDemoClinicName), now};
  tx->insert_clinic(clinic);
  Caller system = Caller::system(ClinicId{clinic.id}, "demo-seed");
  audit.record(*tx, system, "clinic.create", "clinic", clinic.id);
  for (const auto& u : kDemoUsers) {
    UserRow user{new_id(crypto, "usr"),
                 clinic.id,
                 std::string(u.email),
                 std::string(u.display_name),
                 hash,
                 {u.role},
                 false,
                 0,
                 0,
                 now};
    tx->insert_user(user);
    audit.record(*tx, system, "user.create", "user", user.id);
  }
  for (const auto& p : kDemoPatients) {
    PatientRow row{new_id(crypto, "pat"), clinic.id,          std::string(p.given),
                   std::string(p.family), std::string(p.dob), now};
    tx->insert_patient(row);
    audit.record(*tx, system, "patient.create", "patient", row.id);
  }
  // [consent]
  // [/consent]
  // [plans]
  // [/plans]
  // [dose]
  // [/dose]
  // [calendar]
  {
    // Two rooms and a recliner chair, and a few appointments today and in the next
    // two days (UTC), so that the day and week views have something to show.
    std::vector<RoomRow> rooms;
    for (auto [name, kind] :
         {std::pair{"Room 1", "room"}, std::pair{"Room 2", "room"}, std::pair{"Recliner chair A", "chair"}}) {
      RoomRow r{new_id(crypto, "room"), clinic.id, name, kind, true, now};
      tx->insert_room(r);
      audit.record(*tx, system, "calendar.room.create", "room", r.id);
      rooms.push_back(r);
    }
    const ClinicId cid{clinic.id};
    auto people = tx->patients(cid, PatientQuery{}, std::nullopt, 20);
    auto staff = tx->users(cid, "", 20);
    auto staff_id = [&](std::string_view email) {
      for (const auto& u : staff)
        if (u.email == email) return u.id;
      return std::string();
    };
    auto patient_id = [&](std::string_view given) {
      for (const auto& p : people)
        if (p.given_name == given) return p.id;
      return std::string();
    };
    const std::int64_t day = day_start(now) + 24LL * 3'600'000;  // tomorrow, 00:00 UTC
    constexpr std::int64_t kH = 3'600'000;
    struct DemoAppointment {
      std::string_view patient, type, route;
      int room;  // -1: none
      std::string_view staff;
      std::int64_t start_ms;
      int minutes;
    };
    const DemoAppointment demo[] = {
        {"Maya", "dosing_session", "iv", 0, "nurse@demo.test", day + 9 * kH, 90},
        {"Jonas", "dosing_session", "intranasal_esketamine", 1, "prescriber@demo.test", day + 9 * kH, 120},
        {"Rosa", "consultation", "", 0, "prescriber@demo.test", day + 13 * kH, 60},
        {"Samuel", "follow_up", "", 2, "nurse@demo.test", day + 14 * kH, 30},
        {"Lena", "telehealth_check_in", "", -1, "therapist@demo.test", day + 24 * kH + 10 * kH, 30},
        {"Tomás", "integration", "", 2, "therapist@demo.test", day + 24 * kH + 15 * kH, 60},
    };
    for (const auto& d : demo) {
      AppointmentRow a;
      a.id = new_id(crypto, "apt");
      a.clinic_id = clinic.id;
      a.patient_id = patient_id(d.patient);
      a.type = std::string(d.type);
      a.route = std::string(d.route);
      a.room_id = d.room >= 0 ? rooms[static_cast<std::size_t>(d.room)].id : "";
      a.staff_ids = {staff_id(d.staff)};
      a.start_ms = d.start_ms;
      a.end_ms = d.start_ms + d.minutes * 60'000LL;
      a.reminder_due_ms = d.start_ms - 24 * kH;
      a.created_ms = a.updated_ms = now;
      if (a.patient_id.empty() || a.staff_ids.front().empty()) continue;
      tx->insert_appointment(a);
      audit.record(*tx, system, "calendar.appointment.book", "appointment", a.id);
    }
  }
  // [/calendar]
  tx->commit();
  return true;
}

}  // namespace kc::app
