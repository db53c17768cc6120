// Measurement-based care: questionnaire responses (entered by staff or by the patient
// from a single-use link), results against baseline, schedules and what is due, the
// clinic's measurement settings, and suicide-risk tasks with their escalation.
//
// A submitted response is never changed: an amendment is a new response that names
// the one it replaces, and both are audited. Only complete responses are scored.
// A submitted response that raises a risk signal (domain/measurement.h) creates a
// high-priority task for the patient's responsible clinician (any prescriber when
// none is set); a task not acknowledged within the clinic-set minutes escalates to
// the medical director (the clinic's admins).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/events.h"
#include "app/ports.h"
#include "app/store.h"
#include "domain/instruments.h"
#include "domain/measurement.h"
#include "domain/result.h"

namespace kc::app {

/// Answers as stored: "item=value,item=value" (item codes are [a-z0-9_]).
std::string encode_answers(const std::map<std::string, int>& answers);
std::map<std::string, int> decode_answers(const std::string& text);

/// The settings a clinic starts with (docs/clinical-defaults.md gives their sources).
MeasureSettingsRow default_measure_settings(const ClinicId& clinic);

struct SeriesView {
  std::string instrument;
  /// Submitted responses not replaced by an amendment, oldest first; an amendment
  /// takes the time of the response it replaces (submitted_ms is rewritten to it).
  std::vector<ResponseRow> points;
  InstrumentOutcome outcome;
};

struct MeasuresView {
  std::vector<SeriesView> series;
  std::vector<ResponseRow> responses;                              // newest first
  std::vector<LinkRow> links;                                      // newest first
  std::map<std::string, std::vector<std::string>> link_submitted;  // link id -> instruments submitted
  std::vector<ScheduleRow> schedule;
  std::vector<DueItem> due;
  std::vector<std::string> session_days;  // days of dosing sessions booked or held (the calendar), oldest first
  std::optional<UserRow> responsible;
};

struct ResponseInput {
  std::string instrument;
  std::map<std::string, int> answers;
  bool submit = false;
  std::string response_id;  // continue this in-progress response
  std::string amends;       // replace this submitted response
  std::string amendment_reason;
};

struct RecordedResponse {
  ResponseRow response;
  std::vector<RiskSignal> risk;
  std::string task_id;                          // empty when no task was raised
  std::vector<std::string> follow_up_task_ids;  // relapse and bladder-symptom tasks (app/outcome_service.h)
};

struct CreatedLink {
  LinkRow link;
  std::string token;  // shown once; only its hash is stored
  std::string path;   // /q/{clinic}/{token}
  OutboxRow message;
};

struct PublicLinkView {
  std::string clinic_name;
  LinkRow link;
  std::map<std::string, std::map<std::string, int>> answers;  // in-progress answers by instrument
  std::vector<std::string> submitted;
};

struct PublicAnswerResult {
  std::vector<std::string> submitted;
  bool complete = false;
  std::string crisis_message;  // set when the submitted answers raised a risk signal
};

struct DueListItem {
  PatientRow patient;
  DueItem item;
};

struct ScheduleInput {
  std::string instrument, rule, start, end;
  int interval_days = 0;
};

struct SettingsPatch {
  std::optional<int> link_lifetime_hours, escalation_minutes, phq9_rise_points, cssrs_min_level;
  std::optional<std::string> crisis_message;
};

struct TaskView {
  TaskRow task;
  PatientRow patient;
  std::optional<UserRow> assigned;
  std::string acknowledged_by_email;
  bool can_acknowledge = false;
};

class MeasureService {
 public:
  MeasureService(Store& store, Crypto& crypto, const Clock& clock)
      : store_(store), crypto_(crypto), clock_(clock), audit_(crypto, clock) {}

  /// Live screens: task.raised, task.escalated and task.acknowledged go to `events`
  /// (after commit; the data is the task's id and priority only) — the inbox reloads.
  void announce_to(EventBus& events) { events_ = &events; }

