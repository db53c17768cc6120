#include "domain/dose.h"

#include <cmath>

namespace kc {
namespace {

// Bounds of plausibility (not clinical limits): beyond them the input is a typing
// error, and the arithmetic below stays far from overflow.
constexpr std::int64_t kMaxUgPerKg = 100'000;    // 100 mg/kg
constexpr std::int64_t kMaxDoseUg = 10'000'000;  // 10 g
constexpr std::int64_t kMaxWeightG = 500'000;    // 500 kg

std::string mg(std::int64_t ug) { return format_milli(ug) + " mg"; }
std::string ml(std::int64_t ul) { return format_milli(ul) + " mL"; }

Error rule_error(std::string_view field, std::string message) {
  return Error::invalid("dose_rule." + std::string(field), std::move(message), "dose_rule_invalid");
}

}  // namespace

std::optional<std::int64_t> to_milli(double value) {
  if (!std::isfinite(value) || std::fabs(value) > 1e9) return std::nullopt;
  return static_cast<std::int64_t>(std::llround(value * 1000.0));
}

std::string format_milli(std::int64_t milli) {
  std::string sign = milli < 0 ? "-" : "";
  std::int64_t a = milli < 0 ? -milli : milli;
  std::string out = sign + std::to_string(a / 1000);
  std::int64_t frac = a % 1000;
  if (frac == 0) return out;
  std::string f = std::to_string(frac);
  f = std::string(3 - f.size(), '0') + f;
  while (!f.empty() && f.back() == '0') f.pop_back();
  return out + "." + f;
}

std::int64_t round_to_increment(std::int64_t num, std::int64_t den, std::int64_t increment) {
  // k = floor(num / (den * increment) + 1/2)
  const std::int64_t k = (2 * num + den * increment) / (2 * den * increment);
  return k * increment;
}

std::string_view to_string(LimitVerdict v) {
  switch (v) {
    case LimitVerdict::within:
      return "within";
    case LimitVerdict::above_soft:
      return "above_soft";
    case LimitVerdict::above_hard:
      return "above_hard";
  }
  return "within";
}

bool weight_recent(const Date& measured_on, const Date& on, int max_age_days) {
  return days_between(measured_on, on) <= max_age_days;
}

Result<DoseCalculation> calculate_dose(const DoseInput& in, const DoseProtocol& p) {
  DoseCalculation c;
  c.route = in.route;
  c.rule = in.rule;
  const Route r = in.route;
  const bool esketamine = r == Route::intranasal_esketamine;

  // The rule must fit the route.
  if (is_weight_based(r)) {
    if (in.rule.dose_ug)
      return rule_error("dose_mg", "A " + std::string(route_label(r)) + " dose is prescribed in mg/kg, not in mg.");
    if (!in.rule.ug_per_kg) return rule_error("mg_per_kg", "Enter the dose in mg/kg.");
    if (*in.rule.ug_per_kg <= 0 || *in.rule.ug_per_kg > kMaxUgPerKg)
      return rule_error("mg_per_kg", "mg_per_kg must be more than 0 and at most 100.");
  } else {
    if (in.rule.ug_per_kg)
      return rule_error("mg_per_kg", "A " + std::string(route_label(r)) + " dose is prescribed in mg, not in mg/kg.");
    if (!in.rule.dose_ug) return rule_error("dose_mg", "Enter the dose in mg.");
    if (*in.rule.dose_ug <= 0 || *in.rule.dose_ug > kMaxDoseUg)
      return rule_error("dose_mg", "dose_mg must be more than 0 and at most 10000.");
  }
  if (is_infusion(r)) {
    if (!in.rule.infusion_minutes) return rule_error("infusion_minutes", "Enter the infusion time in minutes.");
    if (*in.rule.infusion_minutes < p.min_infusion_minutes || *in.rule.infusion_minutes > p.max_infusion_minutes)
      return rule_error("infusion_minutes", "infusion_minutes must be from " + std::to_string(p.min_infusion_minutes) +
                                                " to " + std::to_string(p.max_infusion_minutes) + ".");
  } else if (in.rule.infusion_minutes) {
    return rule_error("infusion_minutes",
                      "Only an IV infusion has infusion minutes; " + std::string(route_label(r)) + " does not.");
  }
  if (esketamine) {
    const std::int64_t d = *in.rule.dose_ug;
    if (d != 2 * p.esketamine_device_ug && d != 3 * p.esketamine_device_ug)
      return rule_error("dose_mg", "An esketamine dose is " + mg(2 * p.esketamine_device_ug) + " or " +
                                       mg(3 * p.esketamine_device_ug) + " (" + mg(p.esketamine_device_ug) +
                                       " per device).");
    if (in.prior_esketamine_doses == 0 && d != 2 * p.esketamine_device_ug)
      return rule_error(
          "dose_mg", "The first esketamine dose is " + mg(2 * p.esketamine_device_ug) + " (prescribing information).");
  }

  // Concentration: every route but esketamine (a fixed-dose device).
  if (esketamine) {
    if (in.concentration_ug_per_ml)
      return Error::invalid("concentration_mg_per_ml", "Esketamine is given by device; leave the concentration empty.",
                            "concentration_invalid");
  } else {
    if (!in.concentration_ug_per_ml)
      return Error::invalid("concentration_mg_per_ml", "Enter the concentration in mg/mL.", "concentration_invalid");
    if (*in.concentration_ug_per_ml <= 0)
      return Error::invalid("concentration_mg_per_ml", "The concentration must be more than 0 mg/mL.",
                            "concentration_invalid");
    if (*in.concentration_ug_per_ml > p.max_concentration_ug_per_ml)
      return Error::invalid("concentration_mg_per_ml",
                            "The concentration must be at most " + format_milli(p.max_concentration_ug_per_ml) +
                                " mg/mL (the strongest ketamine presentation); check the vial.",
                            "concentration_invalid");
    c.concentration_ug_per_ml = in.concentration_ug_per_ml;
  }

  // Weight: required and recent for weight-based routes; used for mg/kg elsewhere
  // when it is recent.
  bool weight_fresh = false;
  if (in.weight) {
    if (in.weight->weight_g <= 0 || in.weight->weight_g > kMaxWeightG)
      return Error::invalid("weight", "The recorded weight is not plausible; record the weight again.",
                            "weight_invalid");
    c.weight_age_days = days_between(in.weight->measured_on, in.today);
    weight_fresh = weight_recent(in.weight->measured_on, in.today, p.max_weight_age_days);
  }
  if (is_weight_based(r)) {
    if (!in.weight)
      return Error::invalid("weight", "No weight is recorded; record the patient's weight first.", "weight_missing");
    if (!weight_fresh)
      return Error::invalid("weight",
                            "The latest weight (" + format_milli(in.weight->weight_g) + " kg on " +
                                format_date(in.weight->measured_on) + ") is " + std::to_string(c.weight_age_days) +
                                " days old on " + format_date(in.today) + "; the clinic allows at most " +
                                std::to_string(p.max_weight_age_days) + ". Record the weight again.",
                            "weight_stale");
  }
  if (in.weight && weight_fresh) c.weight = in.weight;

  // The dose and its rounding.
  std::int64_t num = 0, den = 1;
  if (is_weight_based(r)) {
    num = *in.rule.ug_per_kg * in.weight->weight_g;  // µg/kg × g = µg × 1000
    den = 1000;
  } else {
    num = *in.rule.dose_ug;
  }
  c.unrounded_dose_ug = round_to_increment(num, den, 1);
  c.dose_ug = esketamine ? *in.rule.dose_ug : round_to_increment(num, den, p.dose_rounding_ug);
  if (c.dose_ug == 0) c.dose_ug = p.dose_rounding_ug;  // never round a dose to nothing
  if (esketamine)
    c.dose_rounding = mg(c.dose_ug) + " (fixed device dose, not rounded)";
  else if (c.unrounded_dose_ug == c.dose_ug && num % den == 0)
    c.dose_rounding = mg(c.dose_ug) + " (no rounding needed; nearest " + mg(p.dose_rounding_ug) + ")";
  else
    c.dose_rounding = (num % den == 0 ? "" : "about ") + mg(c.unrounded_dose_ug) + " rounded to " + mg(c.dose_ug) +
                      " (nearest " + mg(p.dose_rounding_ug) + ")";
  if (c.weight) c.given_ug_per_kg = round_to_increment(c.dose_ug * 1000, c.weight->weight_g, 1);

  // Volume and pump rate.
  if (c.concentration_ug_per_ml) {
    const std::int64_t vnum = c.dose_ug * 1000, vden = *c.concentration_ug_per_ml;
    c.volume_ul = round_to_increment(vnum, vden, p.volume_rounding_ul);
    if (*c.volume_ul == 0) c.volume_ul = p.volume_rounding_ul;
    const std::string exact = vnum % vden == 0 ? ml(vnum / vden) : "about " + ml(round_to_increment(vnum, vden, 1));
    c.volume_rounding = mg(c.dose_ug) + " at " + format_milli(vden) + " mg/mL is " + exact + ", rounded to " +
                        ml(*c.volume_ul) + " (nearest " + ml(p.volume_rounding_ul) + ")";
    if (is_infusion(r)) {
      const int minutes = *in.rule.infusion_minutes;
      const std::int64_t rnum = *c.volume_ul * 60;
      c.rate_ul_per_h = round_to_increment(rnum, minutes, p.rate_rounding_ul_per_h);
      if (*c.rate_ul_per_h == 0) c.rate_ul_per_h = p.rate_rounding_ul_per_h;
      const std::string exact_rate = rnum % minutes == 0
                                         ? format_milli(rnum / minutes)
                                         : "about " + format_milli(round_to_increment(rnum, minutes, 1));
      c.rate_rounding = ml(*c.volume_ul) + " over " + std::to_string(minutes) + " min is " + exact_rate +
                        " mL/h, rounded to " + format_milli(*c.rate_ul_per_h) + " mL/h (nearest " +
                        format_milli(p.rate_rounding_ul_per_h) + " mL/h)";
    }
  }
  if (esketamine) {
    c.devices = static_cast<int>(c.dose_ug / p.esketamine_device_ug);
    for (int i = 0; i < c.devices; ++i) c.device_minutes.push_back(i * p.esketamine_device_spacing_minutes);
  }

  // The limit verdict: on the prescribed mg/kg and on the mg/kg actually given (after
  // rounding), whichever is higher; in mg for the other routes.
  c.limits = p.limits_of(r);
  c.limits_per_kg = is_weight_based(r);
  auto above = [&](std::int64_t limit) {
    if (c.limits_per_kg) return *in.rule.ug_per_kg > limit || c.dose_ug * 1000 > limit * c.weight->weight_g;
    return c.dose_ug > limit;
  };
  const std::string unit = c.limits_per_kg ? " mg/kg" : " mg";
  const std::string amount =
      c.limits_per_kg ? format_milli(std::max(*in.rule.ug_per_kg, *c.given_ug_per_kg)) + " mg/kg" : mg(c.dose_ug);
  if (above(c.limits.hard)) {
    c.verdict = LimitVerdict::above_hard;
    c.limit_text = amount + " is above the clinic's hard limit of " + format_milli(c.limits.hard) + unit + " for " +
                   std::string(route_label(r)) + ": it cannot be ordered.";
  } else if (above(c.limits.soft)) {
    c.verdict = LimitVerdict::above_soft;
    c.limit_text = amount + " is above the clinic's soft limit of " + format_milli(c.limits.soft) + unit + " for " +
                   std::string(route_label(r)) + ": a prescriber must give a reason to order it.";
  } else {
    c.verdict = LimitVerdict::within;
    c.limit_text = amount + " is within the clinic's limits for " + std::string(route_label(r)) + " (soft " +
                   format_milli(c.limits.soft) + unit + ", hard " + format_milli(c.limits.hard) + unit + ").";
  }
  return c;
}

Status authorize_limit(const DoseCalculation& calc, std::string_view override_reason) {
  const std::string field = calc.limits_per_kg ? "dose_rule.mg_per_kg" : "dose_rule.dose_mg";
  if (calc.verdict == LimitVerdict::above_hard) return Error::conflict("dose_above_limit", calc.limit_text, field);
  if (calc.verdict == LimitVerdict::above_soft) {
    bool blank = true;
    for (char ch : override_reason)
      if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') blank = false;
    if (blank)
      return Error::invalid("override_reason", calc.limit_text + " Give the reason for the override.",
                            "override_reason_required");
  }
  return Ok{};
}

std::vector<std::string> mismatched_fields(const CheckEntry& order, const CheckEntry& entered) {
  std::vector<std::string> out;
  if (order.weight_g) {
    auto tenth = [](std::int64_t g) { return round_to_increment(g, 1, 100); };
    if (!entered.weight_g || tenth(*entered.weight_g) != tenth(*order.weight_g)) out.emplace_back("weight_kg");
  }
  if (order.concentration_ug_per_ml &&
      (!entered.concentration_ug_per_ml || *entered.concentration_ug_per_ml != *order.concentration_ug_per_ml))
    out.emplace_back("concentration_mg_per_ml");
  if (order.devices && (!entered.devices || *entered.devices != *order.devices)) out.emplace_back("devices");
  return out;
}

Exposure exposure_over(const std::vector<ExposureDose>& doses, const Date& on, int days) {
  Exposure e;
  e.to = on;
  e.from = add_days(on, -(days - 1));
  for (const auto& d : doses) {
    if (compare(d.on, e.from) < 0 || compare(d.on, e.to) > 0) continue;
    ++e.sessions;
    e.total_ug += d.dose_ug;
    if (d.weight_g && *d.weight_g > 0)
      e.total_ug_per_kg += round_to_increment(d.dose_ug * 1000, *d.weight_g, 1);
    else
      ++e.without_weight;
  }
  return e;
}

}  // namespace kc
