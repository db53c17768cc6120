// Opaque identifiers: a short type prefix and 80 random bits ("usr_3f9a...").
#pragma once

#include <string>
#include <string_view>

#include "app/ports.h"

namespace kc::app {

std::string new_id(Crypto& crypto, std::string_view prefix);

}  // namespace kc::app
