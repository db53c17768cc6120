// Follow-up, outcomes and long-term safety: the clinic's outcome settings, a patient's
// progress, the follow-up plan and check-ins, the missed follow-up list, the clinic
// dashboard and the de-identified research export.
#include <boost/json.hpp>

#include "domain/effects.h"
#include "domain/route.h"
#include "domain/session_protocol.h"
#include "domain/time.h"
#include "http/api_handlers.h"
#include "http/json_codec.h"
#include "http/outcome_codec.h"

namespace kc::http::handlers {
namespace {

app::OutcomeService& outcomes(Call& call) { return call.api.services().outcomes; }
app::ResearchExports& exports(Call& call) { return call.api.services().exports; }

json::value time_or_null(const std::optional<std::int64_t>& ms) {
  return ms ? json::value(format_iso8601(*ms)) : json::value(nullptr);
}
json::value date_or_null(const std::optional<Date>& d) {
  return d ? json::value(format_date(*d)) : json::value(nullptr);
}
template <class T>
json::value or_null(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value rounded(double v, double per = 10.0) { return json::value(std::round(v * per) / per); }
json::value rounded_or_null(const std::optional<double>& v) { return v ? rounded(*v) : json::value(nullptr); }

json::object settings_json(const app::OutcomeSettingsRow& row, const std::string& updated_by_email) {
  const auto& s = row.settings;
  json::array instruments;
  for (const auto& code : s.follow_up_instruments) instruments.push_back(json::value(code));
  json::object bounds;
  for (const auto& b : outcome_bounds()) {
    if (b.field == "max_mg_per_kg_per_30_days")
      bounds[b.field] = json::array{milli_json(b.min), milli_json(b.max)};
    else
      bounds[b.field] = json::array{b.min, b.max};
  }
  return {{"version", row.version},
          {"updated_at", row.updated_ms > 0 ? json::value(format_iso8601(row.updated_ms)) : json::value(nullptr)},
          {"updated_by", updated_by_email.empty() ? json::value(nullptr) : json::value(updated_by_email)},
          {"follow_up_interval_days", s.follow_up_interval_days},
          {"follow_up_instruments", std::move(instruments)},
          {"relapse_consecutive_checks", s.relapse_consecutive_checks},
          {"induction_days", s.induction_days},
          {"max_sessions_per_30_days", or_null(s.max_sessions_per_30_days)},
          {"max_mg_per_kg_per_30_days", milli_or_null(s.max_ug_per_kg_per_30_days)},
          {"liver_test_interval_days", or_null(s.liver_test_interval_days)},
          {"tolerance_rising_doses", s.tolerance_rising_doses},
          {"bounds", std::move(bounds)}};
}

Response settings_response(Call& call, const Result<app::OutcomeSettingsRow>& row) {
  if (!row) return error_response(row.error());
  std::string by;
  if (!row->updated_by.empty())
    if (auto u = call.api.services().store.begin(app::Store::Mode::read)->user(call.caller->clinic, row->updated_by))
      by = u->email;
  return json_response(200, settings_json(*row, by));
}

std::string label_of_effect(const std::string& kind) {
  auto k = parse_effect_kind(kind);
  return k ? std::string(effect_label(*k)) : kind;
}

json::object check_in_json(const app::CheckInRow& c) {
  return {{"id", c.id},
          {"at", format_iso8601(c.at_ms)},
          {"mme_per_day", c.mme_milli >= 0 ? milli_json(c.mme_milli) : json::value(nullptr)},
          {"memory_attention", c.memory_attention},
          {"note", c.note},
          {"by", c.recorded_by}};
}

json::object progress_json(const app::ProgressView& v) {
  json::array sessions;
  for (const auto& s : v.sessions)
    sessions.push_back(json::object{{"id", s.session.id},
                                    {"at", format_iso8601(s.at_ms)},
                                    {"route", s.session.route},
                                    {"state", s.session.state},
                                    {"given_mg", milli_or_null(s.given.ug)},
                                    {"given_mg_per_kg", milli_or_null(s.given.ug_per_kg)}});
  json::array instruments;
  for (const auto& i : v.instruments) {
    json::array points;
    for (const auto& p : i.points) points.push_back(json::object{{"at", format_iso8601(p.at_ms)}, {"total", p.total}});
    const auto& o = i.outcome;
    const auto& t = i.trajectory;
    instruments.push_back(json::object{{"instrument", i.instrument->code},
                                       {"label", i.instrument->name},
                                       {"min_total", i.instrument->min_total},
                                       {"max_total", i.instrument->max_total},
                                       {"response_applies", i.instrument->response_applies},
                                       {"response_at_most", or_null(i.response_at_most)},
                                       {"remission_at_most", or_null(i.instrument->remission_at_most)},
                                       {"points", std::move(points)},
                                       {"baseline", o.baseline ? json::value(o.baseline->total) : json::value(nullptr)},
                                       {"latest", o.latest ? json::value(o.latest->total) : json::value(nullptr)},
                                       {"change", o.change},
                                       {"percent_change", rounded_or_null(o.percent_change)},
                                       {"status", i.status},
                                       {"response_at", time_or_null(t.response_ms)},
                                       {"remission_at", time_or_null(t.remission_ms)},
                                       {"relapse_at", time_or_null(t.relapse_ms)},
                                       {"days_to_response", or_null(t.days_to_response)},
                                       {"durability_days", or_null(t.durability_days)},
                                       {"durability_censored", t.durability_censored}});
  }
  json::value pain = nullptr;
  if (v.pain) {
    json::array scores, mme;
    for (const auto& p : v.pain_scores)
      scores.push_back(json::object{{"at", format_iso8601(p.at_ms)}, {"total", p.total}});
    for (const auto& [at, m] : v.mme)
      mme.push_back(json::object{{"at", format_iso8601(at)}, {"mme_per_day", milli_json(m)}});
    pain = json::object{{"scores", std::move(scores)}, {"mme", std::move(mme)}};
  }
  const auto& s = v.safety;
  json::array warnings, doses, memory;
  for (const auto& w : s.warnings) warnings.push_back(json::object{{"code", w.code}, {"message", w.message}});
  for (const auto& d : s.doses)
    doses.push_back(
        json::object{{"at", format_iso8601(d.at_ms)}, {"route", d.route}, {"mg_per_kg", milli_or_null(d.ug_per_kg)}});
  for (const auto& c : s.memory_attention)
    memory.push_back(json::object{{"at", format_iso8601(c.at_ms)}, {"note", c.note}, {"by", c.recorded_by}});
  json::object safety{
      {"exposure",
       json::object{{"from", format_date(s.exposure.from)},
                    {"to", format_date(s.exposure.to)},
                    {"sessions", s.exposure.sessions},
                    {"total_mg", milli_json(s.exposure.total_ug)},
                    {"total_mg_per_kg", milli_json(s.exposure.total_ug_per_kg)},
                    {"without_weight", s.exposure.without_weight},
                    {"limits", json::object{{"max_sessions_per_30_days", or_null(v.settings.max_sessions_per_30_days)},
                                            {"max_mg_per_kg_per_30_days",
                                             milli_or_null(v.settings.max_ug_per_kg_per_30_days)}}}}},
      {"running_total", json::object{{"sessions", s.running_sessions}, {"total_mg", milli_json(s.running_ug)}}},
      {"warnings", std::move(warnings)},
      {"bladder", json::object{{"last_screen_at", time_or_null(s.last_urinary_ms)},
                               {"last_total", or_null(s.last_urinary_total)},
                               {"positive_screens", s.positive_urinary_screens}}},
      {"liver", json::object{{"interval_days", or_null(v.settings.liver_test_interval_days)},
                             {"last_test_on", date_or_null(s.last_liver_test)},
                             {"due_on", date_or_null(s.liver.due_on)},
                             {"overdue", s.liver.overdue}}},
      {"tolerance", json::object{{"signal", s.tolerance}, {"doses", std::move(doses)}}},
      {"memory_attention", std::move(memory)}};
  json::array effects;
  for (const auto& e : v.side_effects)
    effects.push_back(json::object{{"session_id", e.session_id},
                                   {"at", format_iso8601(e.at_ms)},
                                   {"kind", e.kind},
                                   {"label", label_of_effect(e.kind)},
                                   {"severity", e.severity},
                                   {"serious", e.serious},
                                   {"intervention", e.intervention},
                                   {"outcome", e.outcome}});
  json::value plan = nullptr;
  if (v.follow_up) {
    json::array codes;
    for (const auto& c : v.follow_up->instruments) codes.push_back(json::value(c));
    plan = json::object{{"start", format_date(v.follow_up->start)},
                        {"interval_days", v.follow_up->interval_days},
                        {"instruments", std::move(codes)}};
  }
  json::array due;
  for (const auto& d : v.follow_up_due)
    due.push_back(json::object{
        {"instrument", d.instrument}, {"due_on", format_date(d.due_on)}, {"overdue", d.overdue}, {"missed", d.missed}});
  json::array check_ins, tasks;
  for (const auto& c : v.check_ins) check_ins.push_back(check_in_json(c));
  for (const auto& t : v.open_tasks) {
    json::array reasons;
    for (const auto& r : t.reasons) reasons.push_back(json::value(r));
    tasks.push_back(json::object{{"id", t.id},
                                 {"kind", t.kind},
                                 {"priority", t.priority},
                                 {"created_at", format_iso8601(t.created_ms)},
                                 {"reasons", std::move(reasons)}});
  }
  return {{"patient", json::object{{"id", v.patient.id},
                                   {"name", v.patient.given_name + " " + v.patient.family_name},
                                   {"date_of_birth", v.patient.date_of_birth}}},
          {"clinic", json::object{{"name", v.clinic_name}}},
          {"first_session_at", time_or_null(v.first_session_ms)},
          {"sessions", std::move(sessions)},
          {"instruments", std::move(instruments)},
          {"pain", std::move(pain)},
          {"safety", std::move(safety)},
          {"side_effects", std::move(effects)},
          {"follow_up", json::object{{"plan", std::move(plan)}, {"due", std::move(due)}}},
          {"check_ins", std::move(check_ins)},
          {"open_tasks", std::move(tasks)}};
}

Response progress_response(const Result<app::ProgressView>& v) {
  if (!v) return error_response(v.error());
  return json_response(200, progress_json(*v));
}

json::object patient_ref(const app::PatientRow& p) {
  return {{"id", p.id}, {"name", p.family_name + ", " + p.given_name}};  // as the other lists
}

json::object proportion_json(const Proportion& p) {
  return {{"count", p.count},
          {"total", p.total},
          {"rate", rounded(p.rate, 1000.0)},
          {"lower", rounded(p.lower, 1000.0)},
          {"upper", rounded(p.upper, 1000.0)}};
}

std::string group_label(const OutcomeGroup& g) {
  if (g.by == "all") return "All patients";
  if (g.by == "route") {
    auto r = parse_route(g.key);
    return r ? std::string(route_label(*r)) : g.key;
  }
  return std::string(indication_group_label(g.key));
}

json::object export_json(const app::ExportStatus& s) {
  return {{"id", s.id},
          {"state", s.state},
          {"error", s.error.empty() ? json::value(nullptr) : json::value(s.error)},
          {"done", s.done},
          {"total", s.total},
          {"rows", s.rows},
          {"created_at", format_iso8601(s.created_ms)},
          {"filters", json::object{{"from", format_date(s.filter.from)},
                                   {"to", format_date(s.filter.to)},
                                   {"route", or_null(s.filter.route)},
                                   {"indication", or_null(s.filter.indication)}}}};
}

Response csv_response(std::string body, const std::string& filename) {
  Response r;
  r.status = 200;
  r.content_type = "text/csv; charset=utf-8";
  r.body = std::move(body);
  r.set("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.set("Cache-Control", "no-store");
  return r;
}

}  // namespace

Response get_outcome_settings(Call& call) { return settings_response(call, outcomes(call).settings(*call.caller)); }

Response update_outcome_settings(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto patch = decode_outcome_settings(*body);
  if (!patch) return error_response(patch.error());
  return settings_response(call, outcomes(call).update_settings(*call.caller, *patch));
}

Response get_progress(Call& call) { return progress_response(outcomes(call).progress(*call.caller, call.params[0])); }

Response start_follow_up(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto in = decode_follow_up_plan(*body);
  if (!in) return error_response(in.error());
  return progress_response(outcomes(call).start_follow_up(*call.caller, call.params[0], *in));
}

Response end_follow_up(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto reason = string_field(*body, "reason");
  if (!reason) return error_response(reason.error());
  return progress_response(outcomes(call).end_follow_up(*call.caller, call.params[0], *reason));
}

Response add_follow_up_check_in(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto in = decode_follow_up_check_in(*body);
  if (!in) return error_response(in.error());
  auto row = outcomes(call).record_check_in(*call.caller, call.params[0], *in);
  if (!row) return error_response(row.error());
  return json_response(201, check_in_json(*row));
}

Response list_missed_follow_ups(Call& call) {
  auto v = outcomes(call).missed(*call.caller);
  if (!v) return error_response(v.error());
  json::array check_ins, liver;
  for (const auto& m : v->check_ins)
    check_ins.push_back(json::object{{"patient", patient_ref(m.patient)},
                                     {"instrument", m.item.instrument},
                                     {"due_on", format_date(m.item.due_on)},
                                     {"missed", m.item.missed}});
  for (const auto& l : v->liver_tests)
    liver.push_back(json::object{{"patient", patient_ref(l.patient)},
                                 {"last_test_on", date_or_null(l.last_test)},
                                 {"due_on", date_or_null(l.due_on)}});
  return json_response(200, json::object{{"check_ins", std::move(check_ins)}, {"liver_tests", std::move(liver)}});
}

Response get_outcome_dashboard(Call& call) {
  auto query = decode_dashboard_query(call.request.query);
  if (!query) return error_response(query.error());
  auto v = outcomes(call).dashboard(*call.caller, *query);
  if (!v) return error_response(v.error());
  const auto& d = v->dashboard;
  const auto& f = v->filter;
  json::array weeks;
  for (const auto& [week, count] : d.sessions_per_week)
    weeks.push_back(json::object{{"week", format_date(week)}, {"count", count}});
  json::array groups;
  for (const auto& g : d.groups)
    groups.push_back(json::object{{"by", g.by},
                                  {"key", g.key},
                                  {"label", group_label(g)},
                                  {"started", g.started},
                                  {"assessed", g.assessed},
                                  {"responders", proportion_json(g.responders)},
                                  {"remitters", proportion_json(g.remitters)},
                                  {"median_days_to_response", rounded_or_null(g.median_days_to_response)}});
  const double per100 = d.sessions > 0 ? 100.0 / d.sessions : 0.0;
  json::array by_kind;
  for (const auto& [kind, count] : d.effects_by_kind)
    by_kind.push_back(json::object{{"kind", kind},
                                   {"label", label_of_effect(kind)},
                                   {"count", count},
                                   {"per_100_sessions", rounded(count * per100)}});
  const auto rules = alarm_rules(SessionProtocol{});
  json::array by_rule;
  for (const auto& [code, count] : d.alarms_by_rule)
    by_rule.push_back(json::object{{"code", code}, {"label", alarm_label(rules, code)}, {"count", count}});
  return json_response(
      200,
      json::object{
          {"filters", json::object{{"from", format_date(f.from)},
                                   {"to", format_date(f.to)},
                                   {"route", or_null(f.route)},
                                   {"indication", or_null(f.indication)},
                                   {"instrument", f.instrument}}},
          {"active_patients", d.active_patients},
          {"sessions", d.sessions},
          {"sessions_per_week", std::move(weeks)},
          {"outcomes",
           json::object{
               {"instrument", f.instrument}, {"induction_days", v->induction_days}, {"groups", std::move(groups)}}},
          {"adverse_events", json::object{{"total", d.adverse_events},
                                          {"per_100_sessions", rounded(d.adverse_events * per100)},
                                          {"serious", d.serious_adverse_events},
                                          {"by_kind", std::move(by_kind)}}},
          {"severe_hypertension", json::object{{"sessions", d.severe_hypertension.count},
                                               {"rate", proportion_json(d.severe_hypertension)},
                                               {"reference", kSevereHypertensionReference}}},
          {"discharge", json::object{{"discharged", d.discharged},
                                     {"median_minutes_after_minimum", rounded_or_null(d.median_minutes_after_minimum)},
                                     {"p90_minutes_after_minimum", rounded_or_null(d.p90_minutes_after_minimum)},
                                     {"overrides", d.overrides}}},
          {"alarms",
           json::object{{"total", d.alarms},
                        {"per_session",
                         d.sessions > 0 ? rounded(static_cast<double>(d.alarms) / d.sessions, 100.0) : json::value(0)},
                        {"by_rule", std::move(by_rule)}}}});
}

Response start_research_export(Call& call) {
  auto body = parse_object(call.request.body.empty() ? std::string_view("{}") : std::string_view(call.request.body));
  if (!body) return error_response(body.error());
  app::DashboardQuery q;
  for (const auto& [key, value] : *body) {
    std::string* target = key == "from"         ? &q.from
                          : key == "to"         ? &q.to
                          : key == "route"      ? &q.route
                          : key == "indication" ? &q.indication
                                                : nullptr;
    if (!target)
      return error_response(Error::invalid(key.size() > 40 ? std::string("filter") : std::string(key),
                                           "Unknown filter; use from, to, route or indication.", "unknown_filter"));
    if (value.is_null()) continue;
    if (!value.is_string() || value.as_string().size() > 40)
      return error_response(Error::invalid(std::string(key), std::string(key) + " must be text."));
    *target = std::string(value.as_string());
  }
  auto s = exports(call).start(*call.caller, q);
  if (!s) return error_response(s.error());
  return json_response(202, export_json(*s));
}

Response get_research_export(Call& call) {
  auto s = exports(call).status(*call.caller, call.params[0]);
  if (!s) return error_response(s.error());
  return json_response(200, export_json(*s));
}

Response download_research_export(Call& call) {
  auto csv = exports(call).data(*call.caller, call.params[0]);
  if (!csv) return error_response(csv.error());
  const auto today = format_date(date_of(call.api.services().clock.now_ms()));
  return csv_response(std::move(*csv), "ketaclinic-research-" + today + ".csv");
}

Response get_research_dictionary(Call& call) {
  auto csv = exports(call).dictionary(*call.caller);
  if (!csv) return error_response(csv.error());
  return csv_response(std::move(*csv), "ketaclinic-research-dictionary.csv");
}

}  // namespace kc::http::handlers
