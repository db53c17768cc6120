#include "platform/config.h"

#include <toml++/toml.h>

#include <cstdlib>
#include <map>
#include <set>
#include <stdexcept>

namespace kc::platform {
namespace {

std::runtime_error bad(const std::string& key, const std::string& problem) {
  return std::runtime_error("configuration " + key + ": " + problem);
}

template <class T>
void read(const toml::table& t, const char* section, const char* key, T& out) {
  auto node = t[section][key];
  if (!node) return;
  auto v = node.value<T>();
  if (!v) throw bad(std::string(section) + "." + key, "has the wrong type");
  out = *v;
}

template <class T>
void read_positive(const toml::table& t, const char* section, const char* key, T& out) {
  std::int64_t value = static_cast<std::int64_t>(out);
  read(t, section, key, value);
  if (value <= 0) throw bad(std::string(section) + "." + key, "must be a positive number");
  out = static_cast<T>(value);
}

int parse_int(const std::string& name, const std::string& text) {
  try {
    std::size_t used = 0;
    int v = std::stoi(text, &used);
    if (used != text.size() || v < 0) throw std::invalid_argument(text);
    return v;
  } catch (const std::exception&) {
    throw bad(name, "\"" + text + "\" is not a whole number");
  }
}

/// Every key the file may hold. A misspelt key is an error, not a silent default.
void reject_unknown_keys(const toml::table& t) {
  static const std::map<std::string, std::set<std::string>> known = {
      {"server",
       {"listen", "io_threads", "store_threads", "body_limit_bytes", "header_limit_bytes", "idle_timeout_s",
        "max_queued_requests", "drain_timeout_s", "web_root", "public_origin", "trust_forwarded_for",
        "secure_cookies"}},
      {"database", {"url", "pool_size", "sqlite_synchronous"}},
      {"auth",
       {"lockout_threshold", "lockout_minutes", "session_idle_minutes", "session_absolute_hours", "session_cache_ms"}},
      {"log", {"level"}},
      {"enquiries", {"duplicate_window_days", "requests_per_address_per_hour"}},
  };
  for (const auto& [section, node] : t) {
    auto keys = known.find(std::string(section.str()));
    if (keys == known.end() || !node.is_table()) throw bad(std::string(section.str()), "is not a known section");
    for (const auto& [key, value] : *node.as_table())
      if (!keys->second.count(std::string(key.str())))
        throw bad(std::string(section.str()) + "." + std::string(key.str()), "is not a known key");
  }
}

void apply_file(Config& c, const std::string& path) {
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error("configuration file " + path + ": " + std::string(e.description()) + " (line " +
                             std::to_string(e.source().begin.line) + ")");
  }
  reject_unknown_keys(t);
  std::string listen;
  read(t, "server", "listen", listen);
  if (!listen.empty()) set_listen(c.server, listen);
  std::int64_t io = c.server.io_threads;
  read(t, "server", "io_threads", io);
  if (io < 0) throw bad("server.io_threads", "must be 0 (one per core) or more");
  c.server.io_threads = static_cast<int>(io);
  read_positive(t, "server", "store_threads", c.server.store_threads);
  read_positive(t, "server", "body_limit_bytes", c.server.body_limit_bytes);
  read_positive(t, "server", "header_limit_bytes", c.server.header_limit_bytes);
  read_positive(t, "server", "idle_timeout_s", c.server.idle_timeout_s);
  read_positive(t, "server", "max_queued_requests", c.server.max_queued_requests);
  read_positive(t, "server", "drain_timeout_s", c.server.drain_timeout_s);
  read(t, "server", "web_root", c.server.web_root);
  read(t, "server", "public_origin", c.server.public_origin);
  read(t, "server", "trust_forwarded_for", c.server.trust_forwarded_for);
  read(t, "server", "secure_cookies", c.server.secure_cookies);
  read(t, "database", "url", c.database.url);
  read_positive(t, "database", "pool_size", c.database.pool_size);
  read(t, "database", "sqlite_synchronous", c.database.sqlite_synchronous);
  read_positive(t, "auth", "lockout_threshold", c.auth.lockout_threshold);
  std::int64_t lockout_min = c.auth.lockout_ms / 60000, idle_min = c.auth.session_idle_ms / 60000,
               absolute_h = c.auth.session_absolute_ms / 3600000;
  read_positive(t, "auth", "lockout_minutes", lockout_min);
  read_positive(t, "auth", "session_idle_minutes", idle_min);
  read_positive(t, "auth", "session_absolute_hours", absolute_h);
  c.auth.lockout_ms = lockout_min * 60000;
  c.auth.session_idle_ms = idle_min * 60000;
  c.auth.session_absolute_ms = absolute_h * 3600000;
  read(t, "auth", "session_cache_ms", c.auth.session_cache_ms);
  if (c.auth.session_cache_ms < 0) throw bad("auth.session_cache_ms", "must be 0 (off) or more");
  read(t, "log", "level", c.log_level);
  std::int64_t window_days = c.enquiries.duplicate_window_ms / (24 * 3600 * 1000LL);
  read_positive(t, "enquiries", "duplicate_window_days", window_days);
  if (window_days > 3650) throw bad("enquiries.duplicate_window_days", "must be at most 3650");
  c.enquiries.duplicate_window_ms = window_days * 24 * 3600 * 1000LL;
  read_positive(t, "enquiries", "requests_per_address_per_hour", c.enquiries.requests_per_address_per_hour);
}

}  // namespace

std::optional<std::string> process_env(const char* name) {
  const char* v = std::getenv(name);
  if (!v) return std::nullopt;
  return std::string(v);
}

void set_listen(ServerConfig& server, const std::string& host_port) {
  auto colon = host_port.rfind(':');
  if (colon == std::string::npos || colon == 0)
    throw bad("listen", "\"" + host_port + "\" is not HOST:PORT (e.g. 127.0.0.1:8080)");
  int port = parse_int("listen", host_port.substr(colon + 1));
  if (port > 65535) throw bad("listen", "port " + std::to_string(port) + " is out of range");
  server.listen_host = host_port.substr(0, colon);
  if (server.listen_host.size() > 2 && server.listen_host.front() == '[')  // [::1]
    server.listen_host = server.listen_host.substr(1, server.listen_host.size() - 2);
  server.listen_port = static_cast<unsigned short>(port);
}

Config load_config(const std::string& path, const EnvLookup& env) {
  Config c;
  if (!path.empty()) apply_file(c, path);
  if (auto v = env("KETACLINIC_DATABASE")) c.database.url = *v;
  if (auto v = env("KETACLINIC_LISTEN")) set_listen(c.server, *v);
  if (auto v = env("KETACLINIC_WEB_ROOT")) c.server.web_root = *v;
  if (auto v = env("KETACLINIC_LOG_LEVEL")) c.log_level = *v;
  if (auto v = env("KETACLINIC_IO_THREADS")) c.server.io_threads = parse_int("KETACLINIC_IO_THREADS", *v);
  if (auto v = env("KETACLINIC_STORE_THREADS")) {
    c.server.store_threads = parse_int("KETACLINIC_STORE_THREADS", *v);
    if (c.server.store_threads < 1) throw bad("KETACLINIC_STORE_THREADS", "must be at least 1");
  }
  if (c.database.pool_size < c.server.store_threads) c.database.pool_size = c.server.store_threads;
  return c;
}

}  // namespace kc::platform
