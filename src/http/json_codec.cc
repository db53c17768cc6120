#include "http/json_codec.h"

#include "domain/time.h"

namespace kc::http {

Result<json::object> parse_object(std::string_view body) {
  json::parse_options options;
  options.max_depth = 32;
  boost::system::error_code ec;
  json::value v = json::parse(body, ec, {}, options);
  if (ec) return Error{ErrorKind::invalid, "invalid_json", "The request body is not valid JSON.", {}};
  if (!v.is_object()) return Error::invalid("", "The request body must be a JSON object.");
  return std::move(v.as_object());
}

Result<std::string> string_field(const json::object& o, std::string_view name, bool required) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) {
    if (required) return Error::invalid(std::string(name), std::string(name) + " is required.");
    return std::string();
  }
  if (!it->value().is_string()) return Error::invalid(std::string(name), std::string(name) + " must be a string.");
  return std::string(it->value().as_string());
}

Result<std::vector<std::string>> string_list_field(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end() || !it->value().is_array())
    return Error::invalid(std::string(name), std::string(name) + " must be a list of strings.");
  std::vector<std::string> out;
  for (const auto& v : it->value().as_array()) {
    if (!v.is_string()) return Error::invalid(std::string(name), std::string(name) + " must be a list of strings.");
    out.emplace_back(v.as_string());
  }
  return out;
}

Result<std::map<std::string, int>> answers_field(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return std::map<std::string, int>{};
  if (!it->value().is_object())
    return Error::invalid(std::string(name), std::string(name) + " must be an object of item codes and numbers.");
  std::map<std::string, int> out;
  for (const auto& [key, value] : it->value().as_object()) {
    const std::string field = std::string(name) + "." + std::string(key);
    // Item codes are short lower-case words; anything else cannot be an item.
    bool code_like = !key.empty() && key.size() <= 40;
    for (char c : key) code_like = code_like && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    if (!code_like)
      return Error::invalid(std::string(name), "\"" + std::string(key.substr(0, 40)) + "\" is not a question code.");
    if (!value.is_int64() || value.as_int64() < -1000 || value.as_int64() > 1000)
      return Error::invalid(field, "Each answer must be a whole number.");
    out[std::string(key)] = static_cast<int>(value.as_int64());
  }
  return out;
}

json::value milli_json(std::int64_t milli) {
  if (milli % 1000 == 0) return json::value(milli / 1000);
  return json::value(static_cast<double>(milli) / 1000.0);
}

json::value milli_or_null(const std::optional<std::int64_t>& milli) {
  return milli ? milli_json(*milli) : json::value(nullptr);
}

Response json_response(int status, const json::value& body) {
  Response r;
  r.status = status;
  r.body = json::serialize(body);
  return r;
}

int status_of(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid:
      return 400;
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::gone:
      return 410;
    case ErrorKind::too_large:
      return 413;
    case ErrorKind::rate_limited:
      return 429;
    case ErrorKind::unavailable:
      return 503;
    case ErrorKind::internal:
      return 500;
  }
  return 500;
}

Response error_response(const Error& error) {
  json::object e{{"code", error.code}, {"message", error.message}};
  if (!error.field.empty()) e["field"] = error.field;
  return json_response(status_of(error.kind), json::object{{"error", std::move(e)}});
}

json::object to_json(const app::UserRow& u, const app::ClinicRow* clinic, std::int64_t now_ms) {
  json::array roles;
  for (Role r : u.roles) roles.emplace_back(to_string(r));
  json::object o{{"id", u.id},
                 {"email", u.email},
                 {"display_name", u.display_name},
                 {"roles", std::move(roles)},
                 {"disabled", u.disabled},
                 {"locked", u.locked_until_ms > now_ms},
                 {"created_at", format_iso8601(u.created_ms)}};
  if (clinic) o["clinic"] = json::object{{"id", clinic->id}, {"name", clinic->name}};
  return o;
}

json::object to_json(const app::PatientRow& p) {
  return {{"id", p.id},
          {"given_name", p.given_name},
          {"family_name", p.family_name},
          {"date_of_birth", p.date_of_birth},
          {"created_at", format_iso8601(p.created_ms)}};
}

json::object to_json(const app::PatientRecord& record) {
  json::object o = to_json(record.patient);
  for (const auto& f : demographics_fields()) o[f.name] = record.demographics.*f.member;
  if (record.demographics.sex_at_birth.empty()) o["sex_at_birth"] = nullptr;
  return o;
}

json::object to_json(const app::AuditListItem& item) {
  const auto& e = item.event;
  return {{"seq", e.seq},
          {"at", format_iso8601(e.at_ms)},
          {"user_id", e.user_id},
          {"user_email", item.user_email},
          {"role", e.role},
          {"action", e.action},
          {"entity_type", e.entity_type},
          {"entity_id", e.entity_id},
          {"outcome", e.outcome},
          {"client_address", e.client_address}};
}

json::object to_json(const app::EnquiryRow& e) {
  json::array conditions;
  for (const auto& c : e.conditions) conditions.emplace_back(c);
  return {{"id", e.id},
          {"created_at", format_iso8601(e.created_ms)},
          {"updated_at", format_iso8601(e.updated_ms)},
          {"source", e.source},
          {"status", e.status},
          {"given_name", e.given_name},
          {"family_name", e.family_name},
          {"email", e.email},
          {"phone", e.phone},
          {"preferred_contact", e.preferred_contact},
          {"conditions", std::move(conditions)},
          {"reason_text", e.reason_text},
          {"heard_from", e.heard_from},
          {"consent_to_contact", e.consent_to_contact},
          {"close_reason", e.close_reason},
          {"duplicate_of", e.duplicate_of.empty() ? json::value(nullptr) : json::value(e.duplicate_of)},
          {"linked_count", e.linked_count},
          {"patient_id", e.patient_id.empty() ? json::value(nullptr) : json::value(e.patient_id)}};
}

json::object to_json(const app::EnquiryEventRow& ev) {
  return {
      {"status", ev.status}, {"at", format_iso8601(ev.at_ms)}, {"user_email", ev.user_email}, {"reason", ev.reason}};
}

json::object to_json(const app::SessionInfo& info, std::int64_t now_ms) {
  return {{"user", to_json(info.user, &info.clinic, now_ms)},
          {"csrf_token", info.csrf_token},
          {"idle_timeout_s", info.idle_timeout_ms / 1000},
          {"absolute_expires_at", format_iso8601(info.absolute_expires_ms)}};
}

json::value to_json(const app::EnteredInError& mark) {
  if (!mark.marked()) return nullptr;
  return json::object{{"at", format_iso8601(mark.at_ms)}, {"by", mark.by}, {"reason", mark.reason}};
}

}  // namespace kc::http
