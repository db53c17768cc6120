// The monitored session: opening it, the console's view, check-in, transitions, the
// dosing record, vital signs, alarms, effects, the Aldrete score, discharge, notes,
// the follow-up appointment, the station's tiles and the REMS form.
#include <boost/json.hpp>

#include <cmath>

#include "app/session_internal.h"
#include "domain/time.h"
#include "http/api_handlers.h"
#include "http/json_codec.h"
#include "http/session_codec.h"

namespace kc::http::handlers {
namespace {

using app::session_detail::milli;

app::SessionService& sessions(Call& call) { return call.api.services().sessions; }

/// `value` to the nearest 1/`per` (for display: 0.01 mL, 0.1 min).
double rounded(double value, double per) { return std::round(value * per) / per; }

json::value time_or_null(std::int64_t ms) { return ms > 0 ? json::value(format_iso8601(ms)) : json::value(nullptr); }
json::value milli_or_null(std::int64_t v) { return v != 0 ? json::value(milli(v)) : json::value(nullptr); }

json::value reading_json(const std::optional<app::VitalRow>& r) {
  if (!r) return nullptr;
  return json::object{{"at", format_iso8601(r->at_ms)},
                      {"systolic_mmhg", milli_or_null(r->systolic)},
                      {"diastolic_mmhg", milli_or_null(r->diastolic)},
                      {"heart_rate_bpm", milli_or_null(r->heart_rate)},
                      {"spo2_pct", milli_or_null(r->spo2)},
                      {"respiratory_rate_per_min", milli_or_null(r->respiratory_rate)},
                      {"source", r->source}};
}

json::array gates_json(const std::vector<GateCheck>& gates) {
  json::array out;
  for (const auto& g : gates)
    out.push_back(json::object{{"gate", to_string(g.gate)},
                               {"state", to_string(g.state)},
                               {"code", g.code.empty() ? json::value(nullptr) : json::value(g.code)},
                               {"message", g.message}});
  return out;
}

json::object alarm_json(const app::SessionAlarmRow& a, const std::vector<AlarmRule>& rules,
                        const std::map<std::string, std::string>& emails) {
  auto by = emails.find(a.acknowledged_by);
  return json::object{{"id", a.number},
                      {"rule_code", a.rule_code},
                      {"label", alarm_label(rules, a.rule_code)},
                      {"priority", a.priority},
                      {"state", a.state},
                      {"condition_active", a.condition_active},
                      {"escalated", a.escalated},
                      {"raised_at", time_or_null(a.raised_ms)},
                      {"acknowledged_at", time_or_null(a.acknowledged_ms)},
                      {"acknowledged_by", by == emails.end() ? std::string() : by->second},
                      {"cleared_at", time_or_null(a.cleared_ms)},
                      {"escalated_at", time_or_null(a.escalated_ms)},
                      {"value", a.has_value ? json::value(milli(a.value_milli)) : json::value(nullptr)}};
}

json::object session_json(const app::SessionView& v) {
  const auto& s = v.session;
  auto email = [&](const std::string& id) {
    auto it = v.emails.find(id);
    return it == v.emails.end() ? std::string() : it->second;
  };
  json::array transitions;
  for (auto t : v.transitions) transitions.push_back(json::string(to_string(t)));
  json::array infusion, devices;
  for (const auto& e : v.events) {
    if (e.kind == "device")
      devices.push_back(json::object{{"at", format_iso8601(e.at_ms)}, {"by", email(e.by)}});
    else
      infusion.push_back(
          json::object{{"kind", e.kind},
                       {"at", format_iso8601(e.at_ms)},
                       {"rate_ml_per_h", e.rate_ul_per_h ? json::value(milli(e.rate_ul_per_h)) : json::value(nullptr)},
                       {"reason", e.reason},
                       {"by", email(e.by)}});
  }
  json::array rescue;
  for (const auto& m : v.rescue_medicines)
    rescue.push_back(json::object{{"id", m.id},
                                  {"drug", m.drug},
                                  {"dose_mg", milli(m.dose_ug)},
                                  {"route", m.route},
                                  {"reason", m.reason},
                                  {"at", format_iso8601(m.at_ms)},
                                  {"by", email(m.by)}});
  json::array rules;
  for (const auto& r : v.alarm_rules) {
    json::array limbs;
    for (const auto& l : r.limbs)
      limbs.push_back(json::object{{"sign", to_string(l.sign)},
                                   {"direction", l.direction == Direction::above ? "above" : "below"},
                                   {"enter_at", l.enter_at},
                                   {"clear_at", l.clear_at}});
    rules.push_back(json::object{{"code", r.code},
                                 {"label", r.label},
                                 {"priority", to_string(r.priority)},
                                 {"confirm_readings", r.confirm_readings},
                                 {"sustain_seconds", r.sustain_ms / 1000},
                                 {"limbs", std::move(limbs)}});
  }
  json::array alarms;
  for (const auto& a : v.alarms) alarms.push_back(alarm_json(a, v.alarm_rules, v.emails));
  json::array effects;
  for (const auto& e : v.effects) {
    auto kind = parse_effect_kind(e.kind);
    effects.push_back(json::object{{"id", e.id},
                                   {"kind", e.kind},
                                   {"label", kind ? std::string(effect_label(*kind)) : e.kind},
                                   {"severity", e.severity},
                                   {"at", format_iso8601(e.at_ms)},
                                   {"description", e.description},
                                   {"intervention", e.intervention},
                                   {"outcome", e.outcome},
                                   {"serious", e.serious},
                                   {"narrative", e.narrative},
                                   {"by", email(e.by)}});
  }
  json::array aldrete;
  for (const auto& a : v.aldrete)
    aldrete.push_back(json::object{{"at", format_iso8601(a.at_ms)},
                                   {"by", email(a.by)},
                                   {"activity", a.activity},
                                   {"respiration", a.respiration},
                                   {"circulation", a.circulation},
                                   {"consciousness", a.consciousness},
                                   {"oxygen", a.oxygen},
                                   {"total", a.total},
                                   {"bp_change_pct", milli(a.bp_change_milli_pct)}});
  json::array notes;
  for (const auto& n : v.notes)
    notes.push_back(json::object{
        {"id", n.id}, {"kind", n.kind}, {"text", n.text}, {"by", email(n.by)}, {"at", format_iso8601(n.at_ms)}});
  json::value dose = nullptr;
  if (v.dose_order) {
    const auto& o = *v.dose_order;
    dose = json::object{{"id", o.id},
                        {"status", o.status},
                        {"dose_mg", milli(o.dose_ug)},
                        {"volume_ml", milli(o.volume_ul)},
                        {"rate_ml_per_h", milli(o.rate_ul_per_h)},
                        {"infusion_minutes", o.infusion_minutes},
                        {"concentration_mg_per_ml", milli(o.concentration_ug_per_ml)},
                        {"devices", o.devices}};
  }
  const std::string preferred = v.demographics.preferred_name;
  return json::object{
      {"id", s.id},
      {"route", s.route},
      {"state", s.state},
      {"patient", json::object{{"id", v.patient.id},
                               {"display_name", app::session_detail::display_name(v.patient, preferred)},
                               {"date_of_birth", v.patient.date_of_birth},
                               {"age_years", v.age_years},
                               {"sex_at_birth", v.demographics.sex_at_birth}}},
      {"appointment", json::object{{"id", v.appointment.id},
                                   {"start", time_or_null(v.appointment.start_ms)},
                                   {"end", time_or_null(v.appointment.end_ms)},
                                   {"room_id", v.appointment.room_id},
                                   {"room_name", v.room ? v.room->name : std::string()}}},
      {"transitions", std::move(transitions)},
      {"next_transition", v.next_transition ? json::value(to_string(*v.next_transition)) : json::value(nullptr)},
      {"gates", gates_json(v.gates)},
      {"check_in", json::object{{"escort_confirmed", s.escort_confirmed},
                                {"fasting_confirmed", s.fasting_confirmed},
                                {"pregnancy_applies", v.pregnancy_applies},
                                {"pregnancy_status_current", s.pregnancy_status_current},
                                {"questionnaire_done", s.questionnaire_done},
                                {"questionnaire_skip_reason", s.questionnaire_skip_reason},
                                {"at", time_or_null(s.checked_in_ms)},
                                {"by", email(s.checked_in_by)}}},
      {"pre_dose", json::object{{"bp_limit_systolic_mmhg", v.protocol.pre_dose_systolic_limit_mmhg},
                                {"bp_limit_diastolic_mmhg", v.protocol.pre_dose_diastolic_limit_mmhg},
                                {"above_limit", v.pre_dose_above_limit},
                                {"reading", reading_json(v.pre_dose_vitals)},
                                {"bp_decision", s.bp_decision},
                                {"bp_decision_reason", s.bp_decision_reason},
                                {"bp_decision_by", email(s.bp_decision_by)}}},
      {"dose_order", std::move(dose)},
      {"drug_lot", s.drug_lot.empty() ? json::value(nullptr)
                                      : json::value(json::object{{"lot", s.drug_lot}, {"expiry_date", s.drug_expiry}})},
      {"infusion", std::move(infusion)},
      {"devices", std::move(devices)},
      {"delivered",
       json::object{{"volume_ml", rounded(v.delivered.volume_ml, 100)},
                    {"dose_mg", rounded(v.delivered.dose_mg, 100)},
                    {"running_minutes", rounded(static_cast<double>(v.delivered.running_ms) / 60000.0, 10)}}},
      {"rescue_medicines", std::move(rescue)},
      {"latest_vitals", reading_json(v.latest_vitals)},
      {"alarm_rules", std::move(rules)},
      {"alarms", std::move(alarms)},
      {"effects", std::move(effects)},
      {"aldrete", std::move(aldrete)},
      {"timers", json::object{{"checked_in_at", time_or_null(s.checked_in_ms)},
                              {"dose_started_at", time_or_null(s.dose_started_ms)},
                              {"dose_ended_at", time_or_null(s.dose_ended_ms)},
                              {"minimum_observation_minutes", v.minimum_observation_min},
                              {"observation_until", time_or_null(v.observation_until_ms.value_or(0))},
                              {"bp_next_due", time_or_null(v.bp_next_due_ms.value_or(0))},
                              {"bp_overdue", v.bp_overdue}}},
      {"discharge", json::object{{"escort_present", s.escort_present},
                                 {"instructions_given", s.instructions_given},
                                 {"override_reason", s.override_reason},
                                 {"override_by", email(s.override_by)},
                                 {"discharged_at", time_or_null(s.discharged_ms)},
                                 {"discharged_by", email(s.discharged_by)},
                                 {"minimum_score", v.protocol.aldrete_minimum}}},
      {"abort_reason", s.abort_reason},
      {"notes", std::move(notes)},
      {"follow_up_appointment_id", s.follow_up_appointment_id},
      {"rems", json::object{{"applies", s.route == "intranasal_esketamine"},
                            {"due_on", v.rems_due_on},
                            {"submitted_on", s.rems_submitted_on}}},
  };
}

json::object tile_json(const app::SessionTile& t) {
  const auto& s = t.session;
  return json::object{
      {"id", s.id},
      {"route", s.route},
      {"state", s.state},
      {"patient", json::object{{"id", t.patient.id}, {"display_name", t.display_name}}},
      {"room", t.room ? json::value(json::object{{"id", t.room->id}, {"name", t.room->name}}) : json::value(nullptr)},
      {"appointment_start", time_or_null(t.appointment_start_ms)},
      {"checked_in_at", time_or_null(s.checked_in_ms)},
      {"dose_started_at", time_or_null(s.dose_started_ms)},
      {"dose_ended_at", time_or_null(s.dose_ended_ms)},
      {"latest_vitals", reading_json(t.latest_vitals)},
      {"alarm", json::object{{"open", t.open_alarms},
                             {"unacknowledged", t.unacknowledged},
                             {"highest_priority",
                              t.highest_priority.empty() ? json::value(nullptr) : json::value(t.highest_priority)}}},
  };
}

Response view_response(const Result<app::SessionView>& v, int status = 200) {
  if (!v) return error_response(v.error());
  return json_response(status, session_json(*v));
}

template <class Decoder>
auto decode(Call& call, Decoder decoder) -> decltype(decoder(std::declval<json::object&>())) {
  auto body = parse_object(call.request.body);
  if (!body) return body.error();
  return decoder(*body);
}

Response vitals_accepted_response(const Result<app::VitalsAccepted>& out) {
  if (!out) return error_response(out.error());
  json::array events;
  for (std::size_t i = 0; i < out->alarm_changes.size(); ++i) {
    auto a = alarm_json(out->alarm_changes[i], {}, {});
    a["label"] = out->alarm_labels[i];
    a["event"] = out->alarm_event_kinds[i];
    events.push_back(std::move(a));
  }
  return json_response(201, json::object{{"accepted", out->accepted}, {"alarm_events", std::move(events)}});
}

}  // namespace

Response open_session(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto appointment = session_text(*body, "appointment_id", 100, true);
  if (!appointment) return error_response(appointment.error());
  bool created = false;
  auto v = sessions(call).open(*call.caller, *appointment, &created);
  return view_response(v, created ? 201 : 200);
}

Response get_session(Call& call) { return view_response(sessions(call).get(*call.caller, call.params[0])); }

Response list_sessions(Call& call) {
  app::TileQuery q;
  const auto active = call.request.query_param("active").value_or("");
  if (!active.empty() && active != "true" && active != "false")
    return error_response(Error::invalid("active", "active is true or false."));
  q.active_only = active == "true";
  q.day = call.request.query_param("day").value_or("");
  if (!q.active_only && q.day.empty())
    return error_response(Error::invalid("active", "Ask for the active sessions (active=true) or a day (day=…)."));
  auto tiles = sessions(call).tiles(*call.caller, q);
  if (!tiles) return error_response(tiles.error());
  json::array items;
  for (const auto& t : *tiles) items.push_back(tile_json(t));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response list_patient_sessions(Call& call) {
  app::TileQuery q;
  q.patient_id = call.params[0];
  auto tiles = sessions(call).tiles(*call.caller, q);
  if (!tiles) return error_response(tiles.error());
  json::array items;
  for (const auto& t : *tiles) items.push_back(tile_json(t));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response check_in_session(Call& call) {
  auto in = decode(call, decode_check_in);
  if (!in) return error_response(in.error());
  return view_response(sessions(call).check_in(*call.caller, call.params[0], *in));
}

Response decide_session_bp(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto decision = session_text(*body, "decision", 20, true);
  if (!decision) return error_response(decision.error());
  auto reason = session_text(*body, "reason", 1000);
  if (!reason) return error_response(reason.error());
  return view_response(sessions(call).bp_decision(*call.caller, call.params[0], *decision, *reason));
}

Response record_session_drug_lot(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto lot = session_text(*body, "lot", 64, true);
  if (!lot) return error_response(lot.error());
  auto expiry = session_text(*body, "expiry_date", 10, true);
  if (!expiry) return error_response(expiry.error());
  return view_response(sessions(call).drug_lot(*call.caller, call.params[0], *lot, *expiry));
}

Response transition_session(Call& call) {
  auto in = decode(call, decode_transition);
  if (!in) return error_response(in.error());
  return view_response(sessions(call).transition(*call.caller, call.params[0], *in));
}

Response change_session_rate(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto rate = session_number(*body, "rate_ml_per_h");
  if (!rate) return error_response(rate.error());
  auto reason = session_text(*body, "reason", 1000, true);
  if (!reason) return error_response(reason.error());
  return view_response(sessions(call).rate_change(*call.caller, call.params[0], *rate, *reason));
}

Response record_session_device(Call& call) {
  if (auto body = parse_object(call.request.body.empty() ? "{}" : call.request.body); !body)
    return error_response(body.error());
  return view_response(sessions(call).device_given(*call.caller, call.params[0]));
}

Response record_session_rescue(Call& call) {
  auto in = decode(call, decode_rescue_medicine);
  if (!in) return error_response(in.error());
  return view_response(sessions(call).rescue_medicine(*call.caller, call.params[0], *in));
}

Response record_session_effect(Call& call) {
  auto in = decode(call, decode_effect);
  if (!in) return error_response(in.error());
  return view_response(sessions(call).effect(*call.caller, call.params[0], *in));
}

Response record_session_aldrete(Call& call) {
  auto in = decode(call, decode_aldrete);
  if (!in) return error_response(in.error());
  return view_response(sessions(call).aldrete(*call.caller, call.params[0], *in));
}

Response record_discharge_checks(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto escort = session_flag(*body, "escort_present");
  if (!escort) return error_response(escort.error());
  auto instructions = session_flag(*body, "instructions_given");
  if (!instructions) return error_response(instructions.error());
  return view_response(sessions(call).discharge_checks(*call.caller, call.params[0], *escort, *instructions));
}

Response override_session_discharge(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto reason = session_text(*body, "reason", 1000, true);
  if (!reason) return error_response(reason.error());
  return view_response(sessions(call).override_discharge(*call.caller, call.params[0], *reason));
}

Response add_session_note(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto text = session_text(*body, "text", 20000, true);
  if (!text) return error_response(text.error());
  return view_response(sessions(call).note(*call.caller, call.params[0], *text), 201);
}

Response book_session_follow_up(Call& call) {
  auto in = decode(call, decode_follow_up);
  if (!in) return error_response(in.error());
  return view_response(sessions(call).follow_up(*call.caller, call.params[0], *in), 201);
}

Response acknowledge_session_alarm(Call& call) {
  int number = 0;
  const auto& text = call.params[1];
  if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos)
    return error_response(Error::not_found("There is no such alarm in this session."));
  number = std::stoi(text);
  return view_response(sessions(call).acknowledge(*call.caller, call.params[0], number));
}

Response record_session_vitals(Call& call) {
  auto in = decode(call, decode_vitals);
  if (!in) return error_response(in.error());
  auto batch = sessions(call).check_vitals(*call.caller, call.params[0], std::move(*in));
  if (!batch) return error_response(batch.error());
  // Answered once the writer's group holding the batch has committed (vitals_writer.h).
  Response r;
  r.deferred = [&writer = call.api.services().vitals_writer, batch = std::move(*batch)](Respond respond) mutable {
    auto queued = writer.submit(std::move(batch),
                                [respond](Result<app::VitalsAccepted> out) { respond(vitals_accepted_response(out)); });
    if (queued) return;
    Response busy = error_response(queued.error());
    busy.set("Retry-After", "1");
    respond(std::move(busy));
  };
  return r;
}

Response list_session_vitals(Call& call) {
  auto rows = sessions(call).vitals(*call.caller, call.params[0]);
  if (!rows) return error_response(rows.error());
  json::array items;
  for (const auto& r : *rows) items.push_back(reading_json(r));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response get_rems_form(Call& call) {
  auto f = sessions(call).rems_form(*call.caller, call.params[0]);
  if (!f) return error_response(f.error());
  const auto& v = f->view;
  json::array bp;
  for (const auto& r : f->bp_readings)
    bp.push_back(json::object{
        {"at", format_iso8601(r.at_ms)}, {"systolic_mmhg", milli(r.systolic)}, {"diastolic_mmhg", milli(r.diastolic)}});
  json::array serious;
  for (const auto& e : f->serious_adverse_events)
    serious.push_back(json::object{{"kind", e.kind},
                                   {"severity", e.severity},
                                   {"at", format_iso8601(e.at_ms)},
                                   {"narrative", e.narrative},
                                   {"outcome", e.outcome}});
  return json_response(
      200, json::object{{"session_id", v.session.id},
                        {"patient", json::object{{"id", v.patient.id},
                                                 {"name", v.patient.given_name + " " + v.patient.family_name},
                                                 {"date_of_birth", v.patient.date_of_birth},
                                                 {"sex_at_birth", v.demographics.sex_at_birth}}},
                        {"concomitant", json::object{{"benzodiazepines", f->benzodiazepines},
                                                     {"non_benzodiazepine_sedative_hypnotics",
                                                      f->non_benzodiazepine_sedative_hypnotics},
                                                     {"psychostimulants", f->psychostimulants},
                                                     {"maois", f->maois},
                                                     {"opioids", f->opioids}}},
                        {"monitoring_clinician", f->monitoring_clinician},
                        {"setting", f->setting},
                        {"date", f->date},
                        {"dose_mg", f->dose_mg},
                        {"devices", f->devices},
                        {"lot", v.session.drug_lot},
                        {"minutes_monitored", f->minutes_monitored},
                        {"vitals_acceptable_before", f->vitals_acceptable_before},
                        {"vitals_acceptable_after", f->vitals_acceptable_after},
                        {"bp_readings", std::move(bp)},
                        {"sedation", f->sedation},
                        {"dissociation", f->dissociation},
                        {"respiratory_depression", f->respiratory_depression},
                        {"serious_adverse_events", std::move(serious)},
                        {"due_on", v.rems_due_on},
                        {"submitted_on", v.session.rems_submitted_on}});
}

Response list_rems_forms(Call& call) {
  auto pending = sessions(call).rems_pending(*call.caller);
  if (!pending) return error_response(pending.error());
  json::array items;
  for (const auto& p : *pending)
    items.push_back(json::object{
        {"session_id", p.session.id},
        {"patient",
         json::object{{"id", p.patient.id}, {"display_name", p.patient.given_name + " " + p.patient.family_name}}},
        {"date", p.date},
        {"due_on", p.due_on},
        {"overdue", p.overdue}});
  return json_response(200, json::object{{"items", std::move(items)}});
}

namespace {

json::object session_settings_json(const app::SessionSettingsRow& row) {
  json::array fields;
  for (const auto& f : session_protocol_fields())
    fields.push_back(json::object{{"name", f.name},
                                  {"label", f.label},
                                  {"min", f.min},
                                  {"max", f.max},
                                  {"value", row.protocol.*f.member},
                                  {"default", SessionProtocol{}.*f.member}});
  return json::object{
      {"version", row.version}, {"updated_at", time_or_null(row.updated_ms)}, {"fields", std::move(fields)}};
}

}  // namespace

Response get_session_settings(Call& call) {
  auto row = sessions(call).settings(*call.caller);
  if (!row) return error_response(row.error());
  return json_response(200, session_settings_json(*row));
}

Response update_session_settings(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto patch = decode_session_settings(*body);
  if (!patch) return error_response(patch.error());
  auto row = sessions(call).update_settings(*call.caller, *patch);
  if (!row) return error_response(row.error());
  return json_response(200, session_settings_json(*row));
}

Response mark_rems_submitted(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto on = session_text(*body, "submitted_on", 10, true);
  if (!on) return error_response(on.error());
  return view_response(sessions(call).rems_submitted(*call.caller, call.params[0], *on));
}

}  // namespace kc::http::handlers
