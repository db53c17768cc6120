#include "domain/record_entries.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace kc {
namespace {

const Date kToday{2026, 11, 21};
const Date kBirth{1986, 3, 14};

std::string weight_error(double kg, const std::string& on = "2026-11-20") {
  auto r = validate_measurement({kg, std::nullopt, on, ""}, kBirth, kToday);
  return r ? "" : r.error().field;
}

std::string height_error(double cm) {
  auto r = validate_measurement({std::nullopt, cm, "2026-11-20", ""}, kBirth, kToday);
  return r ? "" : r.error().field;
}

TEST(Measurement, WeightIsKeptToTheGram) {
  auto r = validate_measurement({72.5, std::nullopt, "2026-11-20", ""}, kBirth, kToday);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->kind, MeasurementKind::weight);
  EXPECT_EQ(r->weight_g, 72500);
  EXPECT_EQ(r->height_mm, 0);
  EXPECT_EQ(r->measured_on, (Date{2026, 11, 20}));
}

TEST(Measurement, HeightIsKeptToTheMillimetre) {
  auto r = validate_measurement({std::nullopt, 170.25, "2026-11-20", ""}, kBirth, kToday);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kind, MeasurementKind::height);
  EXPECT_EQ(r->height_mm, 1703);
}

TEST(Measurement, WeightSanityLimitsAreInclusive) {
  EXPECT_EQ(weight_error(2), "");
  EXPECT_EQ(weight_error(400), "");
  EXPECT_EQ(weight_error(1.99), "weight_kg");
  EXPECT_EQ(weight_error(400.01), "weight_kg");
  EXPECT_EQ(weight_error(0), "weight_kg");
  EXPECT_EQ(weight_error(-70), "weight_kg");
  EXPECT_EQ(weight_error(std::nan("")), "weight_kg");
  EXPECT_EQ(weight_error(std::numeric_limits<double>::infinity()), "weight_kg");
}

TEST(Measurement, HeightSanityLimitsAreInclusive) {
  EXPECT_EQ(height_error(40), "");
  EXPECT_EQ(height_error(250), "");
  EXPECT_EQ(height_error(39.9), "height_cm");
  EXPECT_EQ(height_error(250.1), "height_cm");
  EXPECT_EQ(height_error(1.7), "height_cm") << "metres typed for centimetres";
}

TEST(Measurement, TheMessageGivesTheLimitsWithTheUnit) {
  auto r = validate_measurement({500, std::nullopt, "2026-11-20", ""}, kBirth, kToday);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "Weight must be from 2 to 400 kg.");
}

TEST(Measurement, ExactlyOneValue) {
  EXPECT_EQ(validate_measurement({70, 170, "2026-11-20", ""}, kBirth, kToday).error().field, "weight_kg");
  EXPECT_EQ(validate_measurement({std::nullopt, std::nullopt, "2026-11-20", ""}, kBirth, kToday).error().field,
            "weight_kg");
}

TEST(Measurement, AKindWhenGivenMustNameTheValueSent) {
  EXPECT_TRUE(validate_measurement({70, std::nullopt, "2026-11-20", "weight"}, kBirth, kToday));
  EXPECT_TRUE(validate_measurement({std::nullopt, 170, "2026-11-20", "height"}, kBirth, kToday));
  EXPECT_EQ(validate_measurement({70, std::nullopt, "2026-11-20", "height"}, kBirth, kToday).error().field, "kind");
  EXPECT_EQ(validate_measurement({70, std::nullopt, "2026-11-20", "bmi"}, kBirth, kToday).error().field, "kind");
  EXPECT_EQ(validate_measurement({std::nullopt, std::nullopt, "2026-11-20", "height"}, kBirth, kToday).error().field,
            "height_cm");
}

TEST(Measurement, MeasuredOnARealDateFromBirthToToday) {
  EXPECT_EQ(weight_error(70, "2026-11-21"), "");
  EXPECT_EQ(weight_error(70, "1986-03-14"), "");
  EXPECT_EQ(weight_error(70, "2026-11-22"), "measured_on");
  EXPECT_EQ(weight_error(70, "1986-03-13"), "measured_on");
  EXPECT_EQ(weight_error(70, "2026-02-30"), "measured_on");
  EXPECT_EQ(weight_error(70, "20/11/2026"), "measured_on");
  EXPECT_EQ(weight_error(70, ""), "measured_on");
}

TEST(Allergy, SubstanceRequiredReactionOptionalBothLimited) {
  auto r = validate_allergy({" Penicillin ", " Rash "});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->substance, "Penicillin");
  EXPECT_EQ(r->reaction, "Rash");
  EXPECT_EQ(validate_allergy({"Latex", "  "})->reaction, "");
  EXPECT_EQ(validate_allergy({" ", "Rash"}).error().field, "substance");
  EXPECT_TRUE(validate_allergy({std::string(200, 's'), std::string(1000, 'r')}));
  EXPECT_EQ(validate_allergy({std::string(201, 's'), ""}).error().field, "substance");
  EXPECT_EQ(validate_allergy({"Latex", std::string(1001, 'r')}).error().field, "reaction");
}

TEST(Allergy, SameSubstanceIgnoresCaseAndSurroundingSpace) {
  EXPECT_TRUE(same_substance("Penicillin", " penicillin "));
  EXPECT_FALSE(same_substance("Ketamine", "Esketamine"));
}

TEST(BaselineTest, KindIsEcgLiverOrRenal) {
  for (auto kind : {"ecg", "liver", "renal"})
    EXPECT_TRUE(validate_baseline_test({kind, "2026-11-01", "Normal"}, kBirth, kToday)) << kind;
  for (auto kind : {"ECG", "thyroid", ""})
    EXPECT_EQ(validate_baseline_test({kind, "2026-11-01", "Normal"}, kBirth, kToday).error().field, "kind") << kind;
}

TEST(BaselineTest, TakenOnARealDateFromBirthToToday) {
  EXPECT_TRUE(validate_baseline_test({"ecg", "2026-11-21", "Normal"}, kBirth, kToday));
  EXPECT_EQ(validate_baseline_test({"ecg", "2026-11-22", "Normal"}, kBirth, kToday).error().field, "taken_on");
  EXPECT_EQ(validate_baseline_test({"ecg", "1980-01-01", "Normal"}, kBirth, kToday).error().field, "taken_on");
  EXPECT_EQ(validate_baseline_test({"ecg", "2026-13-01", "Normal"}, kBirth, kToday).error().field, "taken_on");
}

TEST(BaselineTest, AShortResultIsRequired) {
  auto r = validate_baseline_test({"liver", "2026-11-01", " ALT 30 U/L, normal "}, kBirth, kToday);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result, "ALT 30 U/L, normal");
  EXPECT_EQ(validate_baseline_test({"liver", "2026-11-01", ""}, kBirth, kToday).error().field, "result");
  EXPECT_TRUE(validate_baseline_test({"liver", "2026-11-01", std::string(200, 'x')}, kBirth, kToday));
  EXPECT_EQ(validate_baseline_test({"liver", "2026-11-01", std::string(201, 'x')}, kBirth, kToday).error().field,
            "result");
}

}  // namespace
}  // namespace kc
