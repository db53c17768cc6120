#include "domain/plan.h"

#include <gtest/gtest.h>

#include <map>

namespace kc {
namespace {

const std::vector<std::string> kDiagnoses = {"F33.2", "F43.10"};

TreatmentPlan iv_plan() {
  TreatmentPlan p;
  p.indications = {"F33.2"};
  p.goals = {{"Remission of depression", "phq9", 4}};
  p.route = Route::iv;
  p.dose_rule.mg_per_kg = 0.5;
  p.dose_rule.infusion_minutes = 40;
  p.induction = {6, 3, 2};
  p.maintenance_interval_days = 0;
  p.titration = Titration{0.1, 0.75};
  return p;
}

TreatmentPlan esketamine_plan(int interval_days) {
  TreatmentPlan p;
  p.indications = {"F33.2"};
  p.route = Route::intranasal_esketamine;
  p.dose_rule.first_dose_mg = 56;
  p.dose_rule.dose_mg = 84;
  p.induction = {8, 2, 4};
  p.maintenance_interval_days = interval_days;
  return p;
}

std::string field_of(const TreatmentPlan& p) {
  auto s = validate_plan(p, kDiagnoses, PlanLimits{});
  return s ? std::string("ok") : s.error().field;
}

TEST(PlanValidation, TheReferenceTemplatesAreValid) {
  EXPECT_EQ(field_of(iv_plan()), "ok");
  EXPECT_EQ(field_of(esketamine_plan(14)), "ok");
}

TEST(PlanValidation, ADoseRuleThatDoesNotFitTheRouteNamesTheField) {
  auto p = iv_plan();
  p.dose_rule.mg_per_kg.reset();
  p.dose_rule.dose_mg = 35;
  EXPECT_EQ(field_of(p), "dose_rule.mg_per_kg");
  p = iv_plan();
  p.dose_rule.infusion_minutes.reset();
  EXPECT_EQ(field_of(p), "dose_rule.infusion_minutes");
  p = iv_plan();
  p.route = Route::im;  // an injection has no infusion minutes
  EXPECT_EQ(field_of(p), "dose_rule.infusion_minutes");
  p.dose_rule.infusion_minutes.reset();
  EXPECT_EQ(field_of(p), "ok");
  p = iv_plan();
  p.route = Route::intranasal_esketamine;  // mg/kg does not fit a nasal spray
  EXPECT_EQ(field_of(p), "dose_rule.mg_per_kg");
  p = esketamine_plan(7);
  p.dose_rule.dose_mg = 70;  // not 56 or 84
  EXPECT_EQ(field_of(p), "dose_rule.dose_mg");
  p = esketamine_plan(7);
  p.dose_rule.first_dose_mg = 84;
  EXPECT_EQ(field_of(p), "dose_rule.first_dose_mg");
  p = iv_plan();
  p.route = Route::sublingual;
  p.dose_rule = {};
  EXPECT_EQ(field_of(p), "dose_rule.dose_mg");
  p.dose_rule.dose_mg = 50;
  p.titration = Titration{25, 150};
  EXPECT_EQ(field_of(p), "ok");
}

TEST(PlanValidation, ClinicLimitAndSchedulesNameTheirFields) {
  auto p = iv_plan();
  p.dose_rule.mg_per_kg = 1.2;
  p.titration.reset();
  EXPECT_EQ(field_of(p), "dose_rule.mg_per_kg");
  EXPECT_TRUE(validate_plan(p, kDiagnoses, PlanLimits{1.5}));
  p = iv_plan();
  p.induction.max_per_week = 8;
  EXPECT_EQ(field_of(p), "induction.max_per_week");
  p = iv_plan();
  p.induction = {7, 3, 2};  // 7 sessions do not fit 3 a week in 2 weeks
  EXPECT_EQ(field_of(p), "induction.sessions");
  p = esketamine_plan(10);
  EXPECT_EQ(field_of(p), "maintenance.interval_days");
  p = esketamine_plan(7);
  p.induction.max_per_week = 3;
  EXPECT_EQ(field_of(p), "induction.max_per_week");
  p = iv_plan();
  p.titration = Titration{0.1, 1.5};
  EXPECT_EQ(field_of(p), "titration.ceiling");
  p = iv_plan();
  p.titration = Titration{0.1, 0.4};  // below the dose
  EXPECT_EQ(field_of(p), "titration.ceiling");
}

TEST(PlanValidation, IndicationsComeFromThePatientsDiagnosesAndGoalsFromInstruments) {
  auto p = iv_plan();
  p.indications = {"F42.2"};
  EXPECT_EQ(field_of(p), "indications[0]");
  p.indications = {};
  EXPECT_EQ(field_of(p), "indications");
  p = iv_plan();
  p.goals[0].instrument = "nope";
  EXPECT_EQ(field_of(p), "goals[0].instrument");
  p = iv_plan();
  p.goals[0].target_score = 28;  // PHQ-9 totals are 0-27
  EXPECT_EQ(field_of(p), "goals[0].target_score");
  p = iv_plan();
  p.goals.push_back({"", "", std::nullopt});
  EXPECT_EQ(field_of(p), "goals[1].text");
  p = iv_plan();
  p.goals[0].instrument.clear();
  EXPECT_EQ(field_of(p), "goals[0].target_score");
}

TEST(PlanVersioning, ALaterVersionNeedsAReason) {
  EXPECT_TRUE(version_reason(1, ""));
  auto missing = version_reason(2, "   ");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "reason");
  EXPECT_EQ(missing.error().code, "reason_required");
  EXPECT_EQ(*version_reason(2, " Dissociation at 0.5 mg/kg "), "Dissociation at 0.5 mg/kg");
}

TEST(PlanProposal, IvInductionFromAMondayIsMonWedFriTwiceOverTwelveDays) {
  const Date monday{2026, 11, 23};
  ASSERT_EQ(weekday(monday), 0);
  auto s = propose_sessions(iv_plan(), monday, 12);
  ASSERT_EQ(s.size(), 6u);
  const std::vector<int> expected = {0, 2, 4, 7, 9, 11};
  for (std::size_t i = 0; i < s.size(); ++i) {
    EXPECT_EQ(days_between(monday, s[i].date), expected[i]);
    EXPECT_EQ(s[i].phase, "induction");
    EXPECT_EQ(s[i].number, static_cast<int>(i) + 1);
    EXPECT_EQ(s[i].mg_per_kg, 0.5);
    EXPECT_EQ(s[i].infusion_minutes, 40);
  }
  EXPECT_EQ(max_in_any_seven_days(s), 3);
}

TEST(PlanProposal, NeverMoreThanTheWeeklyLimitInAny7DaysWhateverTheStartDay) {
  for (int per_week = 1; per_week <= 7; ++per_week) {
    for (int offset = 0; offset < 7; ++offset) {
      auto p = iv_plan();
      p.induction = {12, per_week, 12};
      p.maintenance_interval_days = 1;  // as often as allowed, to press on the limit
      const Date start = add_days(Date{2026, 11, 23}, offset);
      auto s = propose_sessions(p, start, 8);
      ASSERT_FALSE(s.empty());
      EXPECT_LE(max_in_any_seven_days(s), per_week) << per_week << " from offset " << offset;
      // Monday-based calendar weeks hold no more either.
      std::map<int, int> by_week;
      for (const auto& x : s) ++by_week[(day_number(x.date) + 3) / 7];
      for (const auto& [week, n] : by_week) EXPECT_LE(n, per_week);
      if (per_week == 2)
        for (std::size_t i = 1; i < s.size(); ++i) EXPECT_GE(days_between(s[i - 1].date, s[i].date), 2);
    }
  }
}

TEST(PlanProposal, MaintenanceFollowsTheInductionAtItsIntervalUntilTheHorizon) {
  auto p = iv_plan();
  p.maintenance_interval_days = 14;
  const Date start{2026, 11, 23};
  auto s = propose_sessions(p, start, 12);  // 84 days
  ASSERT_EQ(s.size(), 6u + 5u);             // days 25, 39, 53, 67, 81
  EXPECT_EQ(s[6].phase, "maintenance");
  EXPECT_EQ(days_between(start, s[6].date), 25);
  EXPECT_EQ(days_between(start, s.back().date), 81);
  EXPECT_TRUE(propose_sessions(p, start, 1).size() == 3u);  // the horizon cuts the induction
}

TEST(PlanProposal, EsketamineFollowsTheLabelWeekByWeek) {
  const Date start{2026, 11, 24};  // a Tuesday
  auto s = propose_sessions(esketamine_plan(14), start, 16);
  // Week by week: sessions in each 7-day week counted from the start day.
  std::vector<int> per_week(16, 0);
  for (const auto& x : s) ++per_week[static_cast<std::size_t>(days_between(start, x.date) / 7)];
  const std::vector<int> label = {2, 2, 2, 2, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 0};
  EXPECT_EQ(per_week, label);
  EXPECT_EQ(s[0].dose_mg, 56.0);  // the first dose is 56 mg
  EXPECT_EQ(s[1].dose_mg, 84.0);
  for (std::size_t i = 0; i < 8; ++i) EXPECT_EQ(s[i].phase, "induction");
  EXPECT_EQ(s[8].phase, "maintenance");
  EXPECT_EQ(days_between(start, s[1].date), 3);  // twice weekly, not on consecutive days

  auto weekly = propose_sessions(esketamine_plan(7), start, 12);
  std::vector<int> weekly_count(12, 0);
  for (const auto& x : weekly) ++weekly_count[static_cast<std::size_t>(days_between(start, x.date) / 7)];
  EXPECT_EQ(weekly_count, (std::vector<int>{2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1}));
  EXPECT_LE(max_in_any_seven_days(weekly), 2);
}

TEST(PlanDoses, ASessionsDoseInMgFollowsTheRouteAndTheWeight) {
  auto iv = session_dose(iv_plan(), 70, 1);
  ASSERT_TRUE(iv);
  EXPECT_DOUBLE_EQ(iv->dose_mg, 35);
  EXPECT_EQ(iv->infusion_minutes, 40);
  EXPECT_FALSE(session_dose(iv_plan(), 0, 1));
  auto esk = esketamine_plan(14);
  EXPECT_EQ(session_dose(esk, 0, 1)->dose_mg, 56);  // the weight does not matter
  EXPECT_EQ(session_dose(esk, 70, 2)->dose_mg, 84);
  EXPECT_EQ(session_dose(esk, 70, 2)->infusion_minutes, 0);
}

TEST(PlanProposal, OralDosesCarryMg) {
  auto p = iv_plan();
  p.route = Route::oral;
  p.dose_rule = {};
  p.dose_rule.dose_mg = 50;
  p.titration.reset();
  p.induction = {4, 1, 4};
  auto s = propose_sessions(p, Date{2026, 11, 23}, 8);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].dose_mg, 50.0);
  EXPECT_FALSE(s[0].mg_per_kg);
  EXPECT_EQ(days_between(s[0].date, s[1].date), 7);
}

}  // namespace
}  // namespace kc
