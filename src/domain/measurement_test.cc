#include "domain/measurement.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

const Instrument& get(std::string_view code) { return *find_instrument(code); }

std::vector<ScoredPoint> series(std::initializer_list<int> totals) {
  std::vector<ScoredPoint> out;
  std::int64_t at = 1'000;
  for (int t : totals) out.push_back({at += 86'400'000, t});
  return out;
}

// --- Outcomes -------------------------------------------------------------------

TEST(Outcome, NoResponsesNoOutcome) {
  auto o = outcome_of(get("phq9"), {});
  EXPECT_FALSE(o.baseline);
  EXPECT_FALSE(o.latest);
  EXPECT_FALSE(o.percent_change);
  EXPECT_FALSE(o.response || o.remission || o.meaningful_change);
  EXPECT_EQ(o.latest_band, "");
}

TEST(Outcome, AFallOfMoreThanHalfIsAResponse) {
  auto o = outcome_of(get("phq9"), series({20, 9}));
  ASSERT_TRUE(o.baseline && o.latest);
  EXPECT_EQ(o.baseline->total, 20);
  EXPECT_EQ(o.latest->total, 9);
  EXPECT_EQ(o.change, -11);
  ASSERT_TRUE(o.percent_change);
  EXPECT_DOUBLE_EQ(*o.percent_change, -55.0);
  EXPECT_TRUE(o.response);
  EXPECT_FALSE(o.remission);
  EXPECT_EQ(o.latest_band, "Mild");
}

TEST(Outcome, AFallOfLessThanHalfIsNot) {
  auto o = outcome_of(get("phq9"), series({20, 11}));
  EXPECT_DOUBLE_EQ(*o.percent_change, -45.0);
  EXPECT_FALSE(o.response);
  EXPECT_EQ(o.latest_band, "Moderate");
}

TEST(Outcome, ExactlyHalfIsAResponse) {
  EXPECT_TRUE(outcome_of(get("phq9"), series({20, 10})).response);
  EXPECT_TRUE(outcome_of(get("madrs"), series({30, 15})).response);
  EXPECT_FALSE(outcome_of(get("madrs"), series({30, 16})).response);
  EXPECT_TRUE(outcome_of(get("phq9"), series({9, 4})).response) << "-55.6 %";
  EXPECT_FALSE(outcome_of(get("phq9"), series({9, 5})).response) << "-44.4 %";
}

TEST(Outcome, BaselineIsTheFirstAndLatestTheLastPoint) {
  auto o = outcome_of(get("phq9"), series({20, 5, 12}));
  EXPECT_EQ(o.baseline->total, 20);
  EXPECT_EQ(o.latest->total, 12);
  EXPECT_EQ(o.change, -8);
  EXPECT_DOUBLE_EQ(*o.percent_change, -40.0);
  EXPECT_FALSE(o.response);
}

TEST(Outcome, WorseningIsAPositiveChange) {
  auto o = outcome_of(get("phq9"), series({10, 15}));
  EXPECT_EQ(o.change, 5);
  EXPECT_DOUBLE_EQ(*o.percent_change, 50.0);
  EXPECT_FALSE(o.response);
}

TEST(Outcome, RemissionAtTheThreshold) {
  EXPECT_TRUE(outcome_of(get("phq9"), series({20, 4})).remission);
  EXPECT_FALSE(outcome_of(get("phq9"), series({20, 5})).remission);
  EXPECT_TRUE(outcome_of(get("madrs"), series({30, 12})).remission);
  EXPECT_FALSE(outcome_of(get("madrs"), series({30, 13})).remission);
  EXPECT_TRUE(outcome_of(get("qids_sr16"), series({18, 5})).remission);
  EXPECT_FALSE(outcome_of(get("qids_sr16"), series({18, 6})).remission);
}

TEST(Outcome, ASinglePointIsABaselineNeverAResponseOrRemission) {
  auto o = outcome_of(get("phq9"), series({3}));
  EXPECT_EQ(o.baseline->total, 3);
  EXPECT_EQ(o.latest->total, 3);
  EXPECT_EQ(o.change, 0);
  EXPECT_FALSE(o.response);
  EXPECT_FALSE(o.remission) << "3 is below 5, but there is nothing to compare it with";
  EXPECT_EQ(o.latest_band, "None–minimal");
  EXPECT_FALSE(outcome_of(get("pcl5"), series({60})).meaningful_change);
}

