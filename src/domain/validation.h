// Checks of free-text input shared by every use case: required text with limits,
// e-mail addresses, and passwords. Each failure names the field.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace kc {

/// Characters (Unicode code points) in UTF-8 text: "é" is one, not two.
std::size_t utf8_length(std::string_view text);

/// "given_name" -> "Given name": how a field is named in messages people read.
std::string field_label(std::string_view field);

/// Trimmed, non-empty, at most `max_chars` characters, no control characters.
Result<std::string> required_text(std::string_view field, std::string_view value, std::size_t max_chars);

/// A plausible address (one @, a dot in the domain, no spaces), lower-cased.
Result<std::string> normalized_email(std::string_view field, std::string_view value);

/// New passwords: at least 12 and at most 256 characters (NIST SP 800-63B allows
/// long passphrases; length beats composition rules).
Status check_new_password(std::string_view field, std::string_view password);

constexpr std::size_t kMinPasswordChars = 12;
constexpr std::size_t kMaxPasswordChars = 256;

}  // namespace kc
