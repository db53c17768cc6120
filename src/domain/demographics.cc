#include "domain/demographics.h"

#include "domain/enquiry.h"
#include "domain/validation.h"

namespace kc {
namespace {

using D = Demographics;

enum class Check { code, text, phone, email };

struct Rule {
  std::string_view name;
  std::string D::*member;
  Check check;
  std::size_t max_chars = 0;  // for Check::text
};

constexpr std::size_t kNameChars = 100;
constexpr std::size_t kRelationshipChars = 50;

const std::array<Rule, 14> kRules = {{
    {"preferred_name", &D::preferred_name, Check::text, kNameChars},
    {"sex_at_birth", &D::sex_at_birth, Check::code},
    {"gender_identity", &D::gender_identity, Check::text, 100},
    {"phone", &D::phone, Check::phone},
    {"email", &D::email, Check::email},
    {"emergency_contact_name", &D::emergency_contact_name, Check::text, kNameChars},
    {"emergency_contact_relationship", &D::emergency_contact_relationship, Check::text, kRelationshipChars},
    {"emergency_contact_phone", &D::emergency_contact_phone, Check::phone},
    {"escort_name", &D::escort_name, Check::text, kNameChars},
    {"escort_phone", &D::escort_phone, Check::phone},
    {"referrer", &D::referrer, Check::text, 200},
    {"guardian_name", &D::guardian_name, Check::text, kNameChars},
    {"guardian_relationship", &D::guardian_relationship, Check::text, kRelationshipChars},
    {"guardian_phone", &D::guardian_phone, Check::phone},
}};

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

/// Normalises one field in place; blank text becomes "".
Status check_field(const Rule& rule, std::string& value) {
  const std::string field(rule.name);
  if (rule.check == Check::code) {
    if (!parse_sex_at_birth(value))
      return Error::invalid(field, "Choose the sex at birth: female, male, intersex or unknown.");
    return Ok{};
  }
  if (blank(value)) {
    value.clear();
    return Ok{};
  }
  Result<std::string> checked = rule.check == Check::phone   ? normalized_phone(field, value)
                                : rule.check == Check::email ? normalized_email(field, value)
                                                             : required_text(field, value, rule.max_chars);
  if (!checked) return checked.error();
  value = std::move(checked.value());
  return Ok{};
}

/// A contact (fields `who`_name, _relationship, _phone; `label` in messages) is left
/// blank, or has a name, a phone and, when `relationship_needed`, a relationship.
/// `required`: it may not be left blank, and `why` starts each message.
Status check_contact(const std::string& who, std::string_view label, const D& d, bool relationship_needed,
                     bool required, std::string_view why) {
  auto value = [&](std::string_view part) -> const std::string& {
    for (const auto& rule : kRules)
      if (rule.name == who + "_" + std::string(part)) return d.*rule.member;
    static const std::string none;
    return none;
  };
  const auto &name = value("name"), &relationship = value("relationship"), &phone = value("phone");
  if (!required && name.empty() && relationship.empty() && phone.empty()) return Ok{};
  const std::string intro = std::string(why) + "Enter the " + std::string(label) + "'s ";
  if (name.empty()) return Error::invalid(who + "_name", intro + "name.");
  if (relationship_needed && relationship.empty())
    return Error::invalid(who + "_relationship", intro + "relationship to the patient.");
  if (phone.empty()) return Error::invalid(who + "_phone", intro + "phone number.");
  return Ok{};
}

std::array<DemographicsField, 14> fields_of_rules() {
  std::array<DemographicsField, 14> out;
  for (std::size_t i = 0; i < kRules.size(); ++i) out[i] = {kRules[i].name, kRules[i].member};
  return out;
}

}  // namespace

std::string_view to_string(SexAtBirth s) {
  switch (s) {
    case SexAtBirth::female:
      return "female";
    case SexAtBirth::male:
      return "male";
    case SexAtBirth::intersex:
      return "intersex";
    case SexAtBirth::unknown:
      return "unknown";
  }
  return "unknown";
}

std::optional<SexAtBirth> parse_sex_at_birth(std::string_view text) {
  for (auto s : {SexAtBirth::female, SexAtBirth::male, SexAtBirth::intersex, SexAtBirth::unknown})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

const std::array<DemographicsField, 14>& demographics_fields() {
  static const auto fields = fields_of_rules();
  return fields;
}

bool is_minor(const Date& birth, const Date& today) { return age_in_years(birth, today) < kAdultAgeYears; }

Result<Demographics> validate_demographics(const Demographics& input, const Date& birth, const Date& today) {
  D d = input;
  for (const auto& rule : kRules)
    if (auto ok = check_field(rule, d.*rule.member); !ok) return ok.error();
  if (auto ok = check_contact("emergency_contact", "emergency contact", d, false, false, ""); !ok) return ok.error();
  if (auto ok = check_contact("escort", "escort", d, false, false, ""); !ok) return ok.error();
  const bool minor = is_minor(birth, today);
  if (auto ok =
          check_contact("guardian", "guardian", d, true, minor, minor ? "A patient under 18 needs a guardian. " : "");
      !ok)
    return ok.error();
  return d;
}

}  // namespace kc
