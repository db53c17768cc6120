// Treatment plans: a patient's plan versions, signing a new version, the proposed
// sessions, PK simulations, and the clinic's plan settings.
#include "domain/eligibility.h"
#include "http/api_handlers.h"
#include "http/plans_codec.h"

namespace kc::http::handlers {
namespace {

app::PlanService& plans(Call& call) { return call.api.services().plans; }

}  // namespace

Response list_plans(Call& call) {
  auto view = plans(call).plans(*call.caller, call.params[0]);
  if (!view) return error_response(view.error());
  json::array versions, diagnoses;
  for (const auto& v : view->versions) versions.push_back(plan_json(v));
  for (const auto& d : view->diagnoses) {
    std::string label;
    for (const auto& c : diagnosis_choices())
      if (c.code == d) label = std::string(c.label);
    diagnoses.push_back(json::object{{"code", d}, {"label", label}});
  }
  return json_response(
      200, json::object{{"current", view->current ? json::value(plan_json(*view->current)) : json::value(nullptr)},
                        {"versions", std::move(versions)},
                        {"diagnoses", std::move(diagnoses)},
                        {"weight_kg", view->weight_kg ? json::value(*view->weight_kg) : json::value(nullptr)}});
}

Response sign_plan(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto input = decode_plan_input(*body);
  if (!input) return error_response(input.error());
  auto out = plans(call).sign(*call.caller, call.params[0], *input);
  if (!out) return error_response(out.error());
  return json_response(201, plan_json(*out));
}

Response get_plan_proposal(Call& call) {
  int horizon = 12;
  if (auto h = call.request.query_param("horizon_weeks")) {
    try {
      std::size_t used = 0;
      horizon = std::stoi(*h, &used);
      if (used != h->size()) horizon = 0;
    } catch (const std::exception&) {
      horizon = 0;
    }
  }
  auto start = call.request.query_param("start");
  if (!start) return error_response(Error::invalid("start", "Give the start date as YYYY-MM-DD."));
  auto out = plans(call).proposal(*call.caller, call.params[0], *start, horizon);
  if (!out) return error_response(out.error());
  return json_response(200, proposal_json(*out));
}

Response simulate_pk(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto request = decode_simulation(*body);
  if (!request) return error_response(request.error());
  auto out = plans(call).simulate(*call.caller, *request);
  if (!out) return error_response(out.error());
  return json_response(200, simulation_json(*out));
}

Response get_plan_settings(Call& call) {
  auto out = plans(call).settings(*call.caller);
  if (!out) return error_response(out.error());
  return json_response(200, plan_settings_json(*out));
}

Response update_plan_settings(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto patch = decode_plan_settings(*body);
  if (!patch) return error_response(patch.error());
  auto out = plans(call).update_settings(*call.caller, *patch);
  if (!out) return error_response(out.error());
  return json_response(200, plan_settings_json(*out));
}

}  // namespace kc::http::handlers
