#include "domain/session_protocol.h"

namespace kc {

BpSchedule bp_schedule(const SessionProtocol& p, Route route) {
  BpSchedule s;
  if (route == Route::intranasal_esketamine) {
    s.checkpoints_after_start_min = {p.esketamine_bp_checkpoint_min};
  } else {
    s.dosing_interval_min = route == Route::iv ? p.iv_dosing_bp_interval_min : p.observing_bp_interval_min;
    s.observing_interval_min = p.observing_bp_interval_min;
  }
  return s;
}

int minimum_observation_min(const SessionProtocol& p, Route route) {
  return route == Route::intranasal_esketamine ? p.esketamine_observation_min : p.other_observation_min;
}

bool pre_dose_bp_above_limit(const SessionProtocol& p, double systolic_mmhg, double diastolic_mmhg) {
  return systolic_mmhg > p.pre_dose_systolic_limit_mmhg || diastolic_mmhg > p.pre_dose_diastolic_limit_mmhg;
}

AlarmTiming alarm_timing(const SessionProtocol& p) {
  return {static_cast<std::int64_t>(p.readings_stale_s) * 1000,
          static_cast<std::int64_t>(p.escalate_high_after_s) * 1000};
}

}  // namespace kc
