// The follow-up and outcomes part of SociTransaction (see soci_transaction.h): the
// clinic's outcome settings, follow-up check-ins, and what the dashboard reads.
#include <string>

#include "store/query.h"
#include "store/soci_transaction.h"

namespace kc::store {
namespace {

using app::CheckInRow;
using app::ClinicId;
using app::OutcomeSettingsRow;

long long i64(std::int64_t v) { return static_cast<long long>(v); }

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(sep, start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

std::optional<OutcomeSettingsRow> SociTransaction::outcome_settings(const ClinicId& clinic) {
  OutcomeSettingsRow row;
  row.clinic_id = clinic.value;
  std::string instruments;
  int max_sessions = 0, liver = 0;
  long long max_ug = 0, updated = 0;
  auto& s = row.settings;
  soci::indicator ind = soci::i_ok;
  sql() << "SELECT version, follow_up_interval_days, follow_up_instruments, relapse_consecutive_checks, "
           "induction_days, max_sessions_per_30_days, max_ug_per_kg_per_30_days, liver_test_interval_days, "
           "tolerance_rising_doses, updated_ms, updated_by FROM outcome_settings WHERE clinic_id = :c",
      soci::into(row.version, ind), soci::into(s.follow_up_interval_days), soci::into(instruments),
      soci::into(s.relapse_consecutive_checks), soci::into(s.induction_days), soci::into(max_sessions),
      soci::into(max_ug), soci::into(liver), soci::into(s.tolerance_rising_doses), soci::into(updated),
      soci::into(row.updated_by), soci::use(clinic.value);
  if (!sql().got_data()) return std::nullopt;
  s.follow_up_instruments = split(instruments, ',');
  if (max_sessions > 0) s.max_sessions_per_30_days = max_sessions;
  if (max_ug > 0) s.max_ug_per_kg_per_30_days = max_ug;
  if (liver > 0) s.liver_test_interval_days = liver;
  row.updated_ms = updated;
  return row;
}

void SociTransaction::save_outcome_settings(const OutcomeSettingsRow& row) {
  const auto& s = row.settings;
  std::string instruments;
  for (const auto& code : s.follow_up_instruments) instruments += (instruments.empty() ? "" : ",") + code;
  int version = row.version, interval = s.follow_up_interval_days, relapse = s.relapse_consecutive_checks,
      induction = s.induction_days, max_sessions = s.max_sessions_per_30_days.value_or(0),
      liver = s.liver_test_interval_days.value_or(0), tolerance = s.tolerance_rising_doses;
  long long max_ug = s.max_ug_per_kg_per_30_days.value_or(0), updated = i64(row.updated_ms);
  sql() << "INSERT INTO outcome_settings (clinic_id, version, follow_up_interval_days, follow_up_instruments, "
           "relapse_consecutive_checks, induction_days, max_sessions_per_30_days, max_ug_per_kg_per_30_days, "
           "liver_test_interval_days, tolerance_rising_doses, updated_ms, updated_by) VALUES (:c, :v, :i, :fi, :r, "
           ":ind, :ms, :mu, :l, :t, :u, :by) ON CONFLICT (clinic_id) DO UPDATE SET version = excluded.version, "
           "follow_up_interval_days = excluded.follow_up_interval_days, follow_up_instruments = "
           "excluded.follow_up_instruments, relapse_consecutive_checks = excluded.relapse_consecutive_checks, "
           "induction_days = excluded.induction_days, max_sessions_per_30_days = excluded.max_sessions_per_30_days, "
           "max_ug_per_kg_per_30_days = excluded.max_ug_per_kg_per_30_days, liver_test_interval_days = "
           "excluded.liver_test_interval_days, tolerance_rising_doses = excluded.tolerance_rising_doses, "
           "updated_ms = excluded.updated_ms, updated_by = excluded.updated_by",
      soci::use(row.clinic_id), soci::use(version), soci::use(interval), soci::use(instruments), soci::use(relapse),
      soci::use(induction), soci::use(max_sessions), soci::use(max_ug), soci::use(liver), soci::use(tolerance),
      soci::use(updated), soci::use(row.updated_by);
}

void SociTransaction::insert_check_in(const CheckInRow& c) {
  long long at = i64(c.at_ms), mme = i64(c.mme_milli), recorded = i64(c.recorded_ms);
  int memory = c.memory_attention ? 1 : 0;
  sql() << "INSERT INTO follow_up_check_ins (id, clinic_id, patient_id, at_ms, mme_milli, memory_attention, note, "
           "recorded_by, recorded_ms) VALUES (:id, :c, :p, :at, :m, :ma, :n, :by, :r)",
      soci::use(c.id), soci::use(c.clinic_id), soci::use(c.patient_id), soci::use(at), soci::use(mme),
      soci::use(memory), soci::use(c.note), soci::use(c.recorded_by), soci::use(recorded);
}

std::vector<CheckInRow> SociTransaction::check_ins(const ClinicId& clinic, std::string_view patient_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  std::string where = "clinic_id = :c";
  if (!patient_id.empty()) {
    q.arg(std::string(patient_id));
    where += " AND patient_id = :p";
  }
  CheckInRow row;
  long long at = 0, mme = 0, recorded = 0;
  int memory = 0;
  q.into(row.id);
  q.into(row.clinic_id);
  q.into(row.patient_id);
  q.into(at);
  q.into(mme);
  q.into(memory);
  q.into(row.note);
  q.into(row.recorded_by);
  q.into(recorded);
  q.run(
      "SELECT id, clinic_id, patient_id, at_ms, mme_milli, memory_attention, note, recorded_by, recorded_ms FROM "
      "follow_up_check_ins WHERE " +
      where + " ORDER BY at_ms DESC, id DESC");
  return q.collect([&] {
    CheckInRow r = row;
    r.at_ms = at;
    r.mme_milli = mme;
    r.memory_attention = memory != 0;
    r.recorded_ms = recorded;
    return r;
  });
}

app::DashboardRows SociTransaction::dashboard_rows(const ClinicId& clinic, std::string_view instrument,
                                                   std::int64_t to_ms) {
  app::DashboardRows out;
  auto& f = out.facts;
  const std::string dosed =
      " FROM treatment_sessions s WHERE s.clinic_id = :c AND s.dose_started_ms > 0 AND s.dose_started_ms < :to";
  {
    DynamicQuery q(sql());
    q.arg(clinic.value);
    q.arg(i64(to_ms));
    CohortSession row;
    long long started = 0, ended = 0, discharged = 0;
    std::string override_by;
    q.into(row.id);
    q.into(row.patient_id);
    q.into(row.route);
    q.into(started);
    q.into(ended);
    q.into(discharged);
    q.into(override_by);
    q.run(
        "SELECT s.id, s.patient_id, s.route, s.dose_started_ms, s.dose_ended_ms, s.discharged_ms, "
        "s.override_by" +
        dosed);
    f.sessions = q.collect([&] {
      CohortSession r = row;
      r.dose_started_ms = started;
      r.dose_ended_ms = ended;
      r.discharged_ms = discharged;
      r.overridden = r.discharged_ms > 0 && !override_by.empty();
      return r;
    });
  }
  {
    DynamicQuery q(sql());
    q.arg(clinic.value);
    q.arg(i64(to_ms));
    CohortEffect row;
    int serious = 0;
    q.into(row.session_id);
    q.into(row.kind);
    q.into(serious);
    q.run(
        "SELECT e.session_id, e.kind, e.serious FROM session_effects e JOIN treatment_sessions s ON s.clinic_id = "
        "e.clinic_id AND s.id = e.session_id WHERE e.clinic_id = :c AND s.dose_started_ms > 0 AND "
        "s.dose_started_ms < :to");
    f.effects = q.collect([&] {
      CohortEffect r = row;
      r.serious = serious != 0;
      return r;
    });
  }
  {
    DynamicQuery q(sql());
    q.arg(clinic.value);
    q.arg(i64(to_ms));
    CohortAlarm row;
    q.into(row.session_id);
    q.into(row.rule_code);
    q.run(
        "SELECT a.session_id, a.rule_code FROM session_alarms a JOIN treatment_sessions s ON s.clinic_id = "
        "a.clinic_id AND s.id = a.session_id WHERE a.clinic_id = :c AND s.dose_started_ms > 0 AND "
        "s.dose_started_ms < :to");
    f.alarms = q.collect([&] { return row; });
  }
  {
    DynamicQuery q(sql());
    q.arg(clinic.value);
    std::string patient, indications;
    q.into(patient);
    q.into(indications);
    q.run(
        "SELECT p.patient_id, p.indications FROM treatment_plans p WHERE p.clinic_id = :c AND p.version = (SELECT "
        "MAX(q.version) FROM treatment_plans q WHERE q.clinic_id = p.clinic_id AND q.patient_id = p.patient_id)");
    f.patients = q.collect([&] { return CohortPatient{patient, split(indications, '\n')}; });
  }
  {
    DynamicQuery q(sql());
    q.arg(clinic.value);
    q.arg(std::string(instrument));
    app::ResponseRow row;
    long long submitted = 0;
    q.into(row.id);
    q.into(row.patient_id);
    q.into(row.amends);
    q.into(submitted);
    q.into(row.total);
    q.run(
        "SELECT id, patient_id, amends, submitted_ms, total FROM questionnaire_responses WHERE clinic_id = :c AND "
        "instrument = :i AND status = 'submitted'");
    out.responses = q.collect([&] {
      app::ResponseRow r = row;
      r.clinic_id = clinic.value;
      r.instrument = std::string(instrument);
      r.status = "submitted";
      r.submitted_ms = submitted;
      return r;
    });
  }
  return out;
}

}  // namespace kc::store
