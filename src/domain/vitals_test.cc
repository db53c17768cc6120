#include "domain/vitals.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace kc {
namespace {

constexpr std::int64_t kMin = 60'000;

VitalReading bp(std::int64_t at_min, double sys, double dia) {
  VitalReading r;
  r.at_ms = at_min * kMin;
  r.systolic_mmhg = sys;
  r.diastolic_mmhg = dia;
  r.source = "manual";
  return r;
}
VitalReading spo2(std::int64_t at_ms, double v) {
  VitalReading r;
  r.at_ms = at_ms;
  r.spo2_pct = v;
  r.source = "gateway-1";
  return r;
}
VitalReading hr(std::int64_t at_ms, double v) {
  VitalReading r;
  r.at_ms = at_ms;
  r.heart_rate_bpm = v;
  return r;
}

// The clinic-practice example of the clinical reference §3: >= 180/110 on two readings.
AlarmRule hypertension() {
  AlarmRule r;
  r.code = "bp_high";
  r.limbs = {{VitalSign::systolic_mmhg, Direction::above, 180, 170},
             {VitalSign::diastolic_mmhg, Direction::above, 110, 100}};
  r.confirm_readings = 2;
  return r;
}
// SpO2 below 92 % (reference §3), clearing only at 94 % or more.
AlarmRule low_spo2() {
  AlarmRule r;
  r.code = "spo2_low";
  r.limbs = {{VitalSign::spo2_pct, Direction::below, 92, 93.5, false}};
  return r;
}
// Heart rate above 120 for 5 minutes (reference §3's example).
AlarmRule tachycardia() {
  AlarmRule r;
  r.code = "hr_high";
  r.priority = Priority::medium;
  r.limbs = {{VitalSign::heart_rate_bpm, Direction::above, 120, 120, false}};
  r.sustain_ms = 5 * kMin;
  return r;
}

int count(const std::vector<AlarmEvent>& events, AlarmEventKind kind) {
  int n = 0;
  for (const auto& e : events) n += e.kind == kind;
  return n;
}

TEST(VitalReading, ImpossibleValuesAreRefusedNamingTheField) {
  auto r = spo2(0, 101);
  EXPECT_EQ(check_reading(r).error().field, "spo2_pct");
  EXPECT_TRUE(check_reading(spo2(0, 100)));
  EXPECT_EQ(check_reading(hr(0, 0)).error().field, "heart_rate_bpm");
  EXPECT_EQ(check_reading(hr(0, 301)).error().field, "heart_rate_bpm");
  EXPECT_TRUE(check_reading(hr(0, 300)));
  EXPECT_EQ(check_reading(hr(0, -5)).error().code, "impossible_value");
  EXPECT_EQ(check_reading(hr(0, std::numeric_limits<double>::quiet_NaN())).error().field, "heart_rate_bpm");
  EXPECT_EQ(check_reading(bp(0, 120, 120)).error().field, "diastolic_mmhg");
  EXPECT_EQ(check_reading(bp(0, 80, 120)).error().field, "diastolic_mmhg");
  EXPECT_TRUE(check_reading(bp(0, 121, 120)));
  VitalReading half;
  half.systolic_mmhg = 120;
  EXPECT_EQ(check_reading(half).error().field, "diastolic_mmhg");
  EXPECT_EQ(check_reading(VitalReading{}).error().code, "empty_reading");
  EXPECT_EQ(vital_loinc(VitalSign::systolic_mmhg), "8480-6");
}

TEST(AlarmRules, ARuleThatCannotWorkIsRefused) {
  EXPECT_TRUE(check_rule(hypertension()));
  auto wrong_side = low_spo2();
  wrong_side.limbs[0].clear_at = 90;  // clearing below the threshold of a "below" rule
  EXPECT_EQ(check_rule(wrong_side).error().field, "limbs[0].clear_at");
  auto none = hypertension();
  none.confirm_readings = 0;
  EXPECT_EQ(check_rule(none).error().field, "confirm_readings");
  AlarmRule empty;
  empty.code = "x";
  EXPECT_EQ(check_rule(empty).error().field, "limbs");
}

TEST(AlarmEngine, PersistenceByReadingsNeedsTwoConsecutiveOnesInRange) {
  AlarmEngine engine({hypertension()}, {});
  EXPECT_TRUE(engine.on_reading(bp(0, 185, 100)).empty()) << "one reading is not confirmed";
  EXPECT_TRUE(engine.on_reading(bp(5, 150, 90)).empty()) << "back in range resets the count";
  EXPECT_TRUE(engine.on_reading(bp(10, 182, 95)).empty());
  auto events = engine.on_reading(bp(15, 178, 112));  // the diastolic limb counts too
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, AlarmEventKind::raised);
  EXPECT_EQ(events[0].rule_code, "bp_high");
  EXPECT_EQ(events[0].at_ms, 15 * kMin);
  EXPECT_EQ(engine.alarms()[0].first_value, 112);
}