  Result<MeasuresView> patient_measures(const Caller& caller, const std::string& patient_id);
  Result<RecordedResponse> record(const Caller& caller, const std::string& patient_id, const ResponseInput& input);
  /// `origin` (e.g. https://clinic.example.org) makes the full address in the message.
  Result<CreatedLink> create_link(const Caller& caller, const std::string& patient_id,
                                  const std::vector<std::string>& instruments, const std::string& origin);
  Result<MeasuresView> replace_schedule(const Caller& caller, const std::string& patient_id,
                                        const std::vector<ScheduleInput>& entries);
  /// `user_id` empty clears it.
  Result<std::optional<UserRow>> set_responsible(const Caller& caller, const std::string& patient_id,
                                                 const std::string& user_id);
  /// Enabled users with the prescriber role.
  Result<std::vector<UserRow>> clinicians(const Caller& caller);
  /// Every patient's due and overdue questionnaires: overdue first, then by due date.
  Result<std::vector<DueListItem>> due_list(const Caller& caller);

  Result<MeasureSettingsRow> settings(const Caller& caller);
  /// The clinic's crisis-resources text, for its public pages (no sign-in).
  std::string crisis_message(const std::string& clinic_id);
  Result<MeasureSettingsRow> update_settings(const Caller& caller, const SettingsPatch& patch);

  /// The patient's link page. Errors: not_found "link_not_found"; conflict-kind
  /// "link_used" / "link_expired" (the API answers 410).
  Result<PublicLinkView> open_link(const std::string& clinic_id, const std::string& token,
                                   const std::string& client_address);
  Result<PublicAnswerResult> answer_link(const std::string& clinic_id, const std::string& token,
                                         const std::string& instrument, const std::map<std::string, int>& answers,
                                         bool submit, const std::string& client_address);

  /// Tasks the caller may see: admin every task; a prescriber theirs and unassigned
  /// ones; anyone else theirs. Escalates overdue tasks first.
  Result<std::vector<TaskView>> tasks(const Caller& caller, bool open_only);
  Result<TaskView> acknowledge(const Caller& caller, const std::string& task_id, const std::string& action);
  /// Escalates every clinic's overdue tasks (run periodically).
  void sweep();

 private:
  Result<std::unique_ptr<Transaction>> open(const Caller& caller, Action action, std::string_view audit_action,
                                            const std::string& patient_id);
  MeasureSettingsRow settings_of(Transaction& tx, const ClinicId& clinic);
  MeasuresView view_of(Transaction& tx, const ClinicId& clinic, const std::string& patient_id);
  /// Scores and submits `row` (its answers set), raising a task when the answers call for one.
  Result<RecordedResponse> submit(Transaction& tx, const Caller& caller, ResponseRow row, bool insert);
  /// Creates the high-priority task for `signals` and returns its id.
  std::string raise_risk_task(Transaction& tx, const Caller& caller, const ResponseRow& response,
                              const std::vector<RiskSignal>& signals, const MeasureSettingsRow& settings);
  /// Escalates the clinic's overdue tasks; returns their ids (announce after commit).
  std::vector<std::string> escalate_due(Transaction& tx, const ClinicId& clinic);
  void announce(const ClinicId& clinic, std::string_view type, const std::string& task_id);
  /// Marks the link used once every questionnaire on it is submitted; true when it is.
  bool close_link_if_complete(Transaction& tx, const Caller& caller, const std::string& patient_id,
                              const std::string& link_id);
  TaskView task_view(Transaction& tx, const Caller& caller, const TaskRow& task);
  /// Finds an open link of the clinic by token, or the error to answer with.
  Result<LinkRow> usable_link(Transaction& tx, const std::string& clinic_id, const std::string& token);

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog audit_;
  EventBus* events_ = nullptr;
};

}  // namespace kc::app
