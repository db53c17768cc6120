// The monitored session's state machine: which transition is allowed from which
// state, and the gates each one needs. A refused transition names the first gate
// that failed (its code, and the gate as the error's field), so the console can
// point at exactly what is missing.
//
//   scheduled → checked_in → ready_to_dose → dosing ⇄ paused → observing
//             → ready_for_discharge → discharged;  aborted (with a reason) from any
//   state that is not final.
//
// Pure: the facts come in from the use case, already evaluated by their own rules
// (consent validity, dose orders, vital signs, the Aldrete score).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/route.h"
#include "domain/session_readiness.h"

namespace kc {

enum class SessionState {
  scheduled,
  checked_in,
  ready_to_dose,
  dosing,
  paused,
  observing,
  ready_for_discharge,
  discharged,
  aborted,
};
std::string_view to_string(SessionState state);
std::optional<SessionState> parse_session_state(std::string_view text);
bool is_final(SessionState state);

enum class SessionTransition {
  check_in,
  mark_ready,  // the pre-dosing gates all hold
  start_dosing,
  pause,
  resume,
  stop_dosing,          // the dose ends (completed or stopped early): observation begins
  ready_for_discharge,  // the discharge gates hold (or a prescriber overrode them)
  discharge,
  abort,
};
std::string_view to_string(SessionTransition transition);
std::optional<SessionTransition> parse_session_transition(std::string_view text);

/// The pre-dose blood-pressure decision the clinical reference §3 asks for when the
/// pre-dose pressure is above 140/90 (Spravato label): warn, and record a decision.
enum class BpDecision { none, proceed, defer };
/// "proceed" or "defer"; anything else is none.
BpDecision parse_bp_decision(std::string_view text);

/// Everything the gates look at. The use case fills what it knows.
struct SessionFacts {
  Route route = Route::iv;
  /// The gates settled before the day (eligibility, consent, dose order, weight),
  /// as session_readiness() evaluated them now.
  std::vector<GateCheck> before_the_day;

  // Check-in gates.
  bool escort_confirmed = false;
  bool fasting_confirmed = false;  // esketamine only
  bool pregnancy_applies = false;  // a person who could be pregnant
  bool pregnancy_status_current = false;
  bool questionnaire_done = false;
  std::string questionnaire_skip_reason;  // non-empty: skipped on purpose
  bool pre_dose_vitals_recorded = false;
  bool pre_dose_bp_above_limit = false;  // above the clinic's pre-dose limit (default 140/90)
  BpDecision bp_decision = BpDecision::none;
  std::string bp_decision_reason;

  // Dosing.
  bool drug_lot_recorded = false;  // lot and expiry, not expired on the session's day

  // Discharge gates.
  bool minimum_observation_passed = false;
  std::optional<int> aldrete_score;  // the latest score, 0-10
  int aldrete_minimum = 9;           // the clinic's discharge score (Aldrete 1995: 9)
  bool escort_present = false;
  bool instructions_given = false;
  /// A prescriber's documented override of the discharge gates.
  bool discharge_override = false;

  std::string abort_reason;
  std::string pause_reason;
};

/// Whether the pregnancy gate applies: unless the sex at birth is recorded as male
/// (a KetaClinic reading of "where it applies", clinical reference §3; see
/// docs/clinical-defaults.md, "The monitored session").
bool pregnancy_gate_applies(std::string_view sex_at_birth);

/// The gates of one transition, evaluated; empty when it has none.
std::vector<GateCheck> gates_for(SessionTransition transition, const SessionFacts& facts);

/// The next state, or the reason it is refused: `transition_not_allowed` (409, field
/// "transition") from the wrong state; a failed gate's code with the gate as field.
Result<SessionState> apply(SessionState from, SessionTransition transition, const SessionFacts& facts);

/// The transitions allowed from a state (before gates), for the console's buttons.
std::vector<SessionTransition> transitions_from(SessionState state);

}  // namespace kc
