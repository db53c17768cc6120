// Checks of free-text input shared by every use case: required text with limits,
// e-mail addresses, and passwords. Each failure names the field.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace kc {

/// Trimmed, non-empty, at most `max_chars` bytes, no control characters.
Result<std::string> required_text(std::string_view field, std::string_view value, std::size_t max_chars);

/// A plausible address (one @, a dot in the domain, no spaces), lower-cased.
Result<std::string> normalized_email(std::string_view field, std::string_view value);

/// New passwords: at least 12 and at most 256 characters (NIST SP 800-63B allows
/// long passphrases; length beats composition rules).
Status check_new_password(std::string_view field, std::string_view password);

constexpr std::size_t kMinPasswordChars = 12;
constexpr std::size_t kMaxPasswordChars = 256;

}  // namespace kc
