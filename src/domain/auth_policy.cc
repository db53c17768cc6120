#include "domain/auth_policy.h"

#include <algorithm>

namespace kc {

bool is_locked(const LockoutState& state, std::int64_t now_ms) { return state.locked_until_ms > now_ms; }

LockoutState after_failed_login(const LockoutState& state, std::int64_t now_ms, const AuthPolicy& policy) {
  LockoutState next = state;
  if (next.locked_until_ms != 0 && next.locked_until_ms <= now_ms) next = {};  // lock lapsed
  next.consecutive_failures += 1;
  if (next.consecutive_failures >= policy.lockout_threshold) {
    next.locked_until_ms = now_ms + policy.lockout_ms;
    next.consecutive_failures = 0;
  }
  return next;
}

LoginSessionState session_state(const SessionTimes& s, std::int64_t now_ms, const AuthPolicy& policy) {
  if (s.revoked) return LoginSessionState::revoked;
  if (now_ms >= s.created_ms + policy.session_absolute_ms) return LoginSessionState::absolute_expired;
  if (now_ms >= s.last_seen_ms + policy.session_idle_ms) return LoginSessionState::idle_expired;
  return LoginSessionState::active;
}

std::int64_t session_expires_ms(const SessionTimes& s, const AuthPolicy& policy) {
  return std::min(s.created_ms + policy.session_absolute_ms, s.last_seen_ms + policy.session_idle_ms);
}

bool should_touch(const SessionTimes& s, std::int64_t now_ms, const AuthPolicy& policy) {
  return now_ms - s.last_seen_ms >= policy.touch_interval_ms;
}

}  // namespace kc
