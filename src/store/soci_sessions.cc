// The monitored-session part of SociTransaction (see soci_transaction.h): sessions,
// their dosing record, rescue medicines, effects, Aldrete scores, notes, vital-signs
// readings and alarms.
#include <string>

#include "domain/session_protocol.h"
#include "store/query.h"
#include "store/soci_transaction.h"

namespace kc::store {
namespace {

using app::AldreteRow;
using app::ClinicId;
using app::EffectRow;
using app::RescueMedicineRow;
using app::SessionAlarmRow;
using app::SessionEventRow;
using app::SessionNoteRow;
using app::TreatmentSessionQuery;
using app::TreatmentSessionRow;
using app::VitalRow;

long long flag(bool b) { return b ? 1LL : 0LL; }
long long i64(std::int64_t v) { return static_cast<long long>(v); }

constexpr const char* kSessionColumns =
    "id, clinic_id, patient_id, appointment_id, route, room_id, state, dose_order_id, escort_confirmed, "
    "fasting_confirmed, pregnancy_status_current, questionnaire_done, questionnaire_skip_reason, checked_in_ms, "
    "checked_in_by, bp_decision, bp_decision_reason, bp_decision_by, drug_lot, drug_expiry, dose_started_ms, "
    "dose_ended_ms, pre_dose_systolic, pre_dose_diastolic, pre_dose_heart_rate, pre_dose_spo2, pre_dose_bp_ms, "
    "last_systolic, last_diastolic, last_heart_rate, last_spo2, last_respiratory_rate, last_bp_ms, last_reading_ms, "
    "escort_present, instructions_given, override_reason, override_by, discharged_ms, discharged_by, "
    "abort_reason, follow_up_appointment_id, rems_submitted_on, created_by, created_ms, updated_ms";

struct SessionFields {
  TreatmentSessionRow row;
  int escort = 0, fasting = 0, pregnancy = 0, questionnaire = 0, present = 0, instructions = 0;
  long long checked_in = 0, started = 0, ended = 0, discharged = 0, created = 0, updated = 0;
  long long vitals[12] = {};
  void bind(DynamicQuery& q) {
    q.into(row.id);
    q.into(row.clinic_id);
    q.into(row.patient_id);
    q.into(row.appointment_id);
    q.into(row.route);
    q.into(row.room_id);
    q.into(row.state);
    q.into(row.dose_order_id);
    q.into(escort);
    q.into(fasting);
    q.into(pregnancy);
    q.into(questionnaire);
    q.into(row.questionnaire_skip_reason);
    q.into(checked_in);
    q.into(row.checked_in_by);
    q.into(row.bp_decision);
    q.into(row.bp_decision_reason);
    q.into(row.bp_decision_by);
    q.into(row.drug_lot);
    q.into(row.drug_expiry);
    q.into(started);
    q.into(ended);
    for (auto& v : vitals) q.into(v);
    q.into(present);
    q.into(instructions);
    q.into(row.override_reason);
    q.into(row.override_by);
    q.into(discharged);
    q.into(row.discharged_by);
    q.into(row.abort_reason);
    q.into(row.follow_up_appointment_id);
    q.into(row.rems_submitted_on);
    q.into(row.created_by);
    q.into(created);
    q.into(updated);
  }
  TreatmentSessionRow take() const {
    TreatmentSessionRow r = row;
    r.escort_confirmed = escort != 0;
    r.fasting_confirmed = fasting != 0;
    r.pregnancy_status_current = pregnancy != 0;
    r.questionnaire_done = questionnaire != 0;
    r.escort_present = present != 0;
    r.instructions_given = instructions != 0;
    r.checked_in_ms = checked_in;
    r.dose_started_ms = started;
    r.dose_ended_ms = ended;
    std::int64_t* out[12] = {&r.pre_dose_systolic,     &r.pre_dose_diastolic, &r.pre_dose_heart_rate,
                             &r.pre_dose_spo2,         &r.pre_dose_bp_ms,     &r.last_systolic,
                             &r.last_diastolic,        &r.last_heart_rate,    &r.last_spo2,
                             &r.last_respiratory_rate, &r.last_bp_ms,         &r.last_reading_ms};
    for (int i = 0; i < 12; ++i) *out[i] = vitals[i];
    r.discharged_ms = discharged;
    r.created_ms = created;
    r.updated_ms = updated;
    return r;
  }
};

/// The mutable fields, in the order of the UPDATE below (and after the fixed ones in the INSERT).
void bind_mutable(DynamicQuery& q, const TreatmentSessionRow& s) {
  q.arg(s.state);
  q.arg(s.dose_order_id);
  q.arg(flag(s.escort_confirmed));
  q.arg(flag(s.fasting_confirmed));
  q.arg(flag(s.pregnancy_status_current));
  q.arg(flag(s.questionnaire_done));
  q.arg(s.questionnaire_skip_reason);
  q.arg(i64(s.checked_in_ms));
  q.arg(s.checked_in_by);
  q.arg(s.bp_decision);
  q.arg(s.bp_decision_reason);
  q.arg(s.bp_decision_by);
  q.arg(s.drug_lot);
  q.arg(s.drug_expiry);
  q.arg(i64(s.dose_started_ms));
  q.arg(i64(s.dose_ended_ms));
  for (std::int64_t v : {s.pre_dose_systolic, s.pre_dose_diastolic, s.pre_dose_heart_rate, s.pre_dose_spo2,
                         s.pre_dose_bp_ms, s.last_systolic, s.last_diastolic, s.last_heart_rate, s.last_spo2,
                         s.last_respiratory_rate, s.last_bp_ms, s.last_reading_ms})
    q.arg(i64(v));
  q.arg(flag(s.escort_present));
  q.arg(flag(s.instructions_given));
  q.arg(s.override_reason);
  q.arg(s.override_by);
  q.arg(i64(s.discharged_ms));
  q.arg(s.discharged_by);
  q.arg(s.abort_reason);
  q.arg(s.follow_up_appointment_id);
  q.arg(s.rems_submitted_on);
  q.arg(i64(s.updated_ms));
}

constexpr const char* kInsertSession =
    "INSERT INTO treatment_sessions (id, clinic_id, patient_id, appointment_id, route, room_id, "
    "created_by, created_ms, state, dose_order_id, escort_confirmed, fasting_confirmed, "
    "pregnancy_status_current, questionnaire_done, questionnaire_skip_reason, checked_in_ms, "
    "checked_in_by, bp_decision, bp_decision_reason, bp_decision_by, drug_lot, drug_expiry, "
    "dose_started_ms, dose_ended_ms, pre_dose_systolic, pre_dose_diastolic, pre_dose_heart_rate, "
    "pre_dose_spo2, pre_dose_bp_ms, last_systolic, last_diastolic, last_heart_rate, last_spo2, "
    "last_respiratory_rate, last_bp_ms, last_reading_ms, escort_present, instructions_given, "
    "override_reason, override_by, discharged_ms, discharged_by, abort_reason, follow_up_appointment_id, "
    "rems_submitted_on, updated_ms) VALUES (:v0, :v1, :v2, :v3, :v4, :v5, :v6, :v7, :v8, :v9, :v10, :v11, "
    ":v12, :v13, :v14, :v15, :v16, :v17, :v18, :v19, :v20, :v21, :v22, :v23, :v24, :v25, :v26, :v27, "
    ":v28, :v29, :v30, :v31, :v32, :v33, :v34, :v35, :v36, :v37, :v38, :v39, :v40, :v41, :v42, :v43, "
    ":v44, :v45)";

constexpr const char* kUpdateSession =
    "UPDATE treatment_sessions SET state = :v0, dose_order_id = :v1, escort_confirmed = :v2, "
    "fasting_confirmed = :v3, pregnancy_status_current = :v4, questionnaire_done = :v5, "
    "questionnaire_skip_reason = :v6, checked_in_ms = :v7, checked_in_by = :v8, bp_decision = :v9, "
    "bp_decision_reason = :v10, bp_decision_by = :v11, drug_lot = :v12, drug_expiry = :v13, "
    "dose_started_ms = :v14, dose_ended_ms = :v15, pre_dose_systolic = :v16, pre_dose_diastolic = :v17, "
    "pre_dose_heart_rate = :v18, pre_dose_spo2 = :v19, pre_dose_bp_ms = :v20, last_systolic = :v21, "
    "last_diastolic = :v22, last_heart_rate = :v23, last_spo2 = :v24, last_respiratory_rate = :v25, "
    "last_bp_ms = :v26, last_reading_ms = :v27, escort_present = :v28, instructions_given = :v29, "
    "override_reason = :v30, override_by = :v31, discharged_ms = :v32, discharged_by = :v33, abort_reason "
    "= :v34, follow_up_appointment_id = :v35, rems_submitted_on = :v36, updated_ms = :v37 WHERE clinic_id "
    "= :c AND id = :id";

constexpr const char* kVitalColumns =
    "clinic_id, session_id, at_ms, systolic, diastolic, heart_rate, spo2, respiratory_rate, source, recorded_by, "
    "recorded_ms";

struct VitalFields {
  VitalRow row;
  long long at = 0, sys = 0, dia = 0, hr = 0, spo2 = 0, rr = 0, recorded = 0;
  void bind(DynamicQuery& q) {
    q.into(row.clinic_id);
    q.into(row.session_id);
    q.into(at);
    q.into(sys);
    q.into(dia);
    q.into(hr);
    q.into(spo2);
    q.into(rr);
    q.into(row.source);
    q.into(row.recorded_by);
    q.into(recorded);
  }
  VitalRow take() const {
    VitalRow r = row;
    r.at_ms = at;
    r.systolic = sys;
    r.diastolic = dia;
    r.heart_rate = hr;
    r.spo2 = spo2;
    r.respiratory_rate = rr;
    r.recorded_ms = recorded;
    return r;
  }
};

}  // namespace

std::optional<app::SessionSettingsRow> SociTransaction::session_settings(const ClinicId& clinic) {
  const auto& fields = session_protocol_fields();
  DynamicQuery q(sql());
  q.arg(clinic.value);
  app::SessionSettingsRow row;
  row.clinic_id = clinic.value;
  std::vector<int> values(fields.size());
  long long updated = 0;
  q.into(row.version);
  std::string columns = "version";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    q.into(values[i]);
    columns += ", " + std::string(fields[i].name);
  }
  q.into(updated);
  q.into(row.updated_by);
  q.run("SELECT " + columns + ", updated_ms, updated_by FROM session_settings WHERE clinic_id = :c");
  if (!q.fetch()) return std::nullopt;
  for (std::size_t i = 0; i < fields.size(); ++i) row.protocol.*fields[i].member = values[i];
  row.updated_ms = updated;
  return row;
}

