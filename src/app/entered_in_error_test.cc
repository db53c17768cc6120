// Correcting the record: a nurse typed Maya's weight in pounds and put a
// benzodiazepine on the wrong chart. Each entry is marked entered in error with a
// reason; it stays in the lists, struck through, but no rule counts it any more: not
// the weight for dosing, not the allergy check, not screening. A correction that
// changes the findings marks the decision for re-screening; a second mark, another
// clinic's entry or an empty reason change nothing.
#include "app/dose_service.h"
#include "app/patient_record_service.h"
#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

class EnteredInErrorTest : public test::ClinicFixture {
 protected:
  void SetUp() override {
    home = clinic("Harbour Clinic");
    nurse = sign_in(staff(home, "nurse@harbour.test", Role::nurse).email);
    prescriber = sign_in(staff(home, "prescriber@harbour.test", Role::prescriber).email);
    therapist = sign_in(staff(home, "therapist@harbour.test", Role::therapist).email);
    auto other = clinic("Other Clinic");
    intruder = sign_in(staff(other, "nurse@other.test", Role::nurse).email);
    maya = patients.create(nurse, {"Maya", "Okafor", "1986-03-14"})->id;  // the fake clock's today is 2026-11-21
  }

  std::size_t audited(const std::string& action, const std::string& outcome = "success") {
    std::size_t n = 0;
    for (const auto& e : audit_of(home)) n += e.event.action == action && e.event.outcome == outcome;
    return n;
  }

  std::optional<std::int64_t> weight_for_dosing_g() {
    auto tx = store->begin(Store::Mode::read);
    auto w = weight_for_dosing(*tx, ClinicId{home.id}, maya, Date{2026, 11, 21});
    return w ? std::optional(w->measurement.weight_g) : std::nullopt;
  }

  bool finding(const std::string& rule, Outcome outcome) {
    auto view = screening.screening(prescriber, maya);
    for (const auto& f : view->findings)
      if (f.rule == rule && f.outcome == outcome) return true;
    return false;
  }

  ScreeningService screening{*store, crypto, clock};
  PatientRecordService record{*store, crypto, clock, screening};
  ClinicRow home;
  Caller nurse, prescriber, therapist, intruder;
  std::string maya;
};

