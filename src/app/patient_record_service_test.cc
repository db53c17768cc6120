// Before the first session: the front desk completes Maya's contacts and escort, a
// nurse weighs and measures her, records an allergy and her baseline tests; a second
// clinic cannot see any of it, and wrong input changes nothing.
#include "app/patient_record_service.h"

#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

class PatientRecordServiceTest : public test::ClinicFixture {
 protected:
  void SetUp() override {
    home = clinic("Harbour Clinic");
    desk = sign_in(staff(home, "desk@harbour.test", Role::front_desk).email);
    nurse = sign_in(staff(home, "nurse@harbour.test", Role::nurse).email);
    prescriber = sign_in(staff(home, "prescriber@harbour.test", Role::prescriber).email);
    therapist = sign_in(staff(home, "therapist@harbour.test", Role::therapist).email);
    auto other = clinic("Other Clinic");
    intruder = sign_in(staff(other, "nurse@other.test", Role::nurse).email);
    maya = patients.create(desk, {"Maya", "Okafor", "1986-03-14"})->id;  // the fake clock's today is 2026-11-21
  }

  std::size_t audited(const std::string& action, const std::string& outcome = "success") {
    std::size_t n = 0;
    for (const auto& e : audit_of(home)) n += e.event.action == action && e.event.outcome == outcome;
    return n;
  }

  ScreeningService screening{*store, crypto, clock};
  PatientRecordService record{*store, crypto, clock, screening};
  ClinicRow home;
  Caller desk, nurse, prescriber, therapist, intruder;
  std::string maya;
};

TEST_F(PatientRecordServiceTest, TheFrontDeskCompletesContactsAndKeepsWhatItDidNotSend) {
  auto first = record.update_demographics(desk, maya,
                                          {{"sex_at_birth", "female"},
                                           {"phone", "+44 20 7946-0958"},
                                           {"escort_name", "Tom Okafor"},
                                           {"escort_phone", "555 123 4567"}});
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->demographics.phone, "+442079460958");
  auto second = record.update_demographics(desk, maya, {{"email", "Maya@Example.org"}, {"preferred_name", "Mae"}});
  ASSERT_TRUE(second) << second.error().message;
  auto read = patients.get(therapist, maya);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->demographics.escort_name, "Tom Okafor") << "fields not sent are kept";
  EXPECT_EQ(read->demographics.email, "maya@example.org");
  EXPECT_EQ(read->demographics.preferred_name, "Mae");
  EXPECT_EQ(read->patient.given_name, "Maya");
  EXPECT_EQ(audited("patient.demographics.update"), 2u);
}

TEST_F(PatientRecordServiceTest, WrongInputNamesTheFieldAndChangesNothing) {
  ASSERT_TRUE(record.update_demographics(desk, maya, {{"sex_at_birth", "female"}, {"phone", "5551234567"}}));
  for (auto [field, value] : {std::pair{"phone", "not a phone"}, std::pair{"email", "maya@"},
                              std::pair{"sex_at_birth", "f"}, std::pair{"date_of_birth", "2027-01-01"},
                              std::pair{"date_of_birth", "1900-01-01"}, std::pair{"given_name", " "}}) {
    auto r = record.update_demographics(desk, maya, {{"referrer", "Dr Lind"}, {field, value}});
    ASSERT_FALSE(r) << field;
    EXPECT_EQ(r.error().kind, ErrorKind::invalid);
    EXPECT_EQ(r.error().field, field);
  }
  auto unknown = record.update_demographics(desk, maya, {{"shoe_size", "42"}});
  EXPECT_EQ(unknown.error().field, "shoe_size");
  auto read = patients.get(desk, maya);
  EXPECT_EQ(read->demographics.referrer, "") << "nothing half-saved";
  EXPECT_EQ(read->demographics.phone, "5551234567");
  EXPECT_EQ(audited("patient.demographics.update"), 1u);
}

