#include "app/ids.h"

namespace kc::app {

std::string new_id(Crypto& crypto, std::string_view prefix) {
  std::string id(prefix);
  id += '_';
  id += crypto.random_hex20();
  return id;
}

}  // namespace kc::app