void SociTransaction::save_session_settings(const app::SessionSettingsRow& s) {
  const auto& fields = session_protocol_fields();
  DynamicQuery q(sql());
  q.arg(s.clinic_id);
  q.arg(static_cast<long long>(s.version));
  std::string columns = "clinic_id, version", values = ":c, :v", update = "version = excluded.version";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    q.arg(static_cast<long long>(s.protocol.*fields[i].member));
    const std::string name(fields[i].name);
    columns += ", " + name;
    values += ", :f" + std::to_string(i);
    update += ", " + name + " = excluded." + name;
  }
  q.arg(i64(s.updated_ms));
  q.arg(s.updated_by);
  q.run("INSERT INTO session_settings (" + columns + ", updated_ms, updated_by) VALUES (" + values +
        ", :t, :by) ON CONFLICT (clinic_id) DO UPDATE SET " + update +
        ", updated_ms = excluded.updated_ms, updated_by = excluded.updated_by");
}

void SociTransaction::insert_treatment_session(const TreatmentSessionRow& s) {
  DynamicQuery q(sql());
  q.arg(s.id);
  q.arg(s.clinic_id);
  q.arg(s.patient_id);
  q.arg(s.appointment_id);
  q.arg(s.route);
  q.arg(s.room_id);
  q.arg(s.created_by);
  q.arg(i64(s.created_ms));
  bind_mutable(q, s);
  q.run(kInsertSession);
}

