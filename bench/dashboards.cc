// Benchmark dashboards: the clinic dashboard (GET /api/v1/dashboards/outcomes) over a
// generated network of clinics, on one engine. Prints JSON lines (docs/performance.md).
//
// 1. Generates, with set-based SQL (a recursive CTE on SQLite, generate_series on
//    PostgreSQL; INSERT ... SELECT, one transaction per table, through a few TEMP
//    scratch tables), in the schema the store's migrations made: --clinics clinics of
//    --patients-per-clinic patients, each with one treatment plan (its indications),
//    --sessions-per-patient dosed sessions (each with its completed appointment), an
//    effect in 10 % of sessions, an alarm in 15 % (a second one in 3 %), and
//    --responses-per-patient questionnaire responses (8 in 10 PHQ-9, 1 GAD-7, 1 urinary
//    screen; 2 % still in progress). Patients start on any day of a two-year history
//    that ends the day before "today"; what would fall on or after today is not made,
//    so there are a few % fewer sessions and responses than asked. Rows are generated
//    in time order across every clinic, so that a clinic's rows are spread over the
//    whole table, as in a database that clinics have shared for two years. Every value
//    is an integer hash of the row number and --seed: the same arguments make the same
//    database.
// 2. For --sample clinics (random, seeded), --repeats times, per clinic in turn:
//      count_sessions   SELECT COUNT(*) FROM treatment_sessions WHERE clinic_id = ?
//      count_responses  SELECT COUNT(*) FROM questionnaire_responses WHERE clinic_id = ?
//                       (the baselines: the cheapest look at the clinic's rows)
//      store            Transaction::dashboard_rows in a read transaction: the store's
//                       part of the dashboard (its rows depend on the range's end only)
//      four dashboards  OutcomeService::dashboard for an admin of the clinic, what the
//                       server runs for GET /api/v1/dashboards/outcomes without HTTP and
//                       JSON: no filter (the last 365 days), route=iv,
//                       indication=depression, and the last 90 days
//    and prints p50, p99 and max of each, and the ratio of each p99 to the baselines'.
//
//   bench_dashboards --engine sqlite --database URL [--clinics 200] [--patients-per-clinic 500]
//                    [--sessions-per-patient 10] [--responses-per-patient 33] [--sample 50]
//                    [--repeats 1] [--seed 7] [--max-generate-seconds 1800]
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "app/outcome_service.h"
#include "domain/time.h"
#include "platform/sodium_crypto.h"
#include "store/soci_store.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace {

using Clock = std::chrono::steady_clock;
using std::to_string;
constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kMinuteMs = 60'000;
constexpr int kDays = 730;  // the generated history; "today" is the day after it

/// The dashboard's "today", fixed so that the same data gives the same dashboards.
class FixedClock final : public kc::app::Clock {
 public:
  explicit FixedClock(std::int64_t ms) : ms_(ms) {}
  std::int64_t now_ms() const override { return ms_; }

 private:
  std::int64_t ms_;
};

double percentile(std::vector<double> ms, double p) {
  std::sort(ms.begin(), ms.end());
  return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))];
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

void print(const std::string& engine, const std::string& metric, double value, const std::string& unit,
           const std::string& baseline = "", double baseline_value = 0) {
  std::printf("{\"bench\":\"dashboards\",\"engine\":\"%s\",\"metric\":\"%s\",\"value\":%.3f,\"unit\":\"%s\"",
              engine.c_str(), metric.c_str(), value, unit.c_str());
  if (!baseline.empty())
    std::printf(",\"baseline\":\"%s\",\"baseline_value\":%.3f,\"ratio\":%.3f", baseline.c_str(), baseline_value,
                baseline_value > 0 ? value / baseline_value : 0.0);
  std::printf("}\n");
  std::fflush(stdout);
}

std::uint64_t fnv1a(std::uint64_t h, const std::string& text) {
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  return h;
}

/// Every figure of a dashboard as text, to compare runs (and engines) on the same data.
std::string figures(const kc::Dashboard& d) {
  std::string out = to_string(d.active_patients) + " " + to_string(d.sessions) + " " + to_string(d.adverse_events) +
                    " " + to_string(d.serious_adverse_events) + " " + to_string(d.discharged) + " " +
                    to_string(d.overrides) + " " + to_string(d.alarms) + " " + to_string(d.severe_hypertension.count) +
                    " " + to_string(d.median_minutes_after_minimum.value_or(-1)) + " " +
                    to_string(d.p90_minutes_after_minimum.value_or(-1)) + ";";
  for (const auto& [week, n] : d.sessions_per_week) out += kc::format_date(week) + "=" + to_string(n) + ",";
  for (const auto& g : d.groups)
    out += ";" + g.by + "/" + g.key + " " + to_string(g.started) + " " + to_string(g.assessed) + " " +
           to_string(g.responders.count) + " " + to_string(g.remitters.count) + " " +
           to_string(g.median_days_to_response.value_or(-1));
  for (const auto& [kind, n] : d.effects_by_kind) out += ";" + kind + "=" + to_string(n);
  for (const auto& [rule, n] : d.alarms_by_rule) out += ";" + rule + "=" + to_string(n);
  return out + "\n";
}