TEST(Outcome, PercentChangeCountsFromTheInstrumentMinimum) {
  // BPRS totals start at 18: from 50 to 34 is 16 of the 32 points above the minimum.
  auto o = outcome_of(get("bprs"), series({50, 34}));
  ASSERT_TRUE(o.percent_change);
  EXPECT_DOUBLE_EQ(*o.percent_change, -50.0);
  EXPECT_FALSE(o.response) << "response does not apply to the BPRS";
  EXPECT_EQ(o.latest_band, "");
}

TEST(Outcome, NoPercentChangeFromABaselineAtTheMinimum) {
  auto o = outcome_of(get("phq9"), series({0, 5}));
  EXPECT_EQ(o.change, 5);
  EXPECT_FALSE(o.percent_change);
  EXPECT_FALSE(o.response);
  EXPECT_FALSE(outcome_of(get("bprs"), series({18, 20})).percent_change);
}

TEST(Outcome, ResponseAndRemissionOnlyWhereTheyApply) {
  auto gad = outcome_of(get("gad7"), series({15, 0}));
  EXPECT_TRUE(gad.response);
  EXPECT_FALSE(gad.remission) << "the GAD-7 has no remission threshold in the reference";
  EXPECT_FALSE(outcome_of(get("pain_nrs"), series({8, 1})).response);
}

TEST(Outcome, MeaningfulChangeOnThePcl5) {
  EXPECT_TRUE(outcome_of(get("pcl5"), series({50, 40})).meaningful_change);
  EXPECT_FALSE(outcome_of(get("pcl5"), series({50, 41})).meaningful_change);
  EXPECT_FALSE(outcome_of(get("pcl5"), series({40, 50})).meaningful_change);
  EXPECT_TRUE(outcome_of(get("pcl5"), series({50, 25})).response);
  EXPECT_FALSE(outcome_of(get("phq9"), series({27, 0})).meaningful_change) << "no published points for the PHQ-9";
}

// --- Risk signals ---------------------------------------------------------------

std::map<std::string, int> phq9_with_item9(int item9) {
  std::map<std::string, int> a;
  for (int i = 1; i <= 8; ++i) a["phq9_" + std::to_string(i)] = 1;
  a["phq9_9"] = item9;
  return a;
}

TEST(RiskSignals, PhqNineQuestionNineAnsweredZeroRaisesNothing) {
  EXPECT_TRUE(risk_signals(get("phq9"), phq9_with_item9(0), 8, std::nullopt, {}).empty());
}

TEST(RiskSignals, PhqNineQuestionNineAboveZeroIsRaised) {
  auto s = risk_signals(get("phq9"), phq9_with_item9(1), 9, std::nullopt, {});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].code, "phq9_item9");
  EXPECT_EQ(s[0].reason,
            "PHQ-9 question 9 (thoughts of being better off dead or of self-harm) answered \"Several days\".");
  auto worst = risk_signals(get("phq9"), phq9_with_item9(3), 11, std::nullopt, {});
  ASSERT_EQ(worst.size(), 1u);
  EXPECT_NE(worst[0].reason.find("\"Nearly every day\""), std::string::npos);
}

TEST(RiskSignals, PhqNineRiseOfFivePointsIsRaised) {
  const auto a = phq9_with_item9(0);
  EXPECT_TRUE(risk_signals(get("phq9"), a, 14, 10, {}).empty()) << "4 points";
  auto s = risk_signals(get("phq9"), a, 15, 10, {});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].code, "phq9_rise");
  EXPECT_EQ(s[0].reason, "PHQ-9 rose from 10 to 15.");
  EXPECT_TRUE(risk_signals(get("phq9"), a, 5, 10, {}).empty()) << "a fall";
}

TEST(RiskSignals, NoPreviousTotalNoRise) {
  EXPECT_TRUE(risk_signals(get("phq9"), phq9_with_item9(0), 27 - 3, std::nullopt, {}).empty());
}

TEST(RiskSignals, TheRiseFollowsTheSetting) {
  RiskSettings settings;
  settings.phq9_rise_points = 3;
  EXPECT_EQ(risk_signals(get("phq9"), phq9_with_item9(0), 13, 10, settings).size(), 1u);
  EXPECT_TRUE(risk_signals(get("phq9"), phq9_with_item9(0), 12, 10, settings).empty());
  settings.phq9_rise_points = 0;
  EXPECT_TRUE(risk_signals(get("phq9"), phq9_with_item9(0), 10, 10, settings).empty()) << "no rise, no signal";
}

