// Registering, opening and searching patients (the identity part of the record).
// Every read of a patient-identifying record is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ports.h"
#include "app/store.h"
#include "domain/result.h"

namespace kc::app {

struct NewPatient {
  std::string given_name, family_name, date_of_birth;
};

/// A patient's identity with their demographics and contacts.
struct PatientRecord {
  PatientRow patient;
  Demographics demographics;
};

struct PatientPage {
  std::vector<PatientRow> items;
  std::optional<std::string> next_cursor;
};

class PatientService {
 public:
  PatientService(Store& store, Crypto& crypto, const Clock& clock)
      : store_(store), crypto_(crypto), clock_(clock), audit_(crypto, clock) {}

  Result<PatientRow> create(const Caller& caller, const NewPatient& input);
  /// The identity with the demographics and contacts (audited as a read).
  Result<PatientRecord> get(const Caller& caller, const std::string& id);
  /// Prefix search on family or given name; `query` empty lists everyone.
  Result<PatientPage> search(const Caller& caller, const std::string& query, const std::string& cursor, int limit);

 private:
  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog audit_;
};

/// Reads a search box: a date (YYYY-MM-DD) finds that date of birth; three or more
/// digits (with + ( ) - . and spaces) a phone number by prefix; anything else a name
/// prefix.
PatientQuery patient_query(const std::string& text);

/// The opaque text form of a list position, and back.
std::string encode_cursor(const PatientCursor& c);
std::optional<PatientCursor> decode_cursor(const std::string& text);

}  // namespace kc::app
