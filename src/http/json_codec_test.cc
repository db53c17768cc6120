#include "http/json_codec.h"

#include "http/api.h"

#include <gtest/gtest.h>

namespace kc::http {
namespace {

TEST(JsonBody, MalformedTextIsInvalidJson) {
  auto r = parse_object("{\"email\": ");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "invalid_json");
  EXPECT_EQ(status_of(r.error().kind), 400);
}

TEST(JsonBody, NonObjectsAreRejected) {
  EXPECT_EQ(parse_object("[1,2]").error().code, "validation_failed");
  EXPECT_EQ(parse_object("\"x\"").error().code, "validation_failed");
}

TEST(JsonBody, DeepNestingIsRefusedNotRecursedInto) {
  std::string deep(10000, '[');
  EXPECT_EQ(parse_object(deep).error().code, "invalid_json");
}

TEST(JsonFields, MissingRequiredFieldIsNamed) {
  auto o = parse_object("{\"password\": \"x\"}");
  auto e = string_field(*o, "email");
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().field, "email");
  EXPECT_EQ(*string_field(*o, "email", false), "");
}

TEST(JsonFields, WrongTypeIsNamed) {
  auto o = parse_object("{\"email\": 5, \"roles\": [\"nurse\", 3]}");
  EXPECT_EQ(string_field(*o, "email").error().field, "email");
  EXPECT_EQ(string_list_field(*o, "roles").error().field, "roles");
}

TEST(ErrorBody, HasCodeMessageAndField) {
  auto r = error_response(Error::invalid("email", "Enter an e-mail."));
  EXPECT_EQ(r.status, 400);
  auto v = json::parse(r.body).as_object();
  EXPECT_EQ(v["error"].as_object()["code"], "validation_failed");
  EXPECT_EQ(v["error"].as_object()["field"], "email");
}

TEST(ErrorBody, KindsMapToStatuses) {
  EXPECT_EQ(status_of(ErrorKind::unauthenticated), 401);
  EXPECT_EQ(status_of(ErrorKind::forbidden), 403);
  EXPECT_EQ(status_of(ErrorKind::not_found), 404);
  EXPECT_EQ(status_of(ErrorKind::conflict), 409);
  EXPECT_EQ(status_of(ErrorKind::unavailable), 503);
}

TEST(Redaction, DatabaseErrorsLoseTheirBoundValues) {
  auto text = redact_error(
      "UNIQUE constraint failed: patients.id while executing \"INSERT INTO patients ...\" with :g=\"Maya\", "
      ":f=\"Okafor\".");
  EXPECT_EQ(text.find("Maya"), std::string::npos);
  EXPECT_NE(text.find("UNIQUE constraint failed"), std::string::npos);
  EXPECT_EQ(redact_error("duplicate key value\nDETAIL:  Key (email)=(a@b.test) already exists.").find("a@b"),
            std::string::npos);
  EXPECT_EQ(redact_error("invalid input syntax for type bigint: \"Okafor\"").find("Okafor"), std::string::npos);
}

TEST(Encoding, UserNeverCarriesItsPasswordHash) {
  app::UserRow u;
  u.id = "usr_1";
  u.password_hash = "$argon2id$secret";
  u.roles = {Role::nurse};
  u.locked_until_ms = 2000;
  auto s = json::serialize(to_json(u, nullptr, 1000));
  EXPECT_EQ(s.find("argon2id"), std::string::npos);
  EXPECT_NE(s.find("\"locked\":true"), std::string::npos);
  EXPECT_NE(s.find("\"roles\":[\"nurse\"]"), std::string::npos);
}

}  // namespace
}  // namespace kc::http
