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

}  // namespace
}  // namespace kc
