// JSON for treatment plans, proposals, PK simulations and plan settings: decoding
// with errors that name the field ("dose_rule.mg_per_kg", "doses[1].at_minute"), and
// encoding. Separate from the handlers so that the fuzzer drives the decoders.
#pragma once

#include "app/plan_service.h"
#include "http/json_codec.h"

namespace kc::http {

/// The body of POST /patients/{id}/plans.
Result<app::PlanInput> decode_plan_input(const json::object& o);
/// The body of POST /pk/simulation.
Result<app::SimulationRequest> decode_simulation(const json::object& o);
/// The body of POST /clinic/plan-settings.
Result<app::PlanSettingsPatch> decode_plan_settings(const json::object& o);

json::object plan_json(const app::PlanRow& plan);
json::object proposal_json(const app::ProposalView& proposal);
json::object simulation_json(const app::SimulationView& simulation);
json::object plan_settings_json(const app::PlanSettingsRow& settings);

}  // namespace kc::http
