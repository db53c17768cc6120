#include "app/screening_service.h"

#include <algorithm>

#include "app/eligibility_rules_service.h"
#include "app/ids.h"
#include "domain/time.h"
#include "domain/validation.h"

namespace kc::app {
namespace {

Result<std::string> optional_text(std::string_view field, const std::string& value, std::size_t max) {
  if (value.empty()) return std::string();
  return required_text(field, value, max);
}

/// The history as the chart lists it: entries entered in error included, struck through.
HistoryView history_of(Transaction& tx, const ClinicId& clinic, const std::string& patient_id) {
  return {tx.history_answers(clinic, patient_id), tx.medications(clinic, patient_id, Entries::all),
          tx.diagnoses(clinic, patient_id, Entries::all), tx.trials(clinic, patient_id, Entries::all)};
}

}  // namespace

Result<std::unique_ptr<Transaction>> ScreeningService::open(const Caller& caller, Action action,
                                                            std::string_view audit_action,
                                                            const std::string& patient_id) {
  if (!caller.can(action)) {
    audit_.record_denied(store_, caller, audit_action, "patient", patient_id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  if (!tx->patient(caller.clinic, patient_id)) return Error::not_found("No such patient.");
  return tx;
}

ScreeningFacts ScreeningService::facts_of(Transaction& tx, const ClinicId& clinic, const PatientRow& patient) {
  ScreeningFacts f;
  if (auto dob = parse_date(patient.date_of_birth)) f.age_years = age_in_years(*dob, date_of(clock_.now_ms()));
  for (const auto& a : tx.history_answers(clinic, patient.id))
    if (auto answer = parse_answer(a.answer)) f.history[a.question] = *answer;
  for (const auto& m : tx.medications(clinic, patient.id, Entries::valid))
    if (m.stopped_ms == 0)
      if (auto c = parse_medication_class(m.medication_class)) f.current_medication_classes.push_back(*c);
  for (const auto& d : tx.diagnoses(clinic, patient.id, Entries::valid)) f.diagnosis_codes.push_back(d.code);
  for (const auto& t : tx.trials(clinic, patient.id, Entries::valid))
    f.trials.push_back({t.drug, t.dose, t.weeks, parse_trial_response(t.response).value_or(TrialResponse::none)});
  return f;
}

std::vector<Finding> ScreeningService::findings_of(Transaction& tx, const ClinicId& clinic, const PatientRow& patient) {
  return screen(facts_of(tx, clinic, patient), clinic_eligibility_rules(tx, audit_, clinic, clock_.now_ms()));
}

void ScreeningService::rescreen_if_changed(Transaction& tx, const Caller& caller, const PatientRow& patient,
                                           const std::vector<Finding>& before, const std::string& what_changed) {
  if (!findings_differ(before, findings_of(tx, caller.clinic, patient))) return;
  auto latest = tx.latest_decision(caller.clinic, patient.id);
  if (!latest || latest->needs_rescreen) return;
  tx.mark_rescreen(caller.clinic, patient.id, what_changed);
  audit_.record(tx, caller, "eligibility.rescreen_needed", "patient", patient.id);
}

void ScreeningService::rescreen_after_birth_date_change(Transaction& tx, const Caller& caller, const PatientRow& before,
                                                        const PatientRow& after) {
  rescreen_if_changed(tx, caller, after, findings_of(tx, caller.clinic, before),
                      "Date of birth changed (" + before.date_of_birth + " to " + after.date_of_birth + ")");
}

Result<HistoryView> ScreeningService::history(const Caller& caller, const std::string& patient_id) {
  auto tx = open(caller, Action::patients_read, "patient.history.read", patient_id);
  if (!tx) return tx.error();
  auto& t = **tx;
  ClinicId c = caller.clinic;
  HistoryView view = history_of(t, c, patient_id);
  audit_.record(t, caller, "patient.history.read", "patient", patient_id);
  t.commit();
  return view;
}

Result<HistoryView> ScreeningService::record_answers(const Caller& caller, const std::string& patient_id,
                                                     const std::map<std::string, std::string>& answers) {
  for (const auto& [code, value] : answers) {
    if (!is_history_question(code)) return Error::invalid("answers", "Unknown history question \"" + code + "\".");
    if (!parse_answer(value)) return Error::invalid("answers", "Answer " + code + " with yes, no or unknown.");
  }
  auto tx = open(caller, Action::history_write, "patient.history.update", patient_id);
  if (!tx) return tx.error();
  auto& t = **tx;
  auto patient = *t.patient(caller.clinic, patient_id);
  const auto before = findings_of(t, caller.clinic, patient);
  std::map<std::string, std::string> current;
  for (const auto& a : t.history_answers(caller.clinic, patient_id)) current[a.question] = a.answer;
  std::string changed;
  for (const auto& [code, value] : answers) {
    auto it = current.find(code);
    if ((it == current.end() && value == "unknown") || (it != current.end() && it->second == value)) continue;
    t.insert_history_answer(caller.clinic, patient_id, {code, value, clock_.now_ms(), caller.user_id});
    changed += (changed.empty() ? "" : "; ") + code + ": " + value;
  }
  if (!changed.empty()) {
    audit_.record(t, caller, "patient.history.update", "patient", patient_id);
    rescreen_if_changed(t, caller, patient, before, "History changed (" + changed + ")");
  } else {
    audit_.record(t, caller, "patient.history.read", "patient", patient_id);  // nothing changed; it was read
  }
  HistoryView view = history_of(t, caller.clinic, patient_id);
  t.commit();
  return view;
}

Result<MedicationRow> ScreeningService::add_medication(const Caller& caller, const std::string& patient_id,
                                                       const std::string& name_in, const std::string& class_in,
                                                       const std::string& dose_in) {
  auto name = required_text("name", name_in, 200);
  if (!name) return name.error();
  if (!parse_medication_class(class_in))
    return Error::invalid("class",
                          "class must be none, benzodiazepine, non_benzodiazepine_sedative_hypnotic, "
                          "psychostimulant, maoi or opioid.");
  auto dose = optional_text("dose", dose_in, 200);
  if (!dose) return dose.error();
  auto tx = open(caller, Action::history_write, "patient.medication.create", patient_id);
  if (!tx) return tx.error();
  auto& t = **tx;
  auto patient = *t.patient(caller.clinic, patient_id);
  const auto before = findings_of(t, caller.clinic, patient);
  MedicationRow m{new_id(crypto_, "med"), patient_id, *name, class_in, *dose, clock_.now_ms(), 0, caller.user_id, {}};
  t.insert_medication(caller.clinic, m);
  audit_.record(t, caller, "patient.medication.create", "patient", patient_id);
  rescreen_if_changed(t, caller, patient, before, "New medication: " + m.name + " (" + class_in + ")");
  t.commit();
  return m;
}

Result<MedicationRow> ScreeningService::stop_medication(const Caller& caller, const std::string& patient_id,
                                                        const std::string& medication_id) {
  auto tx = open(caller, Action::history_write, "patient.medication.stop", patient_id);
  if (!tx) return tx.error();
  auto& t = **tx;
  auto meds = t.medications(caller.clinic, patient_id, Entries::valid);
  auto it = std::find_if(meds.begin(), meds.end(), [&](const auto& m) { return m.id == medication_id; });
  if (it == meds.end()) return Error::not_found("No such medication.");
  if (it->stopped_ms != 0) return Error::conflict("already_stopped", "This medication is already stopped.");
  auto patient = *t.patient(caller.clinic, patient_id);
  const auto before = findings_of(t, caller.clinic, patient);
  const std::int64_t now = clock_.now_ms();
  t.stop_medication(caller.clinic, patient_id, medication_id, now);
  audit_.record(t, caller, "patient.medication.stop", "patient", patient_id);
  rescreen_if_changed(t, caller, patient, before, "Medication stopped: " + it->name);
  it->stopped_ms = now;
  t.commit();
  return *it;
}

Result<DiagnosisRow> ScreeningService::add_diagnosis(const Caller& caller, const std::string& patient_id,
                                                     const std::string& code) {
  if (!is_diagnosis_choice(code)) return Error::invalid("code", "Choose a diagnosis from the list.");
  auto tx = open(caller, Action::history_write, "patient.diagnosis.create", patient_id);
  if (!tx) return tx.error();
  auto& t = **tx;
  for (const auto& existing : t.diagnoses(caller.clinic, patient_id, Entries::valid))
    if (existing.code == code)
      return Error::conflict("already_recorded", "This diagnosis is already recorded.", "code");
  auto patient = *t.patient(caller.clinic, patient_id);
  const auto before = findings_of(t, caller.clinic, patient);
  DiagnosisRow d{new_id(crypto_, "dgn"), patient_id, code, clock_.now_ms(), caller.user_id, {}};
  t.insert_diagnosis(caller.clinic, d);
  audit_.record(t, caller, "patient.diagnosis.create", "patient", patient_id);
  rescreen_if_changed(t, caller, patient, before, "New diagnosis: " + code);
  t.commit();
  return d;
}

Result<TrialRow> ScreeningService::add_trial(const Caller& caller, const std::string& patient_id,
                                             const std::string& drug_in, const std::string& dose_in, int weeks,
                                             const std::string& response) {
  auto drug = required_text("drug", drug_in, 200);
  if (!drug) return drug.error();
  auto dose = optional_text("dose", dose_in, 200);
  if (!dose) return dose.error();
  if (weeks < 0 || weeks > 520) return Error::invalid("weeks", "weeks must be from 0 to 520.");
  if (!parse_trial_response(response))
    return Error::invalid("response", "response must be none, partial, full or not_tolerated.");
  auto tx = open(caller, Action::history_write, "patient.trial.create", patient_id);
  if (!tx) return tx.error();
  auto& t = **tx;
  auto patient = *t.patient(caller.clinic, patient_id);
  const auto before = findings_of(t, caller.clinic, patient);
  TrialRow row{new_id(crypto_, "trl"), patient_id, *drug, *dose, weeks, response, clock_.now_ms(), caller.user_id, {}};
  t.insert_trial(caller.clinic, row);
  audit_.record(t, caller, "patient.trial.create", "patient", patient_id);
  rescreen_if_changed(t, caller, patient, before, "New treatment trial: " + row.drug);
  t.commit();
  return row;
}

Result<ScreeningView> ScreeningService::screening(const Caller& caller, const std::string& patient_id) {
  auto tx = open(caller, Action::patients_read, "patient.screening.read", patient_id);
  if (!tx) return tx.error();
  auto& t = **tx;
  auto patient = *t.patient(caller.clinic, patient_id);
  const auto rules = clinic_eligibility_rules(t, audit_, caller.clinic, clock_.now_ms());
  ScreeningView view{screen(facts_of(t, caller.clinic, patient), rules), t.latest_decision(caller.clinic, patient_id),
                     rule_set_label(rules)};
  audit_.record(t, caller, "patient.screening.read", "patient", patient_id);
  t.commit();
  return view;
}

Result<DecisionRow> ScreeningService::decide(const Caller& caller, const std::string& patient_id,
                                             const NewDecision& input) {
  auto decision = parse_decision(input.decision);
  if (!decision)
    return Error::invalid("decision", "decision must be eligible, eligible_with_conditions or not_eligible.");
  auto reason = required_text("reason", input.reason, 2000);
  if (!reason) return reason.error();
  auto tx = open(caller, Action::eligibility_decide, "eligibility.decide", patient_id);
  if (!tx) return tx.error();
  auto& t = **tx;
  auto patient = *t.patient(caller.clinic, patient_id);
  const auto facts = facts_of(t, caller.clinic, patient);
  const auto rules = clinic_eligibility_rules(t, audit_, caller.clinic, clock_.now_ms());
  const auto findings = screen(facts, rules);
  const bool override_needed = needs_override(*decision, findings);
  std::string override_reason;
  if (override_needed) {
    auto o = required_text("override_reason", input.override_reason, 2000);
    if (!o)
      return Error::invalid("override_reason", "An exclusion applies: proceeding needs an override with its reason.");
    override_reason = *o;
  }
  DecisionRow d{new_id(crypto_, "elg"),
                patient_id,
                input.decision,
                *reason,
                override_reason,
                rule_set_label(rules),
                snapshot_json(facts, findings, rule_set_label(rules)),
                clock_.now_ms(),
                caller.user_id,
                false,
                ""};
  t.insert_decision(caller.clinic, d);
  audit_.record(t, caller, override_needed ? "eligibility.decide_override" : "eligibility.decide", "patient",
                patient_id);
  d.decided_by = caller.email;
  t.commit();
  return d;
}

}  // namespace kc::app
