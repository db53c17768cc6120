// Process-wide logging (spdlog to stderr). The request log names the route pattern,
// status and duration only: never a path with identifiers, a query or a body, so
// patient data never reaches the logs.
#pragma once

#include <string>

namespace kc::platform {

/// Sets the level ("trace", "debug", "info", "warn", "error"); throws on others.
void init_logging(const std::string& level);

}  // namespace kc::platform
