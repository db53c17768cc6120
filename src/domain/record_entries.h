// Dated entries of a patient's record that the clinic collects before treatment:
// weight and height, allergies, and baseline tests (ECG, liver, renal). Each
// validator checks raw input against the patient's date of birth and `today` (the
// clinic's UTC date); the first error names its field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "domain/time.h"

namespace kc {

enum class MeasurementKind { weight, height };
std::string_view to_string(MeasurementKind k);
std::optional<MeasurementKind> parse_measurement_kind(std::string_view text);

// Input sanity limits, not clinical thresholds: they catch typing errors (a weight in
// pounds, a height in metres or inches) and impossible values. Inclusive.
constexpr double kMinWeightKg = 2, kMaxWeightKg = 400;
constexpr double kMinHeightCm = 40, kMaxHeightCm = 250;

/// What a caller sends: exactly one of the two values, and the date it was measured.
struct MeasurementInput {
  std::optional<double> weight_kg, height_cm;
  std::string measured_on;  // YYYY-MM-DD
  std::string kind;         // optional; when given, it must name the value sent
};

/// A weight is kept to the gram and a height to the millimetre.
struct Measurement {
  MeasurementKind kind = MeasurementKind::weight;
  std::int64_t weight_g = 0;   // 0 for a height
  std::int64_t height_mm = 0;  // 0 for a weight
  Date measured_on;
};

/// Exactly one value (of the kind named, if one is), finite and within the sanity
/// limits; measured on a real date from the date of birth to today.
Result<Measurement> validate_measurement(const MeasurementInput& input, const Date& birth, const Date& today);

struct AllergyInput {
  std::string substance, reaction;
};

/// substance: required, at most 200 characters. reaction: what happened, optional,
/// at most 1000 characters.
Result<AllergyInput> validate_allergy(const AllergyInput& input);

/// True when two substance names are the same allergy (ignoring case and spaces at
/// either end), to refuse recording it twice.
bool same_substance(std::string_view a, std::string_view b);

/// Clinical reference §4: the CPSBC draft proposes ECG, liver and renal tests as the
/// baseline work-up.
enum class BaselineTestKind { ecg, liver, renal };
std::string_view to_string(BaselineTestKind k);
std::optional<BaselineTestKind> parse_baseline_test_kind(std::string_view text);

struct BaselineTestInput {
  std::string kind, taken_on, result;
};

struct BaselineTest {
  BaselineTestKind kind = BaselineTestKind::ecg;
  Date taken_on;
  std::string result;  // a short summary, e.g. "Sinus rhythm, QTc 410 ms"; at most 200 characters
};

/// A known kind; taken on a real date from the date of birth to today; a result.
Result<BaselineTest> validate_baseline_test(const BaselineTestInput& input, const Date& birth, const Date& today);

}  // namespace kc
