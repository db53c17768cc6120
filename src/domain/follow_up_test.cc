#include "domain/follow_up.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

constexpr std::int64_t kDay = 86'400'000;
const Instrument& phq9() { return *find_instrument("phq9"); }
Date day(const char* text) { return *parse_date(text); }

TEST(OutcomeSettings, StartingValuesPassAndEachBoundNamesItsField) {
  EXPECT_TRUE(check_outcome_settings(OutcomeSettings{}));
  OutcomeSettings s;
  s.follow_up_interval_days = 0;
  EXPECT_EQ(check_outcome_settings(s).error().field, "follow_up_interval_days");
  s = {};
  s.max_sessions_per_30_days = 32;
  EXPECT_EQ(check_outcome_settings(s).error().field, "max_sessions_per_30_days");
  s = {};
  s.max_ug_per_kg_per_30_days = 0;
  EXPECT_EQ(check_outcome_settings(s).error().field, "max_mg_per_kg_per_30_days");
  s = {};
  s.follow_up_instruments = {"phq9", "phq9"};
  EXPECT_EQ(check_outcome_settings(s).error().field, "follow_up_instruments");
  s.follow_up_instruments = {"nope"};
  EXPECT_EQ(check_outcome_settings(s).error().code, "unknown_instrument");
  s.follow_up_instruments = {};
  EXPECT_FALSE(check_outcome_settings(s));
  s = {};
  s.liver_test_interval_days = 6;
  EXPECT_EQ(check_outcome_settings(s).error().field, "liver_test_interval_days");
}

TEST(Relapse, OnlyTheCheckThatConfirmsARelapseRaisesIt) {
  // Baseline 20; response at 10 (day 14); 12 and 13 are above the threshold (10).
  std::vector<ScoredPoint> s = {{0, 20}, {14 * kDay, 10}, {28 * kDay, 12}};
  EXPECT_FALSE(relapse_confirmed_by_latest(phq9(), s, RelapseRule{2})) << "one check above is not yet a relapse";
  s.push_back({42 * kDay, 13});
  EXPECT_TRUE(relapse_confirmed_by_latest(phq9(), s, RelapseRule{2}));
  s.push_back({56 * kDay, 15});
  EXPECT_FALSE(relapse_confirmed_by_latest(phq9(), s, RelapseRule{2})) << "already relapsed: no second task";
  EXPECT_FALSE(relapse_confirmed_by_latest(phq9(), {{0, 20}, {7 * kDay, 15}, {14 * kDay, 16}}, RelapseRule{2}))
      << "never responded: nothing to relapse from";
  EXPECT_TRUE(relapse_confirmed_by_latest(phq9(), {{0, 20}, {7 * kDay, 9}, {14 * kDay, 11}}, RelapseRule{1}));
}

TEST(UrinaryScreen, AnySymptomIsPositive) {
  EXPECT_FALSE(urinary_screen_positive(0));
  EXPECT_TRUE(urinary_screen_positive(1));
  EXPECT_TRUE(urinary_screen_positive(4));
}

TEST(LiverTests, DueAfterTheIntervalOverdueTheDayAfterAndNeverTestedOnceTreated) {
  EXPECT_FALSE(liver_due(day("2026-01-01"), std::nullopt, day("2026-01-05"), day("2026-12-01")).due_on)
      << "no interval set: nothing is due";
  auto d = liver_due(day("2026-08-01"), 90, day("2026-08-10"), day("2026-10-30"));
  EXPECT_EQ(d.due_on, day("2026-10-30"));
  EXPECT_FALSE(d.overdue) << "due today is not overdue";
  EXPECT_TRUE(liver_due(day("2026-08-01"), 90, day("2026-08-10"), day("2026-10-31")).overdue);
  auto never = liver_due(std::nullopt, 90, day("2026-11-02"), day("2026-11-03"));
  EXPECT_TRUE(never.never_tested);
  EXPECT_TRUE(never.overdue);
  EXPECT_FALSE(liver_due(std::nullopt, 90, std::nullopt, day("2026-11-03")).overdue) << "not treated yet";
}

TEST(Exposure, WarningsOnlyWhenALimitIsSetAndReached) {
  Exposure e;
  e.to = day("2026-11-21");
  e.sessions = 6;
  e.total_ug_per_kg = 3'000;
  OutcomeSettings s;
  EXPECT_TRUE(exposure_warnings(e, s).empty()) << "no limits set";
  s.max_sessions_per_30_days = 6;
  s.max_ug_per_kg_per_30_days = 2'500;
  auto w = exposure_warnings(e, s);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].code, "sessions_over_limit");
  EXPECT_EQ(w[0].message, "6 sessions in the 30 days to 2026-11-21: at the clinic's limit of 6.");
  EXPECT_EQ(w[1].message, "3 mg/kg in the 30 days to 2026-11-21: more than the clinic's limit of 2.5 mg/kg.");
  s.max_sessions_per_30_days = 7;
  EXPECT_EQ(exposure_warnings(e, s).size(), 1u);
}

TEST(Tolerance, RisingDosesOfTheSameRouteInARow) {
  std::vector<GivenDose> d = {
      {1, "iv", 500}, {2, "iv", 550}, {3, "intranasal_esketamine", std::nullopt}, {4, "iv", 600}};
  EXPECT_TRUE(tolerance_signal(d, 3)) << "0.5 < 0.55 < 0.6 on IV; the esketamine dose between is another route";
  EXPECT_FALSE(tolerance_signal(d, 4)) << "only three IV doses";
  d.push_back({5, "iv", 600});
  EXPECT_FALSE(tolerance_signal(d, 3)) << "the same dose twice is not rising";
  d.push_back({6, "iv", 700});
  EXPECT_TRUE(tolerance_signal(d, 2));
  EXPECT_FALSE(tolerance_signal({{1, "iv", std::nullopt}, {2, "iv", 500}}, 2)) << "a dose without a weight is skipped";
}

TEST(Indications, GroupsFromIcd10Codes) {
  EXPECT_EQ(indication_group("F33.2"), "depression");
  EXPECT_EQ(indication_group("F32.9"), "depression");
  EXPECT_EQ(indication_group("F31.4"), "bipolar_depression");
  EXPECT_EQ(indication_group("F43.10"), "ptsd");
  EXPECT_EQ(indication_group("F41.1"), "anxiety");
  EXPECT_EQ(indication_group("F42.2"), "ocd");
  EXPECT_EQ(indication_group("G90.50"), "chronic_pain");
  EXPECT_EQ(indication_group("M79.7"), "chronic_pain");
  EXPECT_EQ(indication_group("F41.0"), "other") << "panic disorder is not GAD";
  EXPECT_EQ(indication_group_label("ptsd"), "PTSD");
}

TEST(DeIdentification, AgesAbove89AreGivenAs90) {
  EXPECT_EQ(capped_age(89), 89);
  EXPECT_EQ(capped_age(90), 90);
  EXPECT_EQ(capped_age(104), 90);
}

}  // namespace
}  // namespace kc
