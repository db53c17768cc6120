#include "support/fakes.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <sodium.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace kc::test {

FastCrypto::FastCrypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium init failed");
}

std::string FastCrypto::random_token() {
  unsigned char b[32];
  randombytes_buf(b, sizeof b);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, b, sizeof b, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string FastCrypto::random_hex20() {
  unsigned char b[10];
  randombytes_buf(b, sizeof b);
  char out[21];
  sodium_bin2hex(out, sizeof out, b, sizeof b);
  return out;
}

std::string FastCrypto::sha256_hex(std::string_view data) {
  unsigned char d[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(d, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char out[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(out, sizeof out, d, sizeof d);
  return out;
}

std::string FastCrypto::hash_password(std::string_view password) {
  std::string salt = random_hex20();
  return "fast$" + salt + "$" + sha256_hex(salt + std::string(password));
}

bool FastCrypto::verify_password(std::string_view hash, std::string_view password) {
  if (hash.rfind("fast$", 0) != 0 || hash.size() < 26) return false;
  std::string salt(hash.substr(5, 20));
  return hash.substr(26) == sha256_hex(salt + std::string(password));
}

std::string test_engine() {
  const char* e = std::getenv("KETACLINIC_TEST_ENGINE");
  return e && std::string(e) == "postgresql" ? "postgresql" : "sqlite";
}

std::string fresh_database_url() {
  FastCrypto crypto;
  if (test_engine() == "sqlite") {
    auto dir = std::filesystem::temp_directory_path() / ("kc-test-" + crypto.random_hex20());
    std::filesystem::create_directories(dir);
    return "sqlite:" + (dir / "test.db").string();
  }
  const char* admin = std::getenv("KETACLINIC_TEST_PG_URL");
  if (!admin) throw std::runtime_error("KETACLINIC_TEST_PG_URL is not set for the postgresql engine");
  std::string name = "kc_" + crypto.random_hex20();
  {
    soci::session s(soci::postgresql, store::libpq_conninfo(admin));
    s << "CREATE DATABASE " + name;
  }
  std::string url = admin;
  auto slash = url.rfind('/');
  auto query = url.find('?', slash);
  return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

std::unique_ptr<store::SociStore> open_store(const std::string& url, int pool_size) {
  store::StoreOptions options;
  options.url = url;
  options.pool_size = pool_size;
  options.sqlite_synchronous = "NORMAL";
  return store::SociStore::open(options, FakeClock::kStart);
}

std::unique_ptr<store::SociStore> fresh_store(int pool_size) { return open_store(fresh_database_url(), pool_size); }

}  // namespace kc::test
