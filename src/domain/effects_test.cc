#include "domain/effects.h"

#include <gtest/gtest.h>

#include <set>

namespace kc {
namespace {

TEST(Effects, EveryKindRoundTripsAndHasALabel) {
  std::set<std::string_view> codes;
  for (auto k : all_effect_kinds()) {
    EXPECT_EQ(parse_effect_kind(to_string(k)), k);
    EXPECT_FALSE(effect_label(k).empty());
    codes.insert(to_string(k));
  }
  EXPECT_EQ(codes.size(), 12u);
  EXPECT_FALSE(parse_effect_kind("Nausea"));
  EXPECT_EQ(parse_severity("severe"), Severity::severe);
  EXPECT_EQ(parse_effect_outcome("resolved_with_intervention"), EffectOutcome::resolved_with_intervention);
  EXPECT_FALSE(parse_effect_outcome("fine"));
}

TEST(Effects, ASeriousAdverseEventNeedsANarrative) {
  EffectEntry e;
  e.kind = EffectKind::respiratory_depression;
  e.severity = Severity::severe;
  e.serious = true;
  EXPECT_EQ(check_effect(e).error().code, "narrative_required");
  EXPECT_EQ(check_effect(e).error().field, "narrative");
  e.narrative = "SpO2 fell to 84 %; stimulation and oxygen; recovered in 3 minutes.";
  EXPECT_TRUE(check_effect(e));
}

TEST(Effects, OtherNeedsADescriptionAndAnInterventionOutcomeNeedsTheIntervention) {
  EffectEntry e;
  EXPECT_EQ(check_effect(e).error().field, "description");
  e.description = "tingling lips";
  EXPECT_TRUE(check_effect(e));
  e.kind = EffectKind::nausea;
  e.description.clear();
  e.outcome = EffectOutcome::resolved_with_intervention;
  EXPECT_EQ(check_effect(e).error().field, "intervention");
  e.intervention = "ondansetron 4 mg IV";
  EXPECT_TRUE(check_effect(e));
}

}  // namespace
}  // namespace kc
