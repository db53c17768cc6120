#include "app/cursor.h"

#include <gtest/gtest.h>

namespace kc::app {
namespace {

TEST(Cursor, RoundTripsAnyKeyAsUrlSafeText) {
  for (std::string key : {std::string("nurse+night@demo.test"), std::string("a\x1f b\xff", 5), std::string()}) {
    auto c = to_cursor(key);
    EXPECT_EQ(c.find_first_not_of("0123456789abcdef"), std::string::npos) << c;
    EXPECT_EQ(from_cursor(c), key);
  }
}

TEST(Cursor, RejectsTextItDidNotMake) {
  EXPECT_FALSE(from_cursor("abc"));
  EXPECT_FALSE(from_cursor("zz"));
  EXPECT_FALSE(from_cursor("ABCD"));
  EXPECT_FALSE(from_cursor(std::string(4096, 'a')));
}

}  // namespace
}  // namespace kc::app