TEST(RiskSignals, QuestionNineAndARiseTogether) {
  auto s = risk_signals(get("phq9"), phq9_with_item9(2), 18, 9, {});
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].code, "phq9_item9");
  EXPECT_EQ(s[1].code, "phq9_rise");
}

TEST(RiskSignals, CssrsRiskLevels) {
  const auto& c = get("cssrs");
  EXPECT_TRUE(risk_signals(c, {{"screen_positive", 0}, {"risk_level", 0}}, 0, std::nullopt, {}).empty());
  const char* labels[] = {"None", "Low", "Moderate", "High"};
  for (int level = 1; level <= 3; ++level) {
    auto s = risk_signals(c, {{"screen_positive", 1}, {"risk_level", level}}, level, std::nullopt, {});
    ASSERT_EQ(s.size(), 1u) << level;
    EXPECT_EQ(s[0].code, "cssrs_risk");
    EXPECT_EQ(s[0].reason, "C-SSRS risk level " + std::string(labels[level]) + ".");
  }
}

TEST(RiskSignals, CssrsMinimumLevelIsASetting) {
  const auto& c = get("cssrs");
  RiskSettings settings;
  settings.cssrs_min_level = 2;
  EXPECT_TRUE(risk_signals(c, {{"screen_positive", 1}, {"risk_level", 1}}, 1, std::nullopt, settings).empty());
  EXPECT_EQ(risk_signals(c, {{"screen_positive", 1}, {"risk_level", 2}}, 2, std::nullopt, settings).size(), 1u);
  settings.cssrs_min_level = 0;
  EXPECT_TRUE(risk_signals(c, {{"screen_positive", 0}, {"risk_level", 0}}, 0, std::nullopt, settings).empty())
      << "level none never raises a signal";
}

TEST(RiskSignals, OtherInstrumentsRaiseNone) {
  std::map<std::string, int> gad;
  for (int i = 1; i <= 7; ++i) gad["gad7_" + std::to_string(i)] = 3;
  EXPECT_TRUE(risk_signals(get("gad7"), gad, 21, 0, {}).empty());
}

// --- Schedule rules -------------------------------------------------------------

TEST(MeasurementSchedule, RuleNamesRoundTrip) {
  for (auto r : {ScheduleRule::baseline, ScheduleRule::before_session, ScheduleRule::weekly, ScheduleRule::monthly,
                 ScheduleRule::follow_up})
    EXPECT_EQ(parse_schedule_rule(to_string(r)), r);
  EXPECT_EQ(to_string(ScheduleRule::before_session), "before_session");
  EXPECT_EQ(to_string(ScheduleRule::follow_up), "follow_up");
  EXPECT_FALSE(parse_schedule_rule("Weekly"));
  EXPECT_FALSE(parse_schedule_rule(""));
}

TEST(MeasurementSchedule, EntriesAreChecked) {
  ScheduleEntry e{"phq9", ScheduleRule::weekly, {2026, 3, 2}, std::nullopt, 0};
  EXPECT_TRUE(check_schedule_entry(e).ok());
  e.end = Date{2026, 3, 2};
  EXPECT_TRUE(check_schedule_entry(e).ok()) << "a one-day schedule";
  e.end = Date{2026, 3, 1};
  EXPECT_EQ(check_schedule_entry(e).error().field, "end");
  e.end.reset();
  e.interval_days = 5;
  EXPECT_TRUE(check_schedule_entry(e).ok()) << "the interval is for follow-ups only";

  ScheduleEntry unknown{"phq10", ScheduleRule::baseline, {2026, 3, 2}, std::nullopt, 0};
  EXPECT_EQ(check_schedule_entry(unknown).error().field, "instrument");
  EXPECT_EQ(check_schedule_entry(unknown).error().code, "validation_failed");

  ScheduleEntry f{"pcl5", ScheduleRule::follow_up, {2026, 3, 2}, std::nullopt, 0};
  EXPECT_EQ(check_schedule_entry(f).error().field, "interval_days");
  f.interval_days = 366;
  EXPECT_EQ(check_schedule_entry(f).error().field, "interval_days");
  f.interval_days = 1;
  EXPECT_TRUE(check_schedule_entry(f).ok());
  f.interval_days = 365;
  EXPECT_TRUE(check_schedule_entry(f).ok());
}