void SociTransaction::update_treatment_session(const ClinicId& clinic, const TreatmentSessionRow& s) {
  DynamicQuery q(sql());
  bind_mutable(q, s);
  q.arg(clinic.value);
  q.arg(s.id);
  q.run(kUpdateSession);
}

std::optional<TreatmentSessionRow> SociTransaction::treatment_session(const ClinicId& clinic, std::string_view id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(id));
  SessionFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kSessionColumns + " FROM treatment_sessions WHERE clinic_id = :c AND id = :id" +
        lock_clause());
  if (!q.fetch()) return std::nullopt;
  return f.take();
}

std::optional<TreatmentSessionRow> SociTransaction::treatment_session_for_appointment(const ClinicId& clinic,
                                                                                      std::string_view appointment_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(appointment_id));
  SessionFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kSessionColumns +
        " FROM treatment_sessions WHERE clinic_id = :c AND appointment_id = :a" + lock_clause());
  if (!q.fetch()) return std::nullopt;
  return f.take();
}

std::vector<TreatmentSessionRow> SociTransaction::treatment_sessions(const ClinicId& clinic,
                                                                     const TreatmentSessionQuery& query) {
  DynamicQuery q(sql());
  std::string where = " WHERE clinic_id = :c";
  q.arg(clinic.value);
  if (query.active_only) where += " AND state NOT IN ('discharged', 'aborted')";
  if (!query.patient_id.empty()) {
    where += " AND patient_id = :p";
    q.arg(query.patient_id);
  }
  if (!query.route.empty()) {
    where += " AND route = :r";
    q.arg(query.route);
  }
  if (query.to_ms > 0) {
    where += " AND created_ms >= :f AND created_ms < :t";
    q.arg(i64(query.from_ms));
    q.arg(i64(query.to_ms));
  }
  SessionFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kSessionColumns + " FROM treatment_sessions" + where + " ORDER BY created_ms, id");
  return q.collect([&] { return f.take(); });
}

