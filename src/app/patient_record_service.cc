#include "app/patient_record_service.h"

#include <algorithm>

#include "app/ids.h"
#include "domain/patient.h"

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
  auto rows = tx.measurements(caller.clinic, patient_id);
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
                     caller.user_id};
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
  auto rows = tx.allergies(caller.clinic, patient_id);
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
  auto existing = tx.allergies(caller.clinic, patient_id);
  if (std::any_of(existing.begin(), existing.end(),
                  [&](const AllergyRow& a) { return same_substance(a.substance, allergy->substance); }))
    return Error::conflict("already_recorded", "An allergy to this substance is already recorded.", "substance");
  AllergyRow row{new_id(crypto_, "alg"), patient_id,      allergy->substance,
                 allergy->reaction,      clock_.now_ms(), caller.user_id};
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
  auto rows = tx.baseline_tests(caller.clinic, patient_id);
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
                      caller.user_id};
  tx.insert_baseline_test(caller.clinic, row);
  audit_.record(tx, caller, "patient.baseline_test.create", "patient", patient_id);
  tx.commit();
  row.recorded_by = caller.email;
  return row;
}

}  // namespace kc::app
