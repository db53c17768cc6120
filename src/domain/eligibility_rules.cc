#include "domain/eligibility_rules.h"

#include <algorithm>

namespace kc {
namespace {

// The sources as eligibility.cc cites them in its findings.
constexpr std::string_view kSpravatoContra = "Spravato prescribing information: contraindications";
constexpr std::string_view kSpravatoWarnings = "Spravato prescribing information: warnings and precautions";
constexpr std::string_view kSpravatoInteractions = "Spravato prescribing information: drug interactions; REMS form";
constexpr std::string_view kSpravatoIndication = "Spravato prescribing information: indication and clinical studies";
constexpr std::string_view kSeeds = "KetaClinic clinical reference §4 (clinic journey seeds)";

std::string question_label(std::string_view code) {
  for (const auto& q : history_questions())
    if (q.code == code) return std::string(q.label);
  return std::string(code);
}

std::vector<RuleInfo> build_catalogue() {
  std::vector<RuleInfo> out;
  auto add = [&](std::string rule, std::string label, std::string_view source, RuleGroup group, Outcome outcome) {
    out.push_back({std::move(rule), std::move(label), std::string(source), group, outcome});
  };
  for (std::string_view code : {"aneurysmal_vascular_disease", "arteriovenous_malformation",
                                "intracerebral_haemorrhage", "ketamine_hypersensitivity"})
    add(std::string(code), question_label(code), kSpravatoContra, RuleGroup::contraindication, Outcome::exclude);
  add("age", "Under 18", kSeeds, RuleGroup::warning, Outcome::needs_review);
  for (std::string_view code :
       {"pregnant", "breastfeeding", "substance_use_disorder", "ketamine_misuse", "psychosis_history", "mania_history",
        "uncontrolled_hypertension", "unstable_cardiovascular_disease", "cerebrovascular_disease",
        "hypertensive_encephalopathy", "raised_intracranial_pressure", "raised_intraocular_pressure",
        "moderate_hepatic_impairment", "severe_hepatic_impairment", "cystitis", "cognitive_impairment"}) {
    const bool seeds = code == "cystitis" || code == "cognitive_impairment";
    add(std::string(code), question_label(code), seeds ? kSeeds : kSpravatoWarnings, RuleGroup::warning,
        Outcome::needs_review);
  }
  for (auto c : {MedicationClass::benzodiazepine, MedicationClass::z_drug, MedicationClass::opioid,
                 MedicationClass::psychostimulant, MedicationClass::maoi})
    add("interacting_medication_" + std::string(to_string(c)), "Current medication: " + std::string(to_string(c)),
        kSpravatoInteractions, RuleGroup::warning, Outcome::needs_review);
  add("treatment_resistant_depression", "Treatment-resistant depression (documented trials)", kSpravatoIndication,
      RuleGroup::support, Outcome::supports);
  add("bipolar_depression", "Bipolar depression", kSeeds, RuleGroup::support, Outcome::supports);
  add("ptsd", "Post-traumatic stress disorder", kSeeds, RuleGroup::support, Outcome::supports);
  add("generalized_anxiety", "Generalized anxiety disorder", kSeeds, RuleGroup::support, Outcome::supports);
  add("ocd", "Obsessive-compulsive disorder", kSeeds, RuleGroup::support, Outcome::supports);
  add("chronic_pain", "Chronic pain (CRPS or fibromyalgia)", kSeeds, RuleGroup::support, Outcome::supports);
  add("suicidal_ideation", question_label("suicidal_ideation"), kSeeds, RuleGroup::support, Outcome::supports);
  add("medication_intolerance", question_label("medication_intolerance"), kSeeds, RuleGroup::support,
      Outcome::supports);
  add("indication", "No diagnosis among the indications", kSeeds, RuleGroup::warning, Outcome::needs_review);
  return out;
}

const RuleInfo* find_rule(std::string_view id) {
  for (const auto& r : eligibility_rule_catalogue())
    if (r.rule == id) return &r;
  return nullptr;
}

/// The setting text: an outcome, or "off".
std::string setting_text(const RuleSetting& s) { return s.enabled ? std::string(to_string(s.outcome)) : "off"; }

std::optional<RuleSetting> parse_setting(std::string_view text) {
  if (text == "off") return RuleSetting{Outcome::needs_review, false};
  for (auto o : {Outcome::exclude, Outcome::needs_review, Outcome::supports})
    if (to_string(o) == text) return RuleSetting{o, true};
  return std::nullopt;
}

/// Why `wanted` is not allowed for `rule`; empty when it is.
std::string refusal(const RuleInfo& rule, const RuleSetting& wanted) {
  switch (rule.group) {
    case RuleGroup::contraindication:
      if (!wanted.enabled || wanted.outcome == Outcome::supports)
        return "A Spravato contraindication can only exclude or need review.";
      return {};
    case RuleGroup::warning:
      if (wanted.enabled && wanted.outcome == Outcome::supports) return "A warning cannot support candidacy.";
      return {};
    case RuleGroup::support:
      if (!wanted.enabled || wanted.outcome == Outcome::exclude)
        return "A supporting rule can only support or need review.";
      return {};
  }
  return "Unknown rule group.";
}

}  // namespace

std::string_view to_string(RuleGroup g) {
  switch (g) {
    case RuleGroup::contraindication:
      return "contraindication";
    case RuleGroup::warning:
      return "warning";
    case RuleGroup::support:
      return "support";
  }
  return "warning";
}

const std::vector<RuleInfo>& eligibility_rule_catalogue() {
  static const std::vector<RuleInfo> catalogue = build_catalogue();
  return catalogue;
}

RuleSetting EligibilityRules::setting(const RuleInfo& rule) const {
  auto it = changed.find(rule.rule);
  return it == changed.end() ? RuleSetting{rule.default_outcome, true} : it->second;
}

std::string rule_set_label(const EligibilityRules& rules) {
  if (rules.version == 0) return std::string(kRuleSetVersion);
  return std::string(kRuleSetVersion) + "+clinic." + std::to_string(rules.version);
}

std::vector<Finding> screen(const ScreeningFacts& facts, const EligibilityRules& rules) {
  std::vector<Finding> out;
  for (auto& f : screen(facts)) {
    const RuleInfo* rule = find_rule(f.rule);
    if (!rule) {
      out.push_back(std::move(f));
      continue;
    }
    const RuleSetting s = rules.setting(*rule);
    if (!s.enabled) continue;
    // Only the finding the rule gives when it applies takes the clinic's outcome.
    if (!f.unanswered && f.outcome == rule->default_outcome) f.outcome = s.outcome;
    out.push_back(std::move(f));
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return static_cast<int>(a.outcome) < static_cast<int>(b.outcome);
  });
  return out;
}

