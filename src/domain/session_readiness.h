// Whether a booked dosing session may start: the gates that must hold before a
// patient is dosed, each with a stable code naming what is missing.
//
// Before the day, four gates can be settled: the eligibility decision, consent for
// the session's route, a double-checked dose order, and a recent weight for
// weight-based doses. The gates of the day itself (escort, fasting, pregnancy
// status, the pre-session questionnaire, pre-dose vital signs) are listed as "at
// check-in" so that the list a clinician sees is the whole one; check-in settles them
// (domain/session.h).
//
// Pure: the other rules (consent validity, dose orders, weight age) are evaluated
// by their own modules and arrive here as facts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/route.h"

namespace kc {

enum class Gate {
  eligibility,    // a current decision that the patient is eligible
  consent,        // a signed, countersigned, unwithdrawn consent for the route
  dose_order,     // a dose order for the session, verified by a second clinician
  weight,         // a weight recent enough for a weight-based dose
  escort,         // at check-in: an adult escort home confirmed
  fasting,        // at check-in, esketamine only: no food 2 h, no liquids 30 min (label)
  pregnancy,      // at check-in: pregnancy status current where it applies
  questionnaire,  // at check-in: the pre-session questionnaire done or skipped with a reason
  vital_signs,    // at check-in: pre-dose vital signs recorded
  // Later gates of the session itself (src/domain/session.h).
  bp_decision,         // a pre-dose BP above the limit needs a recorded decision
  drug_lot,            // the drug's lot and expiry recorded, not expired
  observation_time,    // the route's minimum observation has passed
  discharge_score,     // the modified Aldrete score reaches the clinic's minimum
  escort_present,      // the escort is here to take the patient home
  instructions_given,  // the written discharge instructions were given
  reason,              // a pause or an abort needs a reason
};

enum class GateState { passed, failed, at_check_in };

std::string_view to_string(Gate gate);
std::string_view to_string(GateState state);

struct GateCheck {
  Gate gate;
  GateState state = GateState::failed;
  std::string code;     // failed: a stable code, e.g. "consent_missing"; else empty
  std::string message;  // for people: what holds, or what is missing and what to do
};

/// What the other rules found for one booked session.
struct ReadinessFacts {
  Route route = Route::iv;
  /// The latest eligibility decision ("eligible", "eligible_with_conditions",
  /// "not_eligible"); nullopt when none was recorded.
  std::optional<std::string> decision;
  bool needs_rescreen = false;  // the decision was marked for re-screening
  /// The consent rule's verdict: empty code when a valid consent exists.
  std::string consent_code, consent_message;
  /// The dose order rule's verdict for this session: empty code when a verified order exists.
  std::string dose_code, dose_message;
  /// The weight rule's verdict (weight-based routes only): empty code when recent enough.
  std::string weight_code, weight_message;
};

/// Every gate, in the order a clinician works through them.
std::vector<GateCheck> session_readiness(const ReadinessFacts& facts);

/// True when no gate has failed (the check-in gates are still to come).
bool ready_to_start(const std::vector<GateCheck>& gates);

}  // namespace kc
