#include "domain/dose.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

const Date kToday{2026, 11, 21};

DoseProtocol protocol() {
  DoseProtocol p;
  p.limits_of(Route::iv) = {1'000, 4'500};  // mg/kg, as µg/kg
  p.limits_of(Route::im) = {1'000, 4'500};
  p.limits_of(Route::sc) = {900, 4'500};
  p.limits_of(Route::intranasal_esketamine) = {84'000, 84'000};  // mg, as µg
  p.limits_of(Route::sublingual) = {300'000, 400'000};
  p.limits_of(Route::oral) = {300'000, 400'000};
  p.max_weight_age_days = 30;
  p.dose_rounding_ug = 1'000;
  p.volume_rounding_ul = 100;
  p.rate_rounding_ul_per_h = 100;
  p.min_infusion_minutes = 2;
  p.max_infusion_minutes = 100;
  p.max_concentration_ug_per_ml = 100'000;
  return p;
}

DoseInput iv(std::int64_t ug_per_kg, std::int64_t weight_g, int minutes = 40, std::int64_t conc = 10'000) {
  DoseInput in;
  in.route = Route::iv;
  in.rule.ug_per_kg = ug_per_kg;
  in.rule.infusion_minutes = minutes;
  in.weight = WeightOn{weight_g, {2026, 11, 20}};
  in.today = kToday;
  in.concentration_ug_per_ml = conc;
  return in;
}

DoseInput flat(Route r, std::int64_t dose_ug, std::optional<std::int64_t> conc = 10'000) {
  DoseInput in;
  in.route = r;
  in.rule.dose_ug = dose_ug;
  in.today = kToday;
  in.concentration_ug_per_ml = conc;
  return in;
}

// --- Arithmetic and rounding --------------------------------------------------------

TEST(DoseArithmetic, MilliUnitsFormatWithoutTrailingZeros) {
  EXPECT_EQ(format_milli(34'500), "34.5");
  EXPECT_EQ(format_milli(35'000), "35");
  EXPECT_EQ(format_milli(125), "0.125");
  EXPECT_EQ(format_milli(1'050), "1.05");
  EXPECT_EQ(to_milli(0.75), 750);
  EXPECT_EQ(to_milli(69.6), 69'600);
  EXPECT_FALSE(to_milli(1e12));
}

TEST(DoseArithmetic, HalvesRoundUpToTheIncrement) {
  EXPECT_EQ(round_to_increment(34'500, 1, 1'000), 35'000);  // .5 rounds up
  EXPECT_EQ(round_to_increment(34'499, 1, 1'000), 34'000);
  EXPECT_EQ(round_to_increment(34'250, 1, 500), 34'500);  // a quarter is half of 0.5
  EXPECT_EQ(round_to_increment(34'249, 1, 500), 34'000);
  EXPECT_EQ(round_to_increment(10, 3, 1), 3);  // 3.33 -> 3
  EXPECT_EQ(round_to_increment(11, 3, 1), 4);  // 3.67 -> 4
  EXPECT_EQ(round_to_increment(7, 2, 1), 4);   // 3.5 -> 4
}

TEST(DoseCalculation, HalfAMilligramRoundsUpAndTheRoundingIsStated) {
  auto c = calculate_dose(iv(500, 69'000), protocol());  // 0.5 mg/kg × 69 kg = 34.5 mg
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->unrounded_dose_ug, 34'500);
  EXPECT_EQ(c->dose_ug, 35'000);
  EXPECT_EQ(c->dose_rounding, "34.5 mg rounded to 35 mg (nearest 1 mg)");
  EXPECT_EQ(c->given_ug_per_kg, 507);  // 35 / 69 = 0.5072 mg/kg
  // 35 mg at 10 mg/mL = 3.5 mL; over 40 min = 5.25 mL/h -> 5.3 (half up)
  EXPECT_EQ(c->volume_ul, 3'500);
  EXPECT_EQ(c->volume_rounding, "35 mg at 10 mg/mL is 3.5 mL, rounded to 3.5 mL (nearest 0.1 mL)");
  EXPECT_EQ(c->rate_ul_per_h, 5'300);
  EXPECT_EQ(c->rate_rounding, "3.5 mL over 40 min is 5.25 mL/h, rounded to 5.3 mL/h (nearest 0.1 mL/h)");
  EXPECT_EQ(c->verdict, LimitVerdict::within);
}

TEST(DoseCalculation, JustBelowHalfRoundsDown) {
  auto c = calculate_dose(iv(500, 68'998), protocol());  // 34.499 mg
  ASSERT_TRUE(c);
  EXPECT_EQ(c->dose_ug, 34'000);
  EXPECT_EQ(c->dose_rounding, "34.499 mg rounded to 34 mg (nearest 1 mg)");
}

TEST(DoseCalculation, AHalfMilligramIncrementIsUsedAndStated) {
  auto p = protocol();
  p.dose_rounding_ug = 500;
  auto c = calculate_dose(iv(500, 68'500), p);  // 34.25 mg -> 34.5 (a quarter rounds up)
  ASSERT_TRUE(c);
  EXPECT_EQ(c->dose_ug, 34'500);
  EXPECT_EQ(c->dose_rounding, "34.25 mg rounded to 34.5 mg (nearest 0.5 mg)");
}

TEST(DoseCalculation, AnExactDoseSaysNoRoundingWasNeeded) {
  auto c = calculate_dose(iv(500, 70'000), protocol());
  ASSERT_TRUE(c);
  EXPECT_EQ(c->dose_ug, 35'000);
  EXPECT_EQ(c->dose_rounding, "35 mg (no rounding needed; nearest 1 mg)");
}

TEST(DoseCalculation, VolumeRoundsToItsIncrementAndSaysAboutWhenInexact) {
  auto c = calculate_dose(iv(500, 70'000, 40, 3'000), protocol());  // 35 mg at 3 mg/mL = 11.667 mL
  ASSERT_TRUE(c);
  EXPECT_EQ(c->volume_ul, 11'700);
  EXPECT_EQ(c->volume_rounding, "35 mg at 3 mg/mL is about 11.667 mL, rounded to 11.7 mL (nearest 0.1 mL)");
  EXPECT_EQ(c->rate_ul_per_h, 17'600);  // 11.7 mL × 60 / 40 = 17.55 -> 17.6
}

// --- Limits at their boundaries -----------------------------------------------------

TEST(DoseLimits, ExactlyAtTheSoftLimitIsWithin) {
  auto c = calculate_dose(iv(1'000, 70'000), protocol());  // 1.0 mg/kg, 70 mg
  ASSERT_TRUE(c);
  EXPECT_EQ(c->verdict, LimitVerdict::within);
  EXPECT_TRUE(authorize_limit(*c, ""));
}

TEST(DoseLimits, JustAboveTheSoftLimitNeedsAReason) {
  auto c = calculate_dose(iv(1'001, 70'000), protocol());  // 1.001 mg/kg
  ASSERT_TRUE(c);
  EXPECT_EQ(c->verdict, LimitVerdict::above_soft);
  auto refused = authorize_limit(*c, "  ");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "override_reason_required");
  EXPECT_EQ(refused.error().field, "override_reason");
  EXPECT_TRUE(authorize_limit(*c, "Partial response at 1.0 mg/kg; discussed with patient."));
}

TEST(DoseLimits, RoundingUpAboveTheSoftLimitCountsAsAboveIt) {
  // 1.0 mg/kg × 69.6 kg = 69.6 mg -> 70 mg = 1.0057 mg/kg actually given
  auto c = calculate_dose(iv(1'000, 69'600), protocol());
  ASSERT_TRUE(c);
  EXPECT_EQ(c->dose_ug, 70'000);
  EXPECT_EQ(c->verdict, LimitVerdict::above_soft);
}

TEST(DoseLimits, ExactlyAtTheHardLimitNeedsOnlyAReason) {
  auto c = calculate_dose(iv(4'500, 70'000), protocol());  // 315 mg
  ASSERT_TRUE(c);
  EXPECT_EQ(c->verdict, LimitVerdict::above_soft);
  EXPECT_TRUE(authorize_limit(*c, "reason"));
}

TEST(DoseLimits, JustAboveTheHardLimitIsRefusedEvenWithAReason) {
  auto c = calculate_dose(iv(4'501, 70'000), protocol());
  ASSERT_TRUE(c);
  EXPECT_EQ(c->verdict, LimitVerdict::above_hard);
  auto refused = authorize_limit(*c, "reason");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "dose_above_limit");
  EXPECT_EQ(refused.error().kind, ErrorKind::conflict);
  EXPECT_EQ(refused.error().field, "dose_rule.mg_per_kg");
}

TEST(DoseLimits, MilligramRoutesCompareTheDoseInMilligrams) {
  auto at_soft = calculate_dose(flat(Route::oral, 300'000), protocol());
  ASSERT_TRUE(at_soft);
  EXPECT_EQ(at_soft->verdict, LimitVerdict::within);
  auto above_soft = calculate_dose(flat(Route::oral, 300'500), protocol());
  ASSERT_TRUE(above_soft);
  EXPECT_EQ(above_soft->dose_ug, 301'000);  // 300.5 rounds up
  EXPECT_EQ(above_soft->verdict, LimitVerdict::above_soft);
  auto at_hard = calculate_dose(flat(Route::sublingual, 400'000), protocol());
  EXPECT_EQ(at_hard->verdict, LimitVerdict::above_soft);
  auto above_hard = calculate_dose(flat(Route::sublingual, 400'500), protocol());
  EXPECT_EQ(above_hard->verdict, LimitVerdict::above_hard);
  EXPECT_EQ(authorize_limit(*above_hard, "x").error().field, "dose_rule.dose_mg");
  // Just below a half mg: 400.499 rounds down to 400 mg, at the hard limit.
  auto below = calculate_dose(flat(Route::sublingual, 400'499), protocol());
  EXPECT_EQ(below->dose_ug, 400'000);
  EXPECT_EQ(below->verdict, LimitVerdict::above_soft);
}

// --- Weight -------------------------------------------------------------------------

TEST(DoseWeight, WeightOnTheLastAllowedDayIsUsedAndADayLaterIsStale) {
  auto in = iv(500, 70'000);
  in.weight->measured_on = add_days(kToday, -30);
  auto ok = calculate_dose(in, protocol());
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->weight_age_days, 30);
  in.weight->measured_on = add_days(kToday, -31);
  auto stale = calculate_dose(in, protocol());
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, "weight_stale");
  EXPECT_EQ(stale.error().field, "weight");
  EXPECT_NE(stale.error().message.find("31 days old"), std::string::npos);
}

TEST(DoseWeight, AWeightBasedRouteWithoutAWeightIsRefused) {
  auto in = iv(500, 70'000);
  in.weight.reset();
  auto r = calculate_dose(in, protocol());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "weight_missing");
  EXPECT_EQ(r.error().field, "weight");
}

TEST(DoseWeight, AMilligramRouteNeedsNoWeightButUsesARecentOneForMgPerKg) {
  auto in = flat(Route::oral, 100'000);
  auto none = calculate_dose(in, protocol());
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->given_ug_per_kg);
  in.weight = WeightOn{80'000, {2026, 11, 1}};
  auto with = calculate_dose(in, protocol());
  ASSERT_TRUE(with);
  EXPECT_EQ(with->given_ug_per_kg, 1'250);
  in.weight->measured_on = {2026, 1, 1};  // stale: not used
  auto stale = calculate_dose(in, protocol());
  ASSERT_TRUE(stale);
  EXPECT_FALSE(stale->given_ug_per_kg);
}

// --- Bad input ----------------------------------------------------------------------

TEST(DoseInputErrors, ZeroNegativeOrAbsurdConcentrationIsRefusedNamingIt) {
  for (std::int64_t conc : {0LL, -5'000LL, 100'001LL}) {
    auto r = calculate_dose(iv(500, 70'000, 40, conc), protocol());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, "concentration_mg_per_ml");
  }
  auto at_max = calculate_dose(iv(500, 70'000, 40, 100'000), protocol());
  EXPECT_TRUE(at_max);
  auto in = iv(500, 70'000);
  in.concentration_ug_per_ml.reset();
  EXPECT_EQ(calculate_dose(in, protocol()).error().field, "concentration_mg_per_ml");
}

TEST(DoseInputErrors, ARuleThatDoesNotFitTheRouteNamesTheField) {
  auto in = iv(500, 70'000);
  in.rule.dose_ug = 35'000;
  EXPECT_EQ(calculate_dose(in, protocol()).error().field, "dose_rule.dose_mg");
  auto oral = flat(Route::oral, 100'000);
  oral.rule.ug_per_kg = 500;
  EXPECT_EQ(calculate_dose(oral, protocol()).error().field, "dose_rule.mg_per_kg");
  auto im = iv(500, 70'000);
  im.route = Route::im;
  EXPECT_EQ(calculate_dose(im, protocol()).error().field, "dose_rule.infusion_minutes");
  auto zero = iv(0, 70'000);
  EXPECT_EQ(calculate_dose(zero, protocol()).error().field, "dose_rule.mg_per_kg");
  auto no_minutes = iv(500, 70'000);
  no_minutes.rule.infusion_minutes.reset();
  EXPECT_EQ(calculate_dose(no_minutes, protocol()).error().field, "dose_rule.infusion_minutes");
}

TEST(DoseInputErrors, InfusionMinutesOutsideTheClinicRangeAreRefused) {
  EXPECT_TRUE(calculate_dose(iv(500, 70'000, 2), protocol()));
  EXPECT_TRUE(calculate_dose(iv(500, 70'000, 100), protocol()));
  EXPECT_EQ(calculate_dose(iv(500, 70'000, 1), protocol()).error().field, "dose_rule.infusion_minutes");
  EXPECT_EQ(calculate_dose(iv(500, 70'000, 101), protocol()).error().field, "dose_rule.infusion_minutes");
}

// --- Esketamine ---------------------------------------------------------------------

TEST(Esketamine, FiftySixMgIsTwoDevicesFiveMinutesApart) {
  auto in = flat(Route::intranasal_esketamine, 56'000, std::nullopt);
  auto c = calculate_dose(in, protocol());
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->devices, 2);
  EXPECT_EQ(c->device_minutes, (std::vector<int>{0, 5}));
  EXPECT_FALSE(c->volume_ul);
  EXPECT_EQ(c->verdict, LimitVerdict::within);
}

TEST(Esketamine, EightyFourMgIsThreeDevicesButNotAsTheFirstDose) {
  auto in = flat(Route::intranasal_esketamine, 84'000, std::nullopt);
  auto first = calculate_dose(in, protocol());
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().field, "dose_rule.dose_mg");
  in.prior_esketamine_doses = 1;
  auto c = calculate_dose(in, protocol());
  ASSERT_TRUE(c);
  EXPECT_EQ(c->devices, 3);
  EXPECT_EQ(c->device_minutes, (std::vector<int>{0, 5, 10}));
}

TEST(Esketamine, OtherDosesAndAConcentrationAreRefused) {
  auto in = flat(Route::intranasal_esketamine, 70'000, std::nullopt);
  in.prior_esketamine_doses = 1;
  EXPECT_EQ(calculate_dose(in, protocol()).error().field, "dose_rule.dose_mg");
  auto with_conc = flat(Route::intranasal_esketamine, 56'000, 10'000);
  EXPECT_EQ(calculate_dose(with_conc, protocol()).error().field, "concentration_mg_per_ml");
}

// --- Double check -------------------------------------------------------------------

TEST(DoubleCheck, WeightMatchesToTheTenthOfAKiloAndConcentrationExactly) {
  CheckEntry order{70'040, 10'000, std::nullopt};
  EXPECT_TRUE(mismatched_fields(order, {70'000, 10'000, std::nullopt}).empty());  // both 70.0
  EXPECT_TRUE(mismatched_fields(order, {70'049, 10'000, std::nullopt}).empty());
  EXPECT_EQ(mismatched_fields(order, {70'050, 10'000, std::nullopt}),
            (std::vector<std::string>{"weight_kg"}));  // 70.1 vs 70.0
  EXPECT_EQ(mismatched_fields(order, {70'000, 10'001, std::nullopt}),
            (std::vector<std::string>{"concentration_mg_per_ml"}));
  EXPECT_EQ(mismatched_fields(order, {std::nullopt, std::nullopt, std::nullopt}),
            (std::vector<std::string>{"weight_kg", "concentration_mg_per_ml"}));
  CheckEntry esk{std::nullopt, std::nullopt, 2};
  EXPECT_TRUE(mismatched_fields(esk, {std::nullopt, std::nullopt, 2}).empty());
  EXPECT_EQ(mismatched_fields(esk, {std::nullopt, std::nullopt, 3}), (std::vector<std::string>{"devices"}));
}

// --- Exposure -----------------------------------------------------------------------

TEST(Exposure, CountsThirtyDaysEndingOnTheDateEachOverItsOwnWeight) {
  std::vector<ExposureDose> doses = {
      {{2026, 11, 21}, 35'000, 70'000},                                          // 0.5 mg/kg
      {{2026, 10, 23}, 40'000, 80'000},                                          // day 1 of the window: 0.5 mg/kg
      {{2026, 10, 22}, 50'000, 70'000},                                          // a day too early
      {{2026, 11, 10}, 56'000, std::nullopt}, {{2026, 11, 22}, 35'000, 70'000},  // after the date
  };
  auto e = exposure_over(doses, kToday);
  EXPECT_EQ(format_date(e.from), "2026-10-23");
  EXPECT_EQ(e.sessions, 3);
  EXPECT_EQ(e.total_ug, 131'000);
  EXPECT_EQ(e.total_ug_per_kg, 1'000);
  EXPECT_EQ(e.without_weight, 1);
}

}  // namespace
}  // namespace kc
