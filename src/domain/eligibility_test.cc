#include "domain/eligibility.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

/// A fully asked history with every answer "no", an adult, recurrent severe depression
/// and two failed trials: a clear candidate with no findings but support.
ScreeningFacts clear_candidate() {
  ScreeningFacts f;
  f.age_years = 40;
  for (const auto& q : history_questions()) f.history[std::string(q.code)] = Answer::no;
  f.diagnosis_codes = {"F33.2"};
  f.trials = {{"sertraline", "150 mg", 8, TrialResponse::none}, {"venlafaxine", "225 mg", 10, TrialResponse::partial}};
  return f;
}

std::optional<Finding> find(const std::vector<Finding>& fs, std::string_view rule) {
  for (const auto& f : fs)
    if (f.rule == rule) return f;
  return std::nullopt;
}

TEST(Eligibility, ClearCandidateHasOnlySupport) {
  auto fs = screen(clear_candidate());
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].rule, "treatment_resistant_depression");
  EXPECT_EQ(fs[0].outcome, Outcome::supports);
  EXPECT_EQ(fs[0].facts.size(), 2u) << "the two trials it read";
}

TEST(Eligibility, EveryContraindicationExcludesWithItsFact) {
  for (auto rule : {"aneurysmal_vascular_disease", "arteriovenous_malformation", "intracerebral_haemorrhage",
                    "ketamine_hypersensitivity"}) {
    auto f = clear_candidate();
    f.history[rule] = Answer::yes;
    auto fs = screen(f);
    auto hit = find(fs, rule);
    ASSERT_TRUE(hit) << rule;
    EXPECT_EQ(hit->outcome, Outcome::exclude) << rule;
    EXPECT_EQ(fs.front().outcome, Outcome::exclude) << "exclusions come first";
    ASSERT_EQ(hit->facts.size(), 1u);
    EXPECT_NE(hit->facts[0].find(": yes"), std::string::npos);
    EXPECT_NE(hit->source.find("contraindications"), std::string::npos);
  }
}

TEST(Eligibility, UnknownIsNotNo) {
  auto f = clear_candidate();
  f.history.erase("aneurysmal_vascular_disease");
  f.history.erase("pregnant");
  auto fs = screen(f);
  auto aneurysm = find(fs, "aneurysmal_vascular_disease");
  ASSERT_TRUE(aneurysm);
  EXPECT_EQ(aneurysm->outcome, Outcome::needs_review);
  EXPECT_NE(aneurysm->reason.find("Not yet asked"), std::string::npos);
  ASSERT_TRUE(find(fs, "pregnant"));
}

TEST(Eligibility, EveryWarningNeedsReviewWhenPresent) {
  for (auto rule :
       {"pregnant", "breastfeeding", "substance_use_disorder", "ketamine_misuse", "psychosis_history", "mania_history",
        "uncontrolled_hypertension", "unstable_cardiovascular_disease", "cerebrovascular_disease",
        "hypertensive_encephalopathy", "raised_intracranial_pressure", "raised_intraocular_pressure",
        "moderate_hepatic_impairment", "severe_hepatic_impairment", "cystitis", "cognitive_impairment"}) {
    auto f = clear_candidate();
    f.history[rule] = Answer::yes;
    auto hit = find(screen(f), rule);
    ASSERT_TRUE(hit) << rule;
    EXPECT_EQ(hit->outcome, Outcome::needs_review) << rule;
    EXPECT_EQ(hit->reason.find("Not yet asked"), std::string::npos) << rule;
  }
}

TEST(Eligibility, AgeBoundaryIsEighteen) {
  auto f = clear_candidate();
  f.age_years = 18;
  EXPECT_FALSE(find(screen(f), "age"));
  f.age_years = 17;
  ASSERT_TRUE(find(screen(f), "age"));
  EXPECT_EQ(find(screen(f), "age")->outcome, Outcome::needs_review);
  f.age_years.reset();
  EXPECT_NE(find(screen(f), "age")->reason.find("unknown"), std::string::npos);
}

TEST(Eligibility, TreatmentResistanceNeedsTwoDocumentedTrialsWithoutFullResponse) {
  auto f = clear_candidate();
  f.trials = {{"sertraline", "150 mg", 8, TrialResponse::none}, {"bupropion", "300 mg", 8, TrialResponse::full}};
  auto one = find(screen(f), "treatment_resistant_depression");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->outcome, Outcome::needs_review) << "one failed trial is not resistance";
  EXPECT_NE(one->reason.find("1 of 2"), std::string::npos);
  f.trials.push_back({"mirtazapine", "45 mg", 6, TrialResponse::partial});
  EXPECT_EQ(find(screen(f), "treatment_resistant_depression")->outcome, Outcome::supports);
}

