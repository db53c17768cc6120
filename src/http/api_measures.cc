// Measurement-based care: the instrument catalogue, a patient's measures, responses,
// questionnaire links (and the patient's public link page), schedules, the clinic's
// due list, the clinical task inbox and the measurement settings.
#include <cmath>

#include "domain/time.h"
#include "http/api_handlers.h"
#include "http/json_codec.h"

namespace kc::http::handlers {
namespace {

json::value time_or_null(std::int64_t ms) { return ms ? json::value(format_iso8601(ms)) : json::value(nullptr); }
json::value text_or_null(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

app::MeasureService& measures(Call& call) { return call.api.services().measures; }

json::object to_json(const Instrument& inst) {
  json::array items, bands;
  for (const auto& item : inst.items) {
    json::array options;
    for (const auto& o : item.options) options.push_back(json::object{{"value", o.value}, {"label", o.label}});
    items.push_back(json::object{{"code", item.code},
                                 {"text", item.text},
                                 {"min", item.min_value},
                                 {"max", item.max_value},
                                 {"options", std::move(options)}});
  }
  for (const auto& b : inst.bands) bands.push_back(json::object{{"min_total", b.min_total}, {"label", b.label}});
  return {{"code", inst.code},
          {"name", inst.name},
          {"title", inst.title},
          {"instructions", inst.instructions},
          {"completion", inst.completion == Completion::patient ? "patient" : "clinician"},
          {"total_only", inst.total_only},
          {"min_total", inst.min_total},
          {"max_total", inst.max_total},
          {"items", std::move(items)},
          {"bands", std::move(bands)},
          {"bands_source", inst.bands_source},
          {"response_applies", inst.response_applies},
          {"remission_at_most", inst.remission_at_most ? json::value(*inst.remission_at_most) : json::value(nullptr)},
          {"meaningful_change_points",
           inst.meaningful_change_points ? json::value(*inst.meaningful_change_points) : json::value(nullptr)},
          {"loinc_panel", inst.loinc_panel},
          {"loinc_total", inst.loinc_total},
          {"copyright_note", inst.copyright_note}};
}

json::object answers_json(const std::string& encoded) {
  json::object out;
  for (const auto& [item, value] : app::decode_answers(encoded)) out[item] = value;
  return out;
}

json::object to_json(const app::ResponseRow& r) {
  const bool submitted = r.status == "submitted";
  return {{"id", r.id},
          {"instrument", r.instrument},
          {"status", r.status},
          {"source", r.source},
          {"answers", answers_json(r.answers)},
          {"total", submitted ? json::value(r.total) : json::value(nullptr)},
          {"band", submitted ? json::value(r.band) : json::value(nullptr)},
          {"started_at", format_iso8601(r.started_ms)},
          {"submitted_at", time_or_null(r.submitted_ms)},
          {"entered_by", text_or_null(r.entered_by)},
          {"amends", text_or_null(r.amends)},
          {"amended_by", text_or_null(r.amended_by)},
          {"amendment_reason", r.amendment_reason}};
}

json::value user_json(const std::optional<app::UserRow>& u) {
  if (!u) return nullptr;
  return json::object{{"id", u->id}, {"display_name", u->display_name}, {"email", u->email}};
}

json::value point_json(const std::optional<ScoredPoint>& p) {
  if (!p) return nullptr;
  return json::object{{"at", format_iso8601(p->at_ms)}, {"total", p->total}};
}

json::array strings_json(const std::vector<std::string>& v) {
  json::array out;
  for (const auto& s : v) out.emplace_back(s);
  return out;
}

json::object to_json(const DueItem& d) {
  return {{"instrument", d.instrument},
          {"rule", to_string(d.rule)},
          {"due_on", format_date(d.due_on)},
          {"overdue", d.overdue},
          {"missed", d.missed}};
}

json::array schedule_json(const app::MeasuresView& v) {
  json::array out;
  for (const auto& s : v.schedule)
    out.push_back(json::object{{"instrument", s.instrument},
                               {"rule", s.rule},
                               {"start", s.start_on},
                               {"end", text_or_null(s.end_on)},
                               {"interval_days", s.interval_days}});
  return out;
}

json::array due_json(const app::MeasuresView& v) {
  json::array out;
  for (const auto& d : v.due) out.push_back(to_json(d));
  return out;
}

json::object measures_json(const app::MeasuresView& v, std::int64_t now_ms) {
  json::array series, responses, links;
  for (const auto& s : v.series) {
    json::array points;
    for (const auto& p : s.points)
      points.push_back(json::object{
          {"response_id", p.id}, {"at", format_iso8601(p.submitted_ms)}, {"total", p.total}, {"band", p.band}});
    const auto& o = s.outcome;
    series.push_back(json::object{
        {"instrument", s.instrument},
        {"points", std::move(points)},
        {"outcome",
         json::object{{"baseline", point_json(o.baseline)},
                      {"latest", point_json(o.latest)},
                      {"change", o.change},
                      {"percent_change",
                       o.percent_change ? json::value(std::round(*o.percent_change * 10) / 10) : json::value(nullptr)},
                      {"response", o.response},
                      {"remission", o.remission},
                      {"meaningful_change", o.meaningful_change},
                      {"latest_band", o.latest_band}}}});
  }
  for (const auto& r : v.responses) responses.push_back(to_json(r));
  for (const auto& l : v.links) {
    auto it = v.link_submitted.find(l.id);
    std::string status = l.used_ms ? "used" : (now_ms >= l.expires_ms ? "expired" : "open");
    links.push_back(json::object{
        {"id", l.id},
        {"instruments", strings_json(l.instruments)},
        {"created_at", format_iso8601(l.created_ms)},
        {"expires_at", format_iso8601(l.expires_ms)},
        {"status", status},
        {"submitted", strings_json(it == v.link_submitted.end() ? std::vector<std::string>{} : it->second)}});
  }
  json::array schedule = schedule_json(v), due = due_json(v);
  return {{"series", std::move(series)},
          {"responses", std::move(responses)},
          {"links", std::move(links)},
          {"schedule", std::move(schedule)},
          {"due", std::move(due)},
          {"session_days", strings_json(v.session_days)},
          {"responsible_clinician", user_json(v.responsible)}};
}

json::object to_json(const app::MeasureSettingsRow& s) {
  return {{"link_lifetime_hours", s.link_lifetime_hours}, {"escalation_minutes", s.escalation_minutes},
          {"phq9_rise_points", s.phq9_rise_points},       {"cssrs_min_level", s.cssrs_min_level},
          {"crisis_message", s.crisis_message},           {"updated_at", time_or_null(s.updated_ms)},
          {"updated_by", text_or_null(s.updated_by)}};
}

json::object patient_ref(const app::PatientRow& p) {
  return {{"id", p.id}, {"name", p.family_name + ", " + p.given_name}};
}

json::object to_json(const app::TaskView& v) {
  const auto& t = v.task;
  return {{"id", t.id},
          {"kind", t.kind},
          {"priority", t.priority},
          {"patient", patient_ref(v.patient)},
          {"reasons", strings_json(t.reasons)},
          {"instrument", t.instrument},
          {"response_id", t.response_id},
          {"assigned_to", user_json(v.assigned)},
          {"created_at", format_iso8601(t.created_ms)},
          {"escalate_at", t.escalate_at_ms > 0 ? json::value(format_iso8601(t.escalate_at_ms)) : json::value(nullptr)},
          {"escalated", t.escalated_ms != 0},
          {"escalated_at", time_or_null(t.escalated_ms)},
          {"acknowledged_at", time_or_null(t.acknowledged_ms)},
          {"acknowledged_by", text_or_null(v.acknowledged_by_email)},
          {"action", t.action},
          {"can_acknowledge", v.can_acknowledge}};
}

/// Reads an optional whole-number field.
Result<std::optional<int>> optional_int(const json::object& o, std::string_view name, int lo, int hi) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return std::optional<int>{};
  if (!it->value().is_int64() || it->value().as_int64() < lo || it->value().as_int64() > hi)
    return Error::invalid(std::string(name), std::string(name) + " must be a whole number from " + std::to_string(lo) +
                                                 " to " + std::to_string(hi) + ".");
  return std::optional<int>(static_cast<int>(it->value().as_int64()));
}

Result<bool> bool_field(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return false;
  if (!it->value().is_bool()) return Error::invalid(std::string(name), std::string(name) + " must be true or false.");
  return it->value().as_bool();
}

}  // namespace

Response list_instruments(Call&) {
  json::array out;
  for (const auto& inst : instruments()) out.push_back(to_json(inst));
  return json_response(200, json::object{{"instruments", std::move(out)}});
}

Response get_measures(Call& call) {
  auto view = measures(call).patient_measures(*call.caller, call.params[0]);
  if (!view) return error_response(view.error());
  return json_response(200, measures_json(*view, call.api.services().clock.now_ms()));
}

Response record_response(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto instrument = string_field(*body, "instrument");
  auto response_id = string_field(*body, "response_id", false);
  auto amends = string_field(*body, "amends", false);
  auto reason = string_field(*body, "amendment_reason", false);
  for (const auto* r : {&instrument, &response_id, &amends, &reason})
    if (!*r) return error_response(r->error());
  auto answers = answers_field(*body, "answers");
  if (!answers) return error_response(answers.error());
  auto submit = bool_field(*body, "submit");
  if (!submit) return error_response(submit.error());
  app::ResponseInput input{*instrument, *answers, *submit, *response_id, *amends, *reason};
  auto out = measures(call).record(*call.caller, call.params[0], input);
  if (!out) return error_response(out.error());
  json::array risk;
  for (const auto& s : out->risk) risk.push_back(json::object{{"code", s.code}, {"reason", s.reason}});
  return json_response(201, json::object{{"response", to_json(out->response)},
                                         {"risk", std::move(risk)},
                                         {"task_id", text_or_null(out->task_id)}});
}

Response create_questionnaire_link(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto codes = string_list_field(*body, "instruments");
  if (!codes) return error_response(codes.error());
  auto out = measures(call).create_link(*call.caller, call.params[0], *codes, call.api.expected_origin(call.request));
  if (!out) return error_response(out.error());
  return json_response(201, json::object{{"id", out->link.id},
                                         {"token", out->token},
                                         {"path", out->path},
                                         {"expires_at", format_iso8601(out->link.expires_ms)},
                                         {"message", json::object{{"channel", out->message.channel},
                                                                  {"recipient", out->message.recipient},
                                                                  {"subject", out->message.subject},
                                                                  {"body", out->message.body}}}});
}

Response replace_schedule(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto it = body->find("entries");
  if (it == body->end() || !it->value().is_array())
    return error_response(Error::invalid("entries", "entries must be a list of schedule entries."));
  std::vector<app::ScheduleInput> entries;
  for (std::size_t i = 0; i < it->value().as_array().size(); ++i) {
    const auto& v = it->value().as_array()[i];
    const std::string at = "entries[" + std::to_string(i) + "]";
    if (!v.is_object()) return error_response(Error::invalid(at, "Each schedule entry must be an object."));
    const auto& o = v.as_object();
    auto instrument = string_field(o, "instrument");
    auto rule = string_field(o, "rule");
    auto start = string_field(o, "start");
    auto end = string_field(o, "end", false);
    for (auto* r : {&instrument, &rule, &start, &end})
      if (!*r) {
        Error e = r->error();
        e.field = at + "." + e.field;
        return error_response(e);
      }
    auto interval = optional_int(o, "interval_days", 0, 100000);
    if (!interval) {
      Error e = interval.error();
      e.field = at + "." + e.field;
      return error_response(e);
    }
    entries.push_back({*instrument, *rule, *start, *end, interval->value_or(0)});
  }
  auto view = measures(call).replace_schedule(*call.caller, call.params[0], entries);
  if (!view) return error_response(view.error());
  return json_response(200, json::object{{"schedule", schedule_json(*view)}, {"due", due_json(*view)}});
}

Response set_responsible_clinician(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto user_id = string_field(*body, "user_id", false);
  if (!user_id) return error_response(user_id.error());
  auto out = measures(call).set_responsible(*call.caller, call.params[0], *user_id);
  if (!out) return error_response(out.error());
  return json_response(200, json::object{{"responsible_clinician", user_json(*out)}});
}

Response list_clinicians(Call& call) {
  auto out = measures(call).clinicians(*call.caller);
  if (!out) return error_response(out.error());
  json::array list;
  for (const auto& u : *out) {
    json::array roles;
    for (auto r : u.roles) roles.emplace_back(to_string(r));
    list.push_back(
        json::object{{"id", u.id}, {"display_name", u.display_name}, {"email", u.email}, {"roles", std::move(roles)}});
  }
  return json_response(200, json::object{{"clinicians", std::move(list)}});
}

Response list_due(Call& call) {
  auto out = measures(call).due_list(*call.caller);
  if (!out) return error_response(out.error());
  json::array items;
  for (const auto& d : *out) {
    auto item = to_json(d.item);
    item["patient"] = patient_ref(d.patient);
    items.push_back(std::move(item));
  }
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response list_tasks(Call& call) {
  auto state = call.request.query_param("state").value_or("open");
  if (state != "open" && state != "all") return error_response(Error::invalid("state", "state must be open or all."));
  auto out = measures(call).tasks(*call.caller, state == "open");
  if (!out) return error_response(out.error());
  json::array tasks;
  for (const auto& t : *out) tasks.push_back(to_json(t));
  return json_response(200, json::object{{"tasks", std::move(tasks)}});
}

Response acknowledge_task(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto action = string_field(*body, "action");
  if (!action) return error_response(action.error());
  auto out = measures(call).acknowledge(*call.caller, call.params[0], *action);
  if (!out) return error_response(out.error());
  return json_response(200, to_json(*out));
}

Response get_measure_settings(Call& call) {
  auto out = measures(call).settings(*call.caller);
  if (!out) return error_response(out.error());
  return json_response(200, to_json(*out));
}

Response update_measure_settings(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  app::SettingsPatch patch;
  struct IntField {
    std::string_view name;
    std::optional<int> app::SettingsPatch::*member;
  };
  for (auto f : {IntField{"link_lifetime_hours", &app::SettingsPatch::link_lifetime_hours},
                 IntField{"escalation_minutes", &app::SettingsPatch::escalation_minutes},
                 IntField{"phq9_rise_points", &app::SettingsPatch::phq9_rise_points},
                 IntField{"cssrs_min_level", &app::SettingsPatch::cssrs_min_level}}) {
    // The use case checks the range; here only the type.
    auto it = body->find(f.name);
    if (it == body->end() || it->value().is_null()) continue;
    if (!it->value().is_int64() || it->value().as_int64() < -1'000'000 || it->value().as_int64() > 1'000'000)
      return error_response(Error::invalid(std::string(f.name), std::string(f.name) + " must be a whole number."));
    patch.*f.member = static_cast<int>(it->value().as_int64());
  }
  if (auto it = body->find("crisis_message"); it != body->end() && !it->value().is_null()) {
    if (!it->value().is_string())
      return error_response(Error::invalid("crisis_message", "crisis_message must be text."));
    patch.crisis_message = std::string(it->value().as_string());
  }
  auto out = measures(call).update_settings(*call.caller, patch);
  if (!out) return error_response(out.error());
  return json_response(200, to_json(*out));
}

Response open_public_questionnaire(Call& call) {
  auto view = measures(call).open_link(call.params[0], call.params[1], call.request.client_address);
  if (!view) return error_response(view.error());
  json::array list;
  for (const auto& code : view->link.instruments)
    if (const Instrument* inst = find_instrument(code)) list.push_back(to_json(*inst));
  json::object answers;
  for (const auto& [code, values] : view->answers) {
    json::object a;
    for (const auto& [item, value] : values) a[item] = value;
    answers[code] = std::move(a);
  }
  return json_response(200, json::object{{"clinic", json::object{{"name", view->clinic_name}}},
                                         {"expires_at", format_iso8601(view->link.expires_ms)},
                                         {"instruments", std::move(list)},
                                         {"answers", std::move(answers)},
                                         {"submitted", strings_json(view->submitted)}});
}

Response answer_public_questionnaire(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto instrument = string_field(*body, "instrument");
  if (!instrument) return error_response(instrument.error());
  auto answers = answers_field(*body, "answers");
  if (!answers) return error_response(answers.error());
  auto submit = bool_field(*body, "submit");
  if (!submit) return error_response(submit.error());
  auto out = measures(call).answer_link(call.params[0], call.params[1], *instrument, *answers, *submit,
                                        call.request.client_address);
  if (!out) return error_response(out.error());
  return json_response(200, json::object{{"submitted", strings_json(out->submitted)},
                                         {"complete", out->complete},
                                         {"crisis_message", text_or_null(out->crisis_message)}});
}

}  // namespace kc::http::handlers