/// The SQL that makes the network. Both engines read it the same way but for the row
/// source (`series`) and the character functions.
struct Generator {
  bool postgresql = false;
  long long seed = 7;
  long long clinics = 200, per_clinic = 500, sessions_per_patient = 10, responses_per_patient = 33;
  std::int64_t base_ms = 0;  // 00:00 UTC of the history's first day

  long long patients() const { return clinics * per_clinic; }

  /// Rows numbered g.i = 0 .. n-1.
  std::string series(long long n) const {
    if (postgresql) return "generate_series(0::bigint, " + to_string(n - 1) + ") AS g(i)";
    return "(WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " + to_string(n - 1) +
           ") SELECT i FROM n) AS g";
  }
  std::string chr(int c) const { return (postgresql ? "chr(" : "char(") + to_string(c) + ")"; }

  /// A hash in [0, 2^31 - 1) of the integer expression x (>= 0, < 2^40), one stream per
  /// salt: two rounds of a multiply and a square modulo the prime 2^31 - 1 (every
  /// product stays below 2^63 on both engines).
  std::string h(const std::string& x, int salt) const {
    const std::string s = to_string((seed % 1'000'000) * 1000 + salt);
    const std::string a = "((CAST(" + x + " AS BIGINT) * 48271 + " + s + ") % 2147483647)";
    const std::string b = "((" + a + " * " + a + " + " + s + ") % 2147483647)";
    const std::string c = "((" + b + " * 48271 + 11) % 2147483647)";
    return "((" + c + " * " + c + " + " + s + ") % 2147483647)";
  }

  /// Day of a session (0-based) after its patient's first: twice a week for three
  /// weeks (induction), then maintenance further and further apart.
  static int session_day(long long k) {
    static constexpr int kInduction[] = {0, 3, 7, 10, 14, 17, 31, 45, 66, 96};
    return k < 10 ? kInduction[k] : static_cast<int>(96 + 30 * (k - 9));
  }
  /// Patients start on any day but the first two and the last (new patients arrive
  /// until today); what would fall on or after today is not generated.
  static long long start_span() { return kDays - 1; }
  std::int64_t today_ms() const { return base_ms + kDays * kDayMs; }

  std::string id_key() const { return postgresql ? "BIGINT PRIMARY KEY" : "INTEGER PRIMARY KEY"; }

  // Scratch tables (TEMP: this connection's only, dropped at the end), so that each
  // hash is computed once per row: both engines inline a subquery's expressions into
  // every place that uses them.

  /// Per patient p: clinic, first day, route, indications, and where their PHQ-9 goes:
  /// baseline b (14 to 27); 35 % respond (to 40 % of b), 15 % remit (0 to 4), the
  /// rest fall to 85 % of b.
  std::vector<std::string> patient_scratch_sql() const {
    const std::string kind = "(" + h("g.i", 3) + " % 100)", b = "(14 + " + h("g.i", 4) + " % 14)";
    const std::string r = "(" + h("g.i", 2) + " % 100)", q = "(" + h("g.i", 5) + " % 100)";
    const std::string nl = " || " + chr(10) + " || ";
    return {"CREATE TEMP TABLE bench_patient (p " + id_key() +
                ", c BIGINT NOT NULL, start_day BIGINT NOT NULL, route TEXT NOT NULL, indications TEXT NOT NULL, b "
                "BIGINT NOT NULL, target BIGINT NOT NULL)",
            "INSERT INTO bench_patient (p, c, start_day, route, indications, b, target) SELECT g.i, g.i % " +
                to_string(clinics) + ", 2 + " + h("g.i", 1) + " % " + to_string(start_span() - 2) + ", CASE WHEN " + r +
                " < 45 THEN 'iv' WHEN " + r + " < 60 THEN 'im' WHEN " + r + " < 70 THEN 'sc' ELSE " +
                "'intranasal_esketamine' END, CASE WHEN " + q + " < 50 THEN 'F33.2' WHEN " + q +
                " < 60 THEN 'F32.2' WHEN " + q + " < 66 THEN 'F31.4' WHEN " + q + " < 76 THEN 'F43.10' WHEN " + q +
                " < 84 THEN 'F33.1'" + nl + "'F43.10' WHEN " + q + " < 92 THEN 'G90.50' WHEN " + q +
                " < 95 THEN 'F33.2'" + nl + "'G90.50' WHEN " + q + " < 98 THEN 'F41.1' ELSE 'F42.2' END, " + b +
                ", CASE WHEN " + kind + " < 35 THEN " + b + " * 4 / 10 WHEN " + kind + " < 50 THEN " + h("g.i", 21) +
                " % 5 ELSE " + b + " * 85 / 100 END FROM " + series(patients())};
  }