void SociTransaction::insert_session_event(const SessionEventRow& e) {
  DynamicQuery q(sql());
  q.arg(e.id);
  q.arg(e.clinic_id);
  q.arg(e.session_id);
  q.arg(e.kind);
  q.arg(i64(e.at_ms));
  q.arg(i64(e.rate_ul_per_h));
  q.arg(e.reason);
  q.arg(e.by);
  q.run(
      "INSERT INTO session_events (id, clinic_id, session_id, kind, at_ms, rate_ul_per_h, reason, by_user) VALUES "
      "(:id, :c, :s, :k, :t, :r, :why, :by)");
}

std::vector<SessionEventRow> SociTransaction::session_events(const ClinicId& clinic, std::string_view session_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(session_id));
  SessionEventRow row;
  long long at = 0, rate = 0;
  q.into(row.id);
  q.into(row.clinic_id);
  q.into(row.session_id);
  q.into(row.kind);
  q.into(at);
  q.into(rate);
  q.into(row.reason);
  q.into(row.by);
  q.run(
      "SELECT id, clinic_id, session_id, kind, at_ms, rate_ul_per_h, reason, by_user FROM session_events WHERE "
      "clinic_id = :c AND session_id = :s ORDER BY at_ms, id");
  return q.collect([&] {
    SessionEventRow r = row;
    r.at_ms = at;
    r.rate_ul_per_h = rate;
    return r;
  });
}

void SociTransaction::insert_rescue_medicine(const RescueMedicineRow& m) {
  DynamicQuery q(sql());
  q.arg(m.id);
  q.arg(m.clinic_id);
  q.arg(m.session_id);
  q.arg(m.drug);
  q.arg(i64(m.dose_ug));
  q.arg(m.route);
  q.arg(m.reason);
  q.arg(i64(m.at_ms));
  q.arg(m.by);
  q.run(
      "INSERT INTO session_rescue_medicines (id, clinic_id, session_id, drug, dose_ug, route, reason, at_ms, by_user) "
      "VALUES (:id, :c, :s, :d, :dose, :r, :why, :t, :by)");
}

std::vector<RescueMedicineRow> SociTransaction::rescue_medicines(const ClinicId& clinic, std::string_view session_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(session_id));
  RescueMedicineRow row;
  long long dose = 0, at = 0;
  q.into(row.id);
  q.into(row.clinic_id);
  q.into(row.session_id);
  q.into(row.drug);
  q.into(dose);
  q.into(row.route);
  q.into(row.reason);
  q.into(at);
  q.into(row.by);
  q.run(
      "SELECT id, clinic_id, session_id, drug, dose_ug, route, reason, at_ms, by_user FROM session_rescue_medicines "
      "WHERE clinic_id = :c AND session_id = :s ORDER BY at_ms, id");
  return q.collect([&] {
    RescueMedicineRow r = row;
    r.dose_ug = dose;
    r.at_ms = at;
    return r;
  });
}

