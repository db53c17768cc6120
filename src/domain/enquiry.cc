#include "domain/enquiry.h"

#include <algorithm>
#include <cctype>

#include "domain/validation.h"

namespace kc {
namespace {

constexpr std::array<ConditionChoice, 8> kConditions = {{
    {"depression", "Depression that other treatments have not helped"},
    {"bipolar_depression", "Bipolar depression"},
    {"ptsd", "Post-traumatic stress (PTSD)"},
    {"anxiety", "Anxiety"},
    {"ocd", "Obsessive-compulsive disorder (OCD)"},
    {"chronic_pain", "Chronic pain (for example CRPS, nerve pain, fibromyalgia)"},
    {"suicidal_thoughts", "Thoughts of suicide that need quick help"},
    {"other", "Something else"},
}};

Status optional_text(std::string_view field, std::string_view value, std::size_t max) {
  if (utf8_length(value) > max)
    return Error::invalid(std::string(field),
                          field_label(field) + " is longer than " + std::to_string(max) + " characters.");
  return Ok{};
}

}  // namespace

std::string_view to_string(EnquiryStatus s) {
  switch (s) {
    case EnquiryStatus::received:
      return "new";
    case EnquiryStatus::contacted:
      return "contacted";
    case EnquiryStatus::consultation_booked:
      return "consultation_booked";
    case EnquiryStatus::closed:
      return "closed";
  }
  return "new";
}

std::optional<EnquiryStatus> parse_enquiry_status(std::string_view t) {
  for (auto s :
       {EnquiryStatus::received, EnquiryStatus::contacted, EnquiryStatus::consultation_booked, EnquiryStatus::closed})
    if (to_string(s) == t) return s;
  return std::nullopt;
}

std::string_view to_string(ContactMethod m) {
  switch (m) {
    case ContactMethod::email:
      return "email";
    case ContactMethod::phone:
      return "phone";
    case ContactMethod::text:
      return "text";
  }
  return "email";
}

std::optional<ContactMethod> parse_contact_method(std::string_view t) {
  for (auto m : {ContactMethod::email, ContactMethod::phone, ContactMethod::text})
    if (to_string(m) == t) return m;
  return std::nullopt;
}

std::string_view to_string(EnquirySource s) { return s == EnquirySource::web ? "web" : "phone"; }

const std::array<ConditionChoice, 8>& enquiry_conditions() { return kConditions; }

Result<std::string> normalized_phone(std::string_view field, std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c)))
      out += c;
    else if (c == '+' && out.empty() && text.find_first_not_of(" ") == i)
      out += c;
    else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.')
      return Error::invalid(std::string(field), "Enter a phone number using digits, spaces and an optional +.");
  }
  auto digits = std::count_if(out.begin(), out.end(), [](char c) { return c != '+'; });
  if (digits < 7 || digits > 15) return Error::invalid(std::string(field), "A phone number has 7 to 15 digits.");
  return out;
}

Result<Enquiry> validate_enquiry(const EnquiryInput& in, EnquirySource source) {
  Enquiry e;
  auto given = required_text("given_name", in.given_name, 100);
  if (!given) return given.error();
  auto family = required_text("family_name", in.family_name, 100);
  if (!family) return family.error();
  e.given_name = *given;
  e.family_name = *family;
  if (!in.email.empty()) {
    auto email = normalized_email("email", in.email);
    if (!email) return email.error();
    e.email = *email;
  }
  if (!in.phone.empty()) {
    auto phone = normalized_phone("phone", in.phone);
    if (!phone) return phone.error();
    e.phone = *phone;
  }
  if (e.email.empty() && e.phone.empty())
    return Error::invalid("email", "Give an e-mail address or a phone number so that the clinic can reply.");
  auto method = parse_contact_method(in.preferred_contact);
  if (!method) return Error::invalid("preferred_contact", "Choose e-mail, phone call or text message.");
  if (*method == ContactMethod::email && e.email.empty())
    return Error::invalid("email", "Give an e-mail address, or choose another way to be contacted.");
  if (*method != ContactMethod::email && e.phone.empty())
    return Error::invalid("phone", "Give a phone number, or choose another way to be contacted.");
  e.preferred_contact = *method;
  for (const auto& code : in.conditions) {
    bool known = std::any_of(kConditions.begin(), kConditions.end(), [&](auto& c) { return c.code == code; });
    if (!known) return Error::invalid("conditions", "Unknown condition \"" + code.substr(0, 40) + "\".");
    if (std::find(e.conditions.begin(), e.conditions.end(), code) == e.conditions.end()) e.conditions.push_back(code);
  }
  if (auto ok = optional_text("reason_text", in.reason_text, 2000); !ok) return ok.error();
  if (auto ok = optional_text("heard_from", in.heard_from, 200); !ok) return ok.error();
  e.reason_text = in.reason_text;
  e.heard_from = in.heard_from;
  if (source == EnquirySource::web && !in.consent_to_contact)
    return Error::invalid("consent_to_contact", "Tick the box to let the clinic contact you about this request.");
  e.consent_to_contact = source == EnquirySource::phone || in.consent_to_contact;
  return e;
}

Status check_transition(EnquiryStatus from, EnquiryStatus to, std::string_view reason) {
  if (from == EnquiryStatus::closed) return Error::conflict("invalid_transition", "This enquiry is closed.", "status");
  if (to == EnquiryStatus::closed) {
    if (reason.find_first_not_of(" \t") == std::string_view::npos)
      return Error::invalid("reason", "Give a reason for closing the enquiry.");
    if (utf8_length(reason) > 500) return Error::invalid("reason", "The reason is longer than 500 characters.");
    return Ok{};
  }
  if (static_cast<int>(to) != static_cast<int>(from) + 1)
    return Error::conflict("invalid_transition",
                           "An enquiry moves from " + std::string(to_string(from)) + " to the next step only.",
                           "status");
  return Ok{};
}

bool within_duplicate_window(std::int64_t first_ms, std::int64_t now_ms, const EnquiryPolicy& policy) {
  return now_ms >= first_ms && now_ms - first_ms <= policy.duplicate_window_ms;
}

bool RequestWindow::idle(std::int64_t now_ms) const { return times_.empty() || now_ms - times_.back() >= 3600 * 1000; }

bool RequestWindow::admit(std::int64_t now_ms, int limit_per_hour) {
  constexpr std::int64_t kHourMs = 3600 * 1000;
  while (!times_.empty() && (now_ms - times_.front() >= kHourMs || times_.front() > now_ms)) times_.pop_front();
  if (static_cast<int>(times_.size()) >= limit_per_hour) return false;
  times_.push_back(now_ms);
  return true;
}

}  // namespace kc
