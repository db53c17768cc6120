#include "domain/session_readiness.h"

#include <algorithm>

namespace kc {

std::string_view to_string(Gate gate) {
  switch (gate) {
    case Gate::eligibility:
      return "eligibility";
    case Gate::consent:
      return "consent";
    case Gate::dose_order:
      return "dose_order";
    case Gate::weight:
      return "weight";
    case Gate::escort:
      return "escort";
    case Gate::fasting:
      return "fasting";
    case Gate::pregnancy:
      return "pregnancy";
    case Gate::questionnaire:
      return "questionnaire";
    case Gate::vital_signs:
      return "vital_signs";
    case Gate::bp_decision:
      return "bp_decision";
    case Gate::drug_lot:
      return "drug_lot";
    case Gate::observation_time:
      return "observation_time";
    case Gate::discharge_score:
      return "discharge_score";
    case Gate::escort_present:
      return "escort_present";
    case Gate::instructions_given:
      return "instructions_given";
    case Gate::reason:
      return "reason";
  }
  return "unknown";
}

std::string_view to_string(GateState state) {
  switch (state) {
    case GateState::passed:
      return "passed";
    case GateState::failed:
      return "failed";
    case GateState::at_check_in:
      return "at_check_in";
  }
  return "unknown";
}

namespace {

GateCheck from_verdict(Gate gate, const std::string& code, const std::string& message, std::string passed_text) {
  if (code.empty()) return {gate, GateState::passed, {}, std::move(passed_text)};
  return {gate, GateState::failed, code, message};
}

GateCheck eligibility_gate(const ReadinessFacts& f) {
  if (!f.decision)
    return {Gate::eligibility, GateState::failed, "eligibility_missing",
            "No eligibility decision is recorded. A prescriber decides on the Screening tab."};
  if (*f.decision == "not_eligible")
    return {Gate::eligibility, GateState::failed, "not_eligible",
            "The latest eligibility decision is \"not eligible\"."};
  if (f.needs_rescreen)
    return {Gate::eligibility, GateState::failed, "rescreen_needed",
            "The eligibility decision is marked for re-screening: the facts changed since it was made."};
  return {Gate::eligibility, GateState::passed, {}, "A prescriber decided the patient is eligible."};
}

GateCheck at_check_in(Gate gate, std::string text) { return {gate, GateState::at_check_in, {}, std::move(text)}; }

}  // namespace

std::vector<GateCheck> session_readiness(const ReadinessFacts& f) {
  std::vector<GateCheck> gates;
  gates.push_back(eligibility_gate(f));
  gates.push_back(from_verdict(Gate::consent, f.consent_code, f.consent_message,
                               "A signed and countersigned consent for this route is on file."));
  gates.push_back(
      from_verdict(Gate::dose_order, f.dose_code, f.dose_message, "The dose order is verified by a second clinician."));
  if (is_weight_based(f.route))
    gates.push_back(from_verdict(Gate::weight, f.weight_code, f.weight_message, "The weight is recent enough."));
  gates.push_back(at_check_in(Gate::escort, "Confirm at check-in that an adult will take the patient home."));
  if (f.route == Route::intranasal_esketamine)
    gates.push_back(at_check_in(Gate::fasting, "Confirm at check-in: no food for 2 hours, no drink for 30 minutes."));
  gates.push_back(at_check_in(Gate::pregnancy, "Confirm the pregnancy status is current where it applies."));
  gates.push_back(at_check_in(Gate::questionnaire, "The pre-session questionnaire, or the reason it is skipped."));
  gates.push_back(at_check_in(Gate::vital_signs, "Pre-dose blood pressure, heart rate and SpO2."));
  return gates;
}

bool ready_to_start(const std::vector<GateCheck>& gates) {
  return std::none_of(gates.begin(), gates.end(), [](const GateCheck& g) { return g.state == GateState::failed; });
}

}  // namespace kc
