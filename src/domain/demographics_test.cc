#include "domain/demographics.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

const Date kToday{2026, 11, 21};
const Date kAdult{1986, 3, 14};

Demographics minimal() {
  Demographics d;
  d.sex_at_birth = "female";
  return d;
}

std::string field_of(const Demographics& d, const Date& birth = kAdult) {
  auto r = validate_demographics(d, birth, kToday);
  return r ? "" : r.error().field;
}

TEST(Demographics, EveryFieldMayBeBlankForAnAdultExceptSexAtBirth) {
  auto r = validate_demographics(minimal(), kAdult, kToday);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->sex_at_birth, "female");
  EXPECT_EQ(field_of(Demographics{}), "sex_at_birth");
}

TEST(Demographics, SexAtBirthIsOneOfFourCodes) {
  for (auto code : {"female", "male", "intersex", "unknown"}) {
    auto d = minimal();
    d.sex_at_birth = code;
    EXPECT_EQ(field_of(d), "") << code;
  }
  for (auto code : {"Female", "f", "other", " male"}) {
    auto d = minimal();
    d.sex_at_birth = code;
    EXPECT_EQ(field_of(d), "sex_at_birth") << code;
  }
}

TEST(Demographics, TextIsTrimmedAndHeldToItsLimit) {
  auto d = minimal();
  d.gender_identity = std::string(100, 'x');
  d.referrer = std::string(200, 'r');
  d.preferred_name = "  Mae ";
  auto r = validate_demographics(d, kAdult, kToday);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->preferred_name, "Mae");
  d.gender_identity += "x";
  EXPECT_EQ(field_of(d), "gender_identity");
  d.gender_identity.pop_back();
  d.referrer += "r";
  EXPECT_EQ(field_of(d), "referrer");
  d.referrer.pop_back();
  d.preferred_name = std::string(101, 'p');
  EXPECT_EQ(field_of(d), "preferred_name");
  d.preferred_name = "Line\nbreak";
  EXPECT_EQ(field_of(d), "preferred_name");
}

TEST(Demographics, BlankTextIsNotRecorded) {
  auto d = minimal();
  d.referrer = "   ";
  d.phone = " ";
  auto r = validate_demographics(d, kAdult, kToday);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->referrer, "");
  EXPECT_EQ(r->phone, "");
}

TEST(Demographics, PhoneAndEmailAreNormalisedOrRefusedByField) {
  auto d = minimal();
  d.phone = "+44 20 7946-0958";
  d.email = " Maya.Okafor@Example.ORG ";
  auto r = validate_demographics(d, kAdult, kToday);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->phone, "+442079460958");
  EXPECT_EQ(r->email, "maya.okafor@example.org");
  d.phone = "call me";
  EXPECT_EQ(field_of(d), "phone");
  d.phone = "123456";  // six digits: one short
  EXPECT_EQ(field_of(d), "phone");
  d.phone = "1234567";
  d.email = "maya@example";
  EXPECT_EQ(field_of(d), "email");
}

TEST(Demographics, EveryContactPhoneIsChecked) {
  for (auto [name, phone] : {std::pair{&Demographics::emergency_contact_name, &Demographics::emergency_contact_phone},
                             std::pair{&Demographics::escort_name, &Demographics::escort_phone},
                             std::pair{&Demographics::guardian_name, &Demographics::guardian_phone}}) {
    auto d = minimal();
    d.*name = "Sam";
    d.guardian_relationship = "Mother";
    d.*phone = "12ab";
    auto expected = phone == &Demographics::emergency_contact_phone ? "emergency_contact_phone"
                    : phone == &Demographics::escort_phone          ? "escort_phone"
                                                                    : "guardian_phone";
    EXPECT_EQ(field_of(d), expected);
  }
}

TEST(Demographics, AnEmergencyContactOnceStartedNeedsANameAndAPhone) {
  auto d = minimal();
  d.emergency_contact_relationship = "Sister";
  EXPECT_EQ(field_of(d), "emergency_contact_name");
  d.emergency_contact_name = "Ada Okafor";
  EXPECT_EQ(field_of(d), "emergency_contact_phone");
  d.emergency_contact_phone = "555 123 4567";
  EXPECT_EQ(field_of(d), "");
  d.emergency_contact_relationship = "";
  EXPECT_EQ(field_of(d), "") << "the relationship is optional";
}

TEST(Demographics, AnEscortOnceStartedNeedsANameAndAPhone) {
  auto d = minimal();
  d.escort_phone = "555 123 4567";
  EXPECT_EQ(field_of(d), "escort_name");
  d.escort_name = "Tom";
  EXPECT_EQ(field_of(d), "");
}

TEST(Demographics, AMinorNeedsAGuardianWithNameRelationshipAndPhone) {
  const Date minor{2010, 5, 1};
  auto d = minimal();
  auto r = validate_demographics(d, minor, kToday);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "guardian_name");
  EXPECT_NE(r.error().message.find("under 18"), std::string::npos);
  d.guardian_name = "Ada Okafor";
  EXPECT_EQ(field_of(d, minor), "guardian_relationship");
  d.guardian_relationship = "Mother";
  EXPECT_EQ(field_of(d, minor), "guardian_phone");
  d.guardian_phone = "555 123 4567";
  EXPECT_EQ(field_of(d, minor), "");
}

TEST(Demographics, AGuardianIsOptionalForAnAdultButCompleteWhenGiven) {
  auto d = minimal();
  d.guardian_name = "Court-appointed guardian";
  EXPECT_EQ(field_of(d), "guardian_relationship");
}

TEST(Demographics, MinorUntilTheDayBeforeTheEighteenthBirthday) {
  EXPECT_TRUE(is_minor({2008, 11, 22}, kToday));   // 18 tomorrow
  EXPECT_FALSE(is_minor({2008, 11, 21}, kToday));  // 18 today
  EXPECT_FALSE(is_minor(kAdult, kToday));
  EXPECT_EQ(field_of(minimal(), {2008, 11, 21}), "");
  EXPECT_EQ(field_of(minimal(), {2008, 11, 22}), "guardian_name");
}

TEST(Demographics, FieldsAreListedOnceEachByTheirApiName) {
  const auto& fields = demographics_fields();
  EXPECT_EQ(fields.front().name, "preferred_name");
  Demographics d;
  for (const auto& f : fields) d.*f.member = std::string(f.name);
  EXPECT_EQ(d.guardian_phone, "guardian_phone");
  EXPECT_EQ(d.emergency_contact_relationship, "emergency_contact_relationship");
  EXPECT_EQ(d.sex_at_birth, "sex_at_birth");
}

}  // namespace
}  // namespace kc