  /// Per session i: patient p, clinic c, the patient's k-th, route, t (dose started),
  /// ended, discharged (0: not), overridden (0/1), r (a hash for the row's choices).
  std::vector<std::string> session_scratch_sql() const {
    const std::string n = to_string(patients()), m = to_string(kMinuteMs);
    std::string day = "(CASE g.i / " + n;
    for (int j = 0; j < 10; ++j) day += " WHEN " + to_string(j) + " THEN " + to_string(session_day(j));
    day += " ELSE 96 + 30 * (g.i / " + n + " - 9) END)";
    // Dose minutes: an IV infusion 40, esketamine devices 10, an injection 1; the
    // minimum observation after it: esketamine 120, others 60 (the defaults). 2 % stop
    // after the dose started (no discharge); 5 % are discharged early with an
    // override; the rest 0 to 89 minutes after the minimum observation.
    const std::string dose_min = "(CASE y.route WHEN 'iv' THEN 40 WHEN 'intranasal_esketamine' THEN 10 ELSE 1 END)";
    const std::string observe_min = "(CASE y.route WHEN 'intranasal_esketamine' THEN 120 ELSE 60 END)";
    const std::string ended = "(y.t + " + dose_min + " * " + m + ")";
    return {"CREATE TEMP TABLE bench_session_raw (i " + id_key() +
                ", p BIGINT NOT NULL, c BIGINT NOT NULL, k BIGINT NOT NULL, route TEXT NOT NULL, t BIGINT NOT NULL, d "
                "BIGINT NOT NULL, extra BIGINT NOT NULL, r BIGINT NOT NULL)",
            "INSERT INTO bench_session_raw (i, p, c, k, route, t, d, extra, r) SELECT g.i, bp.p, bp.c, g.i / " + n +
                ", bp.route, " + to_string(base_ms) + " + (bp.start_day + " + day + ") * " + to_string(kDayMs) +
                " + (480 + " + h("g.i", 6) + " % 480) * " + m + ", " + h("g.i", 7) + " % 100, " + h("g.i", 8) +
                " % 90, " + h("g.i", 9) + " FROM " + series(patients() * sessions_per_patient) +
                " JOIN bench_patient bp ON bp.p = g.i % " + n,
            "DELETE FROM bench_session_raw WHERE t >= " + to_string(today_ms()),
            "CREATE TEMP TABLE bench_session (i " + id_key() +
                ", p BIGINT NOT NULL, c BIGINT NOT NULL, k BIGINT NOT NULL, route TEXT NOT NULL, t BIGINT NOT NULL, "
                "ended BIGINT NOT NULL, discharged BIGINT NOT NULL, overridden BIGINT NOT NULL, r BIGINT NOT NULL)",
            "INSERT INTO bench_session (i, p, c, k, route, t, ended, discharged, overridden, r) SELECT y.i, y.p, y.c, "
            "y.k, y.route, y.t, " +
                ended + ", CASE WHEN y.d < 2 THEN 0 WHEN y.d < 7 THEN " + ended + " + (" + observe_min + " - 10) * " +
                m + " ELSE " + ended + " + (" + observe_min + " + y.extra) * " + m +
                " END, CASE WHEN y.d >= 2 AND y.d < 7 THEN 1 ELSE 0 END, y.r FROM bench_session_raw y",
            "DROP TABLE bench_session_raw"};
  }

  /// Per response i: patient p, instrument, at_ms, total t, r. A response every 4
  /// days from 2 days before the first session; the PHQ-9 moves from the patient's
  /// baseline to their target over 5 responses (about 18 days), -1 to +1 of noise.
  std::vector<std::string> response_scratch_sql() const {
    const std::string n = to_string(patients()), m = to_string(kMinuteMs), d = to_string(kDayMs);
    const std::string raw =
        "(CASE x.instrument WHEN 'phq9' THEN x.b - (x.b - x.target) * (CASE WHEN x.k > 5 THEN 5 ELSE x.k END) / 5 + "
        "x.r % 3 - 1 WHEN 'gad7' THEN x.r % 22 ELSE CASE WHEN x.r % 100 < 8 THEN 1 + x.r % 2 ELSE 0 END END)";
    return {"CREATE TEMP TABLE bench_response_raw (i " + id_key() +
                ", p BIGINT NOT NULL, c BIGINT NOT NULL, k BIGINT NOT NULL, instrument TEXT NOT NULL, at_ms BIGINT NOT "
                "NULL, b BIGINT NOT NULL, target BIGINT NOT NULL, r BIGINT NOT NULL)",
            "INSERT INTO bench_response_raw (i, p, c, k, instrument, at_ms, b, target, r) SELECT g.i, bp.p, bp.c, g.i "
            "/ " +
                n + ", CASE g.i / " + n + " % 10 WHEN 8 THEN 'gad7' WHEN 9 THEN 'urinary' ELSE 'phq9' END, " +
                to_string(base_ms) + " + (bp.start_day - 2 + 4 * (g.i / " + n + ")) * " + d + " + (540 + " +
                h("g.i", 20) + " % 480) * " + m + ", bp.b, bp.target, " + h("g.i", 22) + " FROM " +
                series(patients() * responses_per_patient) + " JOIN bench_patient bp ON bp.p = g.i % " + n,
            "DELETE FROM bench_response_raw WHERE at_ms >= " + to_string(today_ms()),
            "CREATE TEMP TABLE bench_response (i " + id_key() +
                ", p BIGINT NOT NULL, c BIGINT NOT NULL, instrument TEXT NOT NULL, at_ms BIGINT NOT NULL, t BIGINT NOT "
                "NULL, r BIGINT NOT NULL)",
            "INSERT INTO bench_response (i, p, c, instrument, at_ms, t, r) SELECT x.i, x.p, x.c, x.instrument, "
            "x.at_ms, CASE WHEN " +
                raw + " < 0 THEN 0 WHEN " + raw + " > 27 THEN 27 ELSE " + raw + " END, x.r FROM bench_response_raw x",
            "DROP TABLE bench_response_raw"};
  }

