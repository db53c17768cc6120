// Eligibility screening: rules that read a patient's documented history and say,
// each with its reason and source, whether a finding excludes treatment, needs the
// prescriber's review, or supports candidacy. The prescriber decides; the rules
// help and are kept with the decision (their version and the facts they read).
//
// "Unknown" is never "no": a contraindication nobody has asked about is a finding
// that needs review, not a pass. Rules come from the clinical reference §4 (Spravato
// and Ketalar labels; the seeds), versioned as kRuleSetVersion.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.h"

namespace kc {

/// An answer in the patient's history: recorded yes, recorded no, or not recorded.
enum class Answer { unknown, yes, no };
std::string_view to_string(Answer a);
std::optional<Answer> parse_answer(std::string_view text);

/// One question of the history the rules read.
struct HistoryQuestion {
  std::string_view code, label;
};
/// Every history question, in the order the screening form asks them.
const std::vector<HistoryQuestion>& history_questions();
bool is_history_question(std::string_view code);

/// Medication classes that interact with ketamine (clinical reference §3, REMS form).
enum class MedicationClass { none, benzodiazepine, z_drug, psychostimulant, maoi, opioid };
std::string_view to_string(MedicationClass c);
std::optional<MedicationClass> parse_medication_class(std::string_view text);

/// ICD-10-CM codes of the indications (clinical reference §7) for the pick list.
struct DiagnosisChoice {
  std::string_view code, label;
};
const std::vector<DiagnosisChoice>& diagnosis_choices();
bool is_diagnosis_choice(std::string_view code);

enum class TrialResponse { none, partial, full, not_tolerated };
std::string_view to_string(TrialResponse r);
std::optional<TrialResponse> parse_trial_response(std::string_view text);

struct TreatmentTrial {
  std::string drug;
  std::string dose;
  int weeks = 0;
  TrialResponse response = TrialResponse::none;
};

/// The facts one screening reads.
struct ScreeningFacts {
  std::optional<int> age_years;
  std::map<std::string, Answer> history;  // question code -> answer (absent: unknown)
  std::vector<MedicationClass> current_medication_classes;
  std::vector<std::string> diagnosis_codes;  // ICD-10-CM
  std::vector<TreatmentTrial> trials;
};

enum class Outcome { exclude, needs_review, supports };
std::string_view to_string(Outcome o);

struct Finding {
  std::string rule;  // stable id, e.g. "aneurysmal_vascular_disease"
  Outcome outcome = Outcome::needs_review;
  std::string reason;              // what the prescriber reads
  std::string source;              // where the rule comes from
  std::vector<std::string> facts;  // the facts that triggered it, as "label: value"
  bool unanswered = false;         // about a fact nobody recorded ("Not yet asked"): clinic settings leave it alone
};

inline constexpr std::string_view kRuleSetVersion = "kc-eligibility-2026.11-1";

/// Antidepressant trials without full response that document treatment resistance.
/// Spravato prescribing information: its depression studies enrolled adults who had
/// not responded to at least two antidepressants in the current episode.
inline constexpr int kTreatmentResistanceTrials = 2;

/// Every finding for these facts, exclusions first, then reviews, then support.
std::vector<Finding> screen(const ScreeningFacts& facts);

enum class Decision { eligible, eligible_with_conditions, not_eligible };
std::string_view to_string(Decision d);
std::optional<Decision> parse_decision(std::string_view text);

/// The facts and findings as JSON text, kept with a decision.
/// `rule_version` names the rules the findings came from (the clinic's label).
std::string snapshot_json(const ScreeningFacts& facts, const std::vector<Finding>& findings,
                          std::string_view rule_version = kRuleSetVersion);

/// True when two screenings differ in any rule's outcome: a change of facts that
/// matters to eligibility (and so calls for re-screening).
bool findings_differ(const std::vector<Finding>& before, const std::vector<Finding>& after);

/// True when recording `decision` against these findings needs an explicit override
/// (any exclusion, and the decision is not "not eligible").
bool needs_override(Decision decision, const std::vector<Finding>& findings);

}  // namespace kc
