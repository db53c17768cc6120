#include "domain/session.h"

#include <array>
#include <utility>

namespace kc {
namespace {

constexpr std::array<std::pair<SessionState, std::string_view>, 9> kStates = {{
    {SessionState::scheduled, "scheduled"},
    {SessionState::checked_in, "checked_in"},
    {SessionState::ready_to_dose, "ready_to_dose"},
    {SessionState::dosing, "dosing"},
    {SessionState::paused, "paused"},
    {SessionState::observing, "observing"},
    {SessionState::ready_for_discharge, "ready_for_discharge"},
    {SessionState::discharged, "discharged"},
    {SessionState::aborted, "aborted"},
}};

constexpr std::array<std::pair<SessionTransition, std::string_view>, 9> kTransitions = {{
    {SessionTransition::check_in, "check_in"},
    {SessionTransition::mark_ready, "mark_ready"},
    {SessionTransition::start_dosing, "start_dosing"},
    {SessionTransition::pause, "pause"},
    {SessionTransition::resume, "resume"},
    {SessionTransition::stop_dosing, "stop_dosing"},
    {SessionTransition::ready_for_discharge, "ready_for_discharge"},
    {SessionTransition::discharge, "discharge"},
    {SessionTransition::abort, "abort"},
}};

struct Edge {
  SessionState from;
  SessionTransition transition;
  SessionState to;
};

// Abort is allowed from every state that is not final; it is handled apart.
constexpr std::array kEdges = {
    Edge{SessionState::scheduled, SessionTransition::check_in, SessionState::checked_in},
    Edge{SessionState::checked_in, SessionTransition::mark_ready, SessionState::ready_to_dose},
    Edge{SessionState::ready_to_dose, SessionTransition::start_dosing, SessionState::dosing},
    Edge{SessionState::dosing, SessionTransition::pause, SessionState::paused},
    Edge{SessionState::paused, SessionTransition::resume, SessionState::dosing},
    Edge{SessionState::dosing, SessionTransition::stop_dosing, SessionState::observing},
    Edge{SessionState::paused, SessionTransition::stop_dosing, SessionState::observing},
    Edge{SessionState::observing, SessionTransition::ready_for_discharge, SessionState::ready_for_discharge},
    Edge{SessionState::ready_for_discharge, SessionTransition::discharge, SessionState::discharged},
};

GateCheck pass(Gate g, std::string text) { return {g, GateState::passed, {}, std::move(text)}; }
GateCheck fail(Gate g, std::string code, std::string text) {
  return {g, GateState::failed, std::move(code), std::move(text)};
}
GateCheck check(Gate g, bool ok, std::string passed, std::string code, std::string failed) {
  return ok ? pass(g, std::move(passed)) : fail(g, std::move(code), std::move(failed));
}

/// The pre-dosing gates: the ones settled before the day (except those of the day
/// itself, which are evaluated here from what was recorded at check-in).
std::vector<GateCheck> pre_dosing_gates(const SessionFacts& f) {
  std::vector<GateCheck> gates;
  if (f.before_the_day.empty())  // a use case that forgot them must not pass silently
    gates.push_back(fail(Gate::eligibility, "readiness_not_evaluated",
                         "Eligibility, consent and the dose order were not checked."));
  for (const auto& g : f.before_the_day)
    if (g.state != GateState::at_check_in) gates.push_back(g);
  gates.push_back(check(Gate::escort, f.escort_confirmed, "An adult escort home is confirmed.", "escort_unconfirmed",
                        "Confirm that an adult will take the patient home."));
  if (f.route == Route::intranasal_esketamine)
    gates.push_back(check(Gate::fasting, f.fasting_confirmed, "Fasting is confirmed.", "fasting_unconfirmed",
                          "Confirm no food for 2 hours and no drink for 30 minutes before the dose."));
  if (f.pregnancy_applies)
    gates.push_back(check(Gate::pregnancy, f.pregnancy_status_current, "The pregnancy status is current.",
                          "pregnancy_status_stale", "Record a current pregnancy status."));
  gates.push_back(check(Gate::questionnaire, f.questionnaire_done || !f.questionnaire_skip_reason.empty(),
                        f.questionnaire_done
                            ? "The pre-session questionnaire is done."
                            : "The pre-session questionnaire was skipped: " + f.questionnaire_skip_reason,
                        "questionnaire_missing", "Complete the pre-session questionnaire, or skip it with a reason."));
  gates.push_back(check(Gate::vital_signs, f.pre_dose_vitals_recorded, "Pre-dose vital signs are recorded.",
                        "pre_dose_vitals_missing", "Record pre-dose blood pressure, heart rate and SpO2."));
  if (f.pre_dose_bp_above_limit) {
    if (f.bp_decision == BpDecision::proceed && !f.bp_decision_reason.empty())
      gates.push_back(
          pass(Gate::bp_decision,
               "The pre-dose blood pressure is high; the decision to proceed is recorded: " + f.bp_decision_reason));
    else if (f.bp_decision == BpDecision::defer)
      gates.push_back(fail(Gate::bp_decision, "bp_deferred", "The dose was deferred because of the blood pressure."));
    else
      gates.push_back(fail(Gate::bp_decision, "bp_decision_missing",
                           "The pre-dose blood pressure is above the limit: record a decision (proceed with a "
                           "reason, or defer)."));
  }
  return gates;
}

std::vector<GateCheck> discharge_gates(const SessionFacts& f) {
  std::vector<GateCheck> gates;
  gates.push_back(check(Gate::observation_time, f.minimum_observation_passed,
                        "The minimum observation time has passed.", "observation_too_short",
                        "The minimum observation time for this route has not passed yet."));
  const bool score_ok = f.aldrete_score && *f.aldrete_score >= f.aldrete_minimum;
  gates.push_back(check(Gate::discharge_score, score_ok, "The discharge score reaches the minimum.",
                        f.aldrete_score ? "discharge_score_low" : "discharge_score_missing",
                        f.aldrete_score ? "The modified Aldrete score is " + std::to_string(*f.aldrete_score) +
                                              "; discharge needs " + std::to_string(f.aldrete_minimum) + " or more."
                                        : "Record a modified Aldrete score."));
  gates.push_back(check(Gate::escort_present, f.escort_present, "The escort is present.", "escort_absent",
                        "The escort who takes the patient home must be present."));
  gates.push_back(check(Gate::instructions_given, f.instructions_given, "The discharge instructions were given.",
                        "instructions_not_given", "Give the written discharge instructions."));
  if (f.discharge_override) {
    // A prescriber's documented override: the failed gates are kept, marked overridden.
    for (auto& g : gates)
      if (g.state == GateState::failed) {
        g.state = GateState::passed;
        g.message = "Overridden by a prescriber: " + g.message;
        g.code.clear();
      }
  }
  return gates;
}

}  // namespace

std::string_view to_string(SessionState state) {
  for (const auto& [s, name] : kStates)
    if (s == state) return name;
  return "scheduled";
}

std::optional<SessionState> parse_session_state(std::string_view text) {
  for (const auto& [s, name] : kStates)
    if (name == text) return s;
  return std::nullopt;
}

bool is_final(SessionState state) { return state == SessionState::discharged || state == SessionState::aborted; }

std::string_view to_string(SessionTransition transition) {
  for (const auto& [t, name] : kTransitions)
    if (t == transition) return name;
  return "check_in";
}

std::optional<SessionTransition> parse_session_transition(std::string_view text) {
  for (const auto& [t, name] : kTransitions)
    if (name == text) return t;
  return std::nullopt;
}

std::vector<GateCheck> gates_for(SessionTransition transition, const SessionFacts& f) {
  switch (transition) {
    case SessionTransition::mark_ready:
      return pre_dosing_gates(f);
    case SessionTransition::start_dosing: {
      auto gates = pre_dosing_gates(f);
      gates.push_back(check(Gate::drug_lot, f.drug_lot_recorded, "The drug's lot and expiry are recorded.",
                            "drug_lot_missing", "Record the drug's lot and expiry date (not expired)."));
      return gates;
    }
    case SessionTransition::pause:
      return {check(Gate::reason, !f.pause_reason.empty(), "Reason given.", "reason_required",
                    "Give the reason for pausing.")};
    case SessionTransition::abort:
      return {check(Gate::reason, !f.abort_reason.empty(), "Reason given.", "reason_required",
                    "Give the reason for ending the session.")};
    case SessionTransition::ready_for_discharge:
    case SessionTransition::discharge:
      return discharge_gates(f);
    case SessionTransition::check_in:
    case SessionTransition::resume:
    case SessionTransition::stop_dosing:
      return {};
  }
  return {};
}

BpDecision parse_bp_decision(std::string_view text) {
  if (text == "proceed") return BpDecision::proceed;
  if (text == "defer") return BpDecision::defer;
  return BpDecision::none;
}

bool pregnancy_gate_applies(std::string_view sex_at_birth) { return sex_at_birth != "male"; }

std::vector<SessionTransition> transitions_from(SessionState state) {
  std::vector<SessionTransition> out;
  for (const auto& e : kEdges)
    if (e.from == state) out.push_back(e.transition);
  if (!is_final(state)) out.push_back(SessionTransition::abort);
  return out;
}

Result<SessionState> apply(SessionState from, SessionTransition transition, const SessionFacts& f) {
  std::optional<SessionState> to;
  if (transition == SessionTransition::abort && !is_final(from)) to = SessionState::aborted;
  for (const auto& e : kEdges)
    if (e.from == from && e.transition == transition) to = e.to;
  if (!to)
    return Error::conflict(
        "transition_not_allowed",
        "A session that is " + std::string(to_string(from)) + " cannot " + std::string(to_string(transition)) + ".",
        "transition");
  for (const auto& g : gates_for(transition, f))
    if (g.state == GateState::failed) return Error::conflict(g.code, g.message, std::string(to_string(g.gate)));
  return *to;
}

}  // namespace kc