// --- What is due ------------------------------------------------------------------

ScheduleEntry entry(std::string instrument, ScheduleRule rule, Date start, std::optional<Date> end = std::nullopt,
                    int interval = 0) {
  return {std::move(instrument), rule, start, end, interval};
}

constexpr Date kMon{2026, 3, 2};  // a Monday; weekly occurrences fall on 2, 9, 16, 23 March

TEST(DueItems, BaselineIsDueFromItsStartUntilDone) {
  std::vector<ScheduleEntry> s = {entry("phq9", ScheduleRule::baseline, kMon)};
  EXPECT_TRUE(due_items(s, {}, {}, {2026, 3, 1}).empty()) << "not yet started";
  auto today = due_items(s, {}, {}, kMon);
  ASSERT_EQ(today.size(), 1u);
  EXPECT_EQ(today[0].instrument, "phq9");
  EXPECT_EQ(today[0].rule, ScheduleRule::baseline);
  EXPECT_EQ(today[0].due_on, kMon);
  EXPECT_FALSE(today[0].overdue);
  EXPECT_EQ(today[0].missed, 0);
  auto later = due_items(s, {}, {}, {2026, 4, 20});
  ASSERT_EQ(later.size(), 1u);
  EXPECT_TRUE(later[0].overdue);
  EXPECT_EQ(later[0].due_on, kMon);
  EXPECT_TRUE(due_items(s, {}, {{"phq9", {2026, 3, 5}}}, {2026, 3, 9}).empty());
  EXPECT_TRUE(due_items(s, {}, {{"phq9", {2026, 2, 20}}}, {2026, 3, 9}).empty()) << "a baseline done at any time";
  EXPECT_EQ(due_items(s, {}, {{"gad7", {2026, 3, 5}}}, {2026, 3, 9}).size(), 1u) << "another instrument";
}

TEST(DueItems, WeeklyIsDueEachWeekFromTheStart) {
  std::vector<ScheduleEntry> s = {entry("phq9", ScheduleRule::weekly, kMon)};
  auto first = due_items(s, {}, {}, kMon);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].due_on, kMon);
  EXPECT_FALSE(first[0].overdue);

  std::vector<CompletedOn> done = {{"phq9", {2026, 3, 3}}};
  EXPECT_TRUE(due_items(s, {}, done, {2026, 3, 8}).empty()) << "this week's is done";
  auto next = due_items(s, {}, done, {2026, 3, 9});
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].due_on, (Date{2026, 3, 9}));
  EXPECT_FALSE(next[0].overdue);
  EXPECT_EQ(next[0].missed, 0);
  auto late = due_items(s, {}, done, {2026, 3, 11});
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].due_on, (Date{2026, 3, 9}));
  EXPECT_TRUE(late[0].overdue);
}

TEST(DueItems, WeeklyCountsMissedWeeks) {
  std::vector<ScheduleEntry> s = {entry("phq9", ScheduleRule::weekly, kMon)};
  // Week of 2 March done; week of 9 March missed; week of 16 March still open on the 18th.
  auto d = due_items(s, {}, {{"phq9", {2026, 3, 4}}}, {2026, 3, 18});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].due_on, (Date{2026, 3, 16}));
  EXPECT_TRUE(d[0].overdue);
  EXPECT_EQ(d[0].missed, 1);
  EXPECT_EQ(due_items(s, {}, {}, {2026, 3, 18})[0].missed, 2);
  EXPECT_TRUE(due_items(s, {}, {{"phq9", {2026, 3, 4}}, {"phq9", {2026, 3, 17}}}, {2026, 3, 18}).empty())
      << "the current week is done, so nothing is listed";
}

