// The /patients/{id}/history, medications, diagnoses, trials, screening and
// eligibility-decision routes.
#include "domain/time.h"
#include "http/api_handlers.h"
#include "http/json_codec.h"

namespace kc::http::handlers {
namespace {

json::value time_or_null(std::int64_t ms) { return ms ? json::value(format_iso8601(ms)) : json::value(nullptr); }

json::object to_json(const app::MedicationRow& m) {
  return {{"id", m.id},
          {"name", m.name},
          {"class", m.medication_class},
          {"dose", m.dose},
          {"started_at", format_iso8601(m.started_ms)},
          {"stopped_at", time_or_null(m.stopped_ms)},
          {"entered_in_error", http::to_json(m.entered_in_error)}};
}

std::string_view diagnosis_label(std::string_view code) {
  for (const auto& d : diagnosis_choices())
    if (d.code == code) return d.label;
  return "";
}

json::object to_json(const app::DiagnosisRow& d) {
  return {{"id", d.id},
          {"code", d.code},
          {"label", diagnosis_label(d.code)},
          {"recorded_at", format_iso8601(d.recorded_ms)},
          {"entered_in_error", http::to_json(d.entered_in_error)}};
}

json::object to_json(const app::TrialRow& t) {
  return {{"id", t.id},       {"drug", t.drug},         {"dose", t.dose},
          {"weeks", t.weeks}, {"response", t.response}, {"entered_in_error", http::to_json(t.entered_in_error)}};
}

json::object to_json(const app::DecisionRow& d) {
  return {{"id", d.id},
          {"decision", d.decision},
          {"reason", d.reason},
          {"override", !d.override_reason.empty()},
          {"override_reason", d.override_reason},
          {"rule_version", d.rule_version},
          {"decided_at", format_iso8601(d.decided_ms)},
          {"decided_by", d.decided_by},
          {"needs_rescreen", d.needs_rescreen},
          {"rescreen_reason", d.rescreen_reason}};
}

Response history_answer(const Result<app::HistoryView>& view) {
  if (!view) return error_response(view.error());
  json::array questions, answers, meds, diagnoses, trials, choices, classes;
  for (const auto& q : history_questions()) questions.push_back(json::object{{"code", q.code}, {"label", q.label}});
  for (const auto& a : view->answers)
    answers.push_back(json::object{{"question", a.question},
                                   {"answer", a.answer},
                                   {"recorded_at", format_iso8601(a.recorded_ms)},
                                   {"recorded_by", a.recorded_by}});
  for (const auto& m : view->medications) meds.push_back(to_json(m));
  for (const auto& d : view->diagnoses) diagnoses.push_back(to_json(d));
  for (const auto& t : view->trials) trials.push_back(to_json(t));
  for (const auto& d : diagnosis_choices()) choices.push_back(json::object{{"code", d.code}, {"label", d.label}});
  for (auto c : {MedicationClass::none, MedicationClass::benzodiazepine, MedicationClass::z_drug,
                 MedicationClass::psychostimulant, MedicationClass::maoi, MedicationClass::opioid})
    classes.emplace_back(to_string(c));
  return json_response(200, json::object{{"questions", std::move(questions)},
                                         {"answers", std::move(answers)},
                                         {"medications", std::move(meds)},
                                         {"diagnoses", std::move(diagnoses)},
                                         {"trials", std::move(trials)},
                                         {"diagnosis_choices", std::move(choices)},
                                         {"medication_classes", std::move(classes)}});
}

app::ScreeningService& screening(Call& call) { return call.api.services().screening; }

}  // namespace

Response get_history(Call& call) { return history_answer(screening(call).history(*call.caller, call.params[0])); }

Response record_history(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto it = body->find("answers");
  if (it == body->end() || !it->value().is_object())
    return error_response(Error::invalid("answers", "answers must be an object of question codes and answers."));
  std::map<std::string, std::string> answers;
  for (const auto& [code, value] : it->value().as_object()) {
    if (!value.is_string()) return error_response(Error::invalid("answers", "Each answer must be a string."));
    answers[std::string(code)] = std::string(value.as_string());
  }
  return history_answer(screening(call).record_answers(*call.caller, call.params[0], answers));
}

Response add_medication(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto name = string_field(*body, "name");
  auto cls = string_field(*body, "class");
  auto dose = string_field(*body, "dose", false);
  for (const auto* r : {&name, &cls, &dose})
    if (!*r) return error_response(r->error());
  auto m = screening(call).add_medication(*call.caller, call.params[0], *name, *cls, *dose);
  if (!m) return error_response(m.error());
  return json_response(201, to_json(*m));
}

Response stop_medication(Call& call) {
  auto m = screening(call).stop_medication(*call.caller, call.params[0], call.params[1]);
  if (!m) return error_response(m.error());
  return json_response(200, to_json(*m));
}

Response add_diagnosis(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto code = string_field(*body, "code");
  if (!code) return error_response(code.error());
  auto d = screening(call).add_diagnosis(*call.caller, call.params[0], *code);
  if (!d) return error_response(d.error());
  return json_response(201, to_json(*d));
}

Response add_trial(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto drug = string_field(*body, "drug");
  auto dose = string_field(*body, "dose", false);
  auto response = string_field(*body, "response");
  for (const auto* r : {&drug, &dose, &response})
    if (!*r) return error_response(r->error());
  auto weeks = body->find("weeks");
  if (weeks == body->end() || !weeks->value().is_int64())
    return error_response(Error::invalid("weeks", "weeks must be a whole number."));
  auto t = screening(call).add_trial(*call.caller, call.params[0], *drug, *dose,
                                     static_cast<int>(std::clamp<std::int64_t>(weeks->value().as_int64(), -1, 100000)),
                                     *response);
  if (!t) return error_response(t.error());
  return json_response(201, to_json(*t));
}

Response get_screening(Call& call) {
  auto view = screening(call).screening(*call.caller, call.params[0]);
  if (!view) return error_response(view.error());
  json::array findings;
  for (const auto& f : view->findings) {
    json::array facts;
    for (const auto& x : f.facts) facts.emplace_back(x);
    findings.push_back(json::object{{"rule", f.rule},
                                    {"outcome", to_string(f.outcome)},
                                    {"reason", f.reason},
                                    {"source", f.source},
                                    {"facts", std::move(facts)}});
  }
  json::value latest = view->latest ? json::value(to_json(*view->latest)) : json::value(nullptr);
  return json_response(
      200, json::object{
               {"rule_version", view->rule_version}, {"findings", std::move(findings)}, {"latest_decision", latest}});
}

Response decide_eligibility(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  app::NewDecision input;
  for (auto [name, target] : {std::pair{"decision", &input.decision}, std::pair{"reason", &input.reason},
                              std::pair{"override_reason", &input.override_reason}}) {
    auto v = string_field(*body, name, false);
    if (!v) return error_response(v.error());
    *target = std::move(v.value());
  }
  auto d = screening(call).decide(*call.caller, call.params[0], input);
  if (!d) return error_response(d.error());
  return json_response(201, to_json(*d));
}

}  // namespace kc::http::handlers
