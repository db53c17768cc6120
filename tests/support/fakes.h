// Test doubles for the app's ports, and a fresh store per test on either engine.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "app/ports.h"
#include "store/soci_store.h"

namespace kc::test {

/// A clock that moves only when told. Starts at 2026-11-21T09:00:00Z.
class FakeClock final : public app::Clock {
 public:
  static constexpr std::int64_t kStart = 1'795'251'600'000;
  std::int64_t now_ms() const override { return now_.load(); }
  void advance_ms(std::int64_t ms) { now_ += ms; }
  void set(std::int64_t ms) { now_ = ms; }

 private:
  std::atomic<std::int64_t> now_{kStart};
};

/// Real SHA-256 and random tokens (libsodium) but a fast password "hash" (salted
/// SHA-256), so that tests do not spend 0.1 s per sign-in.
class FastCrypto final : public app::Crypto {
 public:
  FastCrypto();
  std::string random_token() override;
  std::string random_hex20() override;
  std::string sha256_hex(std::string_view data) override;
  std::string hash_password(std::string_view password) override;
  bool verify_password(std::string_view hash, std::string_view password) override;
};

/// "sqlite" unless KETACLINIC_TEST_ENGINE says "postgresql".
std::string test_engine();

/// The URL of a new, empty database on the test engine. PostgreSQL needs
/// KETACLINIC_TEST_PG_URL (an admin URL); each call creates a new database there.
std::string fresh_database_url();

/// Opens (and migrates) the database at `url`.
std::unique_ptr<store::SociStore> open_store(const std::string& url, int pool_size = 2);

/// open_store(fresh_database_url()).
std::unique_ptr<store::SociStore> fresh_store(int pool_size = 2);

}  // namespace kc::test
