// The /waiting-programs and /waiting-entries routes, and the public join route.
#include "domain/time.h"
#include "http/api_handlers.h"
#include "http/json_codec.h"

namespace kc::http::handlers {
namespace {

json::value time_or_null(std::int64_t ms) { return ms ? json::value(format_iso8601(ms)) : json::value(nullptr); }

json::object to_json(const app::ProgramRow& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"capacity", p.capacity},
          {"offer_hours", p.offer_hours},
          {"places_in_use", p.places_in_use},
          {"waiting_count", p.waiting_count},
          {"created_at", format_iso8601(p.created_ms)}};
}

json::object to_json(const app::EntryRow& e, const app::Caller& caller) {
  json::array actions;
  for (auto a : app::WaitingListService::allowed_actions(caller, e)) actions.emplace_back(to_string(a));
  return {{"id", e.id},
          {"program_id", e.program_id},
          {"given_name", e.given_name},
          {"family_name", e.family_name},
          {"email", e.email},
          {"phone", e.phone},
          {"preferred_contact", e.preferred_contact},
          {"prescreen", json::object{{"pregnant", e.prescreen_pregnant},
                                     {"substance_use", e.prescreen_substance_use},
                                     {"high_blood_pressure", e.prescreen_high_blood_pressure}}},
          {"age_years", e.age_years < 0 ? json::value(nullptr) : json::value(e.age_years)},
          {"status", e.status},
          {"urgent", e.urgent},
          {"urgent_reason", e.urgent_reason},
          {"cleared_for_offer", e.cleared_for_offer},
          {"joined_at", format_iso8601(e.joined_ms)},
          {"offered_at", time_or_null(e.offered_ms)},
          {"offer_expires_at", time_or_null(e.offer_expires_ms)},
          {"removed_reason", e.removed_reason},
          {"source", e.source},
          {"allowed_actions", std::move(actions)}};
}

Result<int> int_field(const json::object& body, std::string_view name) {
  auto it = body.find(name);
  if (it == body.end() || !it->value().is_int64())
    return Error::invalid(std::string(name), std::string(name) + " must be a whole number.");
  auto v = it->value().as_int64();
  if (v < -1'000'000 || v > 1'000'000)
    return Error::invalid(std::string(name), std::string(name) + " is out of range.");
  return static_cast<int>(v);
}

Result<app::NewEntry> entry_input(const json::object& body) {
  app::NewEntry in;
  for (auto [name, target] : {std::pair{"given_name", &in.given_name}, std::pair{"family_name", &in.family_name},
                              std::pair{"email", &in.email}, std::pair{"phone", &in.phone},
                              std::pair{"preferred_contact", &in.preferred_contact}}) {
    auto v = string_field(body, name, false);
    if (!v) return v.error();
    *target = std::move(v.value());
  }
  if (auto it = body.find("prescreen"); it != body.end()) {
    if (!it->value().is_object()) return Error::invalid("prescreen", "prescreen must be an object.");
    const auto& p = it->value().as_object();
    for (auto [name, target] : {std::pair{"pregnant", &in.pregnant}, std::pair{"substance_use", &in.substance_use},
                                std::pair{"high_blood_pressure", &in.high_blood_pressure}}) {
      auto v = string_field(p, name, false);
      if (!v) return Error::invalid("prescreen." + std::string(name), v.error().message);
      if (!v->empty()) *target = std::move(v.value());
    }
  }
  if (auto it = body.find("age_years"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_int64()) return Error::invalid("age_years", "age_years must be a whole number.");
    in.age_years = static_cast<int>(std::clamp<std::int64_t>(it->value().as_int64(), -1, 1000));
  }
  if (auto it = body.find("consent_to_contact"); it != body.end()) {
    if (!it->value().is_bool())
      return Error::invalid("consent_to_contact", "consent_to_contact must be true or false.");
    in.consent_to_contact = it->value().as_bool();
  }
  return in;
}

app::WaitingListService& waiting(Call& call) { return call.api.services().waiting; }

}  // namespace

json::array public_programs_json(Api& api, const std::string& clinic_id) {
  json::array out;
  for (const auto& p : api.services().waiting.public_programs(clinic_id))
    out.push_back(json::object{{"id", p.id}, {"name", p.name}});
  return out;
}

Response list_programs(Call& call) {
  auto programs = waiting(call).programs(*call.caller);
  if (!programs) return error_response(programs.error());
  json::array items;
  for (const auto& p : *programs) items.push_back(to_json(p));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response create_program(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto name = string_field(*body, "name");
  if (!name) return error_response(name.error());
  auto capacity = int_field(*body, "capacity");
  if (!capacity) return error_response(capacity.error());
  auto hours = int_field(*body, "offer_hours");
  if (!hours) return error_response(hours.error());
  auto p = waiting(call).create_program(*call.caller, *name, *capacity, *hours);
  if (!p) return error_response(p.error());
  return json_response(201, to_json(*p));
}

Response update_program(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto capacity = int_field(*body, "capacity");
  if (!capacity) return error_response(capacity.error());
  auto hours = int_field(*body, "offer_hours");
  if (!hours) return error_response(hours.error());
  auto p = waiting(call).update_program(*call.caller, call.params[0], *capacity, *hours);
  if (!p) return error_response(p.error());
  return json_response(200, to_json(*p));
}

Response list_entries(Call& call) {
  auto status = call.request.query_param("status").value_or("active");
  if (status != "active" && status != "all")
    return error_response(Error::invalid("status", "status must be active or all."));
  auto rows = waiting(call).entries(*call.caller, call.params[0], status == "all");
  if (!rows) return error_response(rows.error());
  json::array items;
  for (const auto& e : *rows) items.push_back(to_json(e, *call.caller));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response add_entry(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto input = entry_input(*body);
  if (!input) return error_response(input.error());
  auto e = waiting(call).add_by_staff(*call.caller, call.params[0], *input);
  if (!e) return error_response(e.error());
  return json_response(201, to_json(*e, *call.caller));
}

Response act_on_entry(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto action = string_field(*body, "action");
  if (!action) return error_response(action.error());
  auto reason = string_field(*body, "reason", false);
  if (!reason) return error_response(reason.error());
  auto e = waiting(call).act(*call.caller, call.params[0], *action, *reason);
  if (!e) return error_response(e.error());
  return json_response(200, to_json(*e, *call.caller));
}

Response join_waiting_list(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto input = entry_input(*body);
  if (!input) return error_response(input.error());
  auto honeypot = string_field(*body, "website", false);
  if (!honeypot) return error_response(honeypot.error());
  auto result =
      waiting(call).join_public(call.params[0], call.params[1], *input, *honeypot, call.request.client_address);
  if (!result) {
    Response r = error_response(result.error());
    if (result.error().kind == ErrorKind::rate_limited) r.set("Retry-After", "3600");
    return r;
  }
  return json_response(202, json::object{{"status", "received"},
                                         {"message",
                                          "Thank you. You are on the clinic's waiting list; the clinic will contact "
                                          "you the way you asked when a place is available."}});
}

}  // namespace kc::http::handlers
