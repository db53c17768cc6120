#include "domain/rems.h"

namespace kc {

bool rems_vitals_acceptable_before(bool pre_dose_bp_recorded, bool above_limit, BpDecision decision) {
  return pre_dose_bp_recorded && (!above_limit || decision == BpDecision::proceed);
}

bool rems_vitals_acceptable_after(bool discharged, bool overridden, std::optional<int> last_aldrete, int minimum) {
  return discharged && !overridden && last_aldrete && *last_aldrete >= minimum;
}

}  // namespace kc