TEST(DueItems, ACompletionCountsForTheOccurrenceWhoseWeekItFallsIn) {
  std::vector<ScheduleEntry> s = {entry("phq9", ScheduleRule::weekly, kMon)};
  auto d = due_items(s, {}, {{"phq9", {2026, 3, 8}}}, {2026, 3, 9});
  ASSERT_EQ(d.size(), 1u) << "done on the 8th counts for the week of the 2nd, not the 9th";
  EXPECT_EQ(d[0].missed, 0);
  EXPECT_TRUE(due_items(s, {}, {{"phq9", {2026, 3, 9}}}, {2026, 3, 9}).empty());
  auto before_start = due_items(s, {}, {{"phq9", {2026, 3, 1}}}, kMon);
  EXPECT_EQ(before_start.size(), 1u) << "a response before the start does not count for the first week";
}

TEST(DueItems, TheEndDateBoundsOccurrences) {
  // Ends on 10 March: occurrences on 2 and 9 March only.
  std::vector<ScheduleEntry> s = {entry("phq9", ScheduleRule::weekly, kMon, Date{2026, 3, 10})};
  auto d = due_items(s, {}, {}, {2026, 3, 20});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].due_on, (Date{2026, 3, 9}));
  EXPECT_TRUE(d[0].overdue);
  EXPECT_EQ(d[0].missed, 1);
  EXPECT_TRUE(due_items(s, {}, {{"phq9", {2026, 3, 18}}}, {2026, 3, 20}).empty())
      << "the last occurrence stays open until done";

  std::vector<ScheduleEntry> inclusive = {entry("phq9", ScheduleRule::weekly, kMon, Date{2026, 3, 9})};
  EXPECT_EQ(due_items(inclusive, {}, {}, {2026, 3, 20})[0].due_on, (Date{2026, 3, 9})) << "the end is inclusive";
  std::vector<ScheduleEntry> before = {entry("phq9", ScheduleRule::weekly, kMon, Date{2026, 3, 8})};
  EXPECT_EQ(due_items(before, {}, {}, {2026, 3, 20})[0].due_on, kMon);
  EXPECT_EQ(due_items(before, {}, {}, {2026, 3, 20})[0].missed, 0);
}

TEST(DueItems, NothingBeforeTheStart) {
  std::vector<ScheduleEntry> s = {entry("phq9", ScheduleRule::weekly, {2026, 4, 1}),
                                  entry("gad7", ScheduleRule::monthly, {2026, 4, 1})};
  EXPECT_TRUE(due_items(s, {}, {}, {2026, 3, 31}).empty());
}

TEST(DueItems, BeforeSessionIsDueOnEachSessionDay) {
  std::vector<ScheduleEntry> s = {entry("phq9", ScheduleRule::before_session, {2026, 3, 1})};
  std::vector<Date> sessions = {{2026, 3, 10}, {2026, 3, 3}, {2026, 3, 6}, {2026, 3, 6}};  // unsorted, repeated
  EXPECT_TRUE(due_items(s, sessions, {}, {2026, 3, 2}).empty()) << "no session yet";

  auto first = due_items(s, sessions, {}, {2026, 3, 3});
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].due_on, (Date{2026, 3, 3}));
  EXPECT_FALSE(first[0].overdue);

  auto between = due_items(s, sessions, {}, {2026, 3, 5});
  ASSERT_EQ(between.size(), 1u);
  EXPECT_EQ(between[0].due_on, (Date{2026, 3, 3}));
  EXPECT_TRUE(between[0].overdue);

  auto second = due_items(s, sessions, {}, {2026, 3, 8});
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].due_on, (Date{2026, 3, 6}));
  EXPECT_TRUE(second[0].overdue);
  EXPECT_EQ(second[0].missed, 1);
}

TEST(DueItems, BeforeSessionWindowRunsFromThePreviousSession) {
  std::vector<ScheduleEntry> s = {entry("phq9", ScheduleRule::before_session, {2026, 3, 1})};
  std::vector<Date> sessions = {{2026, 3, 3}, {2026, 3, 6}};
  EXPECT_TRUE(due_items(s, sessions, {{"phq9", {2026, 3, 4}}}, {2026, 3, 6}).empty());
  EXPECT_TRUE(due_items(s, sessions, {{"phq9", {2026, 3, 6}}}, {2026, 3, 6}).empty()) << "on the day counts";
  auto on_previous = due_items(s, sessions, {{"phq9", {2026, 3, 3}}}, {2026, 3, 6});
  ASSERT_EQ(on_previous.size(), 1u) << "done on the 3rd is for the session of the 3rd";
  EXPECT_EQ(on_previous[0].due_on, (Date{2026, 3, 6}));
  EXPECT_EQ(on_previous[0].missed, 0);
  auto after = due_items(s, sessions, {{"phq9", {2026, 3, 7}}}, {2026, 3, 7});
  ASSERT_EQ(after.size(), 1u) << "after the session is too late for it";
  EXPECT_TRUE(after[0].overdue);
}

