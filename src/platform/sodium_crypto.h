// The Crypto port on libsodium: argon2id password hashes (INTERACTIVE limits,
// about 0.1 s per hash on a 2-core machine), random tokens, SHA-256.
#pragma once

#include "app/ports.h"

namespace kc::platform {

class SodiumCrypto final : public app::Crypto {
 public:
  /// Initialises libsodium; throws std::runtime_error if it cannot.
  SodiumCrypto();
  std::string random_token() override;
  std::string random_hex20() override;
  std::string sha256_hex(std::string_view data) override;
  std::string hash_password(std::string_view password) override;
  bool verify_password(std::string_view hash, std::string_view password) override;
};

class SystemClock final : public app::Clock {
 public:
  std::int64_t now_ms() const override;
};

}  // namespace kc::platform
