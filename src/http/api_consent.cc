// Informed consent: the consent library (documents, drafts, publishing), a patient's
// consents and their status per route, signing on the tablet, countersigning,
// withdrawal, accepting an older version, and the signed record.
#include "http/api_handlers.h"
#include "http/consent_codec.h"

namespace kc::http::handlers {
namespace {

app::ConsentService& consent(Call& call) { return call.api.services().consent; }

}  // namespace

Response list_consent_documents(Call& call) {
  auto out = consent(call).documents(*call.caller);
  if (!out) return error_response(out.error());
  json::array items;
  for (const auto& d : *out) items.push_back(to_json(d, false));
  json::array kinds;
  for (const auto& k : consent_kinds()) kinds.push_back(json::object{{"kind", k}, {"label", label_of_consent_kind(k)}});
  return json_response(200, json::object{{"items", std::move(items)}, {"kinds", std::move(kinds)}});
}

Response get_consent_document(Call& call) {
  auto out = consent(call).document(*call.caller, call.params[0]);
  if (!out) return error_response(out.error());
  return json_response(200, to_json(*out, true));
}

Response create_consent_document(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto input = decode_consent_draft(*body);
  if (!input) return error_response(input.error());
  auto out = consent(call).create_draft(*call.caller, *input);
  if (!out) return error_response(out.error());
  return json_response(201, to_json(*out, true));
}

Response edit_consent_document(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto input = decode_consent_edit(*body);
  if (!input) return error_response(input.error());
  auto out = consent(call).edit_draft(*call.caller, call.params[0], input->title, input->body_markdown);
  if (!out) return error_response(out.error());
  return json_response(200, to_json(*out, true));
}

Response publish_consent_document(Call& call) {
  auto out = consent(call).publish(*call.caller, call.params[0]);
  if (!out) return error_response(out.error());
  return json_response(200, to_json(*out, true));
}

Response list_patient_consents(Call& call) {
  auto out = consent(call).patient_consents(*call.caller, call.params[0]);
  if (!out) return error_response(out.error());
  json::array consents, status, documents;
  for (const auto& c : out->consents) consents.push_back(to_json(c, false));
  for (const auto& s : out->status) status.push_back(to_json(s));
  for (const auto& d : out->published) documents.push_back(to_json(d, false));
  json::value guardian = nullptr;
  if (!out->recorded_guardian_name.empty())
    guardian =
        json::object{{"name", out->recorded_guardian_name}, {"relationship", out->recorded_guardian_relationship}};
  return json_response(200, json::object{{"consents", std::move(consents)},
                                         {"status", std::move(status)},
                                         {"documents", std::move(documents)},
                                         {"minor", out->minor},
                                         {"recorded_guardian", std::move(guardian)}});
}

Response get_consent_for_signing(Call& call) {
  auto out = consent(call).document_for_signing(*call.caller, call.params[0], call.params[1]);
  if (!out) return error_response(out.error());
  return json_response(200, to_json(*out, true));
}

Response sign_consent(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto input = decode_consent_signature(*body);
  if (!input) return error_response(input.error());
  auto out = consent(call).sign(*call.caller, call.params[0], *input);
  if (!out) return error_response(out.error());
  return json_response(201, to_json(*out, false));
}

Response get_consent(Call& call) {
  auto out = consent(call).consent(*call.caller, call.params[0]);
  if (!out) return error_response(out.error());
  auto body = to_json(out->consent, true);
  body["patient"] = json::object{{"id", out->patient.id},
                                 {"given_name", out->patient.given_name},
                                 {"family_name", out->patient.family_name},
                                 {"date_of_birth", out->patient.date_of_birth}};
  return json_response(200, body);
}

Response countersign_consent(Call& call) {
  auto out = consent(call).countersign(*call.caller, call.params[0]);
  if (!out) return error_response(out.error());
  return json_response(200, to_json(*out, false));
}

Response withdraw_consent(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto reason = decode_consent_reason(*body);
  if (!reason) return error_response(reason.error());
  auto out = consent(call).withdraw(*call.caller, call.params[0], *reason);
  if (!out) return error_response(out.error());
  return json_response(200, to_json(*out, false));
}

Response accept_consent_version(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto reason = decode_consent_reason(*body);
  if (!reason) return error_response(reason.error());
  auto out = consent(call).accept_version(*call.caller, call.params[0], *reason);
  if (!out) return error_response(out.error());
  return json_response(200, to_json(*out, false));
}

Response get_consent_status(Call& call) {
  auto code = call.request.query_param("route");
  if (!code || code->empty()) return error_response(Error::invalid("route", "route is required."));
  auto route = parse_route(*code);
  if (!route)
    return error_response(
        Error::invalid("route", "route must be one of iv, im, sc, intranasal_esketamine, sublingual, oral."));
  auto out = consent(call).check(*call.caller, call.params[0], *route);
  if (!out) return error_response(out.error());
  return json_response(200, to_json(*out));
}

}  // namespace kc::http::handlers
