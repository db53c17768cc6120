#include "domain/validation.h"

#include <algorithm>
#include <cctype>

namespace kc {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool has_control(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

}  // namespace

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string field_label(std::string_view field) {
  std::string label(field);
  std::replace(label.begin(), label.end(), '_', ' ');
  if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

Result<std::string> required_text(std::string_view field, std::string_view value, std::size_t max_chars) {
  auto t = trim(value);
  const std::string label = field_label(field);
  if (t.empty()) return Error::invalid(std::string(field), label + " is required.");
  if (utf8_length(t) > max_chars)
    return Error::invalid(std::string(field), label + " is longer than " + std::to_string(max_chars) + " characters.");
  if (has_control(t)) return Error::invalid(std::string(field), label + " contains control characters.");
  return std::string(t);
}

Result<std::string> normalized_email(std::string_view field, std::string_view value) {
  auto text = required_text(field, value, 254);
  if (!text) return text.error();
  std::string email = *text;
  std::transform(email.begin(), email.end(), email.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto at = email.find('@');
  bool plausible = at != std::string::npos && at > 0 && email.find('@', at + 1) == std::string::npos &&
                   email.find(' ') == std::string::npos;
  if (plausible) {
    auto domain = std::string_view(email).substr(at + 1);
    auto dot = domain.find('.');
    plausible = dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
  }
  if (!plausible) return Error::invalid(std::string(field), "Enter an e-mail address like name@example.org.");
  return email;
}

Status check_new_password(std::string_view field, std::string_view password) {
  if (password.size() < kMinPasswordChars)
    return Error::invalid(std::string(field),
                          "Choose a password of at least " + std::to_string(kMinPasswordChars) + " characters.");
  if (password.size() > kMaxPasswordChars)
    return Error::invalid(std::string(field),
                          "Choose a password of at most " + std::to_string(kMaxPasswordChars) + " characters.");
  return Ok{};
}

}  // namespace kc
