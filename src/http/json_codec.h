// JSON in and out of the API (Boost.JSON): decoding request bodies with errors that
// name the field, encoding records, and the one error body of the API.
#pragma once

#include <boost/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/auth_service.h"
#include "app/patient_service.h"
#include "app/store.h"
#include "domain/result.h"
#include "http/request.h"

namespace kc::http {

namespace json = boost::json;

/// Parses a request body that must be one JSON object (depth at most 32).
/// Errors: invalid_json (400) for malformed text, validation_failed for non-objects.
Result<json::object> parse_object(std::string_view body);

/// Reads a string field. A missing field is "" unless `required`, then an error
/// naming it; a field of another type is always an error naming it.
Result<std::string> string_field(const json::object& o, std::string_view name, bool required = true);
/// Reads an array of strings.
Result<std::vector<std::string>> string_list_field(const json::object& o, std::string_view name);

/// Reads questionnaire answers: an object of item codes ([a-z0-9_], at most 40
/// characters) and whole numbers. Missing or null is empty; errors name the field
/// ("answers" or "answers.<item>").
Result<std::map<std::string, int>> answers_field(const json::object& o, std::string_view name);

Response json_response(int status, const json::value& body);
/// {"error": {"code", "message", "field"}} with the status of the error's kind.
Response error_response(const Error& error);
int status_of(ErrorKind kind);

/// A number in thousandths (µg, µg/kg, ...) as JSON in the larger unit: whole numbers
/// as integers ("35"), else decimals ("0.5").
json::value milli_json(std::int64_t milli);
/// As milli_json; null when absent.
json::value milli_or_null(const std::optional<std::int64_t>& milli);

json::object to_json(const app::UserRow& user, const app::ClinicRow* clinic, std::int64_t now_ms);
json::object to_json(const app::PatientRow& patient);
/// The identity with every demographics field; sex_at_birth is null until recorded.
json::object to_json(const app::PatientRecord& record);
json::object to_json(const app::AuditListItem& item);
json::object to_json(const app::SessionInfo& info, std::int64_t now_ms);
json::object to_json(const app::EnquiryRow& enquiry);
json::object to_json(const app::EnquiryEventRow& event);
/// null for a valid entry; {"at", "by", "reason"} for one entered in error.
json::value to_json(const app::EnteredInError& mark);

}  // namespace kc::http