TEST_F(EnteredInErrorTest, AWeightTypedInPoundsNoLongerDosesButStaysOnTheList) {
  ASSERT_TRUE(record.add_measurement(nurse, maya, {72.5, std::nullopt, "2026-11-01", ""}));
  auto pounds = record.add_measurement(nurse, maya, {159.8, std::nullopt, "2026-11-20", ""});
  ASSERT_TRUE(pounds);
  EXPECT_EQ(weight_for_dosing_g(), 159800) << "before the correction the newest weight doses";

  clock.advance_ms(60'000);
  auto mark =
      record.mark_entered_in_error(nurse, maya, RecordEntryKind::measurement, pounds->id, "Typed in pounds, not kg");
  ASSERT_TRUE(mark) << mark.error().message;
  EXPECT_EQ(mark->by, "nurse@harbour.test");
  EXPECT_EQ(mark->reason, "Typed in pounds, not kg");
  EXPECT_EQ(mark->at_ms, clock.now_ms());

  EXPECT_EQ(weight_for_dosing_g(), 72500) << "the weight entered in error is not used for a dose";
  auto list = record.measurements(therapist, maya);
  ASSERT_EQ(list->size(), 2u) << "kept, never deleted";
  EXPECT_EQ((*list)[0].id, pounds->id);
  EXPECT_EQ((*list)[0].entered_in_error.by, "nurse@harbour.test");
  EXPECT_FALSE((*list)[1].entered_in_error.marked());
  EXPECT_EQ(audited("patient.measurement.entered_in_error"), 1u);
}

TEST_F(EnteredInErrorTest, AnAllergyEnteredInErrorCanBeRecordedAgainCorrectly) {
  auto wrong = record.add_allergy(nurse, maya, {"Penicillin", "Hives"});
  ASSERT_TRUE(wrong);
  ASSERT_TRUE(record.mark_entered_in_error(nurse, maya, RecordEntryKind::allergy, wrong->id, "Another patient's"));
  clock.advance_ms(60'000);
  EXPECT_TRUE(record.add_allergy(nurse, maya, {"Penicillin", "Rash"})) << "the marked one no longer blocks it";
  auto list = record.allergies(therapist, maya);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_TRUE((*list)[0].entered_in_error.marked());
  EXPECT_FALSE((*list)[1].entered_in_error.marked());
}

TEST_F(EnteredInErrorTest, ABaselineTestIsMarkedAndKept) {
  auto ecg = record.add_baseline_test(nurse, maya, {"ecg", "2026-11-02", "Sinus rhythm"});
  ASSERT_TRUE(ecg);
  ASSERT_TRUE(record.mark_entered_in_error(prescriber, maya, RecordEntryKind::baseline_test, ecg->id, "Wrong date"));
  EXPECT_EQ(record.baseline_tests(therapist, maya)->at(0).entered_in_error.reason, "Wrong date");
}

TEST_F(EnteredInErrorTest, AMedicationEnteredInErrorLeavesScreeningAndMarksTheDecisionForRescreening) {
  auto lorazepam = screening.add_medication(nurse, maya, "Lorazepam", "benzodiazepine", "1 mg");
  ASSERT_TRUE(lorazepam);
  ASSERT_TRUE(finding("interacting_medication_benzodiazepine", Outcome::needs_review));
  ASSERT_TRUE(screening.decide(prescriber, maya, {"eligible_with_conditions", "Taper lorazepam first", ""}));

  ASSERT_TRUE(
      record.mark_entered_in_error(nurse, maya, RecordEntryKind::medication, lorazepam->id, "Another patient's"));
  EXPECT_FALSE(finding("interacting_medication_benzodiazepine", Outcome::needs_review));
  auto latest = screening.screening(prescriber, maya)->latest;
  EXPECT_TRUE(latest->needs_rescreen);
  EXPECT_NE(latest->rescreen_reason.find("Entered in error: medication Lorazepam"), std::string::npos)
      << latest->rescreen_reason;
  auto history = screening.history(therapist, maya);
  ASSERT_EQ(history->medications.size(), 1u) << "the History tab still lists it";
  EXPECT_TRUE(history->medications[0].entered_in_error.marked());
  EXPECT_EQ(screening.stop_medication(nurse, maya, lorazepam->id).error().kind, ErrorKind::not_found)
      << "an entry entered in error is not stopped";
}

TEST_F(EnteredInErrorTest, DiagnosesAndTrialsEnteredInErrorNoLongerSupportCandidacy) {
  auto f33 = screening.add_diagnosis(prescriber, maya, "F33.2");
  ASSERT_TRUE(f33);
  auto first = screening.add_trial(prescriber, maya, "sertraline", "150 mg", 8, "none");
  ASSERT_TRUE(screening.add_trial(prescriber, maya, "venlafaxine", "225 mg", 8, "partial"));
  ASSERT_TRUE(finding("treatment_resistant_depression", Outcome::supports));
  ASSERT_TRUE(screening.decide(prescriber, maya, {"eligible", "Two failed trials", ""}));

  ASSERT_TRUE(record.mark_entered_in_error(prescriber, maya, RecordEntryKind::trial, first->id, "Never taken"));
  EXPECT_TRUE(finding("treatment_resistant_depression", Outcome::needs_review)) << "one trial left of two";
  EXPECT_TRUE(screening.screening(prescriber, maya)->latest->needs_rescreen);

  ASSERT_TRUE(record.mark_entered_in_error(prescriber, maya, RecordEntryKind::diagnosis, f33->id, "Wrong code"));
  EXPECT_TRUE(finding("indication", Outcome::needs_review)) << "no indication recorded any more";
  EXPECT_TRUE(screening.add_diagnosis(prescriber, maya, "F33.2")) << "the code can be recorded again";
}

TEST_F(EnteredInErrorTest, ACorrectionNeedsAReasonHappensOnceAndOnlyInTheCallersClinic) {
  auto allergy = record.add_allergy(nurse, maya, {"Latex", ""});
  ASSERT_TRUE(allergy);
  auto no_reason = record.mark_entered_in_error(nurse, maya, RecordEntryKind::allergy, allergy->id, "  ");
  EXPECT_EQ(no_reason.error().field, "reason");
  EXPECT_EQ(record.mark_entered_in_error(intruder, maya, RecordEntryKind::allergy, allergy->id, "x").error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(record.mark_entered_in_error(nurse, maya, RecordEntryKind::medication, allergy->id, "x").error().kind,
            ErrorKind::not_found)
      << "an id of another kind of entry";
  EXPECT_EQ(record.mark_entered_in_error(therapist, maya, RecordEntryKind::allergy, allergy->id, "x").error().kind,
            ErrorKind::forbidden);
  EXPECT_EQ(audited("patient.allergy.entered_in_error", "denied"), 1u);
  EXPECT_FALSE(record.allergies(nurse, maya)->at(0).entered_in_error.marked()) << "nothing written yet";

  ASSERT_TRUE(record.mark_entered_in_error(nurse, maya, RecordEntryKind::allergy, allergy->id, "Duplicate"));
  auto again = record.mark_entered_in_error(prescriber, maya, RecordEntryKind::allergy, allergy->id, "Again");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().code, "already_entered_in_error");
  EXPECT_EQ(record.allergies(nurse, maya)->at(0).entered_in_error.reason, "Duplicate") << "the first mark stays";
  EXPECT_EQ(audited("patient.allergy.entered_in_error"), 1u);
}

}  // namespace
}  // namespace kc::app
