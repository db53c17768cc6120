#include "domain/auth_policy.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

constexpr std::int64_t kMinute = 60'000;
const AuthPolicy kPolicy{};

TEST(Lockout, FourFailuresDoNotLock) {
  LockoutState s;
  for (int i = 0; i < 4; ++i) s = after_failed_login(s, 1000, kPolicy);
  EXPECT_EQ(s.consecutive_failures, 4);
  EXPECT_FALSE(is_locked(s, 1000));
}

TEST(Lockout, FifthConsecutiveFailureLocksForFifteenMinutes) {
  LockoutState s;
  for (int i = 0; i < 5; ++i) s = after_failed_login(s, 1000, kPolicy);
  EXPECT_TRUE(is_locked(s, 1000));
  EXPECT_TRUE(is_locked(s, 1000 + 15 * kMinute - 1));
  EXPECT_FALSE(is_locked(s, 1000 + 15 * kMinute));
}

TEST(Lockout, FailureAfterTheLockLapsedStartsCountingAgain) {
  LockoutState s;
  for (int i = 0; i < 5; ++i) s = after_failed_login(s, 0, kPolicy);
  s = after_failed_login(s, 16 * kMinute, kPolicy);
  EXPECT_FALSE(is_locked(s, 16 * kMinute));
  EXPECT_EQ(s.consecutive_failures, 1);
}

TEST(Lockout, ThresholdAndDurationAreSettings) {
  AuthPolicy strict;
  strict.lockout_threshold = 2;
  strict.lockout_ms = kMinute;
  LockoutState s = after_failed_login(after_failed_login({}, 0, strict), 0, strict);
  EXPECT_TRUE(is_locked(s, kMinute - 1));
  EXPECT_FALSE(is_locked(s, kMinute));
}

TEST(Session, ActiveWithinIdleAndAbsoluteLimits) {
  SessionTimes t{0, 0, false};
  EXPECT_EQ(session_state(t, 15 * kMinute - 1, kPolicy), LoginSessionState::active);
}

TEST(Session, IdleFor15MinutesExpires) {
  SessionTimes t{0, 0, false};
  EXPECT_EQ(session_state(t, 15 * kMinute, kPolicy), LoginSessionState::idle_expired);
}

TEST(Session, ActivityKeepsItAliveUntilTheAbsoluteLimitOf12Hours) {
  const std::int64_t twelve_hours = 12 * 60 * kMinute;
  SessionTimes t{0, twelve_hours - kMinute, false};
  EXPECT_EQ(session_state(t, twelve_hours - 1, kPolicy), LoginSessionState::active);
  EXPECT_EQ(session_state(t, twelve_hours, kPolicy), LoginSessionState::absolute_expired);
}

TEST(Session, RevokedIsNeverActive) {
  SessionTimes t{0, 0, true};
  EXPECT_EQ(session_state(t, 1, kPolicy), LoginSessionState::revoked);
}

TEST(Session, ExpiryIsTheEarlierOfIdleAndAbsolute) {
  EXPECT_EQ(session_expires_ms({0, 0, false}, kPolicy), 15 * kMinute);
  const std::int64_t twelve_hours = 12 * 60 * kMinute;
  EXPECT_EQ(session_expires_ms({0, twelve_hours - kMinute, false}, kPolicy), twelve_hours);
}

TEST(Session, LastSeenIsWrittenAtMostEveryThirtySeconds) {
  SessionTimes t{0, 10'000, false};
  EXPECT_FALSE(should_touch(t, 39'999, kPolicy));
  EXPECT_TRUE(should_touch(t, 40'000, kPolicy));
}

}  // namespace
}  // namespace kc
