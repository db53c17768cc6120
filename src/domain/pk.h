// Pharmacokinetic simulation of ketamine: plasma concentration over time for planned
// doses, from the compartment models of the clinical reference (§2).
//
// Models (rate constants per minute, V1 in L/kg of body weight):
//   Domino 1984, 3-compartment:  V1 0.063, k10 0.4381, k12 0.5921, k13 0.5900,
//                                k21 0.2470, k31 0.0146 (same values in STANPUMP);
//   Clements & Nimmo 1981, 2-compartment: V1 1.7522, k10 0.0109, k12 0.0186,
//                                k21 0.0137 (as coded in the opentiva library).
// Inputs: IV doses enter the central compartment, as a bolus (no infusion minutes) or
// at a constant rate over their infusion minutes (zero-order). Every other route
// gives dose x bioavailability into an absorption depot that empties into the central
// compartment at the first-order rate ka (a clinic setting: no published value).
//
// Method: exact. The model is linear with inputs that are constant within each
// whole minute, so one minute is the matrix exponential of the augmented system
// (state plus the infusion rate), computed once by scaling and squaring of a Taylor
// series to machine precision. Doses therefore superpose exactly.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/route.h"

namespace kc {

struct PkModel {
  std::string_view code;  // "domino" | "clements"
  std::string_view name;
  double v1_l_per_kg = 0;
  double k10 = 0, k12 = 0, k13 = 0, k21 = 0, k31 = 0;  // per minute
  std::string_view source;
};

const PkModel& domino_model();
const PkModel& clements_model();
std::span<const PkModel> pk_models();
const PkModel* find_pk_model(std::string_view code);

/// Central volume in litres for a weight.
double central_volume_l(const PkModel& model, double weight_kg);
/// Elimination clearance k10 x V1 in litres per minute.
double clearance_l_per_min(const PkModel& model, double weight_kg);

struct PkDose {
  int at_minute = 0;         // from the start of the simulation
  double dose_mg = 0;        // as given (before bioavailability)
  int infusion_minutes = 0;  // IV only; 0 is a bolus
};

struct PkInput {
  const PkModel* model = nullptr;
  Route route = Route::iv;
  double weight_kg = 0;
  double bioavailability = 1.0;            // fraction 0..1 of the dose that reaches the blood
  std::optional<double> absorption_per_h;  // ka; required for every route but IV
  std::vector<PkDose> doses;
  int minutes = 360;  // simulated span; one point per minute, 0..minutes
};

/// Amounts in mg: the absorption depot, central, the two peripheral compartments,
/// and what has been eliminated.
struct PkAmounts {
  double depot = 0, central = 0, peripheral2 = 0, peripheral3 = 0, eliminated = 0;
  double total() const { return depot + central + peripheral2 + peripheral3 + eliminated; }
};

struct PkPoint {
  int minute = 0;
  double concentration_ng_per_ml = 0;
};

struct PkResult {
  std::vector<PkPoint> points;  // minutes 0..minutes
  double peak_ng_per_ml = 0;
  int time_to_peak_minute = 0;     // the first minute at the peak
  std::vector<PkAmounts> amounts;  // beside each point, for checks
  double delivered_mg = 0;         // dose x bioavailability that has entered by the end
};

constexpr int kMaxPkMinutes = 48 * 60;
constexpr std::size_t kMaxPkDoses = 50;

/// Checks the input (errors name the field: "weight_kg", "hours", "doses[1].dose_mg",
/// "doses[0].infusion_minutes", "absorption_per_h", "bioavailability") and simulates.
Result<PkResult> simulate_pk(const PkInput& input);

}  // namespace kc
