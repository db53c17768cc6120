// A short-lived, in-process cache of resolved sessions, so that the check made on
// every authenticated request usually needs no database round trip.
//
// The store stays the truth: an entry is trusted for at most `ttl_ms` after it was
// read. Revocations made through this process (logout, password change or reset,
// disabling a user) remove their entries at once; revocations made by another server
// on the same database take effect within `ttl_ms`. `ttl_ms` = 0 disables the cache.
// Thread-safe: one mutex guards the map.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/store.h"

namespace kc::app {

class SessionCache {
 public:
  SessionCache(std::int64_t ttl_ms, std::size_t max_entries) : ttl_ms_(ttl_ms), max_entries_(max_entries) {}

  std::optional<SessionContext> get(const std::string& token_hash, std::int64_t now_ms);
  void put(const std::string& token_hash, const SessionContext& context, std::int64_t now_ms);
  /// Records a newer last-seen time written to the store.
  void touch(const std::string& token_hash, std::int64_t last_seen_ms);
  void forget_session(const std::string& token_hash);
  void forget_user(const std::string& user_id);

 private:
  struct Entry {
    SessionContext context;
    std::int64_t read_ms = 0;
  };
  const std::int64_t ttl_ms_;
  const std::size_t max_entries_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace kc::app