  /// Per instrument and total: answers that add up to it (item j of n is (t + j) / n)
  /// and the band's label.
  std::vector<std::string> answer_scratch_sql() const {
    auto answers = [](const std::vector<std::string>& items) {
      std::string out;
      for (std::size_t j = 0; j < items.size(); ++j)
        out += std::string(j ? " || '," : "'") + items[j] + "=' || ((g.i + " + to_string(j) + ") / " +
               to_string(items.size()) + ")";
      return out;
    };
    std::vector<std::string> phq9, gad7;
    for (int j = 1; j <= 9; ++j) phq9.push_back("phq9_" + to_string(j));
    for (int j = 1; j <= 7; ++j) gad7.push_back("gad7_" + to_string(j));
    const std::vector<std::string> urinary = {"urinary_frequency", "urinary_urgency", "urinary_pain", "urinary_blood"};
    const std::string insert = "INSERT INTO bench_answer (instrument, t, answers, band) SELECT ";
    return {
        "CREATE TEMP TABLE bench_answer (instrument TEXT NOT NULL, t BIGINT NOT NULL, answers TEXT NOT NULL, band "
        "TEXT NOT NULL, PRIMARY KEY (instrument, t))",
        insert + "'phq9', g.i, " + answers(phq9) +
            ", CASE WHEN g.i < 5 THEN 'None–minimal' WHEN g.i < 10 THEN 'Mild' WHEN g.i < 15 THEN 'Moderate' WHEN "
            "g.i < 20 THEN 'Moderately severe' ELSE 'Severe' END FROM " +
            series(28),
        insert + "'gad7', g.i, " + answers(gad7) +
            ", CASE WHEN g.i < 5 THEN 'Minimal' WHEN g.i < 10 THEN 'Mild' WHEN g.i < 15 THEN 'Moderate' ELSE "
            "'Severe' END FROM " +
            series(22),
        insert + "'urinary', g.i, " + answers(urinary) +
            ", CASE WHEN g.i = 0 THEN 'No symptoms' ELSE 'Positive screen – review' END FROM " + series(5)};
  }

  std::string clinics_sql() const {
    return "INSERT INTO clinics (id, name, created_ms) SELECT 'cln_b' || g.i, 'Bench clinic ' || g.i, " +
           to_string(base_ms - 30 * kDayMs) + " FROM " + series(clinics);
  }

  std::string patients_sql() const {
    return "INSERT INTO patients (id, clinic_id, given_name, family_name, given_key, family_key, date_of_birth, "
           "created_ms) SELECT 'pat_b' || x.p, 'cln_b' || x.c, 'Given' || x.p, 'Family' || (x.p / 7), 'given' || x.p, "
           "'family' || (x.p / 7), (1950 + x.p % 50) || '-0' || (1 + x.p % 9) || '-1' || (x.p % 10), " +
           to_string(base_ms) + " + (x.start_day - 30) * " + to_string(kDayMs) + " FROM bench_patient x";
  }

  std::string plans_sql() const {
    const std::string tab = " || " + chr(9) + " || ";
    return "INSERT INTO treatment_plans (id, clinic_id, patient_id, version, route, indications, goals, mg_per_kg, "
           "infusion_minutes, first_dose_mg, dose_mg, induction_sessions, induction_max_per_week, induction_weeks, "
           "maintenance_interval_days, titration_step, titration_ceiling, reason, settings_version, signed_by, "
           "signed_ms) SELECT 'pln_b' || x.p, 'cln_b' || x.c, 'pat_b' || x.p, 1, x.route, x.indications, 'phq9'" +
           tab + "'4'" + tab +
           "'Remission', CASE WHEN x.route = 'intranasal_esketamine' THEN 0 ELSE 0.5 END, "
           "CASE WHEN x.route = 'iv' THEN 40 ELSE 0 END, CASE WHEN x.route = 'intranasal_esketamine' THEN 56 ELSE 0 "
           "END, CASE WHEN x.route = 'intranasal_esketamine' THEN 84 ELSE 0 END, 6, 2, 3, 30, 0, 0, 'Initial plan', "
           "1, 'usr_b_md' || x.c, " +
           to_string(base_ms) + " + (x.start_day - 3) * " + to_string(kDayMs) + " FROM bench_patient x";
  }

