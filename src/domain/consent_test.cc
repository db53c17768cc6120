#include "domain/consent.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

constexpr std::string_view kComplete =
    "Please read each part.\n"
    "\n"
    "## Nature of the treatment\n"
    "Ketamine is given by infusion.\n"
    "\n"
    "## Risks and side effects\n"
    "Dissociation, nausea, raised blood pressure.\n"
    "### Rare\n"
    "Cystitis.\n"
    "## Possible benefits\n"
    "Relief of depression.\n"
    "## Alternatives\n"
    "Other medicines, therapy, ECT.\n";

// --- Kinds and versions -------------------------------------------------------------

TEST(ConsentKind, RouteCodesAndResearchOnly) {
  for (auto k : {"iv", "im", "sc", "intranasal_esketamine", "sublingual", "oral", "research"})
    EXPECT_TRUE(is_consent_kind(k)) << k;
  for (auto k : {"", "IV", "nasal", "research "}) EXPECT_FALSE(is_consent_kind(k)) << k;
  EXPECT_EQ(consent_kinds().back(), "research");
  EXPECT_EQ(consent_kinds().size(), 7u);
  EXPECT_EQ(label_of_consent_kind("research"), "Research use of data");
  EXPECT_EQ(label_of_consent_kind("sublingual"), "At-home sublingual");
  EXPECT_EQ(label_of_consent_kind("iv"), "IV infusion");
}

TEST(ConsentVersionRule, FirstIsOneZeroThenMinorOrMajorOfTheLatest) {
  EXPECT_EQ(next_version(std::nullopt, Revision::major), (ConsentVersion{1, 0}));
  EXPECT_EQ(next_version(std::nullopt, Revision::minor), (ConsentVersion{1, 0}));
  EXPECT_EQ(next_version(ConsentVersion{2, 1}, Revision::minor), (ConsentVersion{2, 2}));
  EXPECT_EQ(next_version(ConsentVersion{2, 1}, Revision::major), (ConsentVersion{3, 0}));
  EXPECT_EQ(to_string(ConsentVersion{3, 12}), "3.12");
  EXPECT_LT((ConsentVersion{1, 9}), (ConsentVersion{2, 0}));
  EXPECT_EQ(parse_revision("major"), Revision::major);
  EXPECT_FALSE(parse_revision("Major"));
}

// --- Sections -------------------------------------------------------------------

TEST(ConsentSections, SplitOnLevelTwoHeadingsOnly) {
  auto s = consent_sections(kComplete);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].heading, "Nature of the treatment");
  EXPECT_EQ(s[0].body, "Ketamine is given by infusion.");
  EXPECT_EQ(s[1].heading, "Risks and side effects");
  EXPECT_EQ(s[1].body, "Dissociation, nausea, raised blood pressure.\n### Rare\nCystitis.") << "### stays inside";
  EXPECT_EQ(s[3].heading, "Alternatives");
  EXPECT_TRUE(consent_sections("no headings at all\n# Title\n").empty());
  EXPECT_EQ(consent_sections("##NoSpace\n## Real\ntext").size(), 1u);
  EXPECT_EQ(consent_sections("## Crlf\r\nbody\r\n")[0].heading, "Crlf");
}

TEST(ConsentSections, HeadingWordsNameTheRequiredSections) {
  EXPECT_EQ(required_section_of("Nature of the treatment"), "nature");
  EXPECT_EQ(required_section_of("NATURE"), "nature");
  EXPECT_EQ(required_section_of("Risk"), "risks");
  EXPECT_EQ(required_section_of("Risks and side effects"), "risks");
  EXPECT_EQ(required_section_of("Possible benefits"), "benefits");
  EXPECT_EQ(required_section_of("alternative treatments"), "alternatives");
  EXPECT_FALSE(required_section_of("Riskiness"));
  EXPECT_FALSE(required_section_of("Naturel"));
  EXPECT_FALSE(required_section_of("Your questions"));
}

TEST(ConsentPublish, CompleteDocumentPublishes) { EXPECT_TRUE(check_publishable(kComplete)); }

