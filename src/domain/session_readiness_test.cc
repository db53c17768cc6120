#include "domain/session_readiness.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

ReadinessFacts all_settled(Route route) {
  ReadinessFacts f;
  f.route = route;
  f.decision = "eligible";
  return f;
}

const GateCheck* find(const std::vector<GateCheck>& gates, Gate gate) {
  for (const auto& g : gates)
    if (g.gate == gate) return &g;
  return nullptr;
}

TEST(SessionReadiness, AnIvSessionWithEverythingSettledIsReadyAndListsTheCheckInGates) {
  auto gates = session_readiness(all_settled(Route::iv));
  EXPECT_TRUE(ready_to_start(gates));
  ASSERT_NE(find(gates, Gate::weight), nullptr);
  EXPECT_EQ(find(gates, Gate::weight)->state, GateState::passed);
  EXPECT_EQ(find(gates, Gate::escort)->state, GateState::at_check_in);
  EXPECT_EQ(find(gates, Gate::vital_signs)->state, GateState::at_check_in);
  EXPECT_EQ(find(gates, Gate::fasting), nullptr) << "fasting is an esketamine gate";
  EXPECT_EQ(gates.front().gate, Gate::eligibility);
}

TEST(SessionReadiness, EsketamineHasAFastingGateAndNoWeightGate) {
  auto gates = session_readiness(all_settled(Route::intranasal_esketamine));
  EXPECT_TRUE(ready_to_start(gates));
  EXPECT_EQ(find(gates, Gate::weight), nullptr);
  ASSERT_NE(find(gates, Gate::fasting), nullptr);
  EXPECT_EQ(find(gates, Gate::fasting)->state, GateState::at_check_in);
}

TEST(SessionReadiness, EachMissingFactFailsItsOwnGateWithItsCode) {
  auto no_decision = all_settled(Route::iv);
  no_decision.decision.reset();
  auto gates = session_readiness(no_decision);
  EXPECT_FALSE(ready_to_start(gates));
  EXPECT_EQ(find(gates, Gate::eligibility)->code, "eligibility_missing");

  auto refused = all_settled(Route::iv);
  refused.decision = "not_eligible";
  EXPECT_EQ(find(session_readiness(refused), Gate::eligibility)->code, "not_eligible");

  auto stale = all_settled(Route::iv);
  stale.needs_rescreen = true;
  EXPECT_EQ(find(session_readiness(stale), Gate::eligibility)->code, "rescreen_needed");

  auto conditions = all_settled(Route::iv);
  conditions.decision = "eligible_with_conditions";
  EXPECT_TRUE(ready_to_start(session_readiness(conditions)));

  auto consent = all_settled(Route::iv);
  consent.consent_code = "consent_not_countersigned";
  consent.consent_message = "Not countersigned.";
  gates = session_readiness(consent);
  EXPECT_FALSE(ready_to_start(gates));
  EXPECT_EQ(find(gates, Gate::consent)->code, "consent_not_countersigned");
  EXPECT_EQ(find(gates, Gate::consent)->message, "Not countersigned.");
  EXPECT_EQ(find(gates, Gate::dose_order)->state, GateState::passed);

  auto dose = all_settled(Route::iv);
  dose.dose_code = "dose_not_verified";
  EXPECT_EQ(find(session_readiness(dose), Gate::dose_order)->state, GateState::failed);

  auto weight = all_settled(Route::iv);
  weight.weight_code = "weight_stale";
  EXPECT_FALSE(ready_to_start(session_readiness(weight)));
}

TEST(SessionReadiness, AWeightVerdictDoesNotMatterForAFixedDoseRoute) {
  auto f = all_settled(Route::sublingual);
  f.weight_code = "weight_stale";
  EXPECT_TRUE(ready_to_start(session_readiness(f)));
}

TEST(SessionReadiness, NamesAreStable) {
  EXPECT_EQ(to_string(Gate::dose_order), "dose_order");
  EXPECT_EQ(to_string(Gate::vital_signs), "vital_signs");
  EXPECT_EQ(to_string(GateState::at_check_in), "at_check_in");
}

}  // namespace
}  // namespace kc
