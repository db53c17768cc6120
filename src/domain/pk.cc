#include "domain/pk.h"

#include <array>
#include <cmath>
#include <string>

namespace kc {
namespace {

constexpr std::array kModels = {
    PkModel{"domino", "Domino (3-compartment)", 0.063, 0.4381, 0.5921, 0.5900, 0.2470, 0.0146,
            "Domino 1984 (Clin Pharmacol Ther); same values in STANPUMP"},
    PkModel{"clements", "Clements (2-compartment)", 1.7522, 0.0109, 0.0186, 0.0, 0.0137, 0.0,
            "Clements & Nimmo 1981, as coded in the opentiva library"},
};

constexpr int N = 6;  // depot, central, peripheral 2, peripheral 3, eliminated, infusion rate
using Matrix = std::array<std::array<double, N>, N>;
using Vector = std::array<double, N>;

Matrix identity() {
  Matrix m{};
  for (int i = 0; i < N; ++i) m[i][i] = 1;
  return m;
}

Matrix multiply(const Matrix& a, const Matrix& b) {
  Matrix out{};
  for (int i = 0; i < N; ++i)
    for (int k = 0; k < N; ++k)
      if (a[i][k] != 0)
        for (int j = 0; j < N; ++j) out[i][j] += a[i][k] * b[k][j];
  return out;
}

Vector apply(const Matrix& m, const Vector& v) {
  Vector out{};
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) out[i] += m[i][j] * v[j];
  return out;
}

/// exp(a) by scaling and squaring a Taylor series (the norm is small, so 20 terms
/// after scaling below 0.5 reach machine precision).
Matrix expm(Matrix a) {
  double norm = 0;
  for (int j = 0; j < N; ++j) {
    double col = 0;
    for (int i = 0; i < N; ++i) col += std::abs(a[i][j]);
    norm = std::max(norm, col);
  }
  int squarings = 0;
  while (norm > 0.5) {
    norm /= 2;
    ++squarings;
  }
  const double scale = std::ldexp(1.0, -squarings);
  for (auto& row : a)
    for (auto& x : row) x *= scale;
  Matrix result = identity(), term = identity();
  for (int k = 1; k <= 20; ++k) {
    term = multiply(term, a);
    for (auto& row : term)
      for (auto& x : row) x /= k;
    for (int i = 0; i < N; ++i)
      for (int j = 0; j < N; ++j) result[i][j] += term[i][j];
  }
  for (int s = 0; s < squarings; ++s) result = multiply(result, result);
  return result;
}

/// The rate matrix per minute (column = source compartment).
Matrix rates(const PkModel& m, double ka_per_min) {
  Matrix a{};
  a[0][0] = -ka_per_min;
  a[1][0] = ka_per_min;
  a[1][1] = -(m.k10 + m.k12 + m.k13);
  a[1][2] = m.k21;
  a[1][3] = m.k31;
  a[1][5] = 1;  // the infusion rate (mg/min) flows into the central compartment
  a[2][1] = m.k12;
  a[2][2] = -m.k21;
  a[3][1] = m.k13;
  a[3][3] = -m.k31;
  a[4][1] = m.k10;
  return a;
}

Error bad(std::string field, std::string message) { return Error::invalid(std::move(field), std::move(message)); }

Status check(const PkInput& in) {
  if (!in.model) return bad("model", "Choose a model: domino or clements.");
  if (!std::isfinite(in.weight_kg) || in.weight_kg < 1 || in.weight_kg > 400)
    return bad("weight_kg", "Weight must be from 1 to 400 kg.");
  if (!std::isfinite(in.bioavailability) || in.bioavailability <= 0 || in.bioavailability > 1)
    return bad("bioavailability", "Bioavailability must be above 0 and at most 1.");
  if (in.minutes < 1 || in.minutes > kMaxPkMinutes) return bad("hours", "Simulate from 1 minute to 48 hours.");
  if (in.doses.empty()) return bad("doses", "Give at least one dose.");
  if (in.doses.size() > kMaxPkDoses) return bad("doses", "Give at most 50 doses.");
  for (std::size_t i = 0; i < in.doses.size(); ++i) {
    const auto& d = in.doses[i];
    const std::string at = "doses[" + std::to_string(i) + "].";
    if (d.at_minute < 0 || d.at_minute > in.minutes)
      return bad(at + "at_minute", "A dose must start within the simulated time.");
    if (!std::isfinite(d.dose_mg) || d.dose_mg <= 0 || d.dose_mg > 5000)
      return bad(at + "dose_mg", "A dose must be above 0 and at most 5000 mg.");
    if (d.infusion_minutes < 0 || d.infusion_minutes > 600)
      return bad(at + "infusion_minutes", "Infusion minutes must be from 0 to 600.");
    if (d.infusion_minutes > 0 && !is_infusion(in.route))
      return bad(at + "infusion_minutes", "Only an IV dose is infused over minutes.");
  }
  if (in.route != Route::iv) {
    if (!in.absorption_per_h)
      return Error{ErrorKind::invalid, "absorption_rate_needed",
                   "Set the absorption rate (ka) for this route in the plan settings to simulate it.",
                   "absorption_per_h"};
    if (!std::isfinite(*in.absorption_per_h) || *in.absorption_per_h <= 0 || *in.absorption_per_h > 100)
      return bad("absorption_per_h", "The absorption rate must be above 0 and at most 100 per hour.");
  }
  return Ok{};
}

}  // namespace

