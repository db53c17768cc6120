#include "http/request.h"

#include <gtest/gtest.h>

namespace kc::http {
namespace {

TEST(Target, DecodesPathAndQuery) {
  auto t = parse_target("/api/v1/patients?q=o%27brien&limit=5");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->first, "/api/v1/patients");
  ASSERT_EQ(t->second.size(), 2u);
  EXPECT_EQ(t->second[0], (std::pair<std::string, std::string>{"q", "o'brien"}));
}

TEST(Target, RejectsTraversalEvenWhenEncoded) {
  EXPECT_FALSE(parse_target("/../etc/passwd"));
  EXPECT_FALSE(parse_target("/assets/%2e%2e/%2e%2e/etc/passwd"));
  EXPECT_FALSE(parse_target("/a/.."));
}

TEST(Target, RejectsNonOriginFormsAndControlCharacters) {
  EXPECT_FALSE(parse_target("http://example.org/"));
  EXPECT_FALSE(parse_target("*"));
  EXPECT_FALSE(parse_target("/a%00b"));
  EXPECT_FALSE(parse_target("/a%0ab"));
}

TEST(Target, KeepsDotsInsideNames) {
  auto t = parse_target("/assets/index-3f9a..js");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->first, "/assets/index-3f9a..js");
}

TEST(Cookie, FindsTheNamedCookieAmongOthers) {
  EXPECT_EQ(cookie_value("a=1; kc_session=tok; b=2", "kc_session"), "tok");
  EXPECT_EQ(cookie_value("kc_session=", "kc_session"), "");
  EXPECT_FALSE(cookie_value("xkc_session=tok", "kc_session"));
  EXPECT_FALSE(cookie_value("", "kc_session"));
}

TEST(ForwardedFor, TheLastEntryIsTheOneOurProxyAdded) {
  EXPECT_EQ(forwarded_client("203.0.113.7, 10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(forwarded_client("10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(forwarded_client(" 10.0.0.1 "), "10.0.0.1");
}

TEST(Request, HeaderAndQueryLookups) {
  Request r;
  r.headers = {{"host", "x"}};
  r.query = {{"limit", "5"}};
  EXPECT_EQ(r.header("host"), "x");
  r.headers.emplace_back("x-forwarded-for", "6.6.6.6");
  r.headers.emplace_back("x-forwarded-for", "10.0.0.1");
  EXPECT_EQ(r.last_header("x-forwarded-for"), "10.0.0.1");
  EXPECT_FALSE(r.header("origin"));
  EXPECT_EQ(r.query_param("limit"), "5");
}

}  // namespace
}  // namespace kc::http
