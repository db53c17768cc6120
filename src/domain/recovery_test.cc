#include "domain/recovery.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

AldreteInput awake(double systolic, double spo2 = 97, bool room_air = true) {
  AldreteInput in;
  in.activity = 2;
  in.respiration = 2;
  in.consciousness = 2;
  in.systolic_mmhg = systolic;
  in.baseline_systolic_mmhg = 120;
  in.spo2_pct = spo2;
  in.on_room_air = room_air;
  return in;
}

TEST(Aldrete, CirculationBandsAgainstThePatientsOwnBaseline) {
  EXPECT_EQ(aldrete(awake(120))->circulation, 2);
  EXPECT_EQ(aldrete(awake(144))->circulation, 2) << "+20 % exactly is within";
  EXPECT_EQ(aldrete(awake(96))->circulation, 2) << "-20 % exactly is within";
  EXPECT_EQ(aldrete(awake(145))->circulation, 1);
  EXPECT_EQ(aldrete(awake(179))->circulation, 1);
  EXPECT_EQ(aldrete(awake(180))->circulation, 0) << "+50 %";
  EXPECT_EQ(aldrete(awake(60))->circulation, 0) << "-50 %";
  EXPECT_DOUBLE_EQ(aldrete(awake(150))->bp_change_pct, 25.0);
}

TEST(Aldrete, OxygenBands) {
  EXPECT_EQ(aldrete(awake(120, 93))->oxygen, 2);
  EXPECT_EQ(aldrete(awake(120, 92))->oxygen, 1) << "92 % on room air is not above 92 %";
  EXPECT_EQ(aldrete(awake(120, 98, false))->oxygen, 1) << "needs oxygen";
  EXPECT_EQ(aldrete(awake(120, 90, false))->oxygen, 0);
  EXPECT_EQ(aldrete(awake(120, 90.5, false))->oxygen, 1);
}

TEST(Aldrete, TotalAndTheDischargeBoundary) {
  EXPECT_EQ(aldrete(awake(120))->total, 10);
  auto drowsy = awake(150);  // circulation 1
  drowsy.consciousness = 1;
  EXPECT_EQ(aldrete(drowsy)->total, 8);
  drowsy.consciousness = 2;
  EXPECT_EQ(aldrete(drowsy)->total, 9);
}

TEST(Aldrete, BadInputNamesTheField) {
  auto in = awake(120);
  in.activity = 3;
  EXPECT_EQ(aldrete(in).error().field, "activity");
  in = awake(120);
  in.consciousness = -1;
  EXPECT_EQ(aldrete(in).error().field, "consciousness");
  in = awake(0);
  EXPECT_EQ(aldrete(in).error().field, "systolic_mmhg");
  in = awake(120);
  in.baseline_systolic_mmhg = 0;
  EXPECT_EQ(aldrete(in).error().field, "baseline_systolic_mmhg");
  EXPECT_EQ(aldrete(awake(120, 101)).error().field, "spo2_pct");
}

constexpr std::int64_t kMin = 60'000;

TEST(BpSchedule, IvEveryTenMinutesWhileDosingAndFifteenAfter) {
  BpSchedule iv{10, 15, {}};
  const std::int64_t start = 1'000 * kMin;
  EXPECT_EQ(next_bp_due(iv, true, start, -1), start + 10 * kMin);
  EXPECT_EQ(next_bp_due(iv, true, start, start + 12 * kMin), start + 22 * kMin);
  EXPECT_EQ(next_bp_due(iv, false, start, start + 40 * kMin), start + 55 * kMin);
}

TEST(BpSchedule, EsketamineAtFortyMinutesAfterTheDose) {
  BpSchedule esk{0, 0, {40}};
  const std::int64_t start = 500 * kMin;
  EXPECT_EQ(next_bp_due(esk, false, start, start - 5 * kMin), start + 40 * kMin) << "the pre-dose reading";
  EXPECT_EQ(next_bp_due(esk, false, start, start + 41 * kMin), std::nullopt) << "met: then as warranted";
}

TEST(BpSchedule, TheEarlierOfIntervalAndCheckpoint) {
  BpSchedule both{0, 30, {40}};
  const std::int64_t start = 0;
  EXPECT_EQ(next_bp_due(both, false, start, 5 * kMin), 35 * kMin);
  EXPECT_EQ(next_bp_due(both, false, start, 20 * kMin), 40 * kMin);
}

}  // namespace
}  // namespace kc