const PkModel& domino_model() { return kModels[0]; }
const PkModel& clements_model() { return kModels[1]; }
std::span<const PkModel> pk_models() { return kModels; }

const PkModel* find_pk_model(std::string_view code) {
  for (const auto& m : kModels)
    if (m.code == code) return &m;
  return nullptr;
}

double central_volume_l(const PkModel& model, double weight_kg) { return model.v1_l_per_kg * weight_kg; }
double clearance_l_per_min(const PkModel& model, double weight_kg) {
  return model.k10 * central_volume_l(model, weight_kg);
}

Result<PkResult> simulate_pk(const PkInput& in) {
  if (auto ok = check(in); !ok) return ok.error();
  const bool iv = in.route == Route::iv;
  const double ka = iv ? 0.0 : *in.absorption_per_h / 60.0;
  const Matrix step = expm(rates(*in.model, ka));
  const double v1_l = central_volume_l(*in.model, in.weight_kg);

  PkResult out;
  out.points.reserve(static_cast<std::size_t>(in.minutes) + 1);
  out.amounts.reserve(static_cast<std::size_t>(in.minutes) + 1);
  Vector x{};
  for (int minute = 0; minute <= in.minutes; ++minute) {
    double rate = 0;
    for (const auto& d : in.doses) {
      const double absorbed = d.dose_mg * in.bioavailability;
      if (d.infusion_minutes > 0) {
        if (minute >= d.at_minute && minute < d.at_minute + d.infusion_minutes) {
          rate += absorbed / d.infusion_minutes;
          if (minute < in.minutes) out.delivered_mg += absorbed / d.infusion_minutes;
        }
      } else if (d.at_minute == minute) {
        x[iv ? 1 : 0] += absorbed;
        out.delivered_mg += absorbed;
      }
    }
    const double c = x[1] / v1_l * 1000.0;  // mg/L -> ng/mL
    out.points.push_back({minute, c});
    out.amounts.push_back({x[0], x[1], x[2], x[3], x[4]});
    if (c > out.peak_ng_per_ml) {
      out.peak_ng_per_ml = c;
      out.time_to_peak_minute = minute;
    }
    if (minute == in.minutes) break;
    x[5] = rate;
    x = apply(step, x);
    x[5] = 0;
  }
  return out;
}

}  // namespace kc