  std::string appointments_sql() const {
    const std::string m = to_string(kMinuteMs), d = to_string(kDayMs);
    return "INSERT INTO appointments (id, clinic_id, patient_id, type, route, room_id, staff_ids, start_ms, end_ms, "
           "status, cancel_reason, cancelled_by, cancelled_ms, program_id, plan_id, session_number, reminder_due_ms, "
           "settings_version_ms, created_by, created_ms, updated_ms) SELECT 'apt_b' || s.i, 'cln_b' || s.c, 'pat_b' "
           "|| s.p, 'dosing_session', s.route, 'room_b' || (s.i % 4), 'usr_b_nurse' || s.c, s.t - 30 * " +
           m + ", s.t + 150 * " + m + ", 'completed', '', '', 0, '', 'pln_b' || s.p, s.k + 1, s.t - " + d +
           ", 0, 'usr_b_desk' || s.c, s.t - 7 * " + d + ", s.t + 180 * " + m + " FROM bench_session s";
  }

  std::string sessions_sql() const {
    const std::string m = to_string(kMinuteMs), d = to_string(kDayMs);
    return "INSERT INTO treatment_sessions (id, clinic_id, patient_id, appointment_id, route, room_id, state, "
           "dose_order_id, escort_confirmed, fasting_confirmed, pregnancy_status_current, questionnaire_done, "
           "questionnaire_skip_reason, checked_in_ms, checked_in_by, bp_decision, bp_decision_reason, bp_decision_by, "
           "drug_lot, drug_expiry, dose_started_ms, dose_ended_ms, pre_dose_systolic, pre_dose_diastolic, "
           "pre_dose_heart_rate, pre_dose_spo2, pre_dose_bp_ms, last_systolic, last_diastolic, last_heart_rate, "
           "last_spo2, last_respiratory_rate, last_bp_ms, last_reading_ms, escort_present, instructions_given, "
           "override_reason, override_by, discharged_ms, discharged_by, abort_reason, follow_up_appointment_id, "
           "rems_submitted_on, created_by, created_ms, updated_ms) SELECT 'ses_b' || s.i, 'cln_b' || s.c, 'pat_b' || "
           "s.p, 'apt_b' || s.i, s.route, 'room_b' || (s.i % 4), CASE WHEN s.discharged > 0 THEN 'discharged' ELSE "
           "'aborted' END, '', 1, 1, 1, 1, '', s.t - 20 * " +
           m +
           ", 'usr_b_nurse' || s.c, '', '', '', 'LOT' || (s.k % 7), '2027-12-31', s.t, s.ended, 120000 + (s.r % "
           "30) * 1000, 78000 + (s.r % 11) * 1000, 72000 + (s.r % 13) * 1000, 98000, s.t - 10 * " +
           m + ", 128000 + (s.r % 40) * 1000, 80000, 76000, 97000, 14000, s.ended + 30 * " + m + ", s.ended + 30 * " +
           m +
           ", 1, 1, CASE WHEN s.overridden = 1 THEN 'Patient alert and oriented; escort had to leave' ELSE '' END, "
           "CASE WHEN s.overridden = 1 THEN 'usr_b_md' || s.c ELSE '' END, s.discharged, CASE WHEN s.discharged > 0 "
           "THEN 'usr_b_nurse' || s.c ELSE '' END, CASE WHEN s.discharged > 0 THEN '' ELSE 'Patient asked to stop' "
           "END, '', '', 'usr_b_desk' || s.c, s.t - 7 * " +
           d + ", CASE WHEN s.discharged > 0 THEN s.discharged ELSE s.ended + 30 * " + m + " END FROM bench_session s";
  }

