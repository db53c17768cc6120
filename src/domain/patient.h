// The minimal patient identity the foundation needs: names and date of birth, with
// the checks that keep impossible values out. The full record grows from here.
#pragma once

#include <string>
#include <string_view>

#include "domain/result.h"
#include "domain/time.h"

namespace kc {

struct PatientIdentity {
  std::string given_name;
  std::string family_name;
  Date date_of_birth;
};

/// Oldest plausible age at registration; older dates of birth are typing errors.
constexpr int kMaxAgeYears = 120;

/// Validates raw input against `today` (the clinic's current UTC date).
Result<PatientIdentity> validate_patient_identity(std::string_view given_name, std::string_view family_name,
                                                  std::string_view date_of_birth, const Date& today);

/// The lower-cased search key for prefix search on names.
std::string search_key(std::string_view name);

}  // namespace kc
