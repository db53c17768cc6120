#include "app/patient_record_service.h"

#include <algorithm>

#include "app/ids.h"
#include "domain/patient.h"
#include "domain/validation.h"

namespace kc::app {
namespace {

bool is_identity_field(const std::string& name) {
  return name == "given_name" || name == "family_name" || name == "date_of_birth";
}

const DemographicsField* demographics_field(const std::string& name) {
  for (const auto& f : demographics_fields())
    if (f.name == name) return &f;
  return nullptr;
}

std::string_view kind_name(RecordEntryKind kind) {
  switch (kind) {
    case RecordEntryKind::measurement:
      return "measurement";
    case RecordEntryKind::allergy:
      return "allergy";
    case RecordEntryKind::baseline_test:
      return "baseline_test";
    case RecordEntryKind::medication:
      return "medication";
    case RecordEntryKind::diagnosis:
      return "diagnosis";
    case RecordEntryKind::trial:
      return "trial";
  }
  return "entry";
}

/// What a clinician would call the entry, for the re-screening reason.
struct FoundEntry {
  std::string label;
  bool marked = false;
};

template <class Row, class Label>
std::optional<FoundEntry> find_in(const std::vector<Row>& rows, const std::string& id, Label label) {
  for (const auto& r : rows)
    if (r.id == id) return FoundEntry{label(r), r.entered_in_error.marked()};
  return std::nullopt;
}

std::optional<FoundEntry> find_entry(Transaction& tx, const ClinicId& c, RecordEntryKind kind, const std::string& p,
                                     const std::string& id) {
  switch (kind) {
    case RecordEntryKind::measurement:
      return find_in(tx.measurements(c, p, Entries::all), id,
                     [](const MeasurementRow& m) { return m.kind + " measured on " + m.measured_on; });
    case RecordEntryKind::allergy:
      return find_in(tx.allergies(c, p, Entries::all), id,
                     [](const AllergyRow& a) { return "allergy to " + a.substance; });
    case RecordEntryKind::baseline_test:
      return find_in(tx.baseline_tests(c, p, Entries::all), id,
                     [](const BaselineTestRow& t) { return t.kind + " test taken on " + t.taken_on; });
    case RecordEntryKind::medication:
      return find_in(tx.medications(c, p, Entries::all), id,
                     [](const MedicationRow& m) { return "medication " + m.name + " (" + m.medication_class + ")"; });
    case RecordEntryKind::diagnosis:
      return find_in(tx.diagnoses(c, p, Entries::all), id, [](const DiagnosisRow& d) { return "diagnosis " + d.code; });
    case RecordEntryKind::trial:
      return find_in(tx.trials(c, p, Entries::all), id,
                     [](const TrialRow& t) { return "treatment trial of " + t.drug; });
  }
  return std::nullopt;
}

}  // namespace

Date PatientRecordService::today() const { return date_of(clock_.now_ms()); }

Result<PatientRecordService::Opened> PatientRecordService::open(const Caller& caller, Action action,
                                                                std::string_view audit_action,
                                                                const std::string& patient_id) {
  if (!caller.can(action)) {
    audit_.record_denied(store_, caller, audit_action, "patient", patient_id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto patient = tx->patient(caller.clinic, patient_id);
  if (!patient) return Error::not_found("No such patient.");
  // A stored date of birth was validated on the way in; the fallback only guards a
  // row written by hand, and makes every date after 1900 acceptable.
  Date birth = parse_date(patient->date_of_birth).value_or(Date{1900, 1, 1});
  return Opened{std::move(tx), std::move(*patient), birth};
}

Result<PatientRecord> PatientRecordService::update_demographics(const Caller& caller, const std::string& patient_id,
                                                                const std::map<std::string, std::string>& changes) {
  for (const auto& [name, value] : changes)
    if (!is_identity_field(name) && !demographics_field(name))
      return Error::invalid(name, "Unknown field \"" + name.substr(0, 40) + "\".");
  auto opened = open(caller, Action::patients_write, "patient.demographics.update", patient_id);
  if (!opened) return opened.error();
  auto& tx = opened->tx;
  // Lock the row first, then read the identity again: a concurrent change committed
  // meanwhile is merged, not overwritten.
  Demographics demographics = tx->patient_demographics(caller.clinic, patient_id).value_or(Demographics{});
  const PatientRow before = tx->patient(caller.clinic, patient_id).value_or(opened->patient);
  PatientRow after = before;
  for (const auto& [name, value] : changes) {
    if (name == "given_name") after.given_name = value;
    if (name == "family_name") after.family_name = value;
    if (name == "date_of_birth") after.date_of_birth = value;
    if (auto* f = demographics_field(name)) demographics.*f->member = value;
  }
  auto identity = validate_patient_identity(after.given_name, after.family_name, after.date_of_birth, today());
  if (!identity) return identity.error();
  after.given_name = identity->given_name;
  after.family_name = identity->family_name;
  after.date_of_birth = format_date(identity->date_of_birth);
  auto checked = validate_demographics(demographics, identity->date_of_birth, today());
  if (!checked) return checked.error();
  tx->update_patient(caller.clinic, after, *checked);
  audit_.record(*tx, caller, "patient.demographics.update", "patient", patient_id);
  if (after.date_of_birth != before.date_of_birth)
    screening_.rescreen_after_birth_date_change(*tx, caller, before, after);
  tx->commit();
  return PatientRecord{after, *checked};
}

Result<std::vector<MeasurementRow>> PatientRecordService::measurements(const Caller& caller,
                                                                       const std::string& patient_id) {
  auto opened = open(caller, Action::patients_read, "patient.measurements.read", patient_id);
  if (!opened) return opened.error();
  auto& tx = *opened->tx;
  auto rows = tx.measurements(caller.clinic, patient_id, Entries::all);
  audit_.record(tx, caller, "patient.measurements.read", "patient", patient_id);
  tx.commit();
  return rows;
}

Result<MeasurementRow> PatientRecordService::add_measurement(const Caller& caller, const std::string& patient_id,
                                                             const MeasurementInput& input) {
  auto opened = open(caller, Action::history_write, "patient.measurement.create", patient_id);
  if (!opened) return opened.error();
  auto& tx = *opened->tx;
  MeasurementInput dated = input;
  if (dated.measured_on.empty()) dated.measured_on = format_date(today());
  auto m = validate_measurement(dated, opened->date_of_birth, today());
  if (!m) return m.error();
  MeasurementRow row{new_id(crypto_, "msr"),
                     patient_id,
                     std::string(to_string(m->kind)),
                     m->weight_g,
                     m->height_mm,
                     format_date(m->measured_on),
                     clock_.now_ms(),
                     caller.user_id,
                     {}};
  tx.insert_measurement(caller.clinic, row);
  audit_.record(tx, caller, "patient.measurement.create", "patient", patient_id);
  tx.commit();
  row.recorded_by = caller.email;
  return row;
}

Result<std::vector<AllergyRow>> PatientRecordService::allergies(const Caller& caller, const std::string& patient_id) {
  auto opened = open(caller, Action::patients_read, "patient.allergies.read", patient_id);
  if (!opened) return opened.error();
  auto& tx = *opened->tx;
  auto rows = tx.allergies(caller.clinic, patient_id, Entries::all);
  audit_.record(tx, caller, "patient.allergies.read", "patient", patient_id);
  tx.commit();
  return rows;
}

Result<AllergyRow> PatientRecordService::add_allergy(const Caller& caller, const std::string& patient_id,
                                                     const AllergyInput& input) {
  auto allergy = validate_allergy(input);
  if (!allergy) return allergy.error();
  auto opened = open(caller, Action::history_write, "patient.allergy.create", patient_id);
  if (!opened) return opened.error();
  auto& tx = *opened->tx;
  auto existing = tx.allergies(caller.clinic, patient_id, Entries::valid);
  if (std::any_of(existing.begin(), existing.end(),
                  [&](const AllergyRow& a) { return same_substance(a.substance, allergy->substance); }))
    return Error::conflict("already_recorded", "An allergy to this substance is already recorded.", "substance");
  AllergyRow row{new_id(crypto_, "alg"), patient_id, allergy->substance, allergy->reaction, clock_.now_ms(),
                 caller.user_id,         {}};
  tx.insert_allergy(caller.clinic, row);
  audit_.record(tx, caller, "patient.allergy.create", "patient", patient_id);
  tx.commit();
  row.recorded_by = caller.email;
  return row;
}

Result<std::vector<BaselineTestRow>> PatientRecordService::baseline_tests(const Caller& caller,
                                                                          const std::string& patient_id) {
  auto opened = open(caller, Action::patients_read, "patient.baseline_tests.read", patient_id);
  if (!opened) return opened.error();
  auto& tx = *opened->tx;
  auto rows = tx.baseline_tests(caller.clinic, patient_id, Entries::all);
  audit_.record(tx, caller, "patient.baseline_tests.read", "patient", patient_id);
  tx.commit();
  return rows;
}

Result<BaselineTestRow> PatientRecordService::add_baseline_test(const Caller& caller, const std::string& patient_id,
                                                                const BaselineTestInput& input) {
  auto opened = open(caller, Action::history_write, "patient.baseline_test.create", patient_id);
  if (!opened) return opened.error();
  auto& tx = *opened->tx;
  auto test = validate_baseline_test(input, opened->date_of_birth, today());
  if (!test) return test.error();
  BaselineTestRow row{new_id(crypto_, "bst"),
                      patient_id,
                      std::string(to_string(test->kind)),
                      format_date(test->taken_on),
                      test->result,
                      clock_.now_ms(),
                      caller.user_id,
                      {}};
  tx.insert_baseline_test(caller.clinic, row);
  audit_.record(tx, caller, "patient.baseline_test.create", "patient", patient_id);
  tx.commit();
  row.recorded_by = caller.email;
  return row;
}

Result<EnteredInError> PatientRecordService::mark_entered_in_error(const Caller& caller, const std::string& patient_id,
                                                                   RecordEntryKind kind, const std::string& entry_id,
                                                                   const std::string& reason) {
  const std::string action = "patient." + std::string(kind_name(kind)) + ".entered_in_error";
  auto opened = open(caller, Action::history_write, action, patient_id);
  if (!opened) return opened.error();
  auto why = required_text("reason", reason, 1000);
  if (!why) return why.error();
  auto& tx = *opened->tx;
  auto entry = find_entry(tx, caller.clinic, kind, patient_id, entry_id);
  if (!entry) return Error::not_found("No such " + std::string(kind_name(kind)) + " in this patient's record.");
  const Error already = Error::conflict("already_entered_in_error", "This entry is already marked entered in error.");
  if (entry->marked) return already;
  const auto before = screening_.findings_of(tx, caller.clinic, opened->patient);
  EnteredInError mark{clock_.now_ms(), caller.user_id, *why};
  if (!tx.mark_entered_in_error(caller.clinic, kind, patient_id, entry_id, mark)) return already;
  audit_.record(tx, caller, action, "patient", patient_id);
  screening_.rescreen_if_changed(tx, caller, opened->patient, before, "Entered in error: " + entry->label);
  tx.commit();
  mark.by = caller.email;
  return mark;
}

}  // namespace kc::app