void SociTransaction::insert_effect(const EffectRow& e) {
  DynamicQuery q(sql());
  q.arg(e.id);
  q.arg(e.clinic_id);
  q.arg(e.session_id);
  q.arg(e.kind);
  q.arg(e.severity);
  q.arg(i64(e.at_ms));
  q.arg(e.description);
  q.arg(e.intervention);
  q.arg(e.outcome);
  q.arg(flag(e.serious));
  q.arg(e.narrative);
  q.arg(e.by);
  q.arg(i64(e.recorded_ms));
  q.run(
      "INSERT INTO session_effects (id, clinic_id, session_id, kind, severity, at_ms, description, intervention, "
      "outcome, serious, narrative, by_user, recorded_ms) VALUES (:id, :c, :s, :k, :sev, :t, :d, :i, :o, :ser, :n, "
      ":by, :rec)");
}

std::vector<EffectRow> SociTransaction::effects(const ClinicId& clinic, std::string_view session_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(session_id));
  EffectRow row;
  long long at = 0, recorded = 0;
  int serious = 0;
  q.into(row.id);
  q.into(row.clinic_id);
  q.into(row.session_id);
  q.into(row.kind);
  q.into(row.severity);
  q.into(at);
  q.into(row.description);
  q.into(row.intervention);
  q.into(row.outcome);
  q.into(serious);
  q.into(row.narrative);
  q.into(row.by);
  q.into(recorded);
  q.run(
      "SELECT id, clinic_id, session_id, kind, severity, at_ms, description, intervention, outcome, serious, "
      "narrative, by_user, recorded_ms FROM session_effects WHERE clinic_id = :c AND session_id = :s ORDER BY at_ms, "
      "id");
  return q.collect([&] {
    EffectRow r = row;
    r.at_ms = at;
    r.recorded_ms = recorded;
    r.serious = serious != 0;
    return r;
  });
}

void SociTransaction::insert_aldrete(const AldreteRow& a) {
  DynamicQuery q(sql());
  q.arg(a.id);
  q.arg(a.clinic_id);
  q.arg(a.session_id);
  q.arg(i64(a.at_ms));
  q.arg(a.by);
  q.arg(static_cast<long long>(a.activity));
  q.arg(static_cast<long long>(a.respiration));
  q.arg(static_cast<long long>(a.circulation));
  q.arg(static_cast<long long>(a.consciousness));
  q.arg(static_cast<long long>(a.oxygen));
  q.arg(static_cast<long long>(a.total));
  q.arg(i64(a.bp_change_milli_pct));
  q.run(
      "INSERT INTO session_aldrete_scores (id, clinic_id, session_id, at_ms, by_user, activity, respiration, "
      "circulation, consciousness, oxygen, total, bp_change_milli_pct) VALUES (:id, :c, :s, :t, :by, :a, :r, :ci, "
      ":co, :o, :tot, :bp)");
}

std::vector<AldreteRow> SociTransaction::aldrete_scores(const ClinicId& clinic, std::string_view session_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(session_id));
  AldreteRow row;
  long long at = 0, bp = 0;
  int activity = 0, respiration = 0, circulation = 0, consciousness = 0, oxygen = 0, total = 0;
  q.into(row.id);
  q.into(row.clinic_id);
  q.into(row.session_id);
  q.into(at);
  q.into(row.by);
  q.into(activity);
  q.into(respiration);
  q.into(circulation);
  q.into(consciousness);
  q.into(oxygen);
  q.into(total);
  q.into(bp);
  q.run(
      "SELECT id, clinic_id, session_id, at_ms, by_user, activity, respiration, circulation, consciousness, oxygen, "
      "total, bp_change_milli_pct FROM session_aldrete_scores WHERE clinic_id = :c AND session_id = :s ORDER BY "
      "at_ms, id");
  return q.collect([&] {
    AldreteRow r = row;
    r.at_ms = at;
    r.activity = activity;
    r.respiration = respiration;
    r.circulation = circulation;
    r.consciousness = consciousness;
    r.oxygen = oxygen;
    r.total = total;
    r.bp_change_milli_pct = bp;
    return r;
  });
}

void SociTransaction::insert_session_note(const SessionNoteRow& n) {
  DynamicQuery q(sql());
  q.arg(n.id);
  q.arg(n.clinic_id);
  q.arg(n.session_id);
  q.arg(n.kind);
  q.arg(n.text);
  q.arg(n.by);
  q.arg(i64(n.at_ms));
  q.run(
      "INSERT INTO session_notes (id, clinic_id, session_id, kind, text, by_user, at_ms) VALUES (:id, :c, :s, :k, "
      ":x, :by, :t)");
}

