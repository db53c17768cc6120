#include "domain/patient.h"

#include <algorithm>
#include <cctype>

#include "domain/validation.h"

namespace kc {

Result<PatientIdentity> validate_patient_identity(std::string_view given_name, std::string_view family_name,
                                                  std::string_view date_of_birth, const Date& today) {
  auto given = required_text("given_name", given_name, 100);
  if (!given) return given.error();
  auto family = required_text("family_name", family_name, 100);
  if (!family) return family.error();
  auto dob = parse_date(date_of_birth);
  if (!dob) return Error::invalid("date_of_birth", "Enter the date of birth as YYYY-MM-DD.");
  if (compare(*dob, today) > 0) return Error::invalid("date_of_birth", "The date of birth is in the future.");
  if (age_in_years(*dob, today) > kMaxAgeYears)
    return Error::invalid("date_of_birth", "The date of birth gives an age over 120 years.");
  return PatientIdentity{*given, *family, *dob};
}

std::string search_key(std::string_view name) {
  std::string key(name);
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return key;
}

}  // namespace kc
