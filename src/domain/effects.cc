#include "domain/effects.h"

#include <array>
#include <utility>

#include "domain/validation.h"

namespace kc {
namespace {

struct KindInfo {
  EffectKind kind;
  std::string_view code, label;
};

constexpr std::array kKinds = {
    KindInfo{EffectKind::dissociation, "dissociation", "Dissociation"},
    KindInfo{EffectKind::sedation, "sedation", "Sedation"},
    KindInfo{EffectKind::nausea, "nausea", "Nausea"},
    KindInfo{EffectKind::vomiting, "vomiting", "Vomiting"},
    KindInfo{EffectKind::dizziness, "dizziness", "Dizziness"},
    KindInfo{EffectKind::anxiety_agitation, "anxiety_agitation", "Anxiety or agitation"},
    KindInfo{EffectKind::headache, "headache", "Headache"},
    KindInfo{EffectKind::raised_bp, "raised_bp", "Raised blood pressure"},
    KindInfo{EffectKind::fast_heart_rate, "fast_heart_rate", "Fast heart rate"},
    KindInfo{EffectKind::respiratory_depression, "respiratory_depression", "Respiratory depression"},
    KindInfo{EffectKind::emergence_reaction, "emergence_reaction", "Emergence reaction"},
    KindInfo{EffectKind::other, "other", "Other"},
};

constexpr std::array kAllKinds = {
    EffectKind::dissociation,
    EffectKind::sedation,
    EffectKind::nausea,
    EffectKind::vomiting,
    EffectKind::dizziness,
    EffectKind::anxiety_agitation,
    EffectKind::headache,
    EffectKind::raised_bp,
    EffectKind::fast_heart_rate,
    EffectKind::respiratory_depression,
    EffectKind::emergence_reaction,
    EffectKind::other,
};

constexpr std::array<std::pair<Severity, std::string_view>, 3> kSeverities = {
    {{Severity::mild, "mild"}, {Severity::moderate, "moderate"}, {Severity::severe, "severe"}}};

constexpr std::array<std::pair<EffectOutcome, std::string_view>, 4> kOutcomes = {{
    {EffectOutcome::ongoing, "ongoing"},
    {EffectOutcome::resolved, "resolved"},
    {EffectOutcome::resolved_with_intervention, "resolved_with_intervention"},
    {EffectOutcome::transferred, "transferred"},
}};

template <class Table, class T>
std::string_view name_in(const Table& table, T value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return table[0].second;
}
template <class T, class Table>
std::optional<T> parse_in(const Table& table, std::string_view text) {
  for (const auto& [v, name] : table)
    if (name == text) return v;
  return std::nullopt;
}

}  // namespace

std::string_view to_string(EffectKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.code;
  return "other";
}
std::string_view effect_label(EffectKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.label;
  return "Other";
}
std::optional<EffectKind> parse_effect_kind(std::string_view code) {
  for (const auto& k : kKinds)
    if (k.code == code) return k.kind;
  return std::nullopt;
}
std::span<const EffectKind> all_effect_kinds() { return kAllKinds; }

std::string_view to_string(Severity s) { return name_in(kSeverities, s); }
std::optional<Severity> parse_severity(std::string_view code) { return parse_in<Severity>(kSeverities, code); }
std::string_view to_string(EffectOutcome o) { return name_in(kOutcomes, o); }
std::optional<EffectOutcome> parse_effect_outcome(std::string_view code) {
  return parse_in<EffectOutcome>(kOutcomes, code);
}

Status check_effect(const EffectEntry& e) {
  if (e.kind == EffectKind::other) {
    if (auto d = required_text("description", e.description, 500); !d) return d.error();
  } else if (utf8_length(e.description) > 500) {
    return Error::invalid("description", "Keep the description under 500 characters.");
  }
  if (e.outcome == EffectOutcome::resolved_with_intervention) {
    if (auto i = required_text("intervention", e.intervention, 1000); !i) return i.error();
  } else if (utf8_length(e.intervention) > 1000) {
    return Error::invalid("intervention", "Keep the intervention under 1000 characters.");
  }
  if (e.serious) {
    if (auto n = required_text("narrative", e.narrative, 10'000); !n)
      return Error::invalid("narrative", "A serious adverse event needs a narrative: what happened, what was done.",
                            "narrative_required");
  } else if (utf8_length(e.narrative) > 10'000) {
    return Error::invalid("narrative", "Keep the narrative under 10,000 characters.");
  }
  return Ok{};
}

}  // namespace kc
