// Two clinics share one installation; neither may see or touch the other's data,
// and a refusal never reveals that the record exists.
#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

class TenancyTest : public test::ClinicFixture {
 protected:
  void SetUp() override {
    harbour = clinic("Harbour Clinic");
    hill = clinic("Hill Clinic");
    harbour_admin = staff(harbour, "admin@harbour.test", Role::admin);
    harbour_nurse = staff(harbour, "nurse@harbour.test", Role::nurse);
    hill_admin = staff(hill, "admin@hill.test", Role::admin);
    auto c = sign_in(harbour_admin.email);
    auto p = patients.create(c, {"Maya", "Okafor", "1986-03-14"});
    ASSERT_TRUE(p);
    harbour_patient = *p;
  }
  ClinicRow harbour, hill;
  UserRow harbour_admin, harbour_nurse, hill_admin;
  PatientRow harbour_patient;
};

TEST_F(TenancyTest, OtherClinicsPatientIsNotFound) {
  auto intruder = sign_in(hill_admin.email);
  auto r = patients.get(intruder, harbour_patient.id);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::not_found);
  auto list = patients.search(intruder, "", "", 50);
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->items.empty());
}

TEST_F(TenancyTest, OtherClinicsUsersCannotBeChangedOrListed) {
  auto intruder = sign_in(hill_admin.email);
  EXPECT_EQ(users.set_disabled(intruder, harbour_nurse.id, true).error().kind, ErrorKind::not_found);
  EXPECT_EQ(users.reset_password(intruder, harbour_nurse.id, "taken over password").error().kind, ErrorKind::not_found);
  auto list = users.list(intruder, "", 50);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].email, "admin@hill.test");
  EXPECT_TRUE(auth.login(harbour_nurse.email, "correct horse battery", "x")) << "nurse untouched";
}

TEST_F(TenancyTest, AuditTrailsAreSeparateChains) {
  auto intruder = sign_in(hill_admin.email);
  auto page = audit.list(intruder, {}, "");
  ASSERT_TRUE(page);
  for (const auto& item : page->items) EXPECT_EQ(item.event.clinic_id, hill.id);
  for (const auto& report : audit.verify_all()) EXPECT_FALSE(report.first_break) << report.clinic.name;
}

TEST_F(TenancyTest, RolesWithoutTheGrantAreRefusedAndTheRefusalIsAudited) {
  auto nurse = sign_in(harbour_nurse.email);
  EXPECT_EQ(users.list(nurse, "", 50).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(audit.list(nurse, {}, "").error().kind, ErrorKind::forbidden);
  EXPECT_EQ(users.add(nurse, {"x@harbour.test", "X", {"admin"}, "long enough password"}).error().kind,
            ErrorKind::forbidden);
  int denied = 0;
  for (const auto& item : audit_of(harbour))
    denied += item.event.outcome == "denied" && item.event.user_id == harbour_nurse.id;
  EXPECT_EQ(denied, 3);  // user.list, audit.list, user.create
}

TEST_F(TenancyTest, ReadingAPatientIsAudited) {
  auto nurse = sign_in(harbour_nurse.email);
  ASSERT_TRUE(patients.get(nurse, harbour_patient.id));
  auto events = audit_of(harbour);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front().event.action, "patient.read");
  EXPECT_EQ(events.front().event.entity_id, harbour_patient.id);
  EXPECT_EQ(events.front().event.user_id, harbour_nurse.id);
  EXPECT_EQ(events.front().event.client_address, "10.0.0.1");
}

TEST_F(TenancyTest, AdminCannotDisableThemselves) {
  auto admin = sign_in(harbour_admin.email);
  EXPECT_EQ(users.set_disabled(admin, harbour_admin.id, true).error().code, "cannot_disable_self");
}

TEST_F(TenancyTest, EmailIsUniqueAcrossClinics) {
  auto admin = sign_in(hill_admin.email);
  auto r = users.add(admin, {"NURSE@harbour.test", "Dup", {"nurse"}, "long enough password"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "email_taken");
  EXPECT_EQ(r.error().field, "email");
}

}  // namespace
}  // namespace kc::app

namespace kc::app {
namespace {

TEST(PatientQueryText, DatesPhonesAndNamesAreToldApart) {
  EXPECT_EQ(patient_query("1986-03-14").date_of_birth, "1986-03-14");
  EXPECT_EQ(patient_query("+44 (20) 7946").phone_prefix, "+44207946");
  EXPECT_EQ(patient_query("555").phone_prefix, "555");
  EXPECT_EQ(patient_query("55").name_prefix, "55") << "two digits are too few for a phone search";
  EXPECT_EQ(patient_query("McDonald").name_prefix, "mcdonald");
  EXPECT_EQ(patient_query("1986-02-30").name_prefix, "1986-02-30") << "an impossible date is not a date";
}

}  // namespace
}  // namespace kc::app
