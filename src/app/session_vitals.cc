// SessionService: vital-sign readings, the alarm engines, acknowledging alarms and
// the sweep that raises the technical alarm and escalates.
#include <algorithm>
#include <cmath>

#include "app/ids.h"
#include "app/session_internal.h"
#include "app/session_service.h"
#include "domain/dose.h"
#include "domain/session.h"

namespace kc::app {

namespace session_detail {

std::string milli_json(std::int64_t v) { return format_milli(v); }

std::string display_name(const PatientRow& patient, const std::string& preferred_name) {
  const std::string& given = preferred_name.empty() ? patient.given_name : preferred_name;
  return given + " " + patient.family_name;
}

VitalRow last_values(const TreatmentSessionRow& s) {
  VitalRow r;
  r.clinic_id = s.clinic_id;
  r.session_id = s.id;
  r.at_ms = s.last_reading_ms;
  r.systolic = s.last_systolic;
  r.diastolic = s.last_diastolic;
  r.heart_rate = s.last_heart_rate;
  r.spo2 = s.last_spo2;
  r.respiratory_rate = s.last_respiratory_rate;
  return r;
}

VitalRow pre_dose_values(const TreatmentSessionRow& s) {
  VitalRow r;
  r.clinic_id = s.clinic_id;
  r.session_id = s.id;
  r.at_ms = s.pre_dose_bp_ms;
  r.systolic = s.pre_dose_systolic;
  r.diastolic = s.pre_dose_diastolic;
  r.heart_rate = s.pre_dose_heart_rate;
  r.spo2 = s.pre_dose_spo2;
  return r;
}

int priority_rank(std::string_view priority) {
  if (priority == "high") return 0;
  if (priority == "medium") return 1;
  return 2;
}

std::optional<InfusionEventKind> infusion_kind(std::string_view kind) {
  if (kind == "start") return InfusionEventKind::start;
  if (kind == "rate_change") return InfusionEventKind::rate_change;
  if (kind == "pause") return InfusionEventKind::pause;
  if (kind == "resume") return InfusionEventKind::resume;
  if (kind == "stop") return InfusionEventKind::stop;
  return std::nullopt;
}

}  // namespace session_detail

namespace {

using session_detail::milli_json;

std::int64_t to_milli(const std::optional<double>& v) { return v ? std::llround(*v * 1000) : 0; }

std::string reading_json(const VitalRow& r) {
  auto value = [](std::int64_t v) { return v == 0 ? std::string("null") : milli_json(v); };
  return "{\"at_ms\":" + std::to_string(r.at_ms) + ",\"systolic_mmhg\":" + value(r.systolic) +
         ",\"diastolic_mmhg\":" + value(r.diastolic) + ",\"heart_rate_bpm\":" + value(r.heart_rate) +
         ",\"spo2_pct\":" + value(r.spo2) + ",\"respiratory_rate_per_min\":" + value(r.respiratory_rate) +
         ",\"source\":\"" + r.source + "\"}";
}

bool before_dosing(std::string_view state) {
  return state == "scheduled" || state == "checked_in" || state == "ready_to_dose";
}

/// Keeps the session's latest values (and, before dosing, the pre-dose baseline).
void keep_latest(TreatmentSessionRow& s, const VitalRow& r) {
  if (r.at_ms < s.last_reading_ms) return;  // an older reading does not replace a newer one
  s.last_reading_ms = r.at_ms;
  if (r.systolic) {
    s.last_systolic = r.systolic;
    s.last_diastolic = r.diastolic;
    s.last_bp_ms = r.at_ms;
  }
  if (r.heart_rate) s.last_heart_rate = r.heart_rate;
  if (r.spo2) s.last_spo2 = r.spo2;
  if (r.respiratory_rate) s.last_respiratory_rate = r.respiratory_rate;
  if (before_dosing(s.state)) {
    if (r.systolic) {
      s.pre_dose_systolic = r.systolic;
      s.pre_dose_diastolic = r.diastolic;
      s.pre_dose_bp_ms = r.at_ms;
      // A new pre-dose pressure needs its own decision.
      s.bp_decision = "none";
      s.bp_decision_reason.clear();
      s.bp_decision_by.clear();
    }
    if (r.heart_rate) s.pre_dose_heart_rate = r.heart_rate;
    if (r.spo2) s.pre_dose_spo2 = r.spo2;
  }
}

}  // namespace

std::shared_ptr<SessionService::Engine> SessionService::engine_for(Transaction& tx, const ClinicId& clinic,
                                                                   const TreatmentSessionRow& s) {
  std::lock_guard lock(engines_mutex_);
  if (auto it = engines_.find(s.id); it != engines_.end()) return it->second;
  int offset = 0;
  for (const auto& a : tx.session_alarms(clinic, s.id)) offset = std::max(offset, a.number);
  const SessionProtocol protocol = protocol_of(tx, clinic);
  auto engine = std::make_shared<Engine>(clinic, s.state, alarm_rules(protocol), alarm_timing(protocol), offset);
  engines_[s.id] = engine;
  return engine;
}

void SessionService::save_events(Transaction& tx, const ClinicId& clinic, const std::string& session_id, Engine& engine,
                                 const std::vector<AlarmEvent>& events, const std::string& by, VitalsAccepted* out) {
  if (events.empty()) return;
  std::map<int, SessionAlarmRow> stored;
  for (auto& a : tx.session_alarms(clinic, session_id)) stored[a.number] = a;
  for (const auto& e : events) {
    const Alarm* alarm = nullptr;
    for (const auto& a : engine.alarms.alarms())
      if (a.id == e.alarm_id) alarm = &a;
    if (!alarm) continue;
    SessionAlarmRow row;
    row.clinic_id = clinic.value;
    row.session_id = session_id;
    row.number = engine.offset + alarm->id;
    row.rule_code = alarm->rule_code;
    row.priority = std::string(to_string(alarm->priority));
    row.state = std::string(to_string(alarm->state));
    row.condition_active = alarm->condition_active;
    row.escalated = alarm->escalated;
    row.raised_ms = alarm->raised_ms;
    row.acknowledged_ms = alarm->acknowledged_ms;
    row.cleared_ms = alarm->cleared_ms;
    row.escalated_ms = alarm->escalated_ms;
    row.has_value = alarm->first_value.has_value();
    row.value_milli = to_milli(alarm->first_value);
    if (auto it = stored.find(row.number); it != stored.end()) row.acknowledged_by = it->second.acknowledged_by;
    if (e.kind == AlarmEventKind::acknowledged) row.acknowledged_by = by;
    tx.save_session_alarm(row);
    stored[row.number] = row;
    if (out) {
      out->alarm_changes.push_back(row);
      out->alarm_event_kinds.emplace_back(to_string(e.kind));
      out->alarm_labels.push_back(alarm_label(engine.rules, row.rule_code));
    }
  }
}

void SessionService::announce_alarm(const ClinicId& clinic, const SessionAlarmRow& a, std::string_view kind,
                                    const std::string& label) {
  publish(clinic, "alarm." + std::string(kind),
          "{\"session_id\":\"" + a.session_id + "\",\"alarm_id\":" + std::to_string(a.number) + ",\"rule_code\":\"" +
              a.rule_code + "\",\"priority\":\"" + a.priority + "\",\"label\":\"" + label + "\"}");
}

Result<VitalsBatch> SessionService::check_vitals(const Caller& caller, const std::string& id,
                                                 std::vector<VitalReading> readings) {
  if (!caller.can(Action::vitals_record)) {
    audit_.record_denied(store_, caller, "session.vitals", "session", id);
    return Error::forbidden();
  }
  if (readings.empty()) return Error::invalid("readings", "Send at least one reading.");
  if (readings.size() > 600) return Error::invalid("readings", "Send at most 600 readings at once.");
  const std::int64_t now = clock_.now_ms();
  for (std::size_t i = 0; i < readings.size(); ++i) {
    auto& r = readings[i];
    const std::string at = "readings[" + std::to_string(i) + "].";
    if (r.at_ms == 0) r.at_ms = now;
    if (r.at_ms > now + kc::app::session_detail::kMinuteMs)
      return Error::invalid(at + "at", "This reading is timed in the future.");
    if (r.source.empty()) r.source = "manual";
    if (r.source.size() > 64) return Error::invalid(at + "source", "The source is too long (64 characters at most).");
    if (auto ok = check_reading(r); !ok) {
      Error e = ok.error();
      e.field = at + e.field;
      return e;
    }
  }
  std::stable_sort(readings.begin(), readings.end(),
                   [](const VitalReading& a, const VitalReading& b) { return a.at_ms < b.at_ms; });
  return VitalsBatch{caller, id, std::move(readings), now};
}

Result<VitalsAccepted> SessionService::store_vitals(Transaction& tx, const VitalsBatch& batch) {
  const Caller& caller = batch.caller;
  const std::string& id = batch.session_id;
  auto s = tx.treatment_session(caller.clinic, id);  // locked until commit
  if (!s) return Error::not_found("No such session.");
  if (is_final(parse_session_state(s->state).value_or(SessionState::scheduled)))
    return Error::conflict("session_closed", "This session is " + s->state + ": it takes no more readings.", "state");
  auto engine = engine_for(tx, caller.clinic, *s);
  std::lock_guard lock(engine->mutex);
  VitalsAccepted out;
  std::vector<VitalRow> rows;
  std::vector<AlarmEvent> events;
  try {
    for (const auto& r : batch.readings) {
      VitalRow row;
      row.clinic_id = caller.clinic.value;
      row.session_id = id;
      row.at_ms = r.at_ms;
      row.systolic = to_milli(r.systolic_mmhg);
      row.diastolic = to_milli(r.diastolic_mmhg);
      row.heart_rate = to_milli(r.heart_rate_bpm);
      row.spo2 = to_milli(r.spo2_pct);
      row.respiratory_rate = to_milli(r.respiratory_rate_per_min);
      row.source = r.source;
      row.recorded_by = caller.user_id;
      row.recorded_ms = batch.received_ms;
      keep_latest(*s, row);
      rows.push_back(row);
      if (r.source != "manual") engine->device_fed = true;
      // Readings are evaluated in arrival order: one timed before the last is evaluated as of the last.
      VitalReading evaluated = r;
      evaluated.at_ms = std::max(r.at_ms, engine->last_at_ms);
      engine->last_at_ms = evaluated.at_ms;
      for (auto& e : engine->alarms.on_reading(evaluated)) events.push_back(e);
    }
    tx.insert_vitals(rows);
    save_events(tx, caller.clinic, id, *engine, events, caller.user_id, &out);
    s->updated_ms = batch.received_ms;
    tx.update_treatment_session(caller.clinic, *s);
  } catch (...) {
    forget_engine(id);  // it has seen readings that were not stored
    throw;
  }
  out.accepted = static_cast<int>(rows.size());
  out.latest = rows.back();
  return out;
}

void SessionService::audit_vitals(Transaction& tx, const std::vector<StoredVitals>& stored) {
  std::vector<AuditLog::Entry> entries;
  for (const auto& [batch, accepted] : stored) {
    entries.push_back({&batch->caller, "session.vitals", "session", batch->session_id});
    for (std::size_t i = 0; i < accepted->alarm_changes.size(); ++i)
      entries.push_back({&batch->caller, "alarm." + accepted->alarm_event_kinds[i], "session_alarm",
                         batch->session_id + "/" + std::to_string(accepted->alarm_changes[i].number)});
  }
  audit_.record_all(tx, entries);
}

void SessionService::forget_engine(const std::string& session_id) {
  std::lock_guard engines_lock(engines_mutex_);
  engines_.erase(session_id);
}

void SessionService::announce_vitals(const VitalsBatch& batch, const VitalsAccepted& accepted) {
  const ClinicId& clinic = batch.caller.clinic;
  publish(clinic, "vitals.recorded",
          "{\"session_id\":\"" + batch.session_id + "\",\"count\":" + std::to_string(accepted.accepted) +
              ",\"reading\":" + reading_json(accepted.latest) + "}");
  for (std::size_t i = 0; i < accepted.alarm_changes.size(); ++i)
    announce_alarm(clinic, accepted.alarm_changes[i], accepted.alarm_event_kinds[i], accepted.alarm_labels[i]);
}

Result<VitalsAccepted> SessionService::record_vitals(const Caller& caller, const std::string& id,
                                                     std::vector<VitalReading> readings) {
  auto batch = check_vitals(caller, id, std::move(readings));
  if (!batch) return batch.error();
  auto tx = store_.begin(Store::Mode::write);
  auto out = store_vitals(*tx, *batch);
  if (!out) return out;
  try {
    audit_vitals(*tx, {{&*batch, &*out}});
    tx->commit();
  } catch (...) {
    forget_engine(id);
    throw;
  }
  announce_vitals(*batch, *out);
  return out;
}

Result<std::vector<VitalRow>> SessionService::vitals(const Caller& caller, const std::string& id) {
  if (!caller.can(Action::sessions_read)) {
    audit_.record_denied(store_, caller, "session.vitals.read", "session", id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);  // the read is audited
  if (!tx->treatment_session(caller.clinic, id)) return Error::not_found("No such session.");
  auto rows = tx->vitals(caller.clinic, id, 0);
  audit_.record(*tx, caller, "session.vitals.read", "session", id);
  tx->commit();
  return rows;
}

Result<SessionView> SessionService::acknowledge(const Caller& caller, const std::string& id, int number) {
  if (!caller.can(Action::sessions_run)) {
    audit_.record_denied(store_, caller, "alarm.acknowledged", "session", id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto s = tx->treatment_session(caller.clinic, id);  // locked until commit
  if (!s) return Error::not_found("No such session.");
  std::optional<SessionAlarmRow> stored;
  for (auto& a : tx->session_alarms(caller.clinic, id))
    if (a.number == number) stored = a;
  if (!stored) return Error::not_found("There is no such alarm in this session.");
  if (stored->state != "raised")
    return Error::conflict("alarm_already_acknowledged", "This alarm was already acknowledged.", "alarm_id");
  const std::int64_t now = clock_.now_ms();
  auto engine = engine_for(*tx, caller.clinic, *s);
  std::lock_guard lock(engine->mutex);
  VitalsAccepted changes;
  if (number > engine->offset) {
    auto events = engine->alarms.acknowledge(number - engine->offset, now);
    if (!events) return events.error();
    save_events(*tx, caller.clinic, id, *engine, *events, caller.user_id, &changes);
  } else {
    // Raised before this process evaluated the session: the engine no longer follows
    // its condition (a condition still present was raised again as a new alarm).
    stored->state = "cleared";
    stored->acknowledged_ms = stored->cleared_ms = now;
    stored->acknowledged_by = caller.user_id;
    stored->condition_active = false;
    tx->save_session_alarm(*stored);
    changes.alarm_changes = {*stored, *stored};
    changes.alarm_event_kinds = {"acknowledged", "cleared"};
    const std::string label = alarm_label(alarm_rules(protocol_of(*tx, caller.clinic)), stored->rule_code);
    changes.alarm_labels = {label, label};
  }
  for (std::size_t i = 0; i < changes.alarm_changes.size(); ++i)
    audit_.record(*tx, caller, "alarm." + changes.alarm_event_kinds[i], "session_alarm",
                  id + "/" + std::to_string(number));
  auto view = view_of(*tx, caller.clinic, *s);
  tx->commit();
  for (std::size_t i = 0; i < changes.alarm_changes.size(); ++i)
    announce_alarm(caller.clinic, changes.alarm_changes[i], changes.alarm_event_kinds[i], changes.alarm_labels[i]);
  return view;
}

void SessionService::sweep() {
  std::vector<std::pair<std::string, std::shared_ptr<Engine>>> engines;
  {
    std::lock_guard lock(engines_mutex_);
    for (auto it = engines_.begin(); it != engines_.end();) {
      bool closed = false;
      {
        std::lock_guard engine_lock(it->second->mutex);
        closed = is_final(parse_session_state(it->second->state).value_or(SessionState::scheduled));
      }
      if (closed) {
        it = engines_.erase(it);
      } else {
        engines.emplace_back(*it);
        ++it;
      }
    }
  }
  for (auto& [id, engine] : engines) {
    std::vector<AlarmEvent> events;
    ClinicId clinic;
    {
      std::lock_guard lock(engine->mutex);
      events = engine->alarms.on_tick(clock_.now_ms(), engine->state == "dosing" && engine->device_fed);
      clinic = engine->clinic;
    }
    if (events.empty()) continue;
    // The transaction first, then the engine: the order record_vitals and acknowledge
    // take them in (on SQLite the write transaction is one lock for the whole store).
    const Caller system = Caller::system(clinic, "session-sweep");
    VitalsAccepted changes;
    auto tx = store_.begin(Store::Mode::write);
    {
      std::lock_guard lock(engine->mutex);
      save_events(*tx, clinic, id, *engine, events, "", &changes);
    }
    for (std::size_t i = 0; i < changes.alarm_changes.size(); ++i)
      audit_.record(*tx, system, "alarm." + changes.alarm_event_kinds[i], "session_alarm",
                    id + "/" + std::to_string(changes.alarm_changes[i].number));
    tx->commit();
    for (std::size_t i = 0; i < changes.alarm_changes.size(); ++i)
      announce_alarm(clinic, changes.alarm_changes[i], changes.alarm_event_kinds[i], changes.alarm_labels[i]);
  }
}

}  // namespace kc::app