  std::string effects_sql() const {
    const std::string m = to_string(kMinuteMs);
    const std::string kind =
        "(CASE s.r % 20 WHEN 0 THEN 'vomiting' WHEN 1 THEN 'headache' WHEN 2 THEN 'raised_bp' "
        "WHEN 3 THEN 'anxiety_agitation' WHEN 4 THEN 'emergence_reaction' WHEN 5 THEN "
        "'fast_heart_rate' WHEN 6 THEN 'sedation' WHEN 7 THEN 'sedation' WHEN 8 THEN 'dizziness' "
        "WHEN 9 THEN 'dizziness' WHEN 10 THEN 'nausea' WHEN 11 THEN 'nausea' WHEN 12 THEN "
        "'nausea' ELSE 'dissociation' END)";
    return "INSERT INTO session_effects (id, clinic_id, session_id, kind, severity, at_ms, description, intervention, "
           "outcome, serious, narrative, by_user, recorded_ms) SELECT 'eff_b' || s.i, 'cln_b' || s.c, 'ses_b' || "
           "s.i, " +
           kind +
           ", CASE WHEN s.r % 7 < 4 THEN 'mild' WHEN s.r % 7 < 6 THEN 'moderate' ELSE 'severe' END, s.t + 15 * " + m +
           ", 'Generated', '', 'resolved', CASE WHEN s.r % 1000 < 10 THEN 1 ELSE 0 END, '', 'usr_b_nurse' || s.c, "
           "s.t + 20 * " +
           m + " FROM bench_session s WHERE " + h("s.i", 10) + " % 100 < 10";
  }

  /// number 1: 15 % of sessions; number 2: 3 % (of those).
  std::string alarms_sql(int number) const {
    const std::string m = to_string(kMinuteMs);
    const std::string rule =
        number == 1 ? "(CASE WHEN s.r % 100 < 30 THEN 'bp_high' WHEN s.r % 100 < 42 THEN 'bp_severe' WHEN s.r % 100 < "
                      "75 THEN 'hr_high' ELSE 'spo2_low' END)"
                    : "'bp_high'";
    return "INSERT INTO session_alarms (clinic_id, session_id, number, rule_code, priority, state, condition_active, "
           "escalated, raised_ms, acknowledged_ms, acknowledged_by, cleared_ms, escalated_ms, has_value, "
           "value_milli) SELECT 'cln_b' || s.c, 'ses_b' || s.i, " +
           to_string(number) + ", " + rule + ", CASE WHEN " + rule +
           " IN ('bp_high', 'hr_high') THEN 'medium' ELSE 'high' END, 'cleared', 0, 0, s.t + " +
           to_string(number * 10) + " * " + m + ", s.t + " + to_string(number * 10 + 1) + " * " + m +
           ", 'usr_b_nurse' || s.c, s.t + " + to_string(number * 10 + 8) + " * " + m +
           ", 0, 1, 150000 + (s.r % 60) * 1000 FROM bench_session s WHERE " + h("s.i", 11) + " % 100 < " +
           (number == 1 ? "15" : "3");
  }

  /// 2 % of responses are still in progress.
  std::string responses_sql() const {
    const std::string m = to_string(kMinuteMs);
    return "INSERT INTO questionnaire_responses (id, clinic_id, patient_id, instrument, status, source, link_id, "
           "answers, total, band, started_ms, updated_ms, submitted_ms, entered_by, amends, amendment_reason) SELECT "
           "'qr_b' || z.i, 'cln_b' || z.c, 'pat_b' || z.p, z.instrument, CASE WHEN z.r % 100 >= 2 THEN 'submitted' "
           "ELSE 'in_progress' END, 'staff', '', a.answers, z.t, a.band, z.at_ms - 6 * " +
           m +
           ", z.at_ms, CASE WHEN z.r % 100 >= 2 THEN z.at_ms ELSE 0 END, 'usr_b_nurse' || z.c, '', '' FROM "
           "bench_response z JOIN bench_answer a ON a.instrument = z.instrument AND a.t = z.t";
  }

