// The Crypto port on libsodium: argon2id password hashes (INTERACTIVE limits,
// about 0.1 s per hash on a 2-core machine), random tokens, SHA-256.
#pragma once

#include <string>

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

/// The system clock moved by an offset in milliseconds read from a file on every
/// call (a missing or unreadable file counts as 0). Only for black-box tests that
/// must see time pass — an unacknowledged task escalating, a link expiring — and
/// only enabled by KETACLINIC_TEST_CLOCK_FILE; `serve` warns loudly when it is set.
class OffsetFileClock final : public app::Clock {
 public:
  explicit OffsetFileClock(std::string path) : path_(std::move(path)) {}
  std::int64_t now_ms() const override;

 private:
  std::string path_;
  SystemClock system_;
};

}  // namespace kc::platform
