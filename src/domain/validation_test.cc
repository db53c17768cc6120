#include "domain/validation.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(RequiredText, TrimsAndNamesTheFieldWhenEmpty) {
  EXPECT_EQ(*required_text("name", "  Ada  ", 10), "Ada");
  auto r = required_text("name", "   ", 10);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "name");
  EXPECT_EQ(r.error().code, "validation_failed");
}

TEST(RequiredText, RejectsOverLongAndControlCharacters) {
  EXPECT_FALSE(required_text("name", std::string(11, 'a'), 10));
  EXPECT_TRUE(required_text("name", std::string(10, 'a'), 10));
  EXPECT_FALSE(required_text("name", "a\nb", 10));
}

TEST(RequiredText, LimitsCountCharactersNotBytes) {
  std::string accents;
  for (int i = 0; i < 10; ++i) accents += "\xc3\xa9";  // "é" ten times: 20 bytes
  EXPECT_TRUE(required_text("family_name", accents, 10));
  EXPECT_FALSE(required_text("family_name", accents + "x", 10));
}

TEST(RequiredText, MessagesNameTheFieldInWords) {
  EXPECT_EQ(required_text("given_name", "", 10).error().message, "Given name is required.");
}

TEST(Email, LowerCasesAndAcceptsPlainAddresses) {
  EXPECT_EQ(*normalized_email("email", " Nurse@Demo.TEST "), "nurse@demo.test");
}

TEST(Email, RejectsImplausibleAddresses) {
  for (const char* bad : {"nurse", "@demo.test", "nurse@", "nurse@demo", "a@b@c.test", "nurse @demo.test",
                          "nurse@.test", "nurse@demo."}) {
    auto r = normalized_email("email", bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field, "email");
  }
}

TEST(Password, LengthBoundsAreTwelveAndTwoHundredFiftySix) {
  EXPECT_FALSE(check_new_password("password", std::string(11, 'x')));
  EXPECT_TRUE(check_new_password("password", std::string(12, 'x')));
  EXPECT_TRUE(check_new_password("password", std::string(256, 'x')));
  auto r = check_new_password("new_password", std::string(257, 'x'));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "new_password");
}

}  // namespace
}  // namespace kc
