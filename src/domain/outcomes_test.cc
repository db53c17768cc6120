#include "domain/outcomes.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

constexpr std::int64_t kDay = 86'400'000;

const Instrument& phq9() { return *find_instrument("phq9"); }

// A hand-worked PHQ-9 course: baseline 20, so response is a total of 10 or less
// (a fall of at least 10 points) and remission 4 or less.
std::vector<ScoredPoint> course() {
  return {{0 * kDay, 20},  {7 * kDay, 14}, {14 * kDay, 10}, {21 * kDay, 4},
          {28 * kDay, 12}, {35 * kDay, 9}, {42 * kDay, 11}, {49 * kDay, 13}};
}

TEST(Outcomes, ResponseRemissionRelapseAndDurabilityOfAHandWorkedCourse) {
  auto t = trajectory_of(phq9(), course(), RelapseRule{2});
  ASSERT_TRUE(t.response_ms);
  EXPECT_EQ(*t.response_ms, 14 * kDay) << "10 is exactly half-way from 20 to 0";
  EXPECT_EQ(t.days_to_response, 14);
  EXPECT_EQ(t.remission_ms, 21 * kDay);
  // Day 28 (12) is one check above the threshold, then day 35 (9) responds again:
  // no relapse. Days 42 (11) and 49 (13) are two in a row: relapse from day 42.
  EXPECT_EQ(t.relapse_ms, 42 * kDay);
  EXPECT_EQ(t.durability_days, 28);
  EXPECT_FALSE(t.durability_censored);
}

TEST(Outcomes, ARuleOfOneCheckRelapsesAtTheFirstRise) {
  auto t = trajectory_of(phq9(), course(), RelapseRule{1});
  EXPECT_EQ(t.relapse_ms, 28 * kDay);
  EXPECT_EQ(t.durability_days, 14);
}

TEST(Outcomes, TimeToResponseCountsFromTheFirstSessionWhenGiven) {
  auto t = trajectory_of(phq9(), course(), RelapseRule{2}, 3 * kDay);
  EXPECT_EQ(t.days_to_response, 11);
}

TEST(Outcomes, WithoutRelapseTheDurabilityIsCensoredAtTheLastCheck) {
  auto series = course();
  series.resize(4);  // to day 21
  auto t = trajectory_of(phq9(), series, RelapseRule{2});
  EXPECT_FALSE(t.relapse_ms);
  EXPECT_EQ(t.durability_days, 7);
  EXPECT_TRUE(t.durability_censored);
}

TEST(Outcomes, NoResponseMeansNoTimesAndABaselineAloneIsNothing) {
  auto t = trajectory_of(phq9(), {{0, 20}, {7 * kDay, 11}, {14 * kDay, 15}}, RelapseRule{2});
  EXPECT_FALSE(t.response_ms) << "11 is not half-way from 20";
  EXPECT_FALSE(t.days_to_response);
  EXPECT_FALSE(t.durability_days);
  auto alone = trajectory_of(phq9(), {{0, 3}}, RelapseRule{2});
  EXPECT_FALSE(alone.response_ms);
  EXPECT_FALSE(alone.remission_ms) << "a baseline is never a remission";
  EXPECT_FALSE(trajectory_of(phq9(), {}, RelapseRule{2}).baseline);
}

TEST(Outcomes, TheResponseThresholdIsHalfWayToTheMinimumRoundedDown) {
  EXPECT_EQ(response_threshold(phq9(), 20), 10);
  EXPECT_EQ(response_threshold(phq9(), 21), 10) << "10.5 is not yet half-way";
  EXPECT_FALSE(response_threshold(phq9(), 0)) << "nothing to fall from";
  EXPECT_FALSE(response_threshold(*find_instrument("urinary"), 3)) << "no response rule";
}

TEST(Outcomes, StatusOfAHandWorkedCourse) {
  auto status = [](std::vector<ScoredPoint> s) {
    return progress_status(s, outcome_of(phq9(), s), trajectory_of(phq9(), s, RelapseRule{2}));
  };
  auto c = course();
  EXPECT_EQ(status({c[0]}), "baseline_only");
  EXPECT_EQ(status({c[0], c[1]}), "no_response");
  EXPECT_EQ(status({c[0], c[1], c[2]}), "response");
  EXPECT_EQ(status({c[0], c[1], c[2], c[3]}), "remission");
  EXPECT_EQ(status({c[0], c[1], c[2], c[3], c[4]}), "response") << "one check above: the response holds";
  EXPECT_EQ(status(c), "relapsed");
}

TEST(Outcomes, WilsonIntervalAgainstHandComputedValues) {
  auto p = proportion(8, 10);
  EXPECT_DOUBLE_EQ(p.rate, 0.8);
  EXPECT_NEAR(p.lower, 0.4902, 5e-5);
  EXPECT_NEAR(p.upper, 0.9433, 5e-5);
  auto none = proportion(0, 10);
  EXPECT_DOUBLE_EQ(none.lower, 0.0);
  EXPECT_NEAR(none.upper, 0.2775, 5e-5);
  auto all = proportion(10, 10);
  EXPECT_NEAR(all.lower, 0.7225, 5e-5);
  EXPECT_DOUBLE_EQ(all.upper, 1.0);
  auto empty = proportion(0, 0);
  EXPECT_EQ(empty.total, 0);
  EXPECT_DOUBLE_EQ(empty.rate, 0.0);
}

TEST(Outcomes, MedianOfOddAndEvenCounts) {
  EXPECT_EQ(median({3, 1, 2}), 2.0);
  EXPECT_EQ(median({4, 1, 3, 2}), 2.5);
  EXPECT_FALSE(median({}));
}

}  // namespace
}  // namespace kc