TEST(ConsentPublish, MissingSectionsAreNamed) {
  auto r = check_publishable("## Nature\nx\n## Benefits\ny\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "consent_sections_missing");
  EXPECT_EQ(r.error().field, "body_markdown");
  EXPECT_NE(r.error().message.find("Missing or empty: risks and alternatives."), std::string::npos)
      << r.error().message;
}

TEST(ConsentPublish, AnEmptySectionCountsAsMissing) {
  auto r = check_publishable("## Nature\nx\n## Risks\n\n## Benefits\ny\n## Alternatives\nz\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "consent_sections_missing");
  EXPECT_NE(r.error().message.find("Missing or empty: risks."), std::string::npos) << r.error().message;
}

TEST(ConsentPublish, DuplicateHeadingsAreRefused) {
  auto r = check_publishable(std::string(kComplete) + "## alternatives\nagain\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "consent_sections_duplicate");
}

TEST(ConsentDraft, TitleRequiredBodyWithoutControlCharacters) {
  EXPECT_EQ(*check_consent_draft("  IV consent ", "text"), "IV consent");
  EXPECT_EQ(check_consent_draft(" ", "text").error().field, "title");
  EXPECT_EQ(check_consent_draft("T", std::string("a\0b", 3)).error().field, "body_markdown");
  EXPECT_TRUE(check_consent_draft("T", "a\r\n\tb"));
  EXPECT_EQ(check_consent_draft("T", std::string(100'001, 'x')).error().field, "body_markdown");
}

TEST(ConsentHash, TitleNewlineBody) { EXPECT_EQ(consent_hash_input("T", "B\n"), "T\nB\n"); }

// --- Signing --------------------------------------------------------------------

std::vector<std::string> all_headings() {
  std::vector<std::string> out;
  for (const auto& s : consent_sections(kComplete)) out.push_back(s.heading);
  return out;
}

const ConsentPatient kAdult{"Ana María", "Silva", {1980, 5, 1}, ""};
const ConsentPatient kMinor{"Tom", "Reed", {2010, 6, 1}, "Jane Reed"};
const Date kDay{2026, 11, 21};

TEST(ConsentSignature, NameIsComparedIgnoringCaseAndSpaces) {
  auto r = check_signature({"  ana  MARÍA silva ", all_headings(), "", ""}, consent_sections(kComplete), kAdult, kDay);
  // "Í" is not ASCII: it must be typed as recorded.
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "consent_name_mismatch");
  r = check_signature({"  ana  María SILVA ", all_headings(), "", ""}, consent_sections(kComplete), kAdult, kDay);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->typed_name, "ana  María SILVA");
  EXPECT_EQ(check_signature({"Silva Ana María", all_headings(), "", ""}, consent_sections(kComplete), kAdult, kDay)
                .error()
                .field,
            "typed_name");
  EXPECT_EQ(check_signature({"", all_headings(), "", ""}, consent_sections(kComplete), kAdult, kDay).error().code,
            "validation_failed");
}

TEST(ConsentSignature, EverySectionMustBeAcknowledged) {
  auto headings = all_headings();
  headings.erase(headings.begin() + 2);
  auto r = check_signature({"Ana María Silva", headings, "", ""}, consent_sections(kComplete), kAdult, kDay);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "consent_section_not_acknowledged");
  EXPECT_EQ(r.error().field, "acknowledged_sections");
  EXPECT_NE(r.error().message.find("Possible benefits"), std::string::npos);
}

TEST(ConsentSignature, UnknownSectionsAreRefusedAndOrderIsTheDocuments) {
  auto headings = all_headings();
  headings.push_back("Something else");
  EXPECT_EQ(
      check_signature({"Ana María Silva", headings, "", ""}, consent_sections(kComplete), kAdult, kDay).error().field,
      "acknowledged_sections");
  const auto in_order = all_headings();
  std::vector<std::string> reversed(in_order.rbegin(), in_order.rend());
  reversed.push_back(reversed.front());  // a repeat is harmless
  auto r = check_signature({"Ana María Silva", reversed, "", ""}, consent_sections(kComplete), kAdult, kDay);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->acknowledged_sections, all_headings());
}

TEST(ConsentSignature, AMinorNeedsTheRecordedGuardian) {
  const auto sections = consent_sections(kComplete);
  auto r = check_signature({"Tom Reed", all_headings(), "", ""}, sections, kMinor, kDay);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "consent_guardian_required");
  EXPECT_EQ(r.error().field, "guardian_name");
  r = check_signature({"Tom Reed", all_headings(), "Jane Reed", ""}, sections, kMinor, kDay);
  EXPECT_EQ(r.error().field, "guardian_relationship");
  r = check_signature({"Tom Reed", all_headings(), "John Reed", "father"}, sections, kMinor, kDay);
  EXPECT_EQ(r.error().code, "consent_guardian_mismatch");
  r = check_signature({"Tom Reed", all_headings(), " jane  reed ", "mother"}, sections, kMinor, kDay);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->guardian_name, "jane  reed");
  EXPECT_EQ(r->guardian_relationship, "mother");
}

TEST(ConsentSignature, WithoutARecordedGuardianAnyNamedGuardianSigns) {
  ConsentPatient p = kMinor;
  p.recorded_guardian_name = "";
  EXPECT_TRUE(check_signature({"Tom Reed", all_headings(), "Sam Reed", "uncle"}, consent_sections(kComplete), p, kDay));
}

TEST(ConsentSignature, MinorIsJudgedOnTheSigningDay) {
  const auto sections = consent_sections(kComplete);
  // 18th birthday on 2028-06-01: the day before, still a minor; on the day, an adult.
  EXPECT_EQ(check_signature({"Tom Reed", all_headings(), "", ""}, sections, kMinor, {2028, 5, 31}).error().code,
            "consent_guardian_required");
  EXPECT_TRUE(check_signature({"Tom Reed", all_headings(), "", ""}, sections, kMinor, {2028, 6, 1}));
}

