#include "domain/session_protocol.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(SessionProtocol, IvChecksPressureEveryTenMinutesWhileDosingAndFifteenAfter) {
  const auto s = bp_schedule(SessionProtocol{}, Route::iv);
  EXPECT_EQ(s.dosing_interval_min, 10);
  EXPECT_EQ(s.observing_interval_min, 15);
  EXPECT_TRUE(s.checkpoints_after_start_min.empty());
}

TEST(SessionProtocol, EsketamineChecksPressureAtFortyMinutesInsteadOfAnInterval) {
  const auto s = bp_schedule(SessionProtocol{}, Route::intranasal_esketamine);
  EXPECT_EQ(s.dosing_interval_min, 0);
  EXPECT_EQ(s.observing_interval_min, 0);
  EXPECT_EQ(s.checkpoints_after_start_min, std::vector<int>{40});
}

TEST(SessionProtocol, EsketamineIsObservedTwoHoursOtherRoutesUntilTheScoreAllows) {
  EXPECT_EQ(minimum_observation_min(SessionProtocol{}, Route::intranasal_esketamine), 120);
  EXPECT_EQ(minimum_observation_min(SessionProtocol{}, Route::iv), 0);
  EXPECT_EQ(minimum_observation_min(SessionProtocol{}, Route::im), 0);
}

TEST(SessionProtocol, PreDosePressureAboveEitherLimitNeedsADecision) {
  const SessionProtocol p;
  EXPECT_FALSE(pre_dose_bp_above_limit(p, 140, 90));  // at the limit: not above
  EXPECT_TRUE(pre_dose_bp_above_limit(p, 141, 80));
  EXPECT_TRUE(pre_dose_bp_above_limit(p, 120, 91));
}

TEST(SessionProtocol, AlarmTimingIsInMilliseconds) {
  const auto t = alarm_timing(SessionProtocol{});
  EXPECT_EQ(t.readings_stale_ms, 60'000);
  EXPECT_EQ(t.escalate_high_after_ms, 120'000);
}

TEST(SessionProtocol, TheStartingProtocolGivesTheDefaultAlarmRules) {
  const auto rules = alarm_rules(SessionProtocol{});
  const auto defaults = default_alarm_rules();
  ASSERT_EQ(rules.size(), defaults.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    EXPECT_EQ(rules[i].code, defaults[i].code);
    EXPECT_EQ(rules[i].label, defaults[i].label);
    EXPECT_EQ(rules[i].confirm_readings, defaults[i].confirm_readings);
    EXPECT_EQ(rules[i].sustain_ms, defaults[i].sustain_ms);
    ASSERT_EQ(rules[i].limbs.size(), defaults[i].limbs.size());
    for (std::size_t l = 0; l < rules[i].limbs.size(); ++l) {
      EXPECT_EQ(rules[i].limbs[l].enter_at, defaults[i].limbs[l].enter_at) << rules[i].code;
      EXPECT_EQ(rules[i].limbs[l].clear_at, defaults[i].limbs[l].clear_at) << rules[i].code;
    }
  }
  EXPECT_TRUE(check_protocol(SessionProtocol{}));
}

TEST(SessionProtocol, AClinicsThresholdsChangeItsRules) {
  SessionProtocol p;
  p.bp_high_systolic_mmhg = 170;
  p.bp_high_diastolic_mmhg = 105;
  p.bp_high_readings = 3;
  p.hr_high_minutes = 0;
  p.spo2_low_below_pct = 90;
  const auto rules = alarm_rules(p);
  for (const auto& r : rules) {
    EXPECT_TRUE(check_rule(r)) << r.code;
    if (r.code == "bp_high") {
      EXPECT_EQ(r.limbs[0].enter_at, 170);
      EXPECT_EQ(r.limbs[1].enter_at, 105);
      EXPECT_EQ(r.confirm_readings, 3);
      EXPECT_EQ(r.label, "Blood pressure 170/105 or more on three readings");
    }
    if (r.code == "hr_high") {
      EXPECT_EQ(r.sustain_ms, 0);
      EXPECT_EQ(r.label, "Heart rate above 120");
    }
    if (r.code == "spo2_low") EXPECT_EQ(r.limbs[0].enter_at, 90);
  }
  // A high-pressure episode of 175/100 now alarms on the third reading.
  AlarmEngine engine(rules, {});
  int raised = 0;
  for (int i = 0; i < 3; ++i) {
    VitalReading r;
    r.at_ms = i * 60'000;
    r.systolic_mmhg = 175;
    r.diastolic_mmhg = 100;
    for (const auto& e : engine.on_reading(r)) raised += e.kind == AlarmEventKind::raised ? 1 : 0;
    EXPECT_EQ(raised, i == 2 ? 1 : 0) << "reading " << i + 1;
  }
}

TEST(SessionProtocol, OutOfBoundsOrInvertedThresholdsAreRefusedNamingTheField) {
  SessionProtocol p;
  p.aldrete_minimum = 7;
  EXPECT_EQ(check_protocol(p).error().field, "aldrete_minimum");
  p = {};
  p.esketamine_observation_min = 60;  // the label's 2 hours is the floor
  EXPECT_EQ(check_protocol(p).error().field, "esketamine_observation_min");
  p = {};
  p.bp_severe_systolic_mmhg = 180;
  p.bp_high_systolic_mmhg = 180;
  EXPECT_EQ(check_protocol(p).error().field, "bp_severe_systolic_mmhg");
  p = {};
  p.rems_due_days = 8;
  EXPECT_EQ(check_protocol(p).error().field, "rems_due_days");
}

}  // namespace
}  // namespace kc
