// A patient's clinical history (answers, medications, diagnoses, treatment trials),
// screening against the eligibility rules, and the prescriber's decision.
//
// Findings come from the clinic's current eligibility rules (eligibility_rules_service.h);
// a decision keeps their version label. A change to the history that changes any
// finding marks the latest decision for re-screening. Every read and write is audited.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ports.h"
#include "app/store.h"
#include "domain/eligibility_rules.h"
#include "domain/result.h"

namespace kc::app {

struct HistoryView {
  std::vector<HistoryAnswerRow> answers;
  std::vector<MedicationRow> medications;
  std::vector<DiagnosisRow> diagnoses;
  std::vector<TrialRow> trials;
};

struct ScreeningView {
  std::vector<Finding> findings;
  std::optional<DecisionRow> latest;
  std::string rule_version;  // the clinic's rules the findings came from, e.g. "kc-eligibility-2026.11-1+clinic.2"
};

struct NewDecision {
  std::string decision, reason, override_reason;
};

class ScreeningService {
 public:
  ScreeningService(Store& store, Crypto& crypto, const Clock& clock)
      : store_(store), crypto_(crypto), clock_(clock), audit_(crypto, clock) {}

  Result<HistoryView> history(const Caller& caller, const std::string& patient_id);
  /// Records the answers that differ from the current ones (question code -> yes|no|unknown).
  Result<HistoryView> record_answers(const Caller& caller, const std::string& patient_id,
                                     const std::map<std::string, std::string>& answers);
  Result<MedicationRow> add_medication(const Caller& caller, const std::string& patient_id, const std::string& name,
                                       const std::string& medication_class, const std::string& dose);
  Result<MedicationRow> stop_medication(const Caller& caller, const std::string& patient_id,
                                        const std::string& medication_id);
  Result<DiagnosisRow> add_diagnosis(const Caller& caller, const std::string& patient_id, const std::string& code);
  Result<TrialRow> add_trial(const Caller& caller, const std::string& patient_id, const std::string& drug,
                             const std::string& dose, int weeks, const std::string& response);

  Result<ScreeningView> screening(const Caller& caller, const std::string& patient_id);
  Result<DecisionRow> decide(const Caller& caller, const std::string& patient_id, const NewDecision& input);

  /// For a corrected date of birth written in `tx` by another use case: marks the
  /// latest decision for re-screening when the findings for `before` and `after` differ.
  void rescreen_after_birth_date_change(Transaction& tx, const Caller& caller, const PatientRow& before,
                                        const PatientRow& after);
  /// The findings for the patient's facts as they stand in `tx` (entries entered in
  /// error left out), for another use case to compare before and after its change.
  std::vector<Finding> findings_of(Transaction& tx, const ClinicId& clinic, const PatientRow& patient);
  /// Marks the latest decision for re-screening when `before` and the current findings differ.
  void rescreen_if_changed(Transaction& tx, const Caller& caller, const PatientRow& patient,
                           const std::vector<Finding>& before, const std::string& what_changed);

 private:
  /// Opens a write transaction on a patient of the caller's clinic, after checking `action`.
  Result<std::unique_ptr<Transaction>> open(const Caller& caller, Action action, std::string_view audit_action,
                                            const std::string& patient_id);
  ScreeningFacts facts_of(Transaction& tx, const ClinicId& clinic, const PatientRow& patient);

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog audit_;
};

}  // namespace kc::app