TEST(AlarmEngine, ReadingsOfOtherSignsNeitherConfirmNorReset) {
  AlarmEngine engine({hypertension()}, {});
  engine.on_reading(bp(0, 185, 100));
  EXPECT_TRUE(engine.on_reading(spo2(2 * kMin, 97)).empty());
  EXPECT_EQ(count(engine.on_reading(bp(5, 186, 100)), AlarmEventKind::raised), 1);
}

TEST(AlarmEngine, PersistenceByTimeNeedsTheConditionSustained) {
  AlarmEngine engine({tachycardia()}, {});
  EXPECT_TRUE(engine.on_reading(hr(0, 125)).empty());
  EXPECT_TRUE(engine.on_reading(hr(2 * kMin, 130)).empty());
  EXPECT_TRUE(engine.on_reading(hr(4 * kMin + 59'000, 128)).empty());
  auto events = engine.on_reading(hr(5 * kMin, 126));
  ASSERT_EQ(count(events, AlarmEventKind::raised), 1);
  EXPECT_EQ(engine.alarms()[0].priority, Priority::medium);

  AlarmEngine interrupted({tachycardia()}, {});
  interrupted.on_reading(hr(0, 125));
  interrupted.on_reading(hr(3 * kMin, 120));  // exactly 120 is not above 120: the timer restarts
  EXPECT_TRUE(interrupted.on_reading(hr(5 * kMin, 125)).empty());
  EXPECT_TRUE(interrupted.on_reading(hr(9 * kMin, 125)).empty());
  EXPECT_EQ(count(interrupted.on_reading(hr(10 * kMin, 125)), AlarmEventKind::raised), 1);
}

TEST(AlarmEngine, OneEpisodeIsOneAlarmHoweverManyReadingsStayOutOfRange) {
  AlarmEngine engine({low_spo2()}, {});
  int raised = 0;
  for (int s = 0; s < 120; ++s) raised += count(engine.on_reading(spo2(s * 1000, 88 + s % 3)), AlarmEventKind::raised);
  EXPECT_EQ(raised, 1);
  EXPECT_EQ(engine.alarms().size(), 1u);
}

TEST(AlarmEngine, HysteresisKeepsTheEpisodeOpenUntilPastTheClearValue) {
  AlarmEngine engine({low_spo2()}, {});
  engine.on_reading(spo2(0, 90));
  EXPECT_TRUE(engine.on_reading(spo2(1000, 92)).empty()) << "92 is no longer below 92, but not yet clear";
  EXPECT_TRUE(engine.on_reading(spo2(2000, 93.5)).empty()) << "the clear value itself does not clear";
  auto events = engine.on_reading(spo2(3000, 94));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, AlarmEventKind::condition_cleared);
  EXPECT_EQ(engine.alarms()[0].state, AlarmState::raised) << "unacknowledged: stays raised";
  EXPECT_FALSE(engine.alarms()[0].condition_active);
  // A new fall is a new episode.
  EXPECT_EQ(count(engine.on_reading(spo2(4000, 91)), AlarmEventKind::raised), 1);
  EXPECT_EQ(engine.alarms().size(), 2u);
}

TEST(AlarmEngine, RaisedThenAcknowledgedThenCleared) {
  AlarmEngine engine({low_spo2()}, {});
  engine.on_reading(spo2(0, 89));
  auto ack = engine.acknowledge(1, 500);
  ASSERT_TRUE(ack);
  ASSERT_EQ(ack->size(), 1u);
  EXPECT_EQ((*ack)[0].kind, AlarmEventKind::acknowledged);
  EXPECT_EQ(engine.alarms()[0].state, AlarmState::acknowledged);
  EXPECT_EQ(engine.acknowledge(1, 600).error().code, "alarm_already_acknowledged");
  auto events = engine.on_reading(spo2(1000, 97));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, AlarmEventKind::cleared);
  EXPECT_EQ(engine.alarms()[0].state, AlarmState::cleared);
  EXPECT_EQ(engine.alarms()[0].cleared_ms, 1000);
  EXPECT_TRUE(engine.open_alarms().empty());
  EXPECT_EQ(engine.acknowledge(7, 2000).error().kind, ErrorKind::not_found);
}

TEST(AlarmEngine, AcknowledgingAnAlarmWhoseConditionResolvedClearsIt) {
  AlarmEngine engine({low_spo2()}, {});
  engine.on_reading(spo2(0, 89));
  engine.on_reading(spo2(1000, 98));
  ASSERT_EQ(engine.open_alarms().size(), 1u);
  auto ack = engine.acknowledge(1, 5000);
  ASSERT_TRUE(ack);
  EXPECT_EQ(count(*ack, AlarmEventKind::acknowledged), 1);
  EXPECT_EQ(count(*ack, AlarmEventKind::cleared), 1);
  EXPECT_TRUE(engine.open_alarms().empty());
}

TEST(AlarmEngine, ATechnicalAlarmIsRaisedWhenReadingsStopWhileDosing) {
  AlarmEngine engine({low_spo2()}, {.readings_stale_ms = 60'000, .escalate_high_after_ms = 0});
  engine.on_reading(spo2(0, 97));
  EXPECT_TRUE(engine.on_tick(59'000, true).empty());
  EXPECT_TRUE(engine.on_tick(120'000, false).empty()) << "not while observing";
  auto events = engine.on_tick(60'000 + 60'000, true);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].rule_code, kReadingsStoppedCode);
  EXPECT_EQ(events[0].priority, Priority::high);
  EXPECT_TRUE(engine.on_tick(200'000, true).empty()) << "one technical alarm per gap";
  auto back = engine.on_reading(spo2(210'000, 97));
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].kind, AlarmEventKind::condition_cleared);
}

TEST(AlarmEngine, DosingWithoutAnyReadingCountsFromTheFirstTick) {
  AlarmEngine engine({}, {.readings_stale_ms = 60'000, .escalate_high_after_ms = 0});
  EXPECT_TRUE(engine.on_tick(1'000'000, true).empty());
  EXPECT_EQ(engine.on_tick(1'060'000, true).size(), 1u);
}

TEST(AlarmEngine, AnUnacknowledgedHighPriorityAlarmEscalatesOnce) {
  AlarmEngine engine({low_spo2(), tachycardia()}, {.readings_stale_ms = 0, .escalate_high_after_ms = 120'000});
  engine.on_reading(spo2(0, 88));
  engine.on_reading(hr(0, 150));
  engine.on_reading(hr(5 * kMin, 150));  // the medium-priority tachycardia alarm
  ASSERT_EQ(engine.alarms().size(), 2u);
  auto events = engine.on_tick(5 * kMin + 1, true);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, AlarmEventKind::escalated);
  EXPECT_EQ(events[0].rule_code, "spo2_low");
  EXPECT_TRUE(engine.on_tick(30 * kMin, true).empty()) << "escalates once; medium never";
  EXPECT_TRUE(engine.alarms()[0].escalated);

  AlarmEngine acknowledged({low_spo2()}, {.readings_stale_ms = 0, .escalate_high_after_ms = 120'000});
  acknowledged.on_reading(spo2(0, 88));
  ASSERT_TRUE(acknowledged.acknowledge(1, 60'000));
  EXPECT_TRUE(acknowledged.on_tick(10 * kMin, true).empty());
}

TEST(AlarmEngine, OpenAlarmsListHighPriorityFirst) {
  AlarmEngine engine({tachycardia(), low_spo2()}, {});
  engine.on_reading(hr(0, 150));
  engine.on_reading(hr(5 * kMin, 150));
  engine.on_reading(spo2(6 * kMin, 85));
  auto open = engine.open_alarms();
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].rule_code, "spo2_low");
  EXPECT_EQ(open[1].rule_code, "hr_high");
}

}  // namespace
}  // namespace kc

namespace kc {
namespace {

TEST(DefaultAlarmRules, AreValidAndFireAtTheReferenceNumbers) {
  const auto rules = default_alarm_rules();
  ASSERT_EQ(rules.size(), 4u);
  for (const auto& r : rules) EXPECT_TRUE(check_rule(r)) << r.code;

  AlarmEngine spo2({rules[0]}, {});
  EXPECT_TRUE(spo2.on_reading({0, {}, {}, {}, 92.0, {}, "m"}).empty()) << "92 % is not below 92 %";
  EXPECT_EQ(spo2.on_reading({1000, {}, {}, {}, 91.0, {}, "m"}).size(), 1u);

  AlarmEngine severe({rules[1], rules[2]}, {});
  auto events = severe.on_reading({0, 205.0, 100.0, {}, {}, {}, "m"});
  ASSERT_EQ(events.size(), 1u) << "200/120 at once; 180/110 needs a second reading";
  EXPECT_EQ(events[0].rule_code, "bp_severe");
  events = severe.on_reading({5 * 60'000, 185.0, 100.0, {}, {}, {}, "m"});
  ASSERT_EQ(events.size(), 2u) << "below 200/120 again, still 180/110 or more on the second reading";
  EXPECT_EQ(events[0].rule_code, "bp_severe");
  EXPECT_EQ(events[0].kind, AlarmEventKind::condition_cleared);
  EXPECT_EQ(events[1].rule_code, "bp_high");
  EXPECT_EQ(events[1].kind, AlarmEventKind::raised);

  AlarmEngine hr({rules[3]}, {});
  EXPECT_TRUE(hr.on_reading({0, {}, {}, 121.0, {}, {}, "m"}).empty());
  EXPECT_TRUE(hr.on_reading({4 * 60'000, {}, {}, 121.0, {}, {}, "m"}).empty());
  EXPECT_EQ(hr.on_reading({5 * 60'000, {}, {}, 121.0, {}, {}, "m"}).size(), 1u);
}

}  // namespace
}  // namespace kc
