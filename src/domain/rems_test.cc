#include "domain/rems.h"

#include <gtest/gtest.h>

#include "domain/vitals.h"

namespace kc {
namespace {

TEST(Rems, VitalsBeforeAreAcceptableWithinTheLimitOrWithADecisionToProceed) {
  EXPECT_TRUE(rems_vitals_acceptable_before(true, false, BpDecision::none));
  EXPECT_TRUE(rems_vitals_acceptable_before(true, true, BpDecision::proceed));
  EXPECT_FALSE(rems_vitals_acceptable_before(true, true, BpDecision::none));
  EXPECT_FALSE(rems_vitals_acceptable_before(true, true, BpDecision::defer));
  EXPECT_FALSE(rems_vitals_acceptable_before(false, false, BpDecision::none)) << "nothing recorded";
}

TEST(Rems, VitalsAfterAreAcceptableOnADischargeScoreWithoutOverride) {
  EXPECT_TRUE(rems_vitals_acceptable_after(true, false, 9, 9));
  EXPECT_FALSE(rems_vitals_acceptable_after(true, false, 8, 9));
  EXPECT_FALSE(rems_vitals_acceptable_after(true, true, 10, 9)) << "an override is not acceptable vitals";
  EXPECT_FALSE(rems_vitals_acceptable_after(false, false, 10, 9)) << "not discharged";
  EXPECT_FALSE(rems_vitals_acceptable_after(true, false, std::nullopt, 9));
}

TEST(SessionRules, ThePregnancyGateAppliesUnlessRecordedMale) {
  EXPECT_FALSE(pregnancy_gate_applies("male"));
  EXPECT_TRUE(pregnancy_gate_applies("female"));
  EXPECT_TRUE(pregnancy_gate_applies("intersex"));
  EXPECT_TRUE(pregnancy_gate_applies("")) << "not recorded: ask";
}

TEST(SessionRules, AnAlarmsLabelIsItsRulesOrTheTechnicalAlarms) {
  const auto rules = default_alarm_rules();
  EXPECT_EQ(alarm_label(rules, "spo2_low"), "SpO2 below 92 %");
  EXPECT_EQ(alarm_label(rules, kReadingsStoppedCode), "Readings stopped while dosing");
}

}  // namespace
}  // namespace kc
