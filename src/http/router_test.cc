#include "http/router.h"

#include <gtest/gtest.h>

namespace kc::http {
namespace {

Router<int> table() {
  Router<int> r;
  r.add("GET", "/api/v1/users", 1);
  r.add("POST", "/api/v1/users", 2);
  r.add("POST", "/api/v1/users/{id}/disable", 3);
  r.add("GET", "/healthz", 4);
  return r;
}

TEST(Router, MatchesMethodAndPath) {
  auto r = table();
  EXPECT_EQ(r.match("GET", "/api/v1/users").route->handler, 1);
  EXPECT_EQ(r.match("POST", "/api/v1/users").route->handler, 2);
}

TEST(Router, CapturesPlaceholders) {
  auto r = table();
  auto m = r.match("POST", "/api/v1/users/usr_42/disable");
  ASSERT_TRUE(m.route);
  EXPECT_EQ(m.route->handler, 3);
  EXPECT_EQ(m.params, std::vector<std::string>{"usr_42"});
}

TEST(Router, KnownPathWithOtherMethodIsReported) {
  auto m = table().match("DELETE", "/api/v1/users");  // GET and POST exist
  EXPECT_FALSE(m.route);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "POST"}));
}

TEST(Router, UnknownPathIsNeitherMatchedNorKnown) {
  auto m = table().match("GET", "/api/v1/users/usr_1/extra/segments");
  EXPECT_FALSE(m.route);
  EXPECT_TRUE(m.allowed.empty());
}

TEST(Router, TrailingSlashAndDoubleSlashesAreTheSamePath) {
  auto r = table();
  EXPECT_TRUE(r.match("GET", "/api/v1/users/").route);
  EXPECT_TRUE(r.match("GET", "//healthz").route);
}

}  // namespace
}  // namespace kc::http