TEST(DueItems, BeforeSessionCountsOnlySessionsInTheEntrysDates) {
  std::vector<ScheduleEntry> s = {entry("phq9", ScheduleRule::before_session, {2026, 3, 1}, Date{2026, 3, 20})};
  std::vector<Date> sessions = {{2026, 2, 20}, {2026, 3, 3}, {2026, 3, 24}};
  auto d = due_items(s, sessions, {{"phq9", {2026, 2, 19}}}, {2026, 3, 25});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].due_on, (Date{2026, 3, 3})) << "the session of the 24th is after the end";
  EXPECT_EQ(d[0].missed, 0) << "the session of 20 February is before the start";
  EXPECT_TRUE(due_items(s, sessions, {{"phq9", {2026, 2, 25}}}, {2026, 3, 25}).empty())
      << "done after the previous session (20 February), before the one of 3 March";
}

TEST(DueItems, MonthlyIsEveryTwentyEightDays) {
  std::vector<ScheduleEntry> s = {entry("gad7", ScheduleRule::monthly, {2026, 1, 5})};
  // Occurrences: 5 January, 2 February, 2 March, 30 March.
  auto d = due_items(s, {}, {}, {2026, 3, 10});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].due_on, (Date{2026, 3, 2}));
  EXPECT_TRUE(d[0].overdue);
  EXPECT_EQ(d[0].missed, 2);
  EXPECT_EQ(due_items(s, {}, {{"gad7", {2026, 2, 10}}}, {2026, 3, 10})[0].missed, 1);
  EXPECT_TRUE(due_items(s, {}, {{"gad7", {2026, 3, 2}}}, {2026, 3, 29}).empty());
  EXPECT_EQ(due_items(s, {}, {{"gad7", {2026, 3, 2}}}, {2026, 3, 30})[0].due_on, (Date{2026, 3, 30}));
}

TEST(DueItems, FollowUpUsesItsInterval) {
  std::vector<ScheduleEntry> s = {entry("pcl5", ScheduleRule::follow_up, {2026, 1, 1}, std::nullopt, 90)};
  // Occurrences: 1 January, 1 April (90 days later).
  EXPECT_TRUE(due_items(s, {}, {{"pcl5", {2026, 1, 2}}}, {2026, 3, 31}).empty());
  auto d = due_items(s, {}, {{"pcl5", {2026, 1, 2}}}, {2026, 4, 5});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].due_on, (Date{2026, 4, 1}));
  EXPECT_EQ(d[0].rule, ScheduleRule::follow_up);
  EXPECT_TRUE(d[0].overdue);
  EXPECT_EQ(d[0].missed, 0);
  EXPECT_EQ(due_items(s, {}, {}, {2026, 4, 5})[0].missed, 1);
  std::vector<ScheduleEntry> broken = {entry("pcl5", ScheduleRule::follow_up, {2026, 1, 1}, std::nullopt, 0)};
  EXPECT_TRUE(due_items(broken, {}, {}, {2026, 4, 5}).empty()) << "an invalid interval is skipped";
}

TEST(DueItems, SortedByDueDateThenInstrument) {
  std::vector<ScheduleEntry> s = {
      entry("gad7", ScheduleRule::weekly, kMon), entry("phq9", ScheduleRule::baseline, kMon),
      entry("bprs", ScheduleRule::baseline, kMon), entry("urinary", ScheduleRule::before_session, kMon)};
  auto d = due_items(s, {{2026, 3, 10}}, {{"gad7", {2026, 3, 2}}}, {2026, 3, 10});
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].instrument, "bprs");
  EXPECT_EQ(d[1].instrument, "phq9");
  EXPECT_EQ(d[2].instrument, "gad7");
  EXPECT_EQ(d[2].due_on, (Date{2026, 3, 9}));
  EXPECT_EQ(d[3].instrument, "urinary");
  EXPECT_FALSE(d[3].overdue);
  EXPECT_TRUE(d[0].overdue && d[1].overdue && d[2].overdue);
}

}  // namespace
}  // namespace kc
