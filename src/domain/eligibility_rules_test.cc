#include "domain/eligibility_rules.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

ScreeningFacts all_answered(Answer a) {
  ScreeningFacts f;
  f.age_years = 40;
  for (const auto& q : history_questions()) f.history[std::string(q.code)] = a;
  f.diagnosis_codes = {"F43.10"};
  return f;
}

const Finding* find(const std::vector<Finding>& fs, std::string_view rule) {
  for (const auto& f : fs)
    if (f.rule == rule) return &f;
  return nullptr;
}

TEST(EligibilityRules, TheCatalogueNamesEveryRuleTheScreeningGives) {
  ScreeningFacts f = all_answered(Answer::yes);
  f.age_years = 16;
  f.current_medication_classes = {MedicationClass::benzodiazepine, MedicationClass::z_drug, MedicationClass::opioid,
                                  MedicationClass::psychostimulant, MedicationClass::maoi};
  f.diagnosis_codes = {"F33.2", "F31.4", "F43.10", "F41.1", "F42.2", "M79.7"};
  std::vector<std::string> ids;
  for (const auto& r : eligibility_rule_catalogue()) ids.push_back(r.rule);
  for (const auto& finding : screen(f))
    EXPECT_NE(std::find(ids.begin(), ids.end(), finding.rule), ids.end()) << finding.rule;
  EXPECT_NE(std::find(ids.begin(), ids.end(), "indication"), ids.end());
}

TEST(EligibilityRules, TheDefaultsScreenExactlyAsTheRelease) {
  for (auto a : {Answer::yes, Answer::no, Answer::unknown}) {
    auto f = all_answered(a);
    auto with = screen(f, EligibilityRules{});
    auto plain = screen(f);
    ASSERT_EQ(with.size(), plain.size());
    EXPECT_FALSE(findings_differ(with, plain));
  }
  EXPECT_EQ(rule_set_label(EligibilityRules{}), "kc-eligibility-2026.11-1");
  EXPECT_EQ(rule_set_label(EligibilityRules{3, {}}), "kc-eligibility-2026.11-1+clinic.3");
}

TEST(EligibilityRules, AWarningCanExcludeOrBeTurnedOffButUnknownStillNeedsReview) {
  auto changed = change_rules({1, {}}, {{"cystitis", "exclude"}, {"cognitive_impairment", "off"}}, false);
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(changed->version, 2);
  auto yes = screen(all_answered(Answer::yes), *changed);
  EXPECT_EQ(find(yes, "cystitis")->outcome, Outcome::exclude);
  EXPECT_EQ(find(yes, "cognitive_impairment"), nullptr) << "off: no finding at all";
  EXPECT_EQ(yes.front().outcome, Outcome::exclude) << "exclusions first";
  auto unknown = screen(all_answered(Answer::unknown), *changed);
  EXPECT_EQ(find(unknown, "cystitis")->outcome, Outcome::needs_review) << "unknown is not yes";
  EXPECT_EQ(find(unknown, "cognitive_impairment"), nullptr);
}

TEST(EligibilityRules, LoweringASpravatoContraindicationNeedsAnAcknowledgementAndCannotTurnItOff) {
  auto refused = change_rules({1, {}}, {{"intracerebral_haemorrhage", "needs_review"}}, false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "acknowledge_contraindication");
  EXPECT_EQ(refused.error().code, "contraindication_acknowledgement_needed");
  EXPECT_EQ(change_rules({1, {}}, {{"intracerebral_haemorrhage", "off"}}, true).error().field,
            "rules.intracerebral_haemorrhage");
  EXPECT_EQ(change_rules({1, {}}, {{"ketamine_hypersensitivity", "supports"}}, true).error().field,
            "rules.ketamine_hypersensitivity");
  auto lowered = change_rules({1, {}}, {{"intracerebral_haemorrhage", "needs_review"}}, true);
  ASSERT_TRUE(lowered);
  auto yes = screen(all_answered(Answer::yes), *lowered);
  EXPECT_EQ(find(yes, "intracerebral_haemorrhage")->outcome, Outcome::needs_review);
  auto back = change_rules(*lowered, {{"intracerebral_haemorrhage", "exclude"}}, false);
  ASSERT_TRUE(back) << "raising it back needs no acknowledgement";
  EXPECT_TRUE(back->changed.empty()) << "the default again is stored as no change";
}

TEST(EligibilityRules, SupportingRulesMayOnlyNeedReviewAndPartialFindingsKeepTheirOutcome) {
  EXPECT_EQ(change_rules({1, {}}, {{"ptsd", "off"}}, false).error().field, "rules.ptsd");
  EXPECT_EQ(change_rules({1, {}}, {{"ptsd", "exclude"}}, false).error().field, "rules.ptsd");
  auto changed =
      change_rules({1, {}}, {{"ptsd", "needs_review"}, {"treatment_resistant_depression", "needs_review"}}, false);
  ASSERT_TRUE(changed);
  auto f = all_answered(Answer::no);
  EXPECT_EQ(find(screen(f, *changed), "ptsd")->outcome, Outcome::needs_review);
  f.diagnosis_codes = {"F33.2"};
  auto partial = screen(f, EligibilityRules{1, {{"treatment_resistant_depression", {Outcome::supports, true}}}});
  EXPECT_EQ(find(partial, "treatment_resistant_depression")->outcome, Outcome::needs_review)
      << "fewer trials than needed: not the finding the setting changes";
}

TEST(EligibilityRules, BadChangesNameTheirFieldAndNothingChangedIsRefused) {
  EXPECT_EQ(change_rules({1, {}}, {{"shoe_size", "exclude"}}, false).error().field, "rules.shoe_size");
  EXPECT_EQ(change_rules({1, {}}, {{"pregnant", "maybe"}}, false).error().field, "rules.pregnant");
  EXPECT_EQ(change_rules({1, {}}, {{"pregnant", "needs_review"}}, false).error().field, "rules");
  EXPECT_EQ(change_rules({1, {}}, {}, false).error().field, "rules");
  EXPECT_EQ(change_rules({1, {}}, {{"pregnant", "supports"}}, false).error().field, "rules.pregnant");
}

TEST(EligibilityRules, SettingsRoundTripAsTextAndUnknownPartsAreDropped) {
  EligibilityRules r{4, {{"age", {Outcome::needs_review, false}}, {"cystitis", {Outcome::exclude, true}}}};
  EXPECT_EQ(encode_rule_settings(r), "age=off;cystitis=exclude");
  EXPECT_EQ(decode_rule_settings(encode_rule_settings(r)), r.changed);
  auto lenient = decode_rule_settings("retired_rule=exclude;pregnant=bogus;ptsd=off;;cystitis=exclude");
  ASSERT_EQ(lenient.size(), 1u) << "a rule a later release dropped, a bad value and a forbidden one are ignored";
  EXPECT_TRUE(lenient.count("cystitis"));
}

}  // namespace
}  // namespace kc
