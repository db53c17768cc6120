// A patient's demographics and contacts beyond the identity in patient.h: preferred
// name, sex at birth, gender identity, how to reach them, whom to call in an
// emergency, who usually takes them home after a session, who referred them, and,
// for a minor, their guardian.
//
// Every field is text; "" means "not recorded". Phone numbers and e-mail addresses
// are kept in the normalised form of enquiry.h and validation.h.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "domain/time.h"

namespace kc {

enum class SexAtBirth { female, male, intersex, unknown };
std::string_view to_string(SexAtBirth s);
std::optional<SexAtBirth> parse_sex_at_birth(std::string_view text);

struct Demographics {
  std::string preferred_name;
  std::string sex_at_birth;  // a SexAtBirth code; "" only for a record made before it was asked
  std::string gender_identity;
  std::string phone;  // digits with an optional leading +
  std::string email;  // lower-case
  std::string emergency_contact_name, emergency_contact_relationship, emergency_contact_phone;
  std::string escort_name, escort_phone;  // the usual escort or driver home after a session
  std::string referrer;
  std::string guardian_name, guardian_relationship, guardian_phone;  // required under kAdultAgeYears
  friend bool operator==(const Demographics&, const Demographics&) = default;
};

/// One field of Demographics by its API name, in the order a form shows them.
struct DemographicsField {
  std::string_view name;
  std::string Demographics::*member;
};
const std::array<DemographicsField, 14>& demographics_fields();

/// Age from which no guardian is needed. Clinical reference §4: esketamine is not
/// approved under 18; adolescents need guardian consent (product brief: "minors need
/// a guardian").
constexpr int kAdultAgeYears = 18;

/// True when a person born on `birth` is under kAdultAgeYears on `today`.
bool is_minor(const Date& birth, const Date& today);

/// Checks and normalises every field of `input` for a patient born on `birth`, with
/// `today` the clinic's UTC date. The first error names its field. Rules: sex at birth
/// is one of the codes; text within its limit; phone and e-mail well formed when
/// given; an emergency contact or escort, once started, has a name and a phone; a
/// guardian has name, relationship and phone, and a minor must have one.
Result<Demographics> validate_demographics(const Demographics& input, const Date& birth, const Date& today);

}  // namespace kc
