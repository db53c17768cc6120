#include "platform/config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace kc::platform {
namespace {

EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars](const char* name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

std::string write_file(const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / ("kc-config-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

TEST(Config, DefaultsMatchTheDocumentedValues) {
  auto c = load_config("", env_of({}));
  EXPECT_EQ(c.server.listen_port, 8080);
  EXPECT_EQ(c.server.body_limit_bytes, 1024u * 1024u);
  EXPECT_EQ(c.server.header_limit_bytes, 16u * 1024u);
  EXPECT_EQ(c.server.idle_timeout_s, 30);
  EXPECT_EQ(c.auth.lockout_threshold, 5);
  EXPECT_EQ(c.auth.lockout_ms, 15 * 60'000);
  EXPECT_EQ(c.database.url, "sqlite:var/ketaclinic.db");
}

TEST(Config, FileThenEnvironmentOverride) {
  auto path = write_file(
      "[server]\nlisten = \"0.0.0.0:9000\"\nbody_limit_bytes = 2048\n"
      "[database]\nurl = \"sqlite:/tmp/a.db\"\n[auth]\nlockout_minutes = 5\nsession_idle_minutes = 10\n"
      "[enquiries]\nduplicate_window_days = 14\nrequests_per_address_per_hour = 20\n");
  auto c = load_config(path, env_of({{"KETACLINIC_DATABASE", "postgresql://db/kc"}}));
  EXPECT_EQ(c.server.listen_host, "0.0.0.0");
  EXPECT_EQ(c.server.listen_port, 9000);
  EXPECT_EQ(c.server.body_limit_bytes, 2048u);
  EXPECT_EQ(c.database.url, "postgresql://db/kc");
  EXPECT_EQ(c.auth.lockout_ms, 5 * 60'000);
  EXPECT_EQ(c.auth.session_idle_ms, 10 * 60'000);
  EXPECT_EQ(c.enquiries.duplicate_window_ms, 14 * 24 * 3600 * 1000LL);
  EXPECT_EQ(c.enquiries.requests_per_address_per_hour, 20);
  std::filesystem::remove(path);
}

TEST(Config, WrongTypeNamesTheKey) {
  auto path = write_file("[server]\nidle_timeout_s = \"long\"\n");
  try {
    load_config(path, env_of({}));
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("server.idle_timeout_s"), std::string::npos);
  }
  std::filesystem::remove(path);
}

TEST(Config, MisspeltKeyIsAnErrorNamingIt) {
  auto path = write_file("[server]\nbody_limit = 2048\n");
  try {
    load_config(path, env_of({}));
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("server.body_limit"), std::string::npos) << e.what();
  }
  std::filesystem::remove(path);
}

TEST(Config, NonPositiveLimitIsRejected) {
  auto path = write_file("[server]\nbody_limit_bytes = 0\n");
  EXPECT_THROW(load_config(path, env_of({})), std::runtime_error);
  std::filesystem::remove(path);
}

TEST(Config, SyntaxErrorNamesTheLine) {
  auto path = write_file("[server]\nlisten = \n");
  try {
    load_config(path, env_of({}));
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
  }
  std::filesystem::remove(path);
}

TEST(Config, ListenMustBeHostColonPort) {
  ServerConfig s;
  EXPECT_THROW(set_listen(s, "8080"), std::runtime_error);
  EXPECT_THROW(set_listen(s, "127.0.0.1:99999"), std::runtime_error);
  EXPECT_THROW(set_listen(s, "127.0.0.1:http"), std::runtime_error);
  set_listen(s, "[::1]:0");
  EXPECT_EQ(s.listen_host, "::1");
  EXPECT_EQ(s.listen_port, 0);
}

}  // namespace
}  // namespace kc::platform
