#include "domain/patient.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

const Date kToday{2026, 11, 21};

TEST(PatientIdentity, AcceptsAPlausiblePerson) {
  auto p = validate_patient_identity(" Maya ", "Okafor", "1986-03-14", kToday);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->given_name, "Maya");
  EXPECT_EQ(p->date_of_birth, (Date{1986, 3, 14}));
}

TEST(PatientIdentity, BirthInTheFutureIsRejected) {
  auto p = validate_patient_identity("A", "B", "2026-11-22", kToday);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().field, "date_of_birth");
  EXPECT_TRUE(validate_patient_identity("A", "B", "2026-11-21", kToday));
}

TEST(PatientIdentity, AgeOver120IsRejectedAndExactly120Accepted) {
  EXPECT_TRUE(validate_patient_identity("A", "B", "1905-11-22", kToday));  // 120, 121 tomorrow
  auto p = validate_patient_identity("A", "B", "1905-11-21", kToday);      // 121 today
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().field, "date_of_birth");
}

TEST(PatientIdentity, ImpossibleDateNamesTheField) {
  auto p = validate_patient_identity("A", "B", "1990-02-30", kToday);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().field, "date_of_birth");
}

TEST(PatientIdentity, MissingNamesAreNamed) {
  EXPECT_EQ(validate_patient_identity("", "B", "1990-01-01", kToday).error().field, "given_name");
  EXPECT_EQ(validate_patient_identity("A", " ", "1990-01-01", kToday).error().field, "family_name");
}

TEST(PatientIdentity, SearchKeyIsLowerCase) { EXPECT_EQ(search_key("McDonald"), "mcdonald"); }

}  // namespace
}  // namespace kc
