// Server configuration: defaults, then a TOML file, then environment variables,
// then command-line flags (each later source wins). See docs/ketaclinic.example.toml.
//
// Environment variables: KETACLINIC_DATABASE, KETACLINIC_LISTEN, KETACLINIC_WEB_ROOT,
// KETACLINIC_LOG_LEVEL, KETACLINIC_IO_THREADS, KETACLINIC_STORE_THREADS.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "domain/auth_policy.h"
#include "domain/enquiry.h"

namespace kc::platform {

struct ServerConfig {
  std::string listen_host = "127.0.0.1";
  unsigned short listen_port = 8080;
  int io_threads = 0;     // 0: one per core
  int store_threads = 2;  // blocking store work runs here, never on I/O threads (Default: 2; see performance.md)
  std::size_t body_limit_bytes = 1024 * 1024;  // Default: 1 MiB
  std::size_t header_limit_bytes = 16 * 1024;  // Default: 16 KiB
  int idle_timeout_s = 30;                     // Default: 30 s without traffic closes
  int max_queued_requests = 1024;              // beyond this: 503 overloaded
  int drain_timeout_s = 10;                    // SIGTERM: finish in-flight work for this long
  std::string web_root = "web/dist";
  std::string public_origin;         // e.g. https://clinic.example.org; empty: derived from Host
  bool trust_forwarded_for = false;  // true only behind a reverse proxy you run
  bool secure_cookies = false;       // set when served over TLS (directly or via proxy)
};

struct DatabaseConfig {
  std::string url = "sqlite:var/ketaclinic.db";
  int pool_size = 2;  // raised to store_threads when lower
  std::string sqlite_synchronous = "FULL";
};

struct Config {
  ServerConfig server;
  DatabaseConfig database;
  AuthPolicy auth;
  EnquiryPolicy enquiries;
  std::string log_level = "info";
};

using EnvLookup = std::function<std::optional<std::string>(const char*)>;

/// The process environment.
std::optional<std::string> process_env(const char* name);

/// Reads `path` (if not empty) over the defaults, then the environment. Throws
/// std::runtime_error naming the file, key and problem.
Config load_config(const std::string& path, const EnvLookup& env = process_env);

/// Parses "HOST:PORT" into the server config; throws on a bad value.
void set_listen(ServerConfig& server, const std::string& host_port);

}  // namespace kc::platform
