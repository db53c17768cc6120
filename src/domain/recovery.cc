#include "domain/recovery.h"

#include <cmath>
#include <string>

namespace kc {
namespace {

Status observed(const char* field, int v) {
  if (v < 0 || v > 2) return Error::invalid(field, std::string("Score ") + field + " from 0 to 2.");
  return Ok{};
}

constexpr std::int64_t kMinuteMs = 60'000;

}  // namespace

Result<AldreteScore> aldrete(const AldreteInput& in) {
  for (auto [field, v] : {std::pair{"activity", in.activity}, std::pair{"respiration", in.respiration},
                          std::pair{"consciousness", in.consciousness}})
    if (auto s = observed(field, v); !s) return s.error();
  if (!(in.systolic_mmhg > 0) || !std::isfinite(in.systolic_mmhg))
    return Error::invalid("systolic_mmhg", "Record the blood pressure now.");
  if (!(in.baseline_systolic_mmhg > 0) || !std::isfinite(in.baseline_systolic_mmhg))
    return Error::invalid("baseline_systolic_mmhg", "The patient has no pre-dose blood pressure to compare with.");
  if (!(in.spo2_pct > 0) || in.spo2_pct > 100 || !std::isfinite(in.spo2_pct))
    return Error::invalid("spo2_pct", "Record the SpO2 now (0-100 %).");

  AldreteScore s;
  s.activity = in.activity;
  s.respiration = in.respiration;
  s.consciousness = in.consciousness;
  s.bp_change_pct = (in.systolic_mmhg - in.baseline_systolic_mmhg) / in.baseline_systolic_mmhg * 100.0;
  const double change = std::fabs(s.bp_change_pct);
  s.circulation = change <= 20.0 ? 2 : change < 50.0 ? 1 : 0;
  if (in.on_room_air && in.spo2_pct > 92.0)
    s.oxygen = 2;
  else
    s.oxygen = in.spo2_pct > 90.0 ? 1 : 0;
  s.total = s.activity + s.respiration + s.circulation + s.consciousness + s.oxygen;
  return s;
}

std::optional<std::int64_t> next_bp_due(const BpSchedule& sc, bool dosing, std::int64_t dose_start_ms,
                                        std::int64_t last_bp_ms) {
  const int interval = dosing ? sc.dosing_interval_min : sc.observing_interval_min;
  std::optional<std::int64_t> due;
  if (interval > 0) {
    const std::int64_t from = last_bp_ms >= 0 ? last_bp_ms : dose_start_ms;
    due = from + interval * kMinuteMs;
  }
  // A checkpoint is met by any reading at or after it; the first unmet one is due.
  for (int minutes : sc.checkpoints_after_start_min) {
    const std::int64_t at = dose_start_ms + minutes * kMinuteMs;
    if (last_bp_ms >= at) continue;
    if (!due || at < *due) due = at;
    break;
  }
  return due;
}

}  // namespace kc
