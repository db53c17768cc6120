// Follow-up, outcomes and long-term safety (issue 7; clinical reference §5):
// - the clinic's follow-up and safety settings;
// - a patient's progress: per-instrument trajectories against baseline with their
//   sessions, response, remission, relapse, time to response and durability; the
//   pain pathway (pain scores and the daily opioid dose); long-term safety (30-day
//   exposure of the doses given against the clinic's limits, the running total,
//   urinary screens, liver tests due, the tolerance signal, memory or attention
//   problems); side effects; the follow-up plan and what is due; check-ins;
// - the follow-up plan (the measurement schedule's `follow_up` entries), check-ins,
//   and the missed follow-up list;
// - the clinic dashboard (domain/dashboard.h).
// Relapse and positive urinary screens raise tasks when a response is submitted
// (`watch_response`, called by MeasureService).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ports.h"
#include "app/store.h"
#include "domain/dashboard.h"
#include "domain/follow_up.h"
#include "domain/instruments.h"
#include "domain/measurement.h"
#include "domain/outcomes.h"
#include "domain/result.h"

namespace kc::app {

struct OutcomeSettingsPatch {
  std::optional<int> follow_up_interval_days, relapse_consecutive_checks, induction_days, tolerance_rising_doses;
  std::optional<std::vector<std::string>> follow_up_instruments;
  // Outer optional: given; inner: the value, or none to remove the limit.
  std::optional<std::optional<int>> max_sessions_per_30_days, liver_test_interval_days;
  std::optional<std::optional<std::int64_t>> max_ug_per_kg_per_30_days;
};

/// A dose given in a session: IV/infusions as the pump delivered it, esketamine by
/// the devices used, other routes the ordered dose once dosing started.
struct GivenDoseView {
  std::optional<std::int64_t> ug, ug_per_kg;
};

struct ProgressSession {
  TreatmentSessionRow session;
  std::int64_t at_ms = 0;  // the dose's start
  GivenDoseView given;
};

struct ProgressInstrument {
  const Instrument* instrument = nullptr;
  std::vector<ScoredPoint> points;  // oldest first; the first is the baseline
  InstrumentOutcome outcome;
  Trajectory trajectory;
  std::string status;  // remission | response | relapsed | no_response | baseline_only
  std::optional<int> response_at_most;
};

struct SafetyWarning {
  std::string code, message;
};

struct SafetyView {
  Exposure exposure;
  int running_sessions = 0;
  std::int64_t running_ug = 0;
  std::vector<SafetyWarning> warnings;
  std::optional<std::int64_t> last_urinary_ms;
  std::optional<int> last_urinary_total;
  int positive_urinary_screens = 0;
  std::optional<Date> last_liver_test;
  LiverDue liver;
  bool tolerance = false;
  std::vector<GivenDose> doses;  // oldest first
  std::vector<CheckInRow> memory_attention;
};

struct ProgressEffect {
  EffectRow effect;
};

struct FollowUpPlanView {
  Date start;
  int interval_days = 0;
  std::vector<std::string> instruments;
};

struct ProgressView {
  PatientRow patient;
  std::string clinic_name;
  OutcomeSettings settings;
  std::optional<std::int64_t> first_session_ms;
  std::vector<ProgressSession> sessions;  // dosed sessions, oldest first
  std::vector<ProgressInstrument> instruments;
  bool pain = false;  // show the pain pathway
  std::vector<ScoredPoint> pain_scores;
  std::vector<std::pair<std::int64_t, std::int64_t>> mme;  // (at, mme thousandths), oldest first
  SafetyView safety;
  std::vector<EffectRow> side_effects;  // oldest first
  std::optional<FollowUpPlanView> follow_up;
  std::vector<DueItem> follow_up_due;
  std::vector<CheckInRow> check_ins;  // newest first; recorded_by holds the e-mail
  std::vector<TaskRow> open_tasks;
};

struct FollowUpInput {
  std::string start;  // YYYY-MM-DD
  std::optional<int> interval_days;
  std::optional<std::vector<std::string>> instruments;
};

struct FollowUpCheckInInput {
  std::string at;  // ISO 8601; empty: now
  std::optional<std::int64_t> mme_milli;
  bool memory_attention = false;
  std::string note;
};

struct MissedCheckIn {
  PatientRow patient;
  DueItem item;
};
struct OverdueLiverTest {
  PatientRow patient;
  std::optional<Date> last_test, due_on;
};
struct MissedView {
  std::vector<MissedCheckIn> check_ins;
  std::vector<OverdueLiverTest> liver_tests;
};

struct DashboardView {
  DashboardFilter filter;
  int induction_days = 0;
  Dashboard dashboard;
};

/// The dashboard's filter as the API gives it: days and codes as text, empty when absent.
struct DashboardQuery {
  std::string from, to, route, indication, instrument;
};
/// Checks and completes a filter (default: the 365 days ending `today`, PHQ-9).
/// Errors name the parameter ("from", "to", "route", "indication", "instrument").
Result<DashboardFilter> dashboard_filter(const DashboardQuery& query, const Date& today);

/// The submitted responses of one instrument that no amendment replaces, as points
/// (an amendment takes its original's time), oldest first, by patient.
std::map<std::string, std::vector<ScoredPoint>> standing_points(const std::vector<ResponseRow>& responses,
                                                                std::string_view instrument);

/// The dose a session gave (see GivenDoseView); none before dosing started.
GivenDoseView given_dose(Transaction& tx, const ClinicId& clinic, const TreatmentSessionRow& session,
                         std::int64_t now_ms);

class OutcomeService {
 public:
  OutcomeService(Store& store, Crypto& crypto, const Clock& clock) : store_(store), crypto_(crypto), clock_(clock) {}

  Result<OutcomeSettingsRow> settings(const Caller& caller);
  Result<OutcomeSettingsRow> update_settings(const Caller& caller, const OutcomeSettingsPatch& patch);

  Result<ProgressView> progress(const Caller& caller, const std::string& patient_id);
  Result<ProgressView> start_follow_up(const Caller& caller, const std::string& patient_id, const FollowUpInput& in);
  Result<ProgressView> end_follow_up(const Caller& caller, const std::string& patient_id, const std::string& reason);
  Result<CheckInRow> record_check_in(const Caller& caller, const std::string& patient_id,
                                     const FollowUpCheckInInput& in);
  Result<MissedView> missed(const Caller& caller);
  Result<DashboardView> dashboard(const Caller& caller, const DashboardQuery& query);

  /// Builds a patient's progress in an open transaction (the research export uses it).
  ProgressView progress_of(Transaction& tx, const ClinicId& clinic, const PatientRow& patient);
  static OutcomeSettingsRow settings_of(Transaction& tx, const ClinicId& clinic);

 private:
  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog audit_{crypto_, clock_};
};

/// Called by MeasureService in the transaction that submitted `response`: raises a
/// `relapse` task when this check confirms a relapse (the clinic's rule) and a
/// `bladder_symptoms` task for a positive urinary screen. Returns the new task ids.
std::vector<std::string> watch_response(Transaction& tx, const Caller& caller, const ResponseRow& response,
                                        Crypto& crypto, const Clock& clock, AuditLog& audit);

}  // namespace kc::app
