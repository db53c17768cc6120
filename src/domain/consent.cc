#include "domain/consent.h"

#include <algorithm>
#include <cctype>

#include "domain/demographics.h"
#include "domain/validation.h"

namespace kc {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

/// The heading text of a "## " line, or nothing. "### " and deeper are not sections.
std::optional<std::string_view> section_heading(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.size() < 3 || line.substr(0, 3) != "## ") return std::nullopt;
  return trim(line.substr(3));
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace

bool is_consent_kind(std::string_view kind) { return kind == kResearchConsentKind || parse_route(kind).has_value(); }

std::string label_of_consent_kind(std::string_view kind) {
  if (kind == kResearchConsentKind) return "Research use of data";
  if (kind == "sublingual") return "At-home sublingual";
  if (auto r = parse_route(kind)) return std::string(route_label(*r));
  return std::string(kind);
}

std::vector<std::string> consent_kinds() {
  std::vector<std::string> out;
  for (Route r : all_routes()) out.emplace_back(to_string(r));
  out.emplace_back(kResearchConsentKind);
  return out;
}

std::string to_string(const ConsentVersion& v) { return std::to_string(v.major) + "." + std::to_string(v.minor); }

std::optional<Revision> parse_revision(std::string_view text) {
  if (text == "minor") return Revision::minor;
  if (text == "major") return Revision::major;
  return std::nullopt;
}

ConsentVersion next_version(const std::optional<ConsentVersion>& latest, Revision revision) {
  if (!latest) return {1, 0};
  if (revision == Revision::major) return {latest->major + 1, 0};
  return {latest->major, latest->minor + 1};
}

std::vector<ConsentSection> consent_sections(std::string_view markdown) {
  std::vector<ConsentSection> out;
  bool in_section = false;
  std::size_t start = 0;
  while (start <= markdown.size()) {
    auto end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(start, end - start);
    if (auto heading = section_heading(line)) {
      out.push_back({std::string(*heading), {}});
      in_section = true;
    } else if (in_section) {
      auto& body = out.back().body;
      if (!body.empty() || !trim(line).empty()) body.append(line).append("\n");
    }
    if (end == markdown.size()) break;
    start = end + 1;
  }
  for (auto& s : out) s.body = std::string(trim(s.body));
  return out;
}

std::optional<std::string_view> required_section_of(std::string_view heading) {
  std::string word;
  auto match = [&]() -> std::optional<std::string_view> {
    if (word == "nature") return kRequiredSections[0];
    if (word == "risk" || word == "risks") return kRequiredSections[1];
    if (word == "benefit" || word == "benefits") return kRequiredSections[2];
    if (word == "alternative" || word == "alternatives") return kRequiredSections[3];
    return std::nullopt;
  };
  for (char c : heading) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      word += ascii_lower(c);
      continue;
    }
    if (auto m = match()) return m;
    word.clear();
  }
  return match();
}

Result<std::string> check_consent_draft(std::string_view title, std::string_view body_markdown) {
  auto t = required_text("title", title, kMaxConsentTitleChars);
  if (!t) return t.error();
  if (utf8_length(body_markdown) > kMaxConsentBodyChars)
    return Error::invalid("body_markdown",
                          "Body markdown is longer than " + std::to_string(kMaxConsentBodyChars) + " characters.");
  for (char c : body_markdown) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\t' && c != '\r') || u == 0x7f)
      return Error::invalid("body_markdown", "Body markdown contains control characters.");
  }
  return t;
}

Status check_publishable(std::string_view body_markdown) {
  const auto sections = consent_sections(body_markdown);
  std::vector<std::string> missing;
  for (auto required : kRequiredSections) {
    bool found = std::any_of(sections.begin(), sections.end(), [&](const ConsentSection& s) {
      return required_section_of(s.heading) == required && !s.body.empty();
    });
    if (!found) missing.emplace_back(required);
  }
  if (!missing.empty())
    return Error::invalid("body_markdown",
                          "A consent document needs a \"## \" section with text for each of nature, risks, benefits "
                          "and alternatives. Missing or empty: " +
                              join_names(missing) + ".",
                          "consent_sections_missing");
  for (std::size_t i = 0; i < sections.size(); ++i) {
    if (sections[i].heading.empty())
      return Error::invalid("body_markdown", "A \"## \" heading has no text.", "consent_sections_duplicate");
    for (std::size_t j = 0; j < i; ++j)
      if (lower(sections[i].heading) == lower(sections[j].heading))
        return Error::invalid("body_markdown", "Two sections are headed \"" + sections[i].heading + "\".",
                              "consent_sections_duplicate");
  }
  return Ok{};
}

std::string consent_hash_input(std::string_view title, std::string_view body_markdown) {
  std::string out;
  out.reserve(title.size() + 1 + body_markdown.size());
  out.append(title).append("\n").append(body_markdown);
  return out;
}

std::string comparable_name(std::string_view name) {
  std::string out;
  bool space = false;
  for (char c : trim(name)) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ascii_lower(c);
  }
  return out;
}

