#include "app/demo_clinic.h"

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ids.h"
// [consent]
#include "app/consent_demo.h"
// [/consent]
// [plans]
// [/plans]
// [dose]
// [/dose]
// [calendar]
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
  seed_demo_consents(*tx, crypto, audit, system, now);
  // [/consent]
  // [plans]
  // [/plans]
  // [dose]
  // [/dose]
  // [calendar]
  // [/calendar]
  tx->commit();
  return true;
}

}  // namespace kc::app
