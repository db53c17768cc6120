// The dashboard's arithmetic against a small cohort worked by hand (the comments give
// each figure's working).
#include "domain/dashboard.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

std::int64_t at(const char* iso) { return *parse_iso8601(iso); }
Date day(const char* text) { return *parse_date(text); }

CohortSession session(std::string id, std::string patient, std::string route, const char* start, const char* end,
                      const char* discharged, int minimum, bool overridden = false) {
  return {std::move(id),    std::move(patient),
          std::move(route), at(start),
          at(end),          discharged ? at(discharged) : 0,
          overridden,       minimum};
}

DashboardFacts cohort() {
  DashboardFacts f;
  f.patients = {
      {"A", {"depression"}}, {"B", {"depression", "anxiety"}}, {"C", {"ptsd"}}, {"D", {"depression"}}, {"E", {}}};
  f.sessions = {
      session("a1", "A", "iv", "2026-10-05T10:00:00Z", "2026-10-05T10:40:00Z", "2026-10-05T11:25:00Z", 30),
      session("a2", "A", "iv", "2026-10-07T10:00:00Z", "2026-10-07T10:40:00Z", "2026-10-07T11:10:00Z", 30),
      session("a3", "A", "iv", "2026-10-09T10:00:00Z", "2026-10-09T10:40:00Z", "2026-10-09T10:55:00Z", 30, true),
      session("b1", "B", "intranasal_esketamine", "2026-10-10T09:00:00Z", "2026-10-10T09:10:00Z",
              "2026-10-10T11:40:00Z", 120),
      session("b2", "B", "intranasal_esketamine", "2026-10-14T09:00:00Z", "2026-10-14T09:10:00Z", nullptr, 120),
      session("c1", "C", "iv", "2026-10-12T09:00:00Z", "2026-10-12T09:40:00Z", nullptr, 30),
      session("d0", "D", "iv", "2026-09-20T09:00:00Z", "2026-09-20T09:40:00Z", "2026-09-20T10:30:00Z", 30),
      session("d1", "D", "iv", "2026-10-03T09:00:00Z", "2026-10-03T09:40:00Z", nullptr, 30),
      session("e1", "E", "iv", "2026-10-30T09:00:00Z", "2026-10-30T09:40:00Z", nullptr, 30),
  };
  f.effects = {
      {"a1", "nausea", false}, {"a2", "nausea", false}, {"b1", "dissociation", false}, {"d0", "headache", true}};
  f.alarms = {{"a1", "bp_high"}, {"a1", "bp_severe"}, {"c1", "spo2_low"}, {"d0", "bp_severe"}};
  f.scores = {
      {"A", at("2026-09-30T12:00:00Z"), 20}, {"A", at("2026-10-05T08:00:00Z"), 18},  // the baseline: the last before
      {"A", at("2026-10-20T12:00:00Z"), 8},                                          // after induction
      {"A", at("2026-11-05T12:00:00Z"), 4},  // past the 28-day window (ends 11-02 10:00)
      {"B", at("2026-10-10T08:00:00Z"), 22}, {"B", at("2026-10-24T12:00:00Z"), 4},
      {"C", at("2026-10-20T12:00:00Z"), 10},  // no baseline: not assessed
      {"E", at("2026-10-30T08:00:00Z"), 15},  // a baseline and no check since: not assessed
  };
  return f;
}

const OutcomeGroup& group(const Dashboard& d, std::string_view by, std::string_view key) {
  for (const auto& g : d.groups)
    if (g.by == by && g.key == key) return g;
  throw std::runtime_error("no group " + std::string(by) + "/" + std::string(key));
}

