#include "domain/record_entries.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "domain/validation.h"

namespace kc {
namespace {

/// A real YYYY-MM-DD date from `birth` to `today`, named `field` in errors.
Result<Date> past_date(std::string_view field, std::string_view text, const Date& birth, const Date& today) {
  const std::string name(field);
  auto date = parse_date(text);
  if (!date) return Error::invalid(name, field_label(field) + " must be a date as YYYY-MM-DD.");
  if (compare(*date, today) > 0) return Error::invalid(name, field_label(field) + " is in the future.");
  if (compare(*date, birth) < 0) return Error::invalid(name, field_label(field) + " is before the date of birth.");
  return *date;
}

/// `value` within [min, max] (finite); errors name `field` and say "`what` must be ...".
Status within(std::string_view field, std::string_view what, double value, double min, double max,
              std::string_view unit) {
  auto text = [](double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s;
  };
  if (!std::isfinite(value) || value < min || value > max)
    return Error::invalid(std::string(field), std::string(what) + " must be from " + text(min) + " to " + text(max) +
                                                  " " + std::string(unit) + ".");
  return Ok{};
}

std::string lower_trimmed(std::string_view s) {
  auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  s = s.substr(first, s.find_last_not_of(" \t") - first + 1);
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::string_view to_string(MeasurementKind k) { return k == MeasurementKind::weight ? "weight" : "height"; }

std::optional<MeasurementKind> parse_measurement_kind(std::string_view text) {
  if (text == "weight") return MeasurementKind::weight;
  if (text == "height") return MeasurementKind::height;
  return std::nullopt;
}

Result<Measurement> validate_measurement(const MeasurementInput& in, const Date& birth, const Date& today) {
  auto kind = parse_measurement_kind(in.kind);
  if (!in.kind.empty() && !kind) return Error::invalid("kind", "kind must be weight or height.");
  if (in.weight_kg && in.height_cm)
    return Error::invalid("weight_kg", "Send either weight_kg or height_cm, not both: one measurement at a time.");
  if (!in.weight_kg && !in.height_cm)
    return Error::invalid(kind == MeasurementKind::height ? "height_cm" : "weight_kg",
                          "Send the value as weight_kg or height_cm.");
  if (kind && (*kind == MeasurementKind::weight) != in.weight_kg.has_value())
    return Error::invalid("kind", "kind says " + in.kind + ", but the value sent is the other kind.");
  Measurement m;
  if (in.weight_kg) {
    if (auto ok = within("weight_kg", "Weight", *in.weight_kg, kMinWeightKg, kMaxWeightKg, "kg"); !ok)
      return ok.error();
    m.kind = MeasurementKind::weight;
    m.weight_g = std::llround(*in.weight_kg * 1000);
  } else {
    if (auto ok = within("height_cm", "Height", *in.height_cm, kMinHeightCm, kMaxHeightCm, "cm"); !ok)
      return ok.error();
    m.kind = MeasurementKind::height;
    m.height_mm = std::llround(*in.height_cm * 10);
  }
  auto on = past_date("measured_on", in.measured_on, birth, today);
  if (!on) return on.error();
  m.measured_on = *on;
  return m;
}

Result<AllergyInput> validate_allergy(const AllergyInput& in) {
  auto substance = required_text("substance", in.substance, 200);
  if (!substance) return substance.error();
  AllergyInput out{*substance, ""};
  if (in.reaction.find_first_not_of(" \t\r\n") != std::string::npos) {
    auto reaction = required_text("reaction", in.reaction, 1000);
    if (!reaction) return reaction.error();
    out.reaction = *reaction;
  }
  return out;
}

bool same_substance(std::string_view a, std::string_view b) { return lower_trimmed(a) == lower_trimmed(b); }

std::string_view to_string(BaselineTestKind k) {
  switch (k) {
    case BaselineTestKind::ecg:
      return "ecg";
    case BaselineTestKind::liver:
      return "liver";
    case BaselineTestKind::renal:
      return "renal";
  }
  return "ecg";
}

std::optional<BaselineTestKind> parse_baseline_test_kind(std::string_view text) {
  for (auto k : {BaselineTestKind::ecg, BaselineTestKind::liver, BaselineTestKind::renal})
    if (to_string(k) == text) return k;
  return std::nullopt;
}

Result<BaselineTest> validate_baseline_test(const BaselineTestInput& in, const Date& birth, const Date& today) {
  auto kind = parse_baseline_test_kind(in.kind);
  if (!kind) return Error::invalid("kind", "kind must be ecg, liver or renal.");
  auto on = past_date("taken_on", in.taken_on, birth, today);
  if (!on) return on.error();
  auto result = required_text("result", in.result, 200);
  if (!result) return result.error();
  return BaselineTest{*kind, *on, *result};
}

}  // namespace kc
