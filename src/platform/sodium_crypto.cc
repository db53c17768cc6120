#include "platform/sodium_crypto.h"

#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace kc::platform {

SodiumCrypto::SodiumCrypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string SodiumCrypto::random_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string SodiumCrypto::random_hex20() {
  unsigned char bytes[10];
  randombytes_buf(bytes, sizeof bytes);
  char out[21];
  sodium_bin2hex(out, sizeof out, bytes, sizeof bytes);
  return out;
}

std::string SodiumCrypto::sha256_hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char out[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(out, sizeof out, digest, sizeof digest);
  return out;
}

std::string SodiumCrypto::hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool SodiumCrypto::verify_password(std::string_view hash, std::string_view password) {
  std::string h(hash);  // must be NUL-terminated
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::int64_t SystemClock::now_ms() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::int64_t OffsetFileClock::now_ms() const {
  std::int64_t offset = 0;
  if (std::FILE* f = std::fopen(path_.c_str(), "r")) {
    long long v = 0;
    if (std::fscanf(f, "%lld", &v) == 1) offset = v;
    std::fclose(f);
  }
  return system_.now_ms() + offset;
}

}  // namespace kc::platform