  std::vector<std::string> drop_scratch_sql() const {
    return {"DROP TABLE bench_patient", "DROP TABLE bench_session", "DROP TABLE bench_response",
            "DROP TABLE bench_answer"};
  }
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"dashboards benchmark"};
  std::string url, engine;
  Generator gen;
  int sample = 50, repeats = 1;
  double max_generate_s = 1800;
  cli.add_option("--database", url)->required();
  cli.add_option("--engine", engine)->required()->check(CLI::IsMember({"sqlite", "postgresql"}));
  cli.add_option("--clinics", gen.clinics);
  cli.add_option("--patients-per-clinic", gen.per_clinic);
  cli.add_option("--sessions-per-patient", gen.sessions_per_patient)->check(CLI::Range(1, 20));
  cli.add_option("--responses-per-patient", gen.responses_per_patient)->check(CLI::Range(1, 150));
  cli.add_option("--sample", sample, "clinics timed");
  cli.add_option("--repeats", repeats, "rounds over the sampled clinics");
  cli.add_option("--seed", gen.seed);
  cli.add_option("--max-generate-seconds", max_generate_s, "stop if generating takes longer (checked per table)");
  CLI11_PARSE(cli, argc, argv);
  gen.postgresql = engine == "postgresql";
  const kc::Date first_day{2024, 7, 1};
  gen.base_ms = static_cast<std::int64_t>(kc::days_between(kc::Date{}, first_day)) * kDayMs;
  const kc::Date today = kc::add_days(first_day, kDays);
  sample = std::min<int>(sample, static_cast<int>(gen.clinics));

  kc::platform::SodiumCrypto crypto;
  FixedClock clock(gen.base_ms + kDays * kDayMs + 12 * 60 * kMinuteMs);  // noon, "today"
  kc::store::StoreOptions options;
  options.url = url;
  options.pool_size = 2;
  auto store = kc::store::SociStore::open(options, clock.now_ms());  // the schema: every migration

  auto raw = gen.postgresql ? std::make_unique<soci::session>(soci::postgresql, kc::store::libpq_conninfo(url))
                            : std::make_unique<soci::session>(soci::sqlite3, "db=\"" + url.substr(7) + "\"");
  if (!gen.postgresql) {
    *raw << "PRAGMA foreign_keys=ON";  // check the generated rows against the schema, as the store does
    *raw << "PRAGMA busy_timeout=5000";
    *raw << "PRAGMA cache_size=-262144";  // 256 MiB for this connection's bulk load
  }

  // 1. The network.
  const auto generate_start = Clock::now();
  struct Step {
    const char* what;
    std::vector<std::string> sql;
  };
  const std::vector<Step> steps = {
      {"scratch: patients", gen.patient_scratch_sql()},
      {"scratch: answers", gen.answer_scratch_sql()},
      {"clinics", {gen.clinics_sql()}},
      {"patients", {gen.patients_sql()}},
      {"treatment_plans", {gen.plans_sql()}},
      {"scratch: sessions", gen.session_scratch_sql()},
      {"appointments", {gen.appointments_sql()}},
      {"treatment_sessions", {gen.sessions_sql()}},
      {"session_effects", {gen.effects_sql()}},
      {"session_alarms", {gen.alarms_sql(1), gen.alarms_sql(2)}},
      {"scratch: responses", gen.response_scratch_sql()},
      {"questionnaire_responses", {gen.responses_sql()}},
      {"scratch: dropped", gen.drop_scratch_sql()},
  };
  for (const auto& step : steps) {
    const auto t0 = Clock::now();
    soci::transaction tx(*raw);
    for (const auto& sql : step.sql) *raw << sql;
    tx.commit();
    std::cerr << "dashboards[" << engine << "]: " << step.what << " in " << seconds_since(t0) << " s\n";
    if (seconds_since(generate_start) > max_generate_s) {
      std::cerr << "dashboards[" << engine << "]: generating took over " << max_generate_s << " s; stopped\n";
      return 2;
    }
  }
  const double insert_s = seconds_since(generate_start);
  // Steady state: on PostgreSQL autovacuum would vacuum and analyse tables this size
  // soon after; SQLite's store never runs ANALYZE, and a checkpoint empties the WAL.
  const auto settle_start = Clock::now();
  if (gen.postgresql)
    *raw << "VACUUM ANALYZE";
  else
    *raw << "PRAGMA wal_checkpoint(TRUNCATE)";
  const double settle_s = seconds_since(settle_start);
  long long sessions = 0, responses = 0, effects = 0, alarms = 0;
  *raw << "SELECT COUNT(*) FROM treatment_sessions", soci::into(sessions);
  *raw << "SELECT COUNT(*) FROM questionnaire_responses WHERE status = 'submitted'", soci::into(responses);
  *raw << "SELECT COUNT(*) FROM session_effects", soci::into(effects);
  *raw << "SELECT COUNT(*) FROM session_alarms", soci::into(alarms);
  std::cerr << "dashboards[" << engine << "]: generated " << gen.patients() << " patients, " << sessions
            << " sessions, " << responses << " submitted responses, " << effects << " effects, " << alarms
            << " alarms in " << insert_s << " s, then " << (gen.postgresql ? "VACUUM ANALYZE" : "a WAL checkpoint")
            << " in " << settle_s << " s\n";
  print(engine, "generate_s", insert_s, "s");
  print(engine, "settle_s", settle_s, "s");
  print(engine, "clinics", static_cast<double>(gen.clinics), "1");
  print(engine, "patients", static_cast<double>(gen.patients()), "1");
  print(engine, "sessions", static_cast<double>(sessions), "1");
  print(engine, "submitted_responses", static_cast<double>(responses), "1");

  // 2. Timings.
  std::vector<int> order(static_cast<std::size_t>(gen.clinics));
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(static_cast<std::uint32_t>(gen.seed));
  std::shuffle(order.begin(), order.end(), rng);
  order.resize(static_cast<std::size_t>(sample));

  struct Filter {
    std::string name;
    kc::app::DashboardQuery query;
    std::vector<double> ms;
  };
  std::vector<Filter> filters = {{"all", {}, {}},
                                 {"route_iv", {.route = "iv"}, {}},
                                 {"indication_depression", {.indication = "depression"}, {}},
                                 {"range_90d", {}, {}}};
  filters[3].query.from = kc::format_date(kc::add_days(today, -89));
  filters[3].query.to = kc::format_date(today);
  std::vector<double> count_sessions_ms, count_responses_ms, store_ms;
  soci::statement count_sessions = (raw->prepare << "SELECT COUNT(*) FROM treatment_sessions WHERE clinic_id = :c");
  soci::statement count_responses =
      (raw->prepare << "SELECT COUNT(*) FROM questionnaire_responses WHERE clinic_id = :c");
  std::string clinic_id;
  long long count = 0;
  count_sessions.exchange(soci::use(clinic_id, "c"));
  count_sessions.exchange(soci::into(count));
  count_sessions.define_and_bind();
  count_responses.exchange(soci::use(clinic_id, "c"));
  count_responses.exchange(soci::into(count));
  count_responses.define_and_bind();

  kc::app::OutcomeService service(*store, crypto, clock);
  const std::int64_t to_ms = static_cast<std::int64_t>(kc::days_between(kc::Date{}, kc::add_days(today, 1))) * kDayMs;
  std::uint64_t digest = 14695981039346656037ull;  // of every dashboard's figures (first round)
  const auto timing_start = Clock::now();
  for (int round = 0; round < repeats; ++round) {
    for (std::size_t j = 0; j < order.size(); ++j) {
      clinic_id = "cln_b" + to_string(order[j]);
      const kc::app::ClinicId clinic{clinic_id};
      kc::app::Caller caller = kc::app::Caller::system(clinic, "127.0.0.1");
      caller.user_id = "usr_b_admin" + to_string(order[j]);
      caller.roles = {kc::Role::admin};

      auto t0 = Clock::now();
      count_sessions.execute(true);
      auto t1 = Clock::now();
      count_responses.execute(true);
      auto t2 = Clock::now();
      std::size_t rows = 0;
      {
        auto tx = store->begin(kc::app::Store::Mode::read);
        auto r = tx->dashboard_rows(clinic, "phq9", to_ms);
        rows = r.facts.sessions.size() + r.facts.effects.size() + r.facts.alarms.size() + r.facts.patients.size() +
               r.responses.size();
      }
      auto t3 = Clock::now();
      count_sessions_ms.push_back(ms_between(t0, t1));
      count_responses_ms.push_back(ms_between(t1, t2));
      store_ms.push_back(ms_between(t2, t3));
      // The filters in a different order for each clinic, so that none is always first.
      for (std::size_t f = 0; f < filters.size(); ++f) {
        auto& filter = filters[(f + j) % filters.size()];
        const auto a = Clock::now();
        auto view = service.dashboard(caller, filter.query);
        const auto b = Clock::now();
        if (!view) {
          std::cerr << "dashboard failed: " << view.error().message << "\n";
          return 1;
        }
        filter.ms.push_back(ms_between(a, b));
        if (round == 0) digest = fnv1a(digest, figures(view->dashboard));
        if (round == 0 && j == 0) {
          const auto& d = view->dashboard;
          const auto& all = d.groups.empty() ? kc::OutcomeGroup{} : d.groups.front();
          std::cerr << "dashboards[" << engine << "]: " << clinic_id << " " << filter.name << ": " << d.sessions
                    << " sessions, " << d.active_patients << " patients, started " << all.started << ", assessed "
                    << all.assessed << ", responders " << all.responders.count << ", remitters " << all.remitters.count
                    << ", adverse events " << d.adverse_events << ", alarms " << d.alarms << ", overrides "
                    << d.overrides << " (" << rows << " store rows)\n";
        }
      }
    }
  }
  std::cerr << "dashboards[" << engine << "]: digest of the " << order.size() * filters.size()
            << " dashboards' figures: " << std::hex << digest << std::dec << "\n";
  std::cerr << "dashboards[" << engine << "]: timed " << order.size() << " clinics x " << repeats << " in "
            << seconds_since(timing_start) << " s\n";

  auto report = [&](const std::string& name, const std::vector<double>& ms) {
    print(engine, name + "_p50_ms", percentile(ms, 0.50), "ms");
    print(engine, name + "_p99_ms", percentile(ms, 0.99), "ms");
    print(engine, name + "_max_ms", *std::max_element(ms.begin(), ms.end()), "ms");
  };
  report("count_sessions", count_sessions_ms);
  report("count_responses", count_responses_ms);
  const double sessions_p99 = percentile(count_sessions_ms, 0.99);
  const double responses_p99 = percentile(count_responses_ms, 0.99);
  auto report_vs = [&](const std::string& name, const std::vector<double>& ms) {
    print(engine, name + "_p50_ms", percentile(ms, 0.50), "ms");
    print(engine, name + "_p99_ms", percentile(ms, 0.99), "ms", "count_sessions_p99", sessions_p99);
    print(engine, name + "_p99_ms_vs_responses", percentile(ms, 0.99), "ms", "count_responses_p99", responses_p99);
    print(engine, name + "_max_ms", *std::max_element(ms.begin(), ms.end()), "ms");
  };
  report_vs("store", store_ms);
  for (const auto& f : filters) report_vs(f.name, f.ms);
  return 0;
}
