// A clinic's eligibility rule settings: the outcome each rule of eligibility.h gives
// when it applies, or "off", versioned per clinic. The questions, reasons and sources
// stay those of the release (kRuleSetVersion); a clinic's medical director changes
// only what a rule yields. Pure: the settings come in as an argument.
//
// What may change (docs/clinical-defaults.md, "Clinic rule settings"):
// - a Spravato contraindication (exclude) may be lowered to needs review only with an
//   explicit acknowledgement; it can never be turned off or made supportive;
// - a needs-review rule may become an exclusion, stay needs review, or be turned off;
// - a supporting rule may become needs review.
// A finding about a fact nobody recorded ("Not yet asked") always needs review
// while its rule is on: unknown is never read as no, nor as yes.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/eligibility.h"
#include "domain/result.h"

namespace kc {

enum class RuleGroup { contraindication, warning, support };
std::string_view to_string(RuleGroup g);

/// One rule of the release: its stable id (Finding::rule), what it is about, where it
/// comes from, and the outcome it gives when it applies.
struct RuleInfo {
  std::string rule, label, source;
  RuleGroup group = RuleGroup::warning;
  Outcome default_outcome = Outcome::needs_review;
};

/// Every rule of kRuleSetVersion, in the order the screening lists them.
const std::vector<RuleInfo>& eligibility_rule_catalogue();

/// What a clinic set for one rule.
struct RuleSetting {
  Outcome outcome = Outcome::needs_review;
  bool enabled = true;
  friend bool operator==(const RuleSetting&, const RuleSetting&) = default;
};

/// A clinic's rule set version: the settings that differ from the release's defaults.
/// Version 0 is the release's defaults before a clinic stored them; a clinic's first
/// stored version is 1.
struct EligibilityRules {
  int version = 0;
  std::map<std::string, RuleSetting> changed;  // rule id -> setting; absent: the default
  /// The rule's setting, its default when unchanged.
  RuleSetting setting(const RuleInfo& rule) const;
};

/// The version kept with a decision: the release's rules and the clinic's version,
/// e.g. "kc-eligibility-2026.11-1+clinic.2".
std::string rule_set_label(const EligibilityRules& rules);

/// Every finding for these facts under the clinic's settings: rules turned off give
/// none, a rule that applies gives the clinic's outcome; "Not yet asked" findings and
/// partial ones (treatment resistance not yet documented) keep theirs. Ordered as
/// screen(facts) orders them.
std::vector<Finding> screen(const ScreeningFacts& facts, const EligibilityRules& rules);

/// The settings as one line of text for storage: "rule=exclude;rule=off".
std::string encode_rule_settings(const EligibilityRules& rules);
/// The settings stored by encode_rule_settings(); unknown rules and values are left
/// out (a rule a later release drops), so the text never stops screening.
std::map<std::string, RuleSetting> decode_rule_settings(std::string_view text);

/// Applies `changes` (rule id -> "exclude" | "needs_review" | "supports" | "off") to
/// `current` and returns the next version. Errors name the field "rules.<id>"; lowering
/// a contraindication needs `acknowledge_contraindication` (error field of that name,
/// code contraindication_acknowledgement_needed); a change that changes nothing is
/// refused (field "rules").
Result<EligibilityRules> change_rules(const EligibilityRules& current,
                                      const std::map<std::string, std::string>& changes,
                                      bool acknowledge_contraindication);

}  // namespace kc
