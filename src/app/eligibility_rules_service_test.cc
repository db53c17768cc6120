// The medical director changes the clinic's eligibility rules: the first look seeds
// version 1 from the release's defaults; making interstitial cystitis an exclusion
// publishes version 2, with its reason, and screening uses it at once; a decision
// keeps the version it was made under; lowering a Spravato contraindication needs an
// acknowledgement; only an admin or a prescriber may publish; clinics are apart.
#include "app/eligibility_rules_service.h"

#include "app/screening_service.h"
#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

class EligibilityRulesServiceTest : public test::ClinicFixture {
 protected:
  void SetUp() override {
    home = clinic("Harbour Clinic");
    admin = sign_in(staff(home, "md@harbour.test", Role::admin).email);
    prescriber = sign_in(staff(home, "rx@harbour.test", Role::prescriber).email);
    nurse = sign_in(staff(home, "nurse@harbour.test", Role::nurse).email);
    auto other = clinic("Other Clinic");
    elsewhere = sign_in(staff(other, "rx@other.test", Role::prescriber).email);
    maya = patients.create(nurse, {"Maya", "Okafor", "1986-03-14"})->id;
    ASSERT_TRUE(screening.record_answers(nurse, maya, {{"cystitis", "yes"}}));
  }

  std::optional<Outcome> outcome_of(const std::string& rule) {
    auto view = screening.screening(prescriber, maya);
    for (const auto& f : view->findings)
      if (f.rule == rule) return f.outcome;
    return std::nullopt;
  }

  EligibilityRulesService rules{*store, crypto, clock};
  ScreeningService screening{*store, crypto, clock};
  ClinicRow home;
  Caller admin, prescriber, nurse, elsewhere;
  std::string maya;
};

TEST_F(EligibilityRulesServiceTest, TheFirstLookSeedsVersionOneFromTheReleaseDefaults) {
  auto view = rules.view(nurse);
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_EQ(view->current.version, 1);
  EXPECT_TRUE(view->current.changed.empty());
  ASSERT_EQ(view->versions.size(), 1u);
  EXPECT_EQ(view->versions[0].published_by, "system");
  EXPECT_EQ(screening.screening(nurse, maya)->rule_version, "kc-eligibility-2026.11-1+clinic.1");
  EXPECT_EQ(rules.view(nurse)->versions.size(), 1u) << "seeded once";
}

TEST_F(EligibilityRulesServiceTest, APublishedVersionScreensAtOnceAndDecisionsKeepTheirVersion) {
  ASSERT_TRUE(screening.decide(prescriber, maya, {"eligible_with_conditions", "Watch the bladder", ""}));
  EXPECT_EQ(outcome_of("cystitis"), Outcome::needs_review);
  auto published = rules.publish(
      prescriber,
      {{{"cystitis", "exclude"}, {"cognitive_impairment", "off"}}, "Two cases of ketamine cystitis this year", false});
  ASSERT_TRUE(published) << published.error().message;
  EXPECT_EQ(published->current.version, 2);
  EXPECT_EQ(published->versions.front().reason, "Two cases of ketamine cystitis this year");
  EXPECT_EQ(published->versions.front().published_by, "rx@harbour.test");
  EXPECT_EQ(outcome_of("cystitis"), Outcome::exclude);
  EXPECT_FALSE(outcome_of("cognitive_impairment")) << "turned off: not even \"Not yet asked\"";
  auto latest = screening.screening(prescriber, maya)->latest;
  EXPECT_EQ(latest->rule_version, "kc-eligibility-2026.11-1+clinic.1") << "the decision keeps its version";
  EXPECT_FALSE(latest->needs_rescreen) << "publishing does not mark decisions";
  auto override_needed = screening.decide(prescriber, maya, {"eligible", "Fine", ""});
  EXPECT_EQ(override_needed.error().field, "override_reason") << "the clinic's exclusion needs an override";
  auto decided = screening.decide(prescriber, maya, {"not_eligible", "Cystitis", ""});
  ASSERT_TRUE(decided);
  EXPECT_EQ(decided->rule_version, "kc-eligibility-2026.11-1+clinic.2");
  EXPECT_NE(decided->snapshot.find("+clinic.2"), std::string::npos);
}

TEST_F(EligibilityRulesServiceTest, LoweringAContraindicationNeedsAnAcknowledgementAndAReason) {
  const RulesChange lower{{{"intracerebral_haemorrhage", "needs_review"}}, "Neurosurgeon clears old bleeds", false};
  EXPECT_EQ(rules.publish(admin, lower).error().field, "acknowledge_contraindication");
  auto no_reason = rules.publish(admin, {{{"cystitis", "exclude"}}, " ", false});
  EXPECT_EQ(no_reason.error().field, "reason");
  auto acknowledged = rules.publish(admin, {lower.rules, lower.reason, true});
  ASSERT_TRUE(acknowledged) << acknowledged.error().message;
  EXPECT_EQ(rules.view(nurse)->versions.size(), 2u) << "refusals published nothing";
}

TEST_F(EligibilityRulesServiceTest, OnlyTheMedicalDirectorPublishesAndClinicsAreApart) {
  EXPECT_EQ(rules.publish(nurse, {{{"cystitis", "exclude"}}, "Why not", false}).error().kind, ErrorKind::forbidden);
  ASSERT_TRUE(rules.publish(elsewhere, {{{"cystitis", "exclude"}}, "Our clinic's choice", false}));
  EXPECT_EQ(outcome_of("cystitis"), Outcome::needs_review) << "another clinic's rules do not apply here";
  std::size_t denied = 0;
  for (const auto& e : audit_of(home))
    denied += e.event.action == "eligibility.rules.publish" && e.event.outcome == "denied";
  EXPECT_EQ(denied, 1u);
}

}  // namespace
}  // namespace kc::app
