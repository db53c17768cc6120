// Informed consent: clinic-authored consent documents (Markdown, versioned per kind),
// the sections a document must hold before it is published, the checks on a
// patient's signature, and the validity rule a dosing session asks.
//
// A document's kind is a route code (route.h: "iv", "im", "sc",
// "intranasal_esketamine", "sublingual" for the at-home program, "oral") or
// "research" (research use of the patient's data, which no session needs).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/route.h"
#include "domain/time.h"

namespace kc {

inline constexpr std::string_view kResearchConsentKind = "research";

/// A route code or "research".
bool is_consent_kind(std::string_view kind);
/// The route label (route.h), "At-home sublingual" for the program, "Research use of data".
std::string label_of_consent_kind(std::string_view kind);
/// Every kind, routes first in route order, then research.
std::vector<std::string> consent_kinds();

// --- Versions ---------------------------------------------------------------------

struct ConsentVersion {
  int major = 1;
  int minor = 0;
  friend bool operator==(const ConsentVersion&, const ConsentVersion&) = default;
  friend auto operator<=>(const ConsentVersion&, const ConsentVersion&) = default;
};

/// "2.1".
std::string to_string(const ConsentVersion& v);

enum class Revision { minor, major };
std::optional<Revision> parse_revision(std::string_view text);

/// The version of a new draft: 1.0 when nothing of its kind was ever published;
/// otherwise a minor (2.1 -> 2.2) or major (2.1 -> 3.0) revision of the latest.
ConsentVersion next_version(const std::optional<ConsentVersion>& latest_published, Revision revision);

// --- Sections ---------------------------------------------------------------------

/// One "## " section of a document: its heading text (trimmed) and the Markdown below
/// it up to the next "## " heading. Text before the first "## " heading is the
/// document's introduction, which is shown but is not a section.
struct ConsentSection {
  std::string heading;
  std::string body;
};

std::vector<ConsentSection> consent_sections(std::string_view markdown);

/// The four sections a document must hold. A heading counts as one of them when one
/// of its words (letters only, case-insensitive) is the name or its plural: "nature";
/// "risk" or "risks"; "benefit" or "benefits"; "alternative" or "alternatives".
/// So "Nature of the treatment", "Risks and side effects", "Possible benefits" and
/// "Alternatives to ketamine" all count; "Riskiness" does not.
inline constexpr std::string_view kRequiredSections[] = {"nature", "risks", "benefits", "alternatives"};

/// Which required section a heading stands for ("nature", "risks", ...), if any.
std::optional<std::string_view> required_section_of(std::string_view heading);

inline constexpr std::size_t kMaxConsentTitleChars = 200;
inline constexpr std::size_t kMaxConsentBodyChars = 100'000;

/// Title and body as a draft may hold them: a title (1–200 characters) and a body of
/// at most 100,000 characters without control characters other than newline and tab.
/// Returns the trimmed title. Errors name "title" or "body_markdown".
Result<std::string> check_consent_draft(std::string_view title, std::string_view body_markdown);

/// What publishing needs beyond a valid draft: the four required sections, each with
/// some text (error "consent_sections_missing", field "body_markdown", naming every
/// missing or empty one), and no two sections with the same heading, compared
/// case-insensitively ("consent_sections_duplicate"), since the patient acknowledges
/// sections by heading.
Status check_publishable(std::string_view body_markdown);

/// The exact bytes whose SHA-256 is a document's (and a signed copy's) content hash:
/// the title, one newline, then the body as stored.
std::string consent_hash_input(std::string_view title, std::string_view body_markdown);

// --- Signing ----------------------------------------------------------------------

/// The patient's legal name and date of birth, and the guardian recorded in their
/// demographics ("" when none).
struct ConsentPatient {
  std::string given_name, family_name;
  Date birth;
  std::string recorded_guardian_name;
};

struct SignatureInput {
  std::string typed_name;
  std::vector<std::string> acknowledged_sections;  // headings, as consent_sections() gives them
  std::string guardian_name, guardian_relationship;
};

/// A name as it is compared: ASCII letters lower-cased, leading and trailing white
/// space removed and every run of white space made one space. Other characters
/// (accents, hyphens, apostrophes) are kept as they are.
std::string comparable_name(std::string_view name);

/// Checks a signature of `sections` on `signing_day`. Rules:
/// - typed_name (required, at most 200 characters) must equal the legal given name,
///   a space and the family name, both compared by comparable_name()
///   ("consent_name_mismatch", field "typed_name");
/// - every section is acknowledged, and nothing else ("consent_section_not_acknowledged"
///   naming the first section left out, or validation_failed naming an unknown one;
///   field "acknowledged_sections");
/// - when the patient is under kAdultAgeYears on signing_day, a guardian signs too:
///   a name and a relationship ("consent_guardian_required", field "guardian_name" /
///   "guardian_relationship"); when a guardian is recorded in the demographics, the
///   name must match it by comparable_name() ("consent_guardian_mismatch");
/// - for an adult, no guardian fields (validation_failed, field "guardian_name").
/// Returns the input with its text trimmed.
Result<SignatureInput> check_signature(const SignatureInput& input, const std::vector<ConsentSection>& sections,
                                       const ConsentPatient& patient, const Date& signing_day);

// --- Validity ---------------------------------------------------------------------

/// A signed consent as the validity rule sees it.
struct ConsentFacts {
  std::string id;
  std::string kind;
  ConsentVersion version;
  std::int64_t signed_ms = 0;
  bool minor_at_signing = false;  // under kAdultAgeYears on the signing day (from the current date of birth)
  bool guardian_signed = false;
  bool countersigned = false;
  bool withdrawn = false;
  bool outdated_accepted = false;  // a prescriber accepted it although its major version is older
};

struct ConsentValidity {
  bool valid = false;
  std::string code;        // "" when valid; else consent_missing | consent_not_countersigned |
                           // consent_guardian_missing | consent_withdrawn | consent_outdated
  std::string message;     // for people
  std::string consent_id;  // the valid consent; or the one the code is about ("" for consent_missing)
  std::optional<ConsentVersion> version;
};

/// Whether a session by `route` may go ahead. A consent counts when it is of the
/// route's kind, signed (by a guardian too when the patient was a minor on the
/// signing day), countersigned, not withdrawn, and of the current major version
/// (`current`: the clinic's published version of the kind; none: any major counts)
/// or accepted by a prescriber although older. The newest such consent is the answer.
/// Without one the code is about the newest unwithdrawn consent of the kind, checked
/// in this order: guardian missing, not countersigned, outdated; consent_withdrawn
/// when every consent of the kind is withdrawn; consent_missing when there is none.
ConsentValidity consent_validity(Route route, const std::vector<ConsentFacts>& consents,
                                 const std::optional<ConsentVersion>& current);

}  // namespace kc
