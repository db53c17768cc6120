#include "app/session_service.h"

#include <algorithm>
#include <cmath>

#include "app/calendar_service.h"
#include "app/dose_service.h"
#include "app/ids.h"
#include "app/readiness_service.h"
#include "app/session_internal.h"
#include "domain/recovery.h"
#include "domain/route.h"
#include "domain/time.h"

namespace kc::app {

using session_detail::kMinuteMs;
using session_detail::milli;

VitalReading to_reading(const VitalRow& row) {
  VitalReading r;
  r.at_ms = row.at_ms;
  r.source = row.source;
  auto value = [](std::int64_t v) -> std::optional<double> {
    if (v == 0) return std::nullopt;
    return static_cast<double>(v) / 1000.0;
  };
  r.systolic_mmhg = value(row.systolic);
  r.diastolic_mmhg = value(row.diastolic);
  r.heart_rate_bpm = value(row.heart_rate);
  r.spo2_pct = value(row.spo2);
  r.respiratory_rate_per_min = value(row.respiratory_rate);
  return r;
}

SessionService::SessionService(Store& store, Crypto& crypto, const Clock& clock, CalendarService& calendar)
    : store_(store), crypto_(crypto), clock_(clock), calendar_(calendar), audit_(crypto, clock) {}

SessionService::~SessionService() = default;

SessionProtocol SessionService::protocol_of(Transaction& tx, const ClinicId& clinic) {
  auto row = tx.session_settings(clinic);
  return row ? row->protocol : SessionProtocol{};
}

Result<SessionSettingsRow> SessionService::settings(const Caller& caller) {
  if (!caller.can(Action::sessions_read) && !caller.can(Action::settings_manage)) {
    audit_.record_denied(store_, caller, "settings.sessions.read", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::read);
  if (auto row = tx->session_settings(caller.clinic)) return *row;
  SessionSettingsRow row;
  row.clinic_id = caller.clinic.value;
  return row;
}

Result<SessionSettingsRow> SessionService::update_settings(const Caller& caller, const SessionSettingsPatch& patch) {
  if (!caller.can(Action::settings_manage)) {
    audit_.record_denied(store_, caller, "settings.sessions.update", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  SessionSettingsRow row;
  row.clinic_id = caller.clinic.value;
  if (auto stored = tx->session_settings(caller.clinic)) row = *stored;
  const auto& fields = session_protocol_fields();
  for (const auto& change : patch) {
    const std::string& name = change.first;
    auto f = std::find_if(fields.begin(), fields.end(), [&](const ProtocolField& x) { return x.name == name; });
    if (f == fields.end()) return Error::invalid(name, "There is no setting \"" + name + "\".");
    row.protocol.*f->member = change.second;
  }
  if (auto ok = check_protocol(row.protocol); !ok) return ok.error();
  ++row.version;
  row.updated_ms = clock_.now_ms();
  row.updated_by = caller.user_id;
  tx->save_session_settings(row);
  audit_.record(*tx, caller, "settings.sessions.update", "clinic", caller.clinic.value);
  tx->commit();
  return row;
}

void SessionService::publish(const ClinicId& clinic, std::string type, std::string data_json) {
  if (!events_) return;
  events_->publish(clinic, {std::move(type), std::move(data_json), Action::sessions_read, clock_.now_ms()});
}

Result<SessionView> SessionService::open(const Caller& caller, const std::string& appointment_id, bool* created) {
  if (!caller.can(Action::sessions_run)) {
    audit_.record_denied(store_, caller, "session.open", "appointment", appointment_id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto appointment = tx->appointment(caller.clinic, appointment_id);  // locked: one session per appointment
  if (!appointment) return Error::invalid("appointment_id", "No such appointment.", "not_found");
  if (auto existing = tx->treatment_session_for_appointment(caller.clinic, appointment_id)) {
    if (created) *created = false;
    auto view = view_of(*tx, caller.clinic, *existing);
    audit_.record(*tx, caller, "session.read", "session", existing->id);
    tx->commit();
    return view;
  }
  if (appointment->type != "dosing_session" || !parse_route(appointment->route))
    return Error::conflict("not_a_dosing_session", "Only a dosing session is monitored.", "appointment_id");
  if (appointment->status != "booked")
    return Error::conflict("not_a_dosing_session", "This appointment is " + appointment->status + ", not booked.",
                           "appointment_id");
  TreatmentSessionRow s;
  s.id = new_id(crypto_, "ses");
  s.clinic_id = caller.clinic.value;
  s.patient_id = appointment->patient_id;
  s.appointment_id = appointment->id;
  s.route = appointment->route;
  s.room_id = appointment->room_id;
  s.created_by = caller.user_id;
  s.created_ms = s.updated_ms = clock_.now_ms();
  tx->insert_treatment_session(s);
  audit_.record(*tx, caller, "session.open", "session", s.id);
  auto view = view_of(*tx, caller.clinic, s);
  tx->commit();
  if (created) *created = true;
  publish(caller.clinic, "session.state",
          "{\"session_id\":\"" + s.id + "\",\"state\":\"scheduled\",\"room_id\":\"" + s.room_id + "\"}");
  return view;
}

Result<SessionView> SessionService::get(const Caller& caller, const std::string& id) {
  if (!caller.can(Action::sessions_read)) {
    audit_.record_denied(store_, caller, "session.read", "session", id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);  // the read is audited
  auto s = tx->treatment_session(caller.clinic, id);
  if (!s) return Error::not_found("No such session.");
  auto view = view_of(*tx, caller.clinic, *s);
  audit_.record(*tx, caller, "session.read", "session", id);
  tx->commit();
  return view;
}

Result<std::vector<SessionTile>> SessionService::tiles(const Caller& caller, const TileQuery& query) {
  if (!caller.can(Action::sessions_read)) {
    audit_.record_denied(store_, caller, "session.list", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  std::optional<Date> day;
  if (!query.day.empty()) {
    day = parse_date(query.day);
    if (!day) return Error::invalid("day", "Give the day as YYYY-MM-DD.");
  }
  auto tx = store_.begin(Store::Mode::write);
  TreatmentSessionQuery q;
  q.active_only = query.active_only;
  q.patient_id = query.patient_id;
  std::vector<SessionTile> out;
  for (const auto& s : tx->treatment_sessions(caller.clinic, q)) {
    auto appointment = tx->appointment(caller.clinic, s.appointment_id);
    if (day && (!appointment || !(date_of(appointment->start_ms) == *day))) continue;
    SessionTile t;
    t.session = s;
    if (auto p = tx->patient(caller.clinic, s.patient_id)) t.patient = *p;
    auto d = tx->patient_demographics(caller.clinic, s.patient_id);
    t.display_name = session_detail::display_name(t.patient, d ? d->preferred_name : "");
    if (!s.room_id.empty()) t.room = tx->room(caller.clinic, s.room_id);
    if (appointment) t.appointment_start_ms = appointment->start_ms;
    if (s.last_reading_ms > 0) t.latest_vitals = session_detail::last_values(s);
    for (const auto& a : tx->session_alarms(caller.clinic, s.id)) {
      if (a.state == "cleared") continue;
      ++t.open_alarms;
      if (a.state == "raised") ++t.unacknowledged;
      if (t.highest_priority.empty() ||
          session_detail::priority_rank(a.priority) < session_detail::priority_rank(t.highest_priority))
        t.highest_priority = a.priority;
    }
    out.push_back(std::move(t));
  }
  if (!query.patient_id.empty()) std::reverse(out.begin(), out.end());  // a patient's: newest first
  audit_.record(*tx, caller, "session.list", "clinic", caller.clinic.value);
  tx->commit();
  return out;
}

SessionView SessionService::view_of(Transaction& tx, const ClinicId& clinic, const TreatmentSessionRow& s) {
  const std::int64_t now = clock_.now_ms();
  SessionView v;
  v.session = s;
  v.protocol = protocol_of(tx, clinic);
  if (auto p = tx.patient(clinic, s.patient_id)) v.patient = *p;
  if (auto d = tx.patient_demographics(clinic, s.patient_id)) v.demographics = *d;
  if (auto birth = parse_date(v.patient.date_of_birth)) v.age_years = age_in_years(*birth, date_of(now));
  if (auto a = tx.appointment(clinic, s.appointment_id)) v.appointment = *a;
  if (!s.room_id.empty()) v.room = tx.room(clinic, s.room_id);
  const Route route = parse_route(s.route).value_or(Route::iv);
  if (!s.dose_order_id.empty())
    v.dose_order = tx.dose_order(clinic, s.dose_order_id);
  else
    v.dose_order = verified_order_for(tx, clinic, s.patient_id, route, date_of(v.appointment.start_ms));
  v.events = tx.session_events(clinic, s.id);
  v.rescue_medicines = tx.rescue_medicines(clinic, s.id);
  v.effects = tx.effects(clinic, s.id);
  v.aldrete = tx.aldrete_scores(clinic, s.id);
  v.notes = tx.session_notes(clinic, s.id);
  v.alarms = tx.session_alarms(clinic, s.id);
  if (s.last_reading_ms > 0) v.latest_vitals = session_detail::last_values(s);
  if (s.pre_dose_bp_ms > 0) v.pre_dose_vitals = session_detail::pre_dose_values(s);
  v.alarm_rules = alarm_rules(v.protocol);
  v.pregnancy_applies = pregnancy_gate_applies(v.demographics.sex_at_birth);
  v.pre_dose_above_limit = s.pre_dose_systolic > 0 &&
                           pre_dose_bp_above_limit(v.protocol, milli(s.pre_dose_systolic), milli(s.pre_dose_diastolic));

  const auto state = parse_session_state(s.state).value_or(SessionState::scheduled);
  v.transitions = transitions_from(state);
  for (auto t : v.transitions)
    if (t != SessionTransition::abort && t != SessionTransition::pause) {
      v.next_transition = t;
      break;
    }
  if (v.next_transition) v.gates = gates_for(*v.next_transition, facts_of(tx, clinic, v));

  std::vector<InfusionEvent> infusion;
  for (const auto& e : v.events)
    if (auto k = session_detail::infusion_kind(e.kind))
      infusion.push_back({*k, e.at_ms, static_cast<double>(e.rate_ul_per_h) / 1000.0, e.reason});
  if (v.dose_order && !infusion.empty())
    v.delivered = delivered(infusion, static_cast<double>(v.dose_order->concentration_ug_per_ml) / 1000.0, now);

  v.minimum_observation_min = minimum_observation_min(v.protocol, route);
  if (s.dose_ended_ms > 0) v.observation_until_ms = s.dose_ended_ms + v.minimum_observation_min * kMinuteMs;
  if (s.dose_started_ms > 0 && !is_final(state)) {
    const bool dosing = state == SessionState::dosing || state == SessionState::paused;
    v.bp_next_due_ms =
        next_bp_due(bp_schedule(v.protocol, route), dosing, s.dose_started_ms, s.last_bp_ms > 0 ? s.last_bp_ms : -1);
    v.bp_overdue = v.bp_next_due_ms && *v.bp_next_due_ms < now;
  }
  if (route == Route::intranasal_esketamine && v.appointment.start_ms > 0)
    v.rems_due_on = format_date(add_days(date_of(v.appointment.start_ms), v.protocol.rems_due_days));

  auto remember = [&](const std::string& user) {
    if (user.empty() || v.emails.count(user)) return;
    if (auto u = tx.user(clinic, user)) v.emails[user] = u->email;
  };
  remember(s.checked_in_by);
  remember(s.bp_decision_by);
  remember(s.override_by);
  remember(s.discharged_by);
  for (const auto& e : v.events) remember(e.by);
  for (const auto& m : v.rescue_medicines) remember(m.by);
  for (const auto& e : v.effects) remember(e.by);
  for (const auto& a : v.aldrete) remember(a.by);
  for (const auto& n : v.notes) remember(n.by);
  for (const auto& a : v.alarms) remember(a.acknowledged_by);
  return v;
}

SessionFacts SessionService::facts_of(Transaction& tx, const ClinicId& clinic, const SessionView& v) {
  const auto& s = v.session;
  const std::int64_t now = clock_.now_ms();
  const Route route = parse_route(s.route).value_or(Route::iv);
  SessionFacts f;
  f.route = route;

  // The gates settled before the day, as the readiness rules find them now.
  const auto gathered =
      gather_readiness(tx, clinic, s.patient_id, route, date_of(v.appointment.start_ms), now, v.dose_order);
  f.before_the_day = session_readiness(gathered.facts);

  f.escort_confirmed = s.escort_confirmed;
  f.fasting_confirmed = s.fasting_confirmed;
  f.pregnancy_applies = v.pregnancy_applies;
  f.pregnancy_status_current = s.pregnancy_status_current;
  f.questionnaire_done = s.questionnaire_done;
  f.questionnaire_skip_reason = s.questionnaire_skip_reason;
  f.pre_dose_vitals_recorded =
      s.pre_dose_systolic > 0 && s.pre_dose_diastolic > 0 && s.pre_dose_heart_rate > 0 && s.pre_dose_spo2 > 0;
  f.pre_dose_bp_above_limit = v.pre_dose_above_limit;
  f.bp_decision = parse_bp_decision(s.bp_decision);
  f.bp_decision_reason = s.bp_decision_reason;
  if (!s.drug_lot.empty()) f.drug_lot_recorded = check_drug_lot(s.drug_lot, s.drug_expiry, date_of(now)).ok();

  f.minimum_observation_passed = s.dose_ended_ms > 0 && now >= s.dose_ended_ms + v.minimum_observation_min * kMinuteMs;
  if (!v.aldrete.empty()) f.aldrete_score = v.aldrete.back().total;
  f.aldrete_minimum = v.protocol.aldrete_minimum;
  f.escort_present = s.escort_present;
  f.instructions_given = s.instructions_given;
  f.discharge_override = !s.override_reason.empty();
  f.abort_reason = s.abort_reason;
  return f;
}

Result<SessionView> SessionService::update(const Caller& caller, const std::string& id, Action action,
                                           std::string_view audit_action, const Change& change) {
  if (!caller.can(action)) {
    audit_.record_denied(store_, caller, audit_action, "session", id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto s = tx->treatment_session(caller.clinic, id);  // locked until commit
  if (!s) return Error::not_found("No such session.");
  const std::string before = s->state;
  if (is_final(parse_session_state(before).value_or(SessionState::scheduled)) && audit_action != "session.note" &&
      audit_action != "session.follow_up" && audit_action != "session.rems_submitted")
    return Error::conflict("session_closed", "This session is " + before + ": it can no longer change.", "state");
  if (auto done = change(*tx, *s); !done) return done.error();
  s->updated_ms = clock_.now_ms();
  tx->update_treatment_session(caller.clinic, *s);
  audit_.record(*tx, caller, audit_action, "session", id);
  auto view = view_of(*tx, caller.clinic, *s);
  tx->commit();
  if (s->state != before) {
    std::shared_ptr<Engine> engine;
    {
      std::lock_guard lock(engines_mutex_);
      if (auto it = engines_.find(id); it != engines_.end()) engine = it->second;
    }
    if (engine) {
      std::lock_guard lock(engine->mutex);
      engine->state = s->state;
    }
  }
  if (s->state != before)
    publish(caller.clinic, "session.state",
            "{\"session_id\":\"" + id + "\",\"state\":\"" + s->state + "\",\"room_id\":\"" + s->room_id + "\"}");
  else
    publish(caller.clinic, "session.updated", "{\"session_id\":\"" + id + "\"}");
  return view;
}

Result<SessionView> SessionService::check_in(const Caller& caller, const std::string& id, const CheckInInput& in) {
  if (!in.questionnaire_done && in.questionnaire_skip_reason.size() > 500)
    return Error::invalid("questionnaire_skip_reason", "The reason is too long (500 characters at most).");
  return update(caller, id, Action::sessions_run, "session.check_in", [&](Transaction&, TreatmentSessionRow& s) {
    const auto state = parse_session_state(s.state).value_or(SessionState::scheduled);
    if (state != SessionState::scheduled && state != SessionState::checked_in)
      return Status(Error::conflict("transition_not_allowed",
                                    "Check-in facts can change only before the patient is ready to dose.", "state"));
    s.escort_confirmed = in.escort_confirmed;
    s.fasting_confirmed = in.fasting_confirmed;
    s.pregnancy_status_current = in.pregnancy_status_current;
    s.questionnaire_done = in.questionnaire_done;
    s.questionnaire_skip_reason = in.questionnaire_done ? "" : in.questionnaire_skip_reason;
    if (state == SessionState::scheduled) {
      s.state = std::string(to_string(SessionState::checked_in));
      s.checked_in_ms = clock_.now_ms();
      s.checked_in_by = caller.user_id;
    }
    return Status(Ok{});
  });
}

Result<SessionView> SessionService::bp_decision(const Caller& caller, const std::string& id,
                                                const std::string& decision, const std::string& reason) {
  if (decision != "proceed" && decision != "defer")
    return Error::invalid("decision", "The decision is \"proceed\" or \"defer\".");
  if (decision == "proceed" && reason.empty())
    return Error::invalid("reason", "Give the reason for proceeding despite the pressure.");
  if (reason.size() > 1000) return Error::invalid("reason", "The reason is too long (1000 characters at most).");
  return update(caller, id, Action::sessions_run, "session.bp_decision", [&](Transaction&, TreatmentSessionRow& s) {
    const auto state = parse_session_state(s.state).value_or(SessionState::scheduled);
    if (state != SessionState::checked_in && state != SessionState::ready_to_dose)
      return Status(
          Error::conflict("transition_not_allowed", "The pre-dose decision is made after check-in.", "state"));
    if (s.pre_dose_systolic == 0)
      return Status(
          Error::conflict("pre_dose_vitals_missing", "Record the pre-dose blood pressure first.", "vital_signs"));
    s.bp_decision = decision;
    s.bp_decision_reason = reason;
    s.bp_decision_by = caller.user_id;
    return Status(Ok{});
  });
}

Result<SessionView> SessionService::drug_lot(const Caller& caller, const std::string& id, const std::string& lot,
                                             const std::string& expiry_date) {
  if (lot.size() > 64) return Error::invalid("lot", "The lot number is too long (64 characters at most).");
  if (auto ok = check_drug_lot(lot, expiry_date, date_of(clock_.now_ms())); !ok) return ok.error();
  return update(caller, id, Action::sessions_run, "session.drug_lot", [&](Transaction&, TreatmentSessionRow& s) {
    if (s.dose_started_ms > 0)
      return Status(Error::conflict("dosing_started", "The drug's lot is recorded before dosing starts.", "lot"));
    s.drug_lot = lot;
    s.drug_expiry = expiry_date;
    return Status(Ok{});
  });
}

Result<SessionView> SessionService::transition(const Caller& caller, const std::string& id,
                                               const TransitionInput& input) {
  auto which = parse_session_transition(input.transition);
  if (!which) return Error::invalid("transition", "Unknown transition \"" + input.transition + "\".");
  if (input.reason.size() > 1000) return Error::invalid("reason", "The reason is too long (1000 characters at most).");
  if (input.rate_ml_per_h &&
      (!std::isfinite(*input.rate_ml_per_h) || *input.rate_ml_per_h <= 0 || *input.rate_ml_per_h > 2000))
    return Error::invalid("rate_ml_per_h", "The pump rate must be above 0 and at most 2000 mL/h.");
  const std::string audit_action = "session." + input.transition;
  return update(caller, id, Action::sessions_run, audit_action, [&](Transaction& tx, TreatmentSessionRow& s) {
    const auto from = parse_session_state(s.state).value_or(SessionState::scheduled);
    SessionView v = view_of(tx, caller.clinic, s);
    SessionFacts f = facts_of(tx, caller.clinic, v);
    f.pause_reason = input.reason;
    f.abort_reason = input.reason;
    auto to = apply(from, *which, f);
    if (!to) return Status(to.error());
    const std::int64_t now = clock_.now_ms();
    const Route route = parse_route(s.route).value_or(Route::iv);
    auto event = [&](std::string kind, std::int64_t rate_ul, std::string reason) {
      SessionEventRow e{new_id(crypto_, "sev"), caller.clinic.value, s.id, std::move(kind), now, rate_ul,
                        std::move(reason),      caller.user_id};
      tx.insert_session_event(e);
    };
    const bool infusion = route == Route::iv;
    switch (*which) {
      case SessionTransition::start_dosing: {
        s.dose_started_ms = now;
        if (v.dose_order) s.dose_order_id = v.dose_order->id;
        if (infusion) {
          double rate = input.rate_ml_per_h.value_or(v.dose_order ? v.dose_order->rate_ul_per_h / 1000.0 : 0.0);
          if (rate <= 0) return Status(Error::invalid("rate_ml_per_h", "Give the pump rate the infusion starts at."));
          event("start", std::llround(rate * 1000), "");
        }
        break;
      }
      case SessionTransition::pause:
        if (infusion) event("pause", 0, input.reason);
        break;
      case SessionTransition::resume:
        if (infusion) event("resume", 0, "");
        break;
      case SessionTransition::stop_dosing:
        s.dose_ended_ms = now;
        if (infusion) event("stop", 0, input.reason);
        break;
      case SessionTransition::discharge:
        s.discharged_ms = now;
        s.discharged_by = caller.user_id;
        break;
      case SessionTransition::abort:
        s.abort_reason = input.reason;
        if (infusion && from == SessionState::dosing) event("stop", 0, "Session ended: " + input.reason);
        if (s.dose_started_ms > 0 && s.dose_ended_ms == 0) s.dose_ended_ms = now;
        break;
      default:
        break;
    }
    s.state = std::string(to_string(*to));
    return Status(Ok{});
  });
}

}  // namespace kc::app
