// The /patients routes: registration, opening a record, prefix search.
#include "http/api_handlers.h"
#include "http/json_codec.h"

namespace kc::http::handlers {

Response list_patients(Call& call) {
  auto limit = limit_param(call.request, 50, 200);
  if (!limit) return error_response(limit.error());
  auto page = call.api.services().patients.search(*call.caller, call.request.query_param("q").value_or(""),
                                                  call.request.query_param("cursor").value_or(""), *limit);
  if (!page) return error_response(page.error());
  json::array items;
  for (const auto& p : page->items) items.push_back(to_json(p));
  json::value next = page->next_cursor ? json::value(*page->next_cursor) : json::value(nullptr);
  return json_response(200, json::object{{"items", std::move(items)}, {"next_cursor", next}});
}

Response create_patient(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  app::NewPatient input;
  for (auto [name, target] : {std::pair{"given_name", &input.given_name}, std::pair{"family_name", &input.family_name},
                              std::pair{"date_of_birth", &input.date_of_birth}}) {
    auto v = string_field(*body, name);
    if (!v) return error_response(v.error());
    *target = std::move(v.value());
  }
  auto patient = call.api.services().patients.create(*call.caller, input);
  if (!patient) return error_response(patient.error());
  return json_response(201, to_json(*patient));
}

Response get_patient(Call& call) {
  auto patient = call.api.services().patients.get(*call.caller, call.params[0]);
  if (!patient) return error_response(patient.error());
  return json_response(200, to_json(*patient));
}

}  // namespace kc::http::handlers