TEST(Eligibility, IntoleranceIsNotAFailedTrialButSupportsOnItsOwn) {
  auto f = clear_candidate();
  f.trials = {{"sertraline", "50 mg", 2, TrialResponse::not_tolerated},
              {"citalopram", "20 mg", 8, TrialResponse::none}};
  EXPECT_EQ(find(screen(f), "treatment_resistant_depression")->outcome, Outcome::needs_review);
  f.history["medication_intolerance"] = Answer::yes;
  EXPECT_EQ(find(screen(f), "medication_intolerance")->outcome, Outcome::supports);
}

TEST(Eligibility, OtherIndicationsSupport) {
  for (auto [code, rule] : {std::pair{"F31.4", "bipolar_depression"}, std::pair{"F43.12", "ptsd"},
                            std::pair{"F41.1", "generalized_anxiety"}, std::pair{"F42.9", "ocd"},
                            std::pair{"G90.50", "chronic_pain"}, std::pair{"M79.7", "chronic_pain"}}) {
    auto f = clear_candidate();
    f.diagnosis_codes = {code};
    auto hit = find(screen(f), rule);
    ASSERT_TRUE(hit) << code;
    EXPECT_EQ(hit->outcome, Outcome::supports);
  }
}

TEST(Eligibility, NoIndicationNeedsReview) {
  auto f = clear_candidate();
  f.diagnosis_codes.clear();
  EXPECT_EQ(find(screen(f), "indication")->outcome, Outcome::needs_review);
}

TEST(Eligibility, InteractingMedicationsNeedReview) {
  auto f = clear_candidate();
  f.current_medication_classes = {MedicationClass::benzodiazepine, MedicationClass::maoi, MedicationClass::none};
  auto fs = screen(f);
  EXPECT_TRUE(find(fs, "interacting_medication_benzodiazepine"));
  EXPECT_TRUE(find(fs, "interacting_medication_maoi"));
  EXPECT_FALSE(find(fs, "interacting_medication_none"));
}

TEST(Eligibility, SuicidalIdeationSupportsRapidReliefAndAsksForRiskAssessment) {
  auto f = clear_candidate();
  f.history["suicidal_ideation"] = Answer::yes;
  auto hit = find(screen(f), "suicidal_ideation");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->outcome, Outcome::supports);
  EXPECT_NE(hit->reason.find("risk"), std::string::npos);
}

TEST(Decision, ProceedingDespiteAnExclusionNeedsAnOverride) {
  auto f = clear_candidate();
  f.history["intracerebral_haemorrhage"] = Answer::yes;
  auto fs = screen(f);
  EXPECT_TRUE(needs_override(Decision::eligible, fs));
  EXPECT_TRUE(needs_override(Decision::eligible_with_conditions, fs));
  EXPECT_FALSE(needs_override(Decision::not_eligible, fs));
  EXPECT_FALSE(needs_override(Decision::eligible, screen(clear_candidate())));
}

TEST(Rescreening, OnlyChangesThatMoveAFindingCount) {
  auto before = screen(clear_candidate());
  auto f = clear_candidate();
  f.current_medication_classes = {MedicationClass::none};
  EXPECT_FALSE(findings_differ(before, screen(f))) << "a medicine of no interacting class";
  f.current_medication_classes = {MedicationClass::benzodiazepine};
  EXPECT_TRUE(findings_differ(before, screen(f)));
  auto g = clear_candidate();
  g.history["pregnant"] = Answer::yes;
  EXPECT_TRUE(findings_differ(before, screen(g)));
}

TEST(Snapshot, HoldsVersionFactsAndFindingsAsEscapedJson) {
  auto f = clear_candidate();
  f.trials[0].drug = "quote\"d";
  auto text = snapshot_json(f, screen(f));
  EXPECT_NE(text.find("\"rule_version\":\"kc-eligibility-2026.11-1\""), std::string::npos);
  EXPECT_NE(text.find("\"age_years\":40"), std::string::npos);
  EXPECT_NE(text.find("quote\\\"d"), std::string::npos);
  EXPECT_NE(text.find("\"treatment_resistant_depression\""), std::string::npos);
}

TEST(Lists, PickListsAreWellFormed) {
  for (const auto& d : diagnosis_choices()) EXPECT_TRUE(is_diagnosis_choice(d.code));
  EXPECT_FALSE(is_diagnosis_choice("F99"));
  EXPECT_TRUE(is_history_question("pregnant"));
  EXPECT_FALSE(is_history_question("tall"));
  for (auto t : {"yes", "no", "unknown"}) EXPECT_EQ(to_string(*parse_answer(t)), t);
}

}  // namespace
}  // namespace kc
