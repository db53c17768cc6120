// GET /api/v1/appointments/{id}/readiness: the gates before a booked dosing session.
#include <boost/json.hpp>

#include "domain/time.h"
#include "http/api_handlers.h"
#include "http/json_codec.h"

namespace kc::http::handlers {

Response get_readiness(Call& call) {
  auto v = call.api.services().readiness.for_appointment(*call.caller, call.params[0]);
  if (!v) return error_response(v.error());
  json::array gates;
  for (const auto& g : v->gates)
    gates.push_back(json::object{{"gate", to_string(g.gate)},
                                 {"state", to_string(g.state)},
                                 {"code", g.code.empty() ? json::value(nullptr) : json::value(g.code)},
                                 {"message", g.message}});
  const auto optional_id = [](const std::string& id) { return id.empty() ? json::value(nullptr) : json::value(id); };
  return json_response(200, json::object{{"appointment_id", v->appointment.id},
                                         {"patient_id", v->appointment.patient_id},
                                         {"route", v->appointment.route},
                                         {"start", format_iso8601(v->appointment.start_ms)},
                                         {"ready", v->ready},
                                         {"gates", std::move(gates)},
                                         {"consent_id", optional_id(v->consent_id)},
                                         {"dose_order_id", optional_id(v->dose_order_id)}});
}

}  // namespace kc::http::handlers
