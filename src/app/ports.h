// The outside world as the use cases see it: time and cryptography.
//
// Real implementations live in src/platform; tests use fakes (tests/support).
// Implementations must be safe to call from several threads at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kc::app {

class Clock {
 public:
  virtual ~Clock() = default;
  /// Now, as UTC epoch milliseconds.
  virtual std::int64_t now_ms() const = 0;
};

class Crypto {
 public:
  virtual ~Crypto() = default;
  /// 256 random bits, base64url without padding (43 characters).
  virtual std::string random_token() = 0;
  /// 80 random bits as 20 lower-case hex digits.
  virtual std::string random_hex20() = 0;
  virtual std::string sha256_hex(std::string_view data) = 0;
  /// An argon2id hash string (salt and parameters included).
  virtual std::string hash_password(std::string_view password) = 0;
  virtual bool verify_password(std::string_view hash, std::string_view password) = 0;
};

}  // namespace kc::app
