// The rest of the patient record: POST /patients/{id}/demographics, and the
// measurements, allergies and baseline-tests lists of a patient (GET lists, POST adds),
// and marking any entry of the record entered in error.
#include <cmath>

#include "domain/time.h"
#include "http/api_handlers.h"
#include "http/json_codec.h"

namespace kc::http::handlers {
namespace {

app::PatientRecordService& record(Call& call) { return call.api.services().patient_record; }

/// A whole number as an integer, anything else as a double ("72.5" stays 72.5).
json::value number(double value) {
  if (std::trunc(value) == value) return static_cast<std::int64_t>(value);
  return value;
}

json::object to_json(const app::MeasurementRow& m) {
  json::object o{{"id", m.id}, {"kind", m.kind}};
  if (m.kind == "height")
    o["height_cm"] = number(static_cast<double>(m.height_mm) / 10);
  else
    o["weight_kg"] = number(static_cast<double>(m.weight_g) / 1000);
  o["measured_on"] = m.measured_on;
  o["recorded_at"] = format_iso8601(m.recorded_ms);
  o["recorded_by"] = m.recorded_by;
  o["entered_in_error"] = http::to_json(m.entered_in_error);
  return o;
}

json::object to_json(const app::AllergyRow& a) {
  return {{"id", a.id},
          {"substance", a.substance},
          {"reaction", a.reaction},
          {"recorded_at", format_iso8601(a.recorded_ms)},
          {"recorded_by", a.recorded_by},
          {"entered_in_error", http::to_json(a.entered_in_error)}};
}

json::object to_json(const app::BaselineTestRow& t) {
  return {{"id", t.id},
          {"kind", t.kind},
          {"taken_on", t.taken_on},
          {"result", t.result},
          {"recorded_at", format_iso8601(t.recorded_ms)},
          {"recorded_by", t.recorded_by},
          {"entered_in_error", http::to_json(t.entered_in_error)}};
}

template <class Row>
Response list_answer(const Result<std::vector<Row>>& rows) {
  if (!rows) return error_response(rows.error());
  json::array items;
  for (const auto& row : *rows) items.push_back(to_json(row));
  return json_response(200, json::object{{"items", std::move(items)}});
}

template <class Row>
Response created_answer(const Result<Row>& row) {
  if (!row) return error_response(row.error());
  return json_response(201, to_json(*row));
}

/// A number field: nullopt when missing or null; an error naming it when not a number.
Result<std::optional<double>> number_field(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return std::optional<double>();
  if (!it->value().is_number()) return Error::invalid(std::string(name), std::string(name) + " must be a number.");
  return std::optional<double>(it->value().to_number<double>());
}

}  // namespace

Response update_demographics(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  std::map<std::string, std::string> changes;
  auto take = [&](std::string_view name) -> std::optional<Error> {
    auto it = body->find(name);
    if (it == body->end() || it->value().is_null()) return std::nullopt;  // kept as it is
    if (!it->value().is_string()) return Error::invalid(std::string(name), std::string(name) + " must be a string.");
    changes[std::string(name)] = std::string(it->value().as_string());
    return std::nullopt;
  };
  for (std::string_view name : {"given_name", "family_name", "date_of_birth"})
    if (auto e = take(name)) return error_response(*e);
  for (const auto& f : demographics_fields())
    if (auto e = take(f.name)) return error_response(*e);
  auto updated = record(call).update_demographics(*call.caller, call.params[0], changes);
  if (!updated) return error_response(updated.error());
  return json_response(200, http::to_json(*updated));
}

Response list_measurements(Call& call) { return list_answer(record(call).measurements(*call.caller, call.params[0])); }

Response add_measurement(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  MeasurementInput input;
  auto weight = number_field(*body, "weight_kg");
  if (!weight) return error_response(weight.error());
  auto height = number_field(*body, "height_cm");
  if (!height) return error_response(height.error());
  auto on = string_field(*body, "measured_on", false);
  if (!on) return error_response(on.error());
  auto kind = string_field(*body, "kind", false);
  if (!kind) return error_response(kind.error());
  input.weight_kg = *weight;
  input.height_cm = *height;
  input.measured_on = *on;
  input.kind = *kind;
  return created_answer(record(call).add_measurement(*call.caller, call.params[0], input));
}

Response list_allergies(Call& call) { return list_answer(record(call).allergies(*call.caller, call.params[0])); }

Response add_allergy(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto substance = string_field(*body, "substance");
  if (!substance) return error_response(substance.error());
  auto reaction = string_field(*body, "reaction", false);
  if (!reaction) return error_response(reaction.error());
  return created_answer(record(call).add_allergy(*call.caller, call.params[0], {*substance, *reaction}));
}

Response list_baseline_tests(Call& call) {
  return list_answer(record(call).baseline_tests(*call.caller, call.params[0]));
}

Response add_baseline_test(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  BaselineTestInput input;
  for (auto [name, target] :
       {std::pair{"kind", &input.kind}, std::pair{"taken_on", &input.taken_on}, std::pair{"result", &input.result}}) {
    auto v = string_field(*body, name);
    if (!v) return error_response(v.error());
    *target = std::move(v.value());
  }
  return created_answer(record(call).add_baseline_test(*call.caller, call.params[0], input));
}

template <app::RecordEntryKind Kind>
Response mark_entered_in_error(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto reason = string_field(*body, "reason");
  if (!reason) return error_response(reason.error());
  auto mark = record(call).mark_entered_in_error(*call.caller, call.params[0], Kind, call.params[1], *reason);
  if (!mark) return error_response(mark.error());
  return json_response(200, json::object{{"id", call.params[1]}, {"entered_in_error", http::to_json(*mark)}});
}

template Response mark_entered_in_error<app::RecordEntryKind::measurement>(Call&);
template Response mark_entered_in_error<app::RecordEntryKind::allergy>(Call&);
template Response mark_entered_in_error<app::RecordEntryKind::baseline_test>(Call&);
template Response mark_entered_in_error<app::RecordEntryKind::medication>(Call&);
template Response mark_entered_in_error<app::RecordEntryKind::diagnosis>(Call&);
template Response mark_entered_in_error<app::RecordEntryKind::trial>(Call&);

}  // namespace kc::http::handlers
