// Recovery after a dose: the modified Aldrete score against the patient's own
// baseline blood pressure, and when the next blood-pressure reading is due.
//
// Modified Aldrete score (Aldrete 1995, J Clin Anesth 7:89; clinical reference §3):
// five items of 0-2, total 0-10, discharge at 9 or more (a clinic setting).
//   activity, respiration, consciousness: observed by the nurse (0-2 each);
//   circulation: blood pressure within ±20 % of the pre-dose level = 2, 20-49 % = 1,
//     50 % or more = 0 (computed here from the systolic pressure against the
//     patient's own baseline systolic; the medical director confirms this choice);
//   oxygen saturation: above 92 % on room air = 2; needs oxygen to stay above 90 % = 1;
//     90 % or less even with oxygen = 0 (on room air at 92 % or less scores as needing
//     oxygen: 1 above 90 %, else 0).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/result.h"
#include "domain/route.h"

namespace kc {

struct AldreteInput {
  int activity = -1, respiration = -1, consciousness = -1;  // 0-2, observed
  double systolic_mmhg = 0;                                 // now
  double baseline_systolic_mmhg = 0;                        // this patient's pre-dose reading
  double spo2_pct = 0;
  bool on_room_air = true;
};

struct AldreteScore {
  int activity = 0, respiration = 0, circulation = 0, consciousness = 0, oxygen = 0;
  int total = 0;
  double bp_change_pct = 0;  // signed change of the systolic pressure from baseline
};

/// Errors name the field: an observed item outside 0-2, or a missing pressure or SpO2.
Result<AldreteScore> aldrete(const AldreteInput& input);

/// When blood pressure is next due (clinical reference §3): while dosing every
/// `dosing_interval_min` after the last reading (IV series: 10), after it every
/// `observing_interval_min` (15); for esketamine, checkpoints after the dose start
/// (label: about 40 min) instead of an interval. 0 turns an interval off.
struct BpSchedule {
  int dosing_interval_min = 0;
  int observing_interval_min = 0;
  std::vector<int> checkpoints_after_start_min;
};

/// The time the next reading is due, or nullopt when none is (no interval, and
/// every checkpoint met); overdue when it is before now. `last_bp_ms` < 0: none
/// yet. Times in epoch ms.
std::optional<std::int64_t> next_bp_due(const BpSchedule& schedule, bool dosing, std::int64_t dose_start_ms,
                                        std::int64_t last_bp_ms);

}  // namespace kc