Result<SignatureInput> check_signature(const SignatureInput& input, const std::vector<ConsentSection>& sections,
                                       const ConsentPatient& patient, const Date& signing_day) {
  SignatureInput out;
  auto typed = required_text("typed_name", input.typed_name, 200);
  if (!typed) return typed.error();
  out.typed_name = *typed;
  if (comparable_name(out.typed_name) != comparable_name(patient.given_name + " " + patient.family_name))
    return Error::invalid("typed_name",
                          "The typed name must be the patient's full legal name: given name then family name.",
                          "consent_name_mismatch");

  for (const auto& a : input.acknowledged_sections) {
    std::string heading(trim(a));
    bool known =
        std::any_of(sections.begin(), sections.end(), [&](const ConsentSection& s) { return s.heading == heading; });
    if (!known)
      return Error::invalid("acknowledged_sections", "\"" + heading + "\" is not a section of this document.");
    if (std::find(out.acknowledged_sections.begin(), out.acknowledged_sections.end(), heading) ==
        out.acknowledged_sections.end())
      out.acknowledged_sections.push_back(heading);
  }
  for (const auto& s : sections)
    if (std::find(out.acknowledged_sections.begin(), out.acknowledged_sections.end(), s.heading) ==
        out.acknowledged_sections.end())
      return Error::invalid("acknowledged_sections", "Acknowledge the section \"" + s.heading + "\".",
                            "consent_section_not_acknowledged");
  // Keep the document's order.
  out.acknowledged_sections.clear();
  for (const auto& s : sections) out.acknowledged_sections.push_back(s.heading);

  const bool minor = is_minor(patient.birth, signing_day);
  const bool guardian_given = !trim(input.guardian_name).empty() || !trim(input.guardian_relationship).empty();
  if (!minor) {
    if (guardian_given)
      return Error::invalid("guardian_name", "The patient is an adult on the signing day: no guardian signs.");
    return out;
  }
  if (trim(input.guardian_name).empty())
    return Error::invalid("guardian_name", "The patient is under 18: a guardian signs too. Enter the guardian's name.",
                          "consent_guardian_required");
  auto name = required_text("guardian_name", input.guardian_name, 200);
  if (!name) return name.error();
  if (trim(input.guardian_relationship).empty())
    return Error::invalid("guardian_relationship", "Enter the guardian's relationship to the patient.",
                          "consent_guardian_required");
  auto relationship = required_text("guardian_relationship", input.guardian_relationship, 100);
  if (!relationship) return relationship.error();
  if (!trim(patient.recorded_guardian_name).empty() &&
      comparable_name(*name) != comparable_name(patient.recorded_guardian_name))
    return Error::invalid("guardian_name",
                          "The guardian's name must match the guardian recorded in the patient's demographics.",
                          "consent_guardian_mismatch");
  out.guardian_name = *name;
  out.guardian_relationship = *relationship;
  return out;
}

ConsentValidity consent_validity(Route route, const std::vector<ConsentFacts>& consents,
                                 const std::optional<ConsentVersion>& current) {
  const std::string kind(to_string(route));
  const std::string label = label_of_consent_kind(kind);
  std::vector<const ConsentFacts*> of_kind;
  for (const auto& c : consents)
    if (c.kind == kind) of_kind.push_back(&c);
  std::stable_sort(of_kind.begin(), of_kind.end(), [](const ConsentFacts* a, const ConsentFacts* b) {
    return a->signed_ms > b->signed_ms;  // newest first
  });

  auto guardian_ok = [](const ConsentFacts& c) { return !c.minor_at_signing || c.guardian_signed; };
  auto version_ok = [&](const ConsentFacts& c) {
    return !current || c.version.major >= current->major || c.outdated_accepted;
  };
  for (const auto* c : of_kind)
    if (!c->withdrawn && guardian_ok(*c) && c->countersigned && version_ok(*c))
      return {true, "",
              "A signed and countersigned " + label + " consent (version " + to_string(c->version) + ") is in place.",
              c->id, c->version};

  if (of_kind.empty())
    return {false, "consent_missing", "The patient has not signed the " + label + " consent.", "", std::nullopt};
  for (const auto* c : of_kind) {
    if (c->withdrawn) continue;
    if (!guardian_ok(*c))
      return {false, "consent_guardian_missing",
              "The patient was under 18 when signing the " + label + " consent, and no guardian signed it.", c->id,
              c->version};
    if (!c->countersigned)
      return {false, "consent_not_countersigned",
              "The " + label + " consent is signed but not yet countersigned by a clinician.", c->id, c->version};
    return {false, "consent_outdated",
            "The " + label + " consent is of version " + to_string(c->version) + "; the current version is " +
                to_string(*current) + ". The patient signs the current version, or a prescriber accepts this one.",
            c->id, c->version};
  }
  return {false, "consent_withdrawn", "The patient withdrew the " + label + " consent.", of_kind.front()->id,
          of_kind.front()->version};
}

}  // namespace kc
