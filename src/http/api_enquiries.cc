// The public consultation-request routes and the staff's /enquiries routes.
#include "http/api_handlers.h"
#include "http/json_codec.h"

namespace kc::http::handlers {
namespace {

/// Reads the request fields shared by the public form and phone enquiries.
Result<EnquiryInput> enquiry_input(const json::object& body, bool with_consent) {
  EnquiryInput in;
  for (auto [name, target] : {std::pair{"given_name", &in.given_name}, std::pair{"family_name", &in.family_name},
                              std::pair{"email", &in.email}, std::pair{"phone", &in.phone},
                              std::pair{"preferred_contact", &in.preferred_contact},
                              std::pair{"reason_text", &in.reason_text}, std::pair{"heard_from", &in.heard_from}}) {
    auto v = string_field(body, name, false);
    if (!v) return v.error();
    *target = std::move(v.value());
  }
  if (body.contains("conditions")) {
    auto conditions = string_list_field(body, "conditions");
    if (!conditions) return conditions.error();
    in.conditions = std::move(conditions.value());
  }
  if (with_consent) {
    auto it = body.find("consent_to_contact");
    if (it != body.end() && !it->value().is_bool())
      return Error::invalid("consent_to_contact", "consent_to_contact must be true or false.");
    in.consent_to_contact = it != body.end() && it->value().as_bool();
  }
  return in;
}

Response enquiry_answer(int status, const Result<app::EnquiryRow>& row) {
  if (!row) return error_response(row.error());
  return json_response(status, to_json(*row));
}

}  // namespace

Response public_clinic(Call& call) {
  auto clinic = call.api.services().enquiries.public_clinic(call.params[0]);
  if (!clinic) return error_response(clinic.error());
  json::array conditions;
  for (const auto& c : enquiry_conditions()) conditions.push_back(json::object{{"code", c.code}, {"label", c.label}});
  return json_response(200, json::object{{"id", clinic->id},
                                         {"name", clinic->name},
                                         {"conditions", std::move(conditions)},
                                         {"contact_methods", json::array{"email", "phone", "text"}},
                                         {"programs", public_programs_json(call.api, clinic->id)},
                                         {"crisis_message", call.api.services().measures.crisis_message(clinic->id)}});
}

Response submit_request(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto input = enquiry_input(*body, true);
  if (!input) return error_response(input.error());
  auto honeypot = string_field(*body, "website", false);
  if (!honeypot) return error_response(honeypot.error());
  auto result =
      call.api.services().enquiries.submit_public(call.params[0], *input, *honeypot, call.request.client_address);
  if (!result) {
    Response r = error_response(result.error());
    if (result.error().kind == ErrorKind::rate_limited) r.set("Retry-After", "3600");
    return r;
  }
  return json_response(202, json::object{{"status", "received"},
                                         {"message",
                                          "Thank you. Your request has reached the clinic, and someone from the "
                                          "clinic will contact you the way you asked."}});
}

Response list_enquiries(Call& call) {
  auto limit = limit_param(call.request, 50, 200);
  if (!limit) return error_response(limit.error());
  auto page = call.api.services().enquiries.list(*call.caller, call.request.query_param("status").value_or(""),
                                                 call.request.query_param("cursor").value_or(""), *limit);
  if (!page) return error_response(page.error());
  json::array items;
  for (const auto& e : page->items) items.push_back(to_json(e));
  json::value next = page->next_cursor ? json::value(*page->next_cursor) : json::value(nullptr);
  return json_response(200, json::object{{"items", std::move(items)}, {"next_cursor", next}});
}

Response create_enquiry(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto input = enquiry_input(*body, false);
  if (!input) return error_response(input.error());
  return enquiry_answer(201, call.api.services().enquiries.create_by_staff(*call.caller, *input));
}

Response get_enquiry(Call& call) {
  auto detail = call.api.services().enquiries.get(*call.caller, call.params[0]);
  if (!detail) return error_response(detail.error());
  json::object out = to_json(detail->enquiry);
  json::array linked, history;
  for (const auto& e : detail->linked) linked.push_back(to_json(e));
  for (const auto& ev : detail->history) history.push_back(to_json(ev));
  out["linked"] = std::move(linked);
  out["history"] = std::move(history);
  return json_response(200, out);
}

Response register_enquiry_patient(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto dob = string_field(*body, "date_of_birth");
  if (!dob) return error_response(dob.error());
  return enquiry_answer(201, call.api.services().enquiries.register_patient(*call.caller, call.params[0], *dob));
}

Response change_enquiry_status(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto status = string_field(*body, "status");
  if (!status) return error_response(status.error());
  auto reason = string_field(*body, "reason", false);
  if (!reason) return error_response(reason.error());
  return enquiry_answer(200,
                        call.api.services().enquiries.change_status(*call.caller, call.params[0], *status, *reason));
}

}  // namespace kc::http::handlers
