// The Spravato REMS Patient Monitoring Form's two judgements about vital signs
// (clinical reference §3 lists the form's fields; verify them against the current
// official form). KetaClinic's readings of the form, documented in
// docs/clinical-defaults.md, "The monitored session":
//   before: a pre-dose blood pressure was recorded, and it was within the protocol's
//           limit or a clinician recorded the decision to proceed;
//   after:  the patient was discharged on a modified Aldrete score at the protocol's
//           minimum, without a prescriber's override of the discharge gates.
#pragma once

#include <optional>

#include "domain/session.h"

namespace kc {

bool rems_vitals_acceptable_before(bool pre_dose_bp_recorded, bool above_limit, BpDecision decision);
bool rems_vitals_acceptable_after(bool discharged, bool overridden, std::optional<int> last_aldrete, int minimum);

}  // namespace kc