TEST(Dashboard, AHandWorkedMonth) {
  DashboardFilter filter;
  filter.from = day("2026-10-01");
  filter.to = day("2026-10-31");
  const auto d = compute_dashboard(cohort(), filter, *find_instrument("phq9"), 28, RelapseRule{2});
  EXPECT_EQ(d.sessions, 8) << "A 3, B 2, C 1, D 1 (d0 is in September), E 1";
  EXPECT_EQ(d.active_patients, 5);
  // 2026-10-01 is a Thursday: weeks from Monday 09-28 to Monday 10-26.
  ASSERT_EQ(d.sessions_per_week.size(), 5u);
  EXPECT_EQ(d.sessions_per_week[0], std::make_pair(day("2026-09-28"), 1));  // d1
  EXPECT_EQ(d.sessions_per_week[1].second, 4);                              // a1 a2 a3 b1 (Saturday 10-10)
  EXPECT_EQ(d.sessions_per_week[2].second, 2);                              // c1 b2
  EXPECT_EQ(d.sessions_per_week[3].second, 0);
  EXPECT_EQ(d.sessions_per_week[4].second, 1);  // e1

  EXPECT_EQ(d.adverse_events, 3) << "d0's headache is outside the range";
  EXPECT_EQ(d.serious_adverse_events, 0);
  EXPECT_EQ(d.effects_by_kind.at("nausea"), 2);
  EXPECT_EQ(d.alarms, 3);
  EXPECT_EQ(d.alarms_by_rule.at("bp_severe"), 1);
  EXPECT_EQ(d.severe_hypertension.count, 1);
  EXPECT_EQ(d.severe_hypertension.total, 8);

  // Discharged a1 (15 min after 11:10), a2 (0), a3 (override, before the minimum: 0),
  // b1 (09:10 + 120 = 11:10, out at 11:40: 30).
  EXPECT_EQ(d.discharged, 4);
  EXPECT_EQ(d.overrides, 1);
  EXPECT_EQ(d.median_minutes_after_minimum, 7.5);
  EXPECT_EQ(d.p90_minutes_after_minimum, 30.0) << "nearest rank: the 4th of 4";

  // Started in October: A, B, C, E (D began in September). Assessed: A (18 -> 8, a
  // response, not a remission) and B (22 -> 4, both). A responded 15 whole days after
  // its first dose (10-05 10:00 to 10-20 12:00), B 14.
  const auto& all = group(d, "all", "all");
  EXPECT_EQ(all.started, 4);
  EXPECT_EQ(all.assessed, 2);
  EXPECT_EQ(all.responders.count, 2);
  EXPECT_EQ(all.remitters.count, 1);
  EXPECT_EQ(all.median_days_to_response, 14.5);
  const auto& iv = group(d, "route", "iv");
  EXPECT_EQ(iv.started, 3);
  EXPECT_EQ(iv.assessed, 1);
  EXPECT_EQ(iv.remitters.count, 0);
  EXPECT_EQ(iv.median_days_to_response, 15.0);
  const auto& ptsd = group(d, "indication", "ptsd");
  EXPECT_EQ(ptsd.started, 1);
  EXPECT_EQ(ptsd.assessed, 0);
  EXPECT_EQ(ptsd.responders.total, 0);
  EXPECT_FALSE(ptsd.median_days_to_response);
  EXPECT_EQ(group(d, "indication", "anxiety").remitters.count, 1);
  EXPECT_EQ(group(d, "indication", "other").started, 1) << "E has no plan indication";
}

TEST(Dashboard, FiltersByRouteAndIndication) {
  DashboardFilter filter;
  filter.from = day("2026-10-01");
  filter.to = day("2026-10-31");
  filter.route = "iv";
  auto d = compute_dashboard(cohort(), filter, *find_instrument("phq9"), 28, RelapseRule{2});
  EXPECT_EQ(d.sessions, 6);
  EXPECT_EQ(d.active_patients, 4);
  EXPECT_EQ(group(d, "all", "all").started, 3);
  filter.route.reset();
  filter.indication = "ptsd";
  d = compute_dashboard(cohort(), filter, *find_instrument("phq9"), 28, RelapseRule{2});
  EXPECT_EQ(d.sessions, 1);
  EXPECT_EQ(d.alarms, 1);
  EXPECT_EQ(d.severe_hypertension.count, 0);
}

TEST(Dashboard, WeeksAndPercentiles) {
  EXPECT_EQ(week_start(day("2026-11-21")), day("2026-11-16")) << "a Saturday";
  EXPECT_EQ(week_start(day("2026-11-16")), day("2026-11-16")) << "a Monday";
  EXPECT_EQ(week_start(day("2026-11-22")), day("2026-11-16")) << "a Sunday ends the ISO week";
  EXPECT_EQ(percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9), 9.0);
  EXPECT_FALSE(percentile({}, 0.9));
}

}  // namespace
}  // namespace kc