TEST_F(PatientRecordServiceTest, AMinorNeedsAGuardianAndACorrectedBirthDateIsCheckedAgainstIt) {
  auto child = patients.create(desk, {"Leo", "Okafor", "2012-06-01"})->id;
  auto r = record.update_demographics(desk, child, {{"sex_at_birth", "male"}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "guardian_name");
  ASSERT_TRUE(record.update_demographics(desk, child,
                                         {{"sex_at_birth", "male"},
                                          {"guardian_name", "Maya Okafor"},
                                          {"guardian_relationship", "Mother"},
                                          {"guardian_phone", "555 123 4567"}}));
  ASSERT_TRUE(record.update_demographics(desk, maya, {{"sex_at_birth", "female"}}));
  auto now_minor = record.update_demographics(desk, maya, {{"date_of_birth", "2010-01-01"}});
  ASSERT_FALSE(now_minor) << "a date of birth that makes her a minor needs a guardian too";
  EXPECT_EQ(now_minor.error().field, "guardian_name");
}

TEST_F(PatientRecordServiceTest, ACorrectedBirthDateThatChangesTheFindingsAsksForRescreening) {
  ASSERT_TRUE(record.update_demographics(desk, maya, {{"sex_at_birth", "female"}}));
  ASSERT_TRUE(screening.decide(prescriber, maya, {"not_eligible", "Not yet", ""}));
  ASSERT_TRUE(record.update_demographics(desk, maya, {{"preferred_name", "Mae"}}));
  EXPECT_FALSE(screening.screening(prescriber, maya)->latest->needs_rescreen);
  ASSERT_TRUE(record.update_demographics(desk, maya,
                                         {{"date_of_birth", "2010-01-01"},
                                          {"guardian_name", "Ada Okafor"},
                                          {"guardian_relationship", "Mother"},
                                          {"guardian_phone", "555 123 4567"}}));
  auto latest = screening.screening(prescriber, maya)->latest;
  EXPECT_TRUE(latest->needs_rescreen) << "under 18 is a finding of its own";
  EXPECT_NE(latest->rescreen_reason.find("Date of birth"), std::string::npos) << latest->rescreen_reason;
}

TEST_F(PatientRecordServiceTest, ANurseWeighsAndMeasuresNewestFirst) {
  auto weight = record.add_measurement(nurse, maya, {72.5, std::nullopt, "2026-11-01", ""});
  ASSERT_TRUE(weight) << weight.error().message;
  EXPECT_EQ(weight->weight_g, 72500);
  EXPECT_EQ(weight->recorded_by, "nurse@harbour.test");
  auto height = record.add_measurement(nurse, maya, {std::nullopt, 170, "", ""});
  ASSERT_TRUE(height);
  EXPECT_EQ(height->measured_on, "2026-11-21") << "no date: today";
  auto list = record.measurements(therapist, maya);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].kind, "height");
  EXPECT_EQ((*list)[1].recorded_by, "nurse@harbour.test");
  auto wrong = record.add_measurement(nurse, maya, {720, std::nullopt, "2026-11-01", ""});
  EXPECT_EQ(wrong.error().field, "weight_kg");
  EXPECT_EQ(record.measurements(nurse, maya)->size(), 2u);
  EXPECT_EQ(audited("patient.measurement.create"), 2u);
  EXPECT_EQ(audited("patient.measurements.read"), 2u);
}

TEST_F(PatientRecordServiceTest, AllergiesAreRecordedOnceEach) {
  auto penicillin = record.add_allergy(nurse, maya, {"Penicillin", "Hives"});
  ASSERT_TRUE(penicillin);
  EXPECT_EQ(penicillin->recorded_by, "nurse@harbour.test");
  auto again = record.add_allergy(prescriber, maya, {" penicillin", ""});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().field, "substance");
  clock.advance_ms(60'000);
  ASSERT_TRUE(record.add_allergy(prescriber, maya, {"Esketamine", "Anaphylaxis"}));
  auto list = record.allergies(desk, maya);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[1].substance, "Esketamine");
}

TEST_F(PatientRecordServiceTest, BaselineTestsNewestFirst) {
  ASSERT_TRUE(record.add_baseline_test(nurse, maya, {"ecg", "2026-11-02", "Sinus rhythm"}));
  ASSERT_TRUE(record.add_baseline_test(nurse, maya, {"liver", "2026-11-10", "ALT 30 U/L"}));
  EXPECT_EQ(record.add_baseline_test(nurse, maya, {"thyroid", "2026-11-10", "TSH 2"}).error().field, "kind");
  EXPECT_EQ(record.add_baseline_test(nurse, maya, {"renal", "1980-01-01", "eGFR 95"}).error().field, "taken_on");
  auto list = record.baseline_tests(therapist, maya);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].kind, "liver");
  EXPECT_EQ(audited("patient.baseline_test.create"), 2u);
}

TEST_F(PatientRecordServiceTest, PermissionsFollowTheRolesAndRefusalsAreAudited) {
  EXPECT_EQ(record.update_demographics(therapist, maya, {{"sex_at_birth", "female"}}).error().kind,
            ErrorKind::forbidden);
  EXPECT_EQ(record.add_measurement(desk, maya, {70, std::nullopt, "", ""}).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(record.add_allergy(therapist, maya, {"Latex", ""}).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(record.add_baseline_test(desk, maya, {"ecg", "2026-11-01", "Normal"}).error().kind, ErrorKind::forbidden);
  EXPECT_TRUE(record.update_demographics(nurse, maya, {{"sex_at_birth", "female"}})) << "patients.write";
  EXPECT_EQ(audited("patient.demographics.update", "denied"), 1u);
  EXPECT_EQ(audited("patient.measurement.create", "denied"), 1u);
  EXPECT_EQ(audited("patient.allergy.create", "denied"), 1u);
  EXPECT_EQ(audited("patient.baseline_test.create", "denied"), 1u);
}

TEST_F(PatientRecordServiceTest, AnotherClinicsPatientIsNotFoundOnEveryCall) {
  auto not_found = [](const auto& r) { return !r && r.error().kind == ErrorKind::not_found; };
  EXPECT_TRUE(not_found(record.update_demographics(intruder, maya, {{"sex_at_birth", "female"}})));
  EXPECT_TRUE(not_found(record.measurements(intruder, maya)));
  EXPECT_TRUE(not_found(record.add_measurement(intruder, maya, {70, std::nullopt, "", ""})));
  EXPECT_TRUE(not_found(record.allergies(intruder, maya)));
  EXPECT_TRUE(not_found(record.add_allergy(intruder, maya, {"Latex", ""})));
  EXPECT_TRUE(not_found(record.baseline_tests(intruder, maya)));
  EXPECT_TRUE(not_found(record.add_baseline_test(intruder, maya, {"ecg", "2026-11-01", "Normal"})));
  EXPECT_EQ(patients.get(desk, maya)->demographics.sex_at_birth, "");
}

}  // namespace
}  // namespace kc::app
