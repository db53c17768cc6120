#include "domain/pk.h"

#include <gtest/gtest.h>

#include <cmath>

namespace kc {
namespace {

PkInput iv_input(const PkModel& model, double dose_mg, int infusion_minutes, int at = 0) {
  PkInput in;
  in.model = &model;
  in.route = Route::iv;
  in.weight_kg = 70;
  in.doses = {{at, dose_mg, infusion_minutes}};
  return in;
}

PkInput nasal_input(double ka_per_h) {
  PkInput in;
  in.model = &clements_model();
  in.route = Route::intranasal_esketamine;
  in.weight_kg = 70;
  in.bioavailability = 0.48;
  in.absorption_per_h = ka_per_h;
  in.doses = {{0, 56, 0}};
  return in;
}

TEST(PkModels, DominoReproducesTheReferenceVolumeAndClearanceWithinOnePercent) {
  EXPECT_NEAR(central_volume_l(domino_model(), 70), 4.41, 4.41 * 0.01);
  EXPECT_NEAR(clearance_l_per_min(domino_model(), 70), 1.93, 1.93 * 0.01);
}

TEST(PkModels, ClementsClearanceWithinOnePercentOfTheReference) {
  EXPECT_NEAR(clearance_l_per_min(clements_model(), 70), 1.34, 1.34 * 0.01);
  EXPECT_EQ(find_pk_model("clements"), &clements_model());
  EXPECT_EQ(find_pk_model("domino"), &domino_model());
  EXPECT_EQ(find_pk_model("marsh"), nullptr);
}

TEST(PkSimulation, MassIsConservedForEveryRouteAndModel) {
  for (const PkModel& model : pk_models()) {
    auto iv = simulate_pk(iv_input(model, 35, 40));
    ASSERT_TRUE(iv);
    const auto& end = iv->amounts.back();
    EXPECT_NEAR(end.total(), 35.0, 35.0 * 1e-6) << model.code;
    EXPECT_NEAR(iv->delivered_mg, 35.0, 1e-9);
    // Part way through the infusion: what has entered is 20/40 of the dose.
    EXPECT_NEAR(iv->amounts[20].total(), 17.5, 17.5 * 1e-6) << model.code;

    auto nasal = nasal_input(3.0);
    nasal.model = &model;
    auto out = simulate_pk(nasal);
    ASSERT_TRUE(out);
    EXPECT_NEAR(out->amounts.back().total(), 56 * 0.48, 56 * 0.48 * 1e-6) << model.code;
    EXPECT_GT(out->amounts.back().eliminated, 0);
  }
}

TEST(PkSimulation, RepeatedDosesSuperpose) {
  auto first = iv_input(domino_model(), 35, 40, 0);
  auto second = iv_input(domino_model(), 20, 10, 120);
  auto both = first;
  both.doses.push_back(second.doses[0]);
  auto a = simulate_pk(first), b = simulate_pk(second), ab = simulate_pk(both);
  ASSERT_TRUE(a && b && ab);
  ASSERT_EQ(ab->points.size(), 361u);
  double largest_gap = 0;
  for (std::size_t i = 0; i < ab->points.size(); ++i)
    largest_gap =
        std::max(largest_gap, std::abs(ab->points[i].concentration_ng_per_ml -
                                       (a->points[i].concentration_ng_per_ml + b->points[i].concentration_ng_per_ml)));
  EXPECT_LT(largest_gap, 1e-9);
  // The second dose raises the curve after minute 120 and not before.
  EXPECT_EQ(ab->points[119].concentration_ng_per_ml, a->points[119].concentration_ng_per_ml);
  EXPECT_GT(ab->points[130].concentration_ng_per_ml, a->points[130].concentration_ng_per_ml);
}

TEST(PkSimulation, ConcentrationIsLinearInDose) {
  auto one = simulate_pk(iv_input(clements_model(), 35, 40));
  auto three = simulate_pk(iv_input(clements_model(), 105, 40));
  ASSERT_TRUE(one && three);
  for (std::size_t i = 0; i < one->points.size(); i += 17)
    EXPECT_NEAR(three->points[i].concentration_ng_per_ml, 3 * one->points[i].concentration_ng_per_ml,
                1e-9 * (1 + three->points[i].concentration_ng_per_ml));
  EXPECT_EQ(one->time_to_peak_minute, three->time_to_peak_minute);
}

TEST(PkSimulation, IvBolusPeaksAtTimeZero) {
  auto out = simulate_pk(iv_input(domino_model(), 35, 0));
  ASSERT_TRUE(out);
  EXPECT_EQ(out->time_to_peak_minute, 0);
  // 35 mg in 4.41 L is 7937 ng/mL at once.
  EXPECT_NEAR(out->peak_ng_per_ml, 35.0 / 4.41 * 1000, 1e-6);
  EXPECT_LT(out->points[10].concentration_ng_per_ml, out->points[0].concentration_ng_per_ml);
}

TEST(PkSimulation, IvInfusionPeaksAtTheEndOfTheInfusion) {
  for (const PkModel& model : pk_models()) {
    auto out = simulate_pk(iv_input(model, 35, 40));
    ASSERT_TRUE(out);
    EXPECT_EQ(out->time_to_peak_minute, 40) << model.code;
    EXPECT_LT(out->points[100].concentration_ng_per_ml, out->peak_ng_per_ml);
    EXPECT_EQ(out->points[0].concentration_ng_per_ml, 0);
  }
}

TEST(PkSimulation, OneCompartmentAnalyticCheckOfTheMethod) {
  // Clements central compartment alone would not match; instead check a bolus into
  // the Clements model against its closed-form biexponential at 60 min.
  auto out = simulate_pk(iv_input(clements_model(), 100, 0));
  ASSERT_TRUE(out);
  const auto& m = clements_model();
  const double a = m.k10 + m.k12 + m.k21, b = m.k10 * m.k21;
  const double alpha = (a + std::sqrt(a * a - 4 * b)) / 2, beta = (a - std::sqrt(a * a - 4 * b)) / 2;
  const double v1 = central_volume_l(m, 70), t = 60;
  const double c = 100 / v1 *
                   ((alpha - m.k21) / (alpha - beta) * std::exp(-alpha * t) +
                    (m.k21 - beta) / (alpha - beta) * std::exp(-beta * t)) *
                   1000;
  EXPECT_NEAR(out->points[60].concentration_ng_per_ml, c, c * 1e-9);
}

TEST(PkSimulation, NonIvTimeToPeakMovesWithTheAbsorptionRate) {
  auto slow = simulate_pk(nasal_input(1.0)), fast = simulate_pk(nasal_input(6.0));
  ASSERT_TRUE(slow && fast);
  EXPECT_GT(slow->time_to_peak_minute, fast->time_to_peak_minute);
  EXPECT_GT(fast->time_to_peak_minute, 0);
  EXPECT_GT(fast->peak_ng_per_ml, slow->peak_ng_per_ml);
}

TEST(PkSimulation, ErrorsNameTheField) {
  auto in = nasal_input(2);
  in.absorption_per_h.reset();
  auto out = simulate_pk(in);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().field, "absorption_per_h");
  EXPECT_EQ(out.error().code, "absorption_rate_needed");

  in = nasal_input(2);
  in.doses[0].infusion_minutes = 10;
  EXPECT_EQ(simulate_pk(in).error().field, "doses[0].infusion_minutes");
  in = iv_input(domino_model(), 35, 40);
  in.doses.push_back({10, -1, 0});
  EXPECT_EQ(simulate_pk(in).error().field, "doses[1].dose_mg");
  in = iv_input(domino_model(), 35, 40);
  in.weight_kg = 0;
  EXPECT_EQ(simulate_pk(in).error().field, "weight_kg");
  in = iv_input(domino_model(), 35, 40);
  in.weight_kg = std::nan("");
  EXPECT_EQ(simulate_pk(in).error().field, "weight_kg");
  in = iv_input(domino_model(), 35, 40);
  in.minutes = kMaxPkMinutes + 1;
  EXPECT_EQ(simulate_pk(in).error().field, "hours");
  in = iv_input(domino_model(), 35, 40);
  in.doses[0].at_minute = 400;
  EXPECT_EQ(simulate_pk(in).error().field, "doses[0].at_minute");
  in.model = nullptr;
  EXPECT_EQ(simulate_pk(in).error().field, "model");
}

}  // namespace
}  // namespace kc
