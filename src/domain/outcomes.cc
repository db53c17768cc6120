#include "domain/outcomes.h"

#include <algorithm>
#include <cmath>

namespace kc {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;

int whole_days(std::int64_t from_ms, std::int64_t to_ms) { return static_cast<int>((to_ms - from_ms) / kDayMs); }

}  // namespace

Trajectory trajectory_of(const Instrument& instrument, const std::vector<ScoredPoint>& series, const RelapseRule& rule,
                         std::optional<std::int64_t> start_ms) {
  Trajectory t;
  if (series.empty()) return t;
  const ScoredPoint& base = series.front();
  t.baseline = base;
  const int range = base.total - instrument.min_total;
  // Response: a fall of at least half the baseline's distance from the minimum (whole numbers).
  auto responding = [&](int total) {
    return instrument.response_applies && range > 0 && 2 * (total - base.total) <= -range;
  };
  int above_in_a_row = 0;
  std::int64_t first_above_ms = 0;
  for (std::size_t i = 1; i < series.size(); ++i) {
    const ScoredPoint& p = series[i];
    if (!t.remission_ms && instrument.remission_at_most && p.total <= *instrument.remission_at_most)
      t.remission_ms = p.at_ms;
    if (!t.response_ms) {
      if (responding(p.total)) t.response_ms = p.at_ms;
      continue;
    }
    if (t.relapse_ms) continue;
    if (responding(p.total)) {
      above_in_a_row = 0;
      continue;
    }
    if (above_in_a_row++ == 0) first_above_ms = p.at_ms;
    if (above_in_a_row >= std::max(1, rule.consecutive_checks)) t.relapse_ms = first_above_ms;
  }
  if (t.response_ms) {
    t.days_to_response = whole_days(start_ms.value_or(base.at_ms), *t.response_ms);
    if (t.relapse_ms) {
      t.durability_days = whole_days(*t.response_ms, *t.relapse_ms);
    } else {
      t.durability_days = whole_days(*t.response_ms, series.back().at_ms);
      t.durability_censored = true;
    }
  }
  return t;
}

std::optional<int> response_threshold(const Instrument& instrument, int baseline) {
  const int range = baseline - instrument.min_total;
  if (!instrument.response_applies || range <= 0) return std::nullopt;
  return baseline - (range + 1) / 2;
}

std::string_view progress_status(const std::vector<ScoredPoint>& points, const InstrumentOutcome& o,
                                 const Trajectory& t) {
  if (points.size() < 2) return "baseline_only";
  if (t.relapse_ms && !o.response) return "relapsed";
  if (o.remission) return "remission";
  if (o.response || (t.response_ms && !t.relapse_ms)) return "response";
  return "no_response";
}

Proportion proportion(int count, int total) {
  Proportion p;
  p.count = count;
  p.total = total;
  if (total <= 0) return p;
  const double n = total, phat = static_cast<double>(count) / n;
  const double z = 1.959963984540054;  // the 97.5th percentile of the standard normal
  const double z2 = z * z;
  const double centre = (phat + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z * std::sqrt(phat * (1 - phat) / n + z2 / (4 * n * n)) / (1 + z2 / n);
  p.rate = phat;
  p.lower = std::max(0.0, centre - half);
  p.upper = std::min(1.0, centre + half);
  return p;
}

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

}  // namespace kc
