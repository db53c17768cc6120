// Sign-in lockout and session lifetime rules. Pure: the time is an argument.
//
// Times are epoch milliseconds (UTC). Defaults follow the foundation issue and are
// settings of the clinic's deployment ([auth] in the config file).
#pragma once

#include <cstdint>

namespace kc {

struct AuthPolicy {
  int lockout_threshold = 5;                              // consecutive failures that lock
  std::int64_t lockout_ms = 15 * 60 * 1000;               // Default: 15 min
  std::int64_t session_idle_ms = 15 * 60 * 1000;          // Default: 15 min without a request
  std::int64_t session_absolute_ms = 12 * 3600 * 1000LL;  // Default: 12 h after sign-in
  // A session's last-seen time is written at most this often, so that reads stay
  // reads; the idle timeout is therefore exact to within this interval.
  std::int64_t touch_interval_ms = 30 * 1000;
  // How long a server trusts a session it read from the store before reading it
  // again; bounds how late a revocation made by another server takes effect here.
  std::int64_t session_cache_ms = 2000;  // Default: 2 s; 0 turns the cache off
};

struct LockoutState {
  int consecutive_failures = 0;
  std::int64_t locked_until_ms = 0;  // 0: not locked
};

/// True while a lock set earlier is still in force at `now_ms`.
bool is_locked(const LockoutState& state, std::int64_t now_ms);

/// The state after one more failed attempt at `now_ms`. Reaching the threshold locks
/// the account for `policy.lockout_ms` and restarts the count.
LockoutState after_failed_login(const LockoutState& state, std::int64_t now_ms, const AuthPolicy& policy);

enum class LoginSessionState { active, idle_expired, absolute_expired, revoked };

struct SessionTimes {
  std::int64_t created_ms = 0;
  std::int64_t last_seen_ms = 0;
  bool revoked = false;
};

LoginSessionState session_state(const SessionTimes& s, std::int64_t now_ms, const AuthPolicy& policy);

/// When the session ends if nothing more happens: the earlier of idle and absolute.
std::int64_t session_expires_ms(const SessionTimes& s, const AuthPolicy& policy);

/// Whether a request at `now_ms` should record itself as the session's last activity.
bool should_touch(const SessionTimes& s, std::int64_t now_ms, const AuthPolicy& policy);

}  // namespace kc