std::vector<SessionNoteRow> SociTransaction::session_notes(const ClinicId& clinic, std::string_view session_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(session_id));
  SessionNoteRow row;
  long long at = 0;
  q.into(row.id);
  q.into(row.clinic_id);
  q.into(row.session_id);
  q.into(row.kind);
  q.into(row.text);
  q.into(row.by);
  q.into(at);
  q.run(
      "SELECT id, clinic_id, session_id, kind, text, by_user, at_ms FROM session_notes WHERE clinic_id = :c AND "
      "session_id = :s ORDER BY at_ms, id");
  return q.collect([&] {
    SessionNoteRow r = row;
    r.at_ms = at;
    return r;
  });
}

void SociTransaction::insert_vitals(const std::vector<VitalRow>& readings) {
  if (readings.empty()) return;
  auto& hot = lease_.hot();
  try {
    hot.vitals_insert().insert(readings);
  } catch (...) {
    hot.drop_vitals_insert();
    throw;
  }
}

std::vector<VitalRow> SociTransaction::vitals(const ClinicId& clinic, std::string_view session_id,
                                              std::int64_t since_ms) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(session_id));
  q.arg(i64(since_ms));
  VitalFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kVitalColumns +
        " FROM vital_readings WHERE clinic_id = :c AND session_id = :s AND at_ms >= :t ORDER BY at_ms");
  return q.collect([&] { return f.take(); });
}

void SociTransaction::save_session_alarm(const SessionAlarmRow& a) {
  DynamicQuery q(sql());
  q.arg(a.clinic_id);
  q.arg(a.session_id);
  q.arg(static_cast<long long>(a.number));
  q.arg(a.rule_code);
  q.arg(a.priority);
  q.arg(a.state);
  q.arg(flag(a.condition_active));
  q.arg(flag(a.escalated));
  q.arg(i64(a.raised_ms));
  q.arg(i64(a.acknowledged_ms));
  q.arg(a.acknowledged_by);
  q.arg(i64(a.cleared_ms));
  q.arg(i64(a.escalated_ms));
  q.arg(flag(a.has_value));
  q.arg(i64(a.value_milli));
  q.run(
      "INSERT INTO session_alarms (clinic_id, session_id, number, rule_code, priority, state, condition_active, "
      "escalated, raised_ms, acknowledged_ms, acknowledged_by, cleared_ms, escalated_ms, has_value, value_milli) "
      "VALUES (:c, :s, :n, :r, :p, :st, :ca, :e, :ra, :ack, :ackby, :cl, :es, :hv, :v) ON CONFLICT (session_id, "
      "number) DO UPDATE SET state = excluded.state, condition_active = excluded.condition_active, escalated = "
      "excluded.escalated, acknowledged_ms = excluded.acknowledged_ms, acknowledged_by = excluded.acknowledged_by, "
      "cleared_ms = excluded.cleared_ms, escalated_ms = excluded.escalated_ms");
}

std::vector<SessionAlarmRow> SociTransaction::session_alarms(const ClinicId& clinic, std::string_view session_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(session_id));
  SessionAlarmRow row;
  int number = 0, active = 0, escalated = 0, has_value = 0;
  long long raised = 0, ack = 0, cleared = 0, esc = 0, value = 0;
  q.into(row.clinic_id);
  q.into(row.session_id);
  q.into(number);
  q.into(row.rule_code);
  q.into(row.priority);
  q.into(row.state);
  q.into(active);
  q.into(escalated);
  q.into(raised);
  q.into(ack);
  q.into(row.acknowledged_by);
  q.into(cleared);
  q.into(esc);
  q.into(has_value);
  q.into(value);
  q.run(
      "SELECT clinic_id, session_id, number, rule_code, priority, state, condition_active, escalated, raised_ms, "
      "acknowledged_ms, acknowledged_by, cleared_ms, escalated_ms, has_value, value_milli FROM session_alarms WHERE "
      "clinic_id = :c AND session_id = :s ORDER BY number");
  return q.collect([&] {
    SessionAlarmRow r = row;
    r.number = number;
    r.condition_active = active != 0;
    r.escalated = escalated != 0;
    r.raised_ms = raised;
    r.acknowledged_ms = ack;
    r.cleared_ms = cleared;
    r.escalated_ms = esc;
    r.has_value = has_value != 0;
    r.value_milli = value;
    return r;
  });
}

}  // namespace kc::store
