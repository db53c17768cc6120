// Effects and adverse events recorded during and after a session: structured
// entries with time, severity, intervention and outcome. A serious adverse event
// must carry a narrative.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace kc {

enum class EffectKind {
  dissociation,
  sedation,
  nausea,
  vomiting,
  dizziness,
  anxiety_agitation,
  headache,
  raised_bp,
  fast_heart_rate,
  respiratory_depression,
  emergence_reaction,
  other,
};
std::string_view to_string(EffectKind kind);
std::optional<EffectKind> parse_effect_kind(std::string_view code);
std::string_view effect_label(EffectKind kind);
std::span<const EffectKind> all_effect_kinds();

enum class Severity { mild, moderate, severe };
std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view code);

enum class EffectOutcome { ongoing, resolved, resolved_with_intervention, transferred };
std::string_view to_string(EffectOutcome outcome);
std::optional<EffectOutcome> parse_effect_outcome(std::string_view code);

struct EffectEntry {
  EffectKind kind = EffectKind::other;
  std::int64_t at_ms = 0;
  Severity severity = Severity::mild;
  std::string description;   // required for "other"
  std::string intervention;  // what was done; may be empty ("none")
  EffectOutcome outcome = EffectOutcome::ongoing;
  bool serious = false;   // a serious adverse event
  std::string narrative;  // required when serious
};

/// Errors name the field: "description" for other, "narrative" for a serious event,
/// "intervention" when the outcome says one was given, and text lengths.
Status check_effect(const EffectEntry& entry);

}  // namespace kc
