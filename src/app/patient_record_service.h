// The rest of the patient record: demographics and contacts, and the dated entries
// the clinic collects before treatment (weight and height, allergies, baseline
// tests). The rules are in domain/demographics.h and domain/record_entries.h.
//
// Permissions: reading needs patients.read; changing demographics patients.write;
// adding a clinical entry, or marking one entered in error, history.write. Each call works in one write transaction
// that also holds its audit event (reads are audited too); a refusal is audited as
// denied. Another clinic's patient is not found. Nothing is written when any input
// is wrong.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/patient_service.h"
#include "app/ports.h"
#include "app/screening_service.h"
#include "app/store.h"
#include "domain/record_entries.h"
#include "domain/result.h"

namespace kc::app {

class PatientRecordService {
 public:
  PatientRecordService(Store& store, Crypto& crypto, const Clock& clock, ScreeningService& screening)
      : store_(store), crypto_(crypto), clock_(clock), screening_(screening), audit_(crypto, clock) {}

  /// Replaces the fields named in `changes` (given_name, family_name, date_of_birth,
  /// or a name from demographics_fields()) and keeps every other one, then checks the
  /// record as it would stand. A changed date of birth that changes the screening
  /// findings marks the latest eligibility decision for re-screening.
  Result<PatientRecord> update_demographics(const Caller& caller, const std::string& patient_id,
                                            const std::map<std::string, std::string>& changes);

  /// Newest first.
  Result<std::vector<MeasurementRow>> measurements(const Caller& caller, const std::string& patient_id);
  /// An empty measured_on means today (the clinic's UTC date).
  Result<MeasurementRow> add_measurement(const Caller& caller, const std::string& patient_id,
                                         const MeasurementInput& input);

  /// Oldest first.
  Result<std::vector<AllergyRow>> allergies(const Caller& caller, const std::string& patient_id);
  /// A substance already recorded for the patient is a conflict (already_recorded).
  Result<AllergyRow> add_allergy(const Caller& caller, const std::string& patient_id, const AllergyInput& input);

  /// Newest first.
  Result<std::vector<BaselineTestRow>> baseline_tests(const Caller& caller, const std::string& patient_id);
  Result<BaselineTestRow> add_baseline_test(const Caller& caller, const std::string& patient_id,
                                            const BaselineTestInput& input);

  /// Marks an entry of any kind (a weight or height, an allergy, a baseline test, a
  /// medication, a diagnosis, a treatment trial) entered in error, with the reason
  /// (required, at most 1000 characters). The entry is kept and listed with the mark;
  /// it no longer counts in any rule (screening, the weight for dosing, allergy
  /// flags). When that changes the screening findings, the latest eligibility
  /// decision is marked for re-screening. An entry of another patient or clinic is
  /// not found; one marked already is a conflict (already_entered_in_error).
  /// Returns the mark, `by` holding the caller's e-mail.
  Result<EnteredInError> mark_entered_in_error(const Caller& caller, const std::string& patient_id,
                                               RecordEntryKind kind, const std::string& entry_id,
                                               const std::string& reason);

 private:
  struct Opened {
    std::unique_ptr<Transaction> tx;
    PatientRow patient;
    Date date_of_birth;
  };
  /// Checks `action` (auditing a refusal as `audit_action`), begins the transaction
  /// and loads the patient of the caller's clinic.
  Result<Opened> open(const Caller& caller, Action action, std::string_view audit_action,
                      const std::string& patient_id);
  Date today() const;

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  ScreeningService& screening_;
  AuditLog audit_;
};

}  // namespace kc::app