TEST(ConsentSignature, AnAdultHasNoGuardian) {
  auto r = check_signature({"Ana María Silva", all_headings(), "Someone", "friend"}, consent_sections(kComplete),
                           kAdult, kDay);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "guardian_name");
}

// --- Validity -------------------------------------------------------------------

ConsentFacts good(std::string id, std::int64_t signed_ms, ConsentVersion v = {1, 0}) {
  ConsentFacts f;
  f.id = std::move(id);
  f.kind = "iv";
  f.version = v;
  f.signed_ms = signed_ms;
  f.countersigned = true;
  return f;
}

TEST(ConsentValidityRule, NoConsentOfTheRouteIsMissing) {
  auto v = consent_validity(Route::iv, {}, ConsentVersion{1, 0});
  EXPECT_FALSE(v.valid);
  EXPECT_EQ(v.code, "consent_missing");
  ConsentFacts other = good("c1", 10);
  other.kind = "im";
  EXPECT_EQ(consent_validity(Route::iv, {other}, ConsentVersion{1, 0}).code, "consent_missing");
  EXPECT_TRUE(consent_validity(Route::im, {other}, ConsentVersion{1, 0}).valid);
}

TEST(ConsentValidityRule, SignedCountersignedCurrentIsValid) {
  auto v = consent_validity(Route::iv, {good("c1", 10, {1, 3})}, ConsentVersion{1, 4});
  EXPECT_TRUE(v.valid);
  EXPECT_EQ(v.code, "");
  EXPECT_EQ(v.consent_id, "c1");
  EXPECT_EQ(v.version, (ConsentVersion{1, 3})) << "a minor revision does not outdate";
}

TEST(ConsentValidityRule, NotCountersigned) {
  auto c = good("c1", 10);
  c.countersigned = false;
  auto v = consent_validity(Route::iv, {c}, ConsentVersion{1, 0});
  EXPECT_EQ(v.code, "consent_not_countersigned");
  EXPECT_EQ(v.consent_id, "c1");
}

TEST(ConsentValidityRule, MinorWithoutGuardian) {
  auto c = good("c1", 10);
  c.minor_at_signing = true;
  EXPECT_EQ(consent_validity(Route::iv, {c}, ConsentVersion{1, 0}).code, "consent_guardian_missing");
  c.countersigned = false;
  EXPECT_EQ(consent_validity(Route::iv, {c}, ConsentVersion{1, 0}).code, "consent_guardian_missing")
      << "the guardian is checked before the countersignature";
  c.guardian_signed = true;
  c.countersigned = true;
  EXPECT_TRUE(consent_validity(Route::iv, {c}, ConsentVersion{1, 0}).valid);
}

TEST(ConsentValidityRule, WithdrawnOnlyWhenNoOtherValidOne) {
  auto withdrawn = good("old", 10);
  withdrawn.withdrawn = true;
  auto v = consent_validity(Route::iv, {withdrawn}, ConsentVersion{1, 0});
  EXPECT_EQ(v.code, "consent_withdrawn");
  EXPECT_EQ(v.consent_id, "old");
  v = consent_validity(Route::iv, {withdrawn, good("new", 20)}, ConsentVersion{1, 0});
  EXPECT_TRUE(v.valid);
  EXPECT_EQ(v.consent_id, "new");
  // A withdrawn newer one does not hide an older valid one.
  auto newer = good("newer", 30);
  newer.withdrawn = true;
  EXPECT_EQ(consent_validity(Route::iv, {good("older", 5), newer}, ConsentVersion{1, 0}).consent_id, "older");
  // A withdrawn one and an uncountersigned one: the latter's problem is reported.
  auto pending = good("pending", 40);
  pending.countersigned = false;
  EXPECT_EQ(consent_validity(Route::iv, {withdrawn, pending}, ConsentVersion{1, 0}).code, "consent_not_countersigned");
}

TEST(ConsentValidityRule, OlderMajorIsOutdatedUntilAccepted) {
  auto c = good("c1", 10, {1, 2});
  auto v = consent_validity(Route::iv, {c}, ConsentVersion{2, 0});
  EXPECT_FALSE(v.valid);
  EXPECT_EQ(v.code, "consent_outdated");
  EXPECT_NE(v.message.find("2.0"), std::string::npos);
  c.outdated_accepted = true;
  EXPECT_TRUE(consent_validity(Route::iv, {c}, ConsentVersion{2, 0}).valid);
  // No published document of the kind: any major counts.
  c.outdated_accepted = false;
  EXPECT_TRUE(consent_validity(Route::iv, {c}, std::nullopt).valid);
}

TEST(ConsentValidityRule, TheNewestValidOneIsTheAnswer) {
  auto v = consent_validity(Route::iv, {good("a", 10), good("b", 30), good("c", 20)}, ConsentVersion{1, 0});
  EXPECT_EQ(v.consent_id, "b");
  auto stale = good("stale", 50, {1, 0});
  EXPECT_EQ(consent_validity(Route::iv, {stale, good("current", 40, {2, 0})}, ConsentVersion{2, 0}).consent_id,
            "current");
}

}  // namespace
}  // namespace kc
