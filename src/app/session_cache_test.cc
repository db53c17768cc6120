#include "app/session_cache.h"

#include <gtest/gtest.h>

namespace kc::app {
namespace {

SessionContext context_of(const std::string& user_id) {
  SessionContext c;
  c.user.id = user_id;
  c.session.last_seen_ms = 100;
  return c;
}

TEST(SessionCache, EntryIsTrustedOnlyForItsLifetime) {
  SessionCache cache(2000, 100);
  cache.put("h1", context_of("usr_1"), 1000);
  EXPECT_TRUE(cache.get("h1", 2999));
  EXPECT_FALSE(cache.get("h1", 3000));
  EXPECT_FALSE(cache.get("h1", 1000)) << "expired entries are dropped";
}

TEST(SessionCache, ForgettingAUserDropsAllTheirSessions) {
  SessionCache cache(2000, 100);
  cache.put("h1", context_of("usr_1"), 0);
  cache.put("h2", context_of("usr_1"), 0);
  cache.put("h3", context_of("usr_2"), 0);
  cache.forget_user("usr_1");
  EXPECT_FALSE(cache.get("h1", 1));
  EXPECT_FALSE(cache.get("h2", 1));
  EXPECT_TRUE(cache.get("h3", 1));
  cache.forget_session("h3");
  EXPECT_FALSE(cache.get("h3", 1));
}

TEST(SessionCache, TouchUpdatesTheCachedLastSeen) {
  SessionCache cache(2000, 100);
  cache.put("h1", context_of("usr_1"), 0);
  cache.touch("h1", 500);
  EXPECT_EQ(cache.get("h1", 1)->session.last_seen_ms, 500);
}

TEST(SessionCache, ZeroLifetimeDisablesIt) {
  SessionCache cache(0, 100);
  cache.put("h1", context_of("usr_1"), 0);
  EXPECT_FALSE(cache.get("h1", 0));
}

TEST(SessionCache, MemoryIsBounded) {
  SessionCache cache(2000, 2);
  cache.put("h1", context_of("u"), 0);
  cache.put("h2", context_of("u"), 0);
  cache.put("h3", context_of("u"), 0);
  EXPECT_TRUE(cache.get("h3", 1));
  EXPECT_FALSE(cache.get("h1", 1));
}

TEST(SessionCache, ClockGoingBackwardsIsAMiss) {
  SessionCache cache(2000, 100);
  cache.put("h1", context_of("u"), 5000);
  EXPECT_FALSE(cache.get("h1", 4000));
}

}  // namespace
}  // namespace kc::app
