// Dose arithmetic for ketamine and esketamine: the dose from the dose rule and the
// latest weight (which must be recent enough), rounding stated in words, the volume
// from the concentration, the pump rate for an infusion, esketamine devices and their
// times, the limit verdict per route, the blind double check's comparison, and the
// cumulative exposure over 30 days.
//
// Exact arithmetic: every quantity is a whole number of thousandths of its unit
// ("milli" units): weight in g, doses in µg, mg/kg in µg/kg, volumes in µL, rates in
// µL/h, concentrations in µg/mL. Rounding is to the nearest increment, halves up
// ("34.5 mg rounded to 35 mg (nearest 1 mg)"), so every boundary is exact.
//
// Clinical numbers are not constants here: they arrive in DoseProtocol, the clinic's
// settings (docs/clinical-defaults.md gives each default and its source).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/route.h"
#include "domain/time.h"

namespace kc {

/// A number of thousandths (e.g. 34.5 mg = 34500 µg). nullopt for a value that is
/// not finite or whose size is beyond any dose arithmetic (|x| > 1e9).
std::optional<std::int64_t> to_milli(double value);
/// "34.5", "35", "0.125" (thousandths, trailing zeros dropped).
std::string format_milli(std::int64_t milli);
/// `num / den` rounded to the nearest multiple of `increment` (halves up); all
/// non-negative, den and increment positive.
std::int64_t round_to_increment(std::int64_t num, std::int64_t den, std::int64_t increment);

/// Soft and hard limit of one route: in µg/kg for weight-based routes (IV, IM, SC),
/// in µg for the others.
struct RouteLimits {
  std::int64_t soft = 0;
  std::int64_t hard = 0;
};

struct DoseProtocol {
  std::array<RouteLimits, 6> limits{};  // indexed by Route
  int max_weight_age_days = 0;
  std::int64_t dose_rounding_ug = 1000;       // 1 mg
  std::int64_t volume_rounding_ul = 100;      // 0.1 mL
  std::int64_t rate_rounding_ul_per_h = 100;  // 0.1 mL/h
  int min_infusion_minutes = 0, max_infusion_minutes = 0;
  std::int64_t max_concentration_ug_per_ml = 0;
  // Esketamine label facts (Spravato prescribing information), not clinic choices.
  std::int64_t esketamine_device_ug = 28'000;
  int esketamine_device_spacing_minutes = 5;

  const RouteLimits& limits_of(Route r) const { return limits[static_cast<std::size_t>(r)]; }
  RouteLimits& limits_of(Route r) { return limits[static_cast<std::size_t>(r)]; }
};

/// What the prescriber asks for. Weight-based routes: ug_per_kg (IV also
/// infusion_minutes). Esketamine: dose_ug 56 or 84 mg. Sublingual and oral: dose_ug.
struct DoseOrderRule {
  std::optional<std::int64_t> ug_per_kg;
  std::optional<std::int64_t> dose_ug;
  std::optional<int> infusion_minutes;
};

struct WeightOn {
  std::int64_t weight_g = 0;
  Date measured_on;
};

struct DoseInput {
  Route route = Route::iv;
  DoseOrderRule rule;
  std::optional<WeightOn> weight;                       // the patient's latest weight, if any
  Date today;                                           // the day of dosing: the weight's age is counted to it
  std::optional<std::int64_t> concentration_ug_per_ml;  // not for esketamine
  int prior_esketamine_doses = 0;                       // the patient's earlier esketamine orders (first dose is 56 mg)
};

enum class LimitVerdict { within, above_soft, above_hard };
std::string_view to_string(LimitVerdict v);

struct DoseCalculation {
  Route route = Route::iv;
  DoseOrderRule rule;
  std::optional<WeightOn> weight;  // the weight used (required for weight-based routes)
  int weight_age_days = 0;
  std::optional<std::int64_t> concentration_ug_per_ml;
  std::int64_t unrounded_dose_ug = 0;           // to the nearest µg
  std::int64_t dose_ug = 0;                     // rounded: what is given
  std::string dose_rounding;                    // "34.5 mg rounded to 35 mg (nearest 1 mg)"
  std::optional<std::int64_t> given_ug_per_kg;  // dose_ug over the weight, to the nearest µg/kg
  std::optional<std::int64_t> volume_ul;        // rounded to the volume increment
  std::string volume_rounding;
  std::optional<std::int64_t> rate_ul_per_h;  // IV: the rounded volume over the infusion minutes
  std::string rate_rounding;
  int devices = 0;                  // esketamine only
  std::vector<int> device_minutes;  // minute of each device from the first: 0, 5, 10
  LimitVerdict verdict = LimitVerdict::within;
  RouteLimits limits;
  bool limits_per_kg = false;
  std::string limit_text;  // the verdict in plain words
};

/// The dose for `input` under `protocol`. Errors name the field: "weight"
/// (weight_missing, weight_stale), "concentration_mg_per_ml", "dose_rule.mg_per_kg",
/// "dose_rule.dose_mg", "dose_rule.infusion_minutes". A dose above a limit is not an
/// error here: the verdict says so, and authorize_limit decides.
Result<DoseCalculation> calculate_dose(const DoseInput& input, const DoseProtocol& protocol);

/// A weight measured on `measured_on` is recent enough for a dose on `on` when it is
/// at most `max_age_days` old then (the clinic's setting).
bool weight_recent(const Date& measured_on, const Date& on, int max_age_days);

/// May this calculation be ordered? above_hard: conflict dose_above_limit; above_soft
/// without a reason: invalid override_reason_required (field "override_reason").
Status authorize_limit(const DoseCalculation& calc, std::string_view override_reason);

/// The blind double check. Weight matches when both are equal to the nearest 0.1 kg
/// (halves up); concentration only when exactly equal; esketamine devices when equal.
struct CheckEntry {
  std::optional<std::int64_t> weight_g;
  std::optional<std::int64_t> concentration_ug_per_ml;
  std::optional<int> devices;
};
/// The fields that do not match ("weight_kg", "concentration_mg_per_ml", "devices"),
/// in that order; empty: a match. A value the order has and the entry lacks is a
/// mismatch; what the order does not have is not compared.
std::vector<std::string> mismatched_fields(const CheckEntry& order, const CheckEntry& entered);

/// One earlier dose, for the cumulative exposure.
struct ExposureDose {
  Date on;
  std::int64_t dose_ug = 0;
  std::optional<std::int64_t> weight_g;
};

struct Exposure {
  Date from, to;  // inclusive: the 30 days ending on `to`
  std::int64_t total_ug = 0;
  std::int64_t total_ug_per_kg = 0;  // each dose over its own weight (to the µg/kg), summed
  int sessions = 0;
  int without_weight = 0;  // doses not in total_ug_per_kg (no weight recorded with them)
};

/// Doses given in the `days` calendar days ending on `on` (inclusive).
Exposure exposure_over(const std::vector<ExposureDose>& doses, const Date& on, int days = 30);

}  // namespace kc
