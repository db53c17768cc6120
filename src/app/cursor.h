// Opaque list cursors: what a client gets as next_cursor and sends back as ?cursor=.
// Hex keeps them safe in a URL whatever the key holds (e-mail "+", separators).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kc::app {

std::string to_cursor(std::string_view key);
/// The key, or nothing when the text is not a cursor this server made.
std::optional<std::string> from_cursor(std::string_view cursor);

}  // namespace kc::app