std::string encode_rule_settings(const EligibilityRules& rules) {
  std::string out;
  for (const auto& [id, s] : rules.changed) out += (out.empty() ? "" : ";") + id + "=" + setting_text(s);
  return out;
}

std::map<std::string, RuleSetting> decode_rule_settings(std::string_view text) {
  std::map<std::string, RuleSetting> out;
  while (!text.empty()) {
    auto end = text.find(';');
    std::string_view item = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    auto eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    const RuleInfo* rule = find_rule(item.substr(0, eq));
    auto setting = parse_setting(item.substr(eq + 1));
    if (rule && setting && refusal(*rule, *setting).empty()) out[rule->rule] = *setting;
  }
  return out;
}

Result<EligibilityRules> change_rules(const EligibilityRules& current,
                                      const std::map<std::string, std::string>& changes,
                                      bool acknowledge_contraindication) {
  EligibilityRules next = current;
  next.version = current.version + 1;
  bool changed = false;
  for (const auto& [id, text] : changes) {
    const std::string field = "rules." + id.substr(0, 60);
    const RuleInfo* rule = find_rule(id);
    if (!rule) return Error::invalid(field, "Unknown rule \"" + id.substr(0, 60) + "\".");
    auto wanted = parse_setting(text);
    if (!wanted) return Error::invalid(field, "Set " + id + " to exclude, needs_review, supports or off.");
    if (auto why = refusal(*rule, *wanted); !why.empty()) return Error::invalid(field, why);
    if (rule->group == RuleGroup::contraindication && wanted->outcome != Outcome::exclude &&
        current.setting(*rule).outcome == Outcome::exclude && !acknowledge_contraindication)
      return Error::invalid("acknowledge_contraindication",
                            rule->label +
                                " is a Spravato contraindication: a yes would no longer exclude. Confirm that the "
                                "medical director accepts this.",
                            "contraindication_acknowledgement_needed");
    if (current.setting(*rule) == *wanted) continue;
    changed = true;
    if (*wanted == RuleSetting{rule->default_outcome, true})
      next.changed.erase(rule->rule);
    else
      next.changed[rule->rule] = *wanted;
  }
  if (!changed) return Error::invalid("rules", "Nothing changed: every rule already has the outcome sent.");
  return next;
}

}  // namespace kc
