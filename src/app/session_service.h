// The monitored session: opened for a booked dosing appointment, run by a nurse from
// one console through the states of domain/session.h, each transition checked
// against its gates; the dosing record (infusion events, esketamine devices, rescue
// medicines, the drug's lot); vital signs with the clinic's alarm rules; effects and
// adverse events; the modified Aldrete score against the patient's own pre-dose
// pressure; discharge; the therapist's integration note; a follow-up appointment;
// and the Spravato REMS Patient Monitoring Form.
//
// Every write is audited in its own transaction, alarm events included. Live screens
// hear session.state, session.updated, vitals.recorded and alarm.* after commit.
//
// Alarms are evaluated in memory, one AlarmEngine per session in this process
// (readings are evaluated in the order they arrive; a reading timed before the last
// one is evaluated as arriving now). The alarms themselves are stored: after a
// restart, a session's engine starts afresh (an episode still in range is raised
// again as a new alarm) and alarms raised before it can still be acknowledged.
// Like the live hub, this assumes one server process per clinic's sessions.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/events.h"
#include "app/ports.h"
#include "app/store.h"
#include "domain/dosing_record.h"
#include "domain/effects.h"
#include "domain/result.h"
#include "domain/session.h"
#include "domain/session_protocol.h"
#include "domain/vitals.h"

namespace kc::app {

class CalendarService;
struct BookingInput;

/// A reading's values in display units (nullopt: not measured).
VitalReading to_reading(const VitalRow& row);

struct SessionView {
  TreatmentSessionRow session;
  PatientRow patient;
  Demographics demographics;
  int age_years = 0;
  AppointmentRow appointment;
  std::optional<RoomRow> room;
  std::optional<DoseOrderRow> dose_order;  // the order dosing uses (or would use today)
  std::vector<SessionEventRow> events;     // infusion events and devices
  std::vector<RescueMedicineRow> rescue_medicines;
  std::vector<EffectRow> effects;
  std::vector<AldreteRow> aldrete;
  std::vector<SessionNoteRow> notes;
  std::vector<SessionAlarmRow> alarms;
  std::optional<VitalRow> latest_vitals, pre_dose_vitals;
  std::vector<AlarmRule> alarm_rules;
  SessionProtocol protocol;
  std::vector<SessionTransition> transitions;
  std::optional<SessionTransition> next_transition;
  std::vector<GateCheck> gates;  // of next_transition
  bool pregnancy_applies = false;
  bool pre_dose_above_limit = false;
  Delivered delivered;
  int minimum_observation_min = 0;
  std::optional<std::int64_t> observation_until_ms, bp_next_due_ms;
  bool bp_overdue = false;
  std::string rems_due_on;                    // esketamine only
  std::map<std::string, std::string> emails;  // user id -> e-mail, for the "by" fields
};

/// A session as the nurse station shows it.
struct SessionTile {
  TreatmentSessionRow session;
  PatientRow patient;
  std::string display_name;
  std::optional<RoomRow> room;
  std::int64_t appointment_start_ms = 0;
  std::optional<VitalRow> latest_vitals;
  int open_alarms = 0, unacknowledged = 0;
  std::string highest_priority;  // empty: none open
};

struct TileQuery {
  bool active_only = false;
  std::string day;  // YYYY-MM-DD: sessions whose appointment starts that day
  std::string patient_id;
};

struct CheckInInput {
  bool escort_confirmed = false, fasting_confirmed = false, pregnancy_status_current = false,
       questionnaire_done = false;
  std::string questionnaire_skip_reason;
};

struct TransitionInput {
  std::string transition;
  std::string reason;
  std::optional<double> rate_ml_per_h;
};

struct AldreteObservation {
  std::optional<int> activity, respiration, consciousness;
  bool on_room_air = true;
};

struct VitalsAccepted {
  int accepted = 0;
  std::vector<SessionAlarmRow> alarm_changes;  // the alarms the batch raised or changed
  std::vector<std::string> alarm_event_kinds;  // parallel: raised, condition_cleared, ...
  std::vector<std::string> alarm_labels;       // parallel: the rule's label
  VitalRow latest;                             // the batch's latest reading (for vitals.recorded)
};

/// One request's readings, checked (SessionService::check_vitals) and waiting to be
/// stored, by record_vitals at once or by the VitalsWriter in a group.
struct VitalsBatch {
  Caller caller;
  std::string session_id;
  std::vector<VitalReading> readings;  // checked, times and sources filled in, oldest first
  std::int64_t received_ms = 0;        // when checked: the readings' recorded_ms
};

/// A change of the session protocol: field name (ProtocolField::name) -> value.
using SessionSettingsPatch = std::map<std::string, int>;

struct RemsForm {
  SessionView view;
  bool benzodiazepines = false, non_benzodiazepine_sedative_hypnotics = false, psychostimulants = false, maois = false,
       opioids = false;
  std::string monitoring_clinician, setting, date;
  double dose_mg = 0;
  int devices = 0;
  int minutes_monitored = 0;
  bool vitals_acceptable_before = false, vitals_acceptable_after = false;
  std::vector<VitalRow> bp_readings;
  bool sedation = false, dissociation = false, respiratory_depression = false;
  std::vector<EffectRow> serious_adverse_events;
};

struct RemsPending {
  TreatmentSessionRow session;
  PatientRow patient;
  std::string date, due_on;
  bool overdue = false;
};

class SessionService {
 public:
  SessionService(Store& store, Crypto& crypto, const Clock& clock, CalendarService& calendar);
  ~SessionService();

  void announce_to(EventBus& events) { events_ = &events; }

  /// Opens the session of a booked dosing appointment, or returns the one it has
  /// (`created` tells which). Conflict not_a_dosing_session otherwise.
  Result<SessionView> open(const Caller& caller, const std::string& appointment_id, bool* created = nullptr);
  Result<SessionView> get(const Caller& caller, const std::string& id);
  Result<std::vector<SessionTile>> tiles(const Caller& caller, const TileQuery& query);

  Result<SessionView> check_in(const Caller& caller, const std::string& id, const CheckInInput& input);
  Result<SessionView> bp_decision(const Caller& caller, const std::string& id, const std::string& decision,
                                  const std::string& reason);
  Result<SessionView> drug_lot(const Caller& caller, const std::string& id, const std::string& lot,
                               const std::string& expiry_date);
  Result<SessionView> transition(const Caller& caller, const std::string& id, const TransitionInput& input);
  Result<SessionView> rate_change(const Caller& caller, const std::string& id, std::optional<double> rate_ml_per_h,
                                  const std::string& reason);
  Result<SessionView> device_given(const Caller& caller, const std::string& id);
  Result<SessionView> rescue_medicine(const Caller& caller, const std::string& id, const RescueMedicine& medicine);
  Result<SessionView> effect(const Caller& caller, const std::string& id, const EffectEntry& entry);
  Result<SessionView> aldrete(const Caller& caller, const std::string& id, const AldreteObservation& observation);
  Result<SessionView> discharge_checks(const Caller& caller, const std::string& id, bool escort_present,
                                       bool instructions_given);
  Result<SessionView> override_discharge(const Caller& caller, const std::string& id, const std::string& reason);
  Result<SessionView> note(const Caller& caller, const std::string& id, const std::string& text);
  Result<SessionView> follow_up(const Caller& caller, const std::string& id, const BookingInput& booking);
  Result<SessionView> acknowledge(const Caller& caller, const std::string& id, int alarm_number);

  /// Checks every reading first (errors name "readings[i].field"); stores them all
  /// or none in a transaction of its own; evaluates the alarm rules; publishes after
  /// commit. The HTTP path stores through the VitalsWriter instead (vitals_writer.h),
  /// which runs the same steps below for a group of batches in one transaction.
  Result<VitalsAccepted> record_vitals(const Caller& caller, const std::string& id, std::vector<VitalReading> readings);

  // record_vitals in steps, for the VitalsWriter. Thread-safe, like the rest.
  /// The checks that need no transaction: the caller's permission (a refusal is
  /// audited at once) and every reading.
  Result<VitalsBatch> check_vitals(const Caller& caller, const std::string& id, std::vector<VitalReading> readings);
  /// Stores a checked batch in `tx` (a write transaction; the session row is locked
  /// until commit): the readings, the session's running values, the alarms the
  /// rules raised or changed. No such session or a closed one: an error, nothing
  /// written. Throws on a store failure (the session's alarm engine is dropped; the
  /// caller rolls back what the batch wrote). Writes no audit event: see audit_vitals.
  Result<VitalsAccepted> store_vitals(Transaction& tx, const VitalsBatch& batch);
  /// The audit events of stored batches (per batch session.vitals, then one alarm.*
  /// per alarm change), in `tx`, each clinic's chain locked once. Kept apart so that
  /// a group locks the audit chains only after every session row it needs
  /// (PostgreSQL takes row locks in one order).
  using StoredVitals = std::pair<const VitalsBatch*, const VitalsAccepted*>;
  void audit_vitals(Transaction& tx, const std::vector<StoredVitals>& stored);
  /// After a rollback of stored batches: the session's alarm engine evaluated
  /// readings that were not stored, so it starts afresh from the stored alarms.
  void forget_engine(const std::string& session_id);
  /// After commit: vitals.recorded and the alarm.* events, to live screens.
  void announce_vitals(const VitalsBatch& batch, const VitalsAccepted& accepted);
  Result<std::vector<VitalRow>> vitals(const Caller& caller, const std::string& id);

  Result<RemsForm> rems_form(const Caller& caller, const std::string& id);
  Result<std::vector<RemsPending>> rems_pending(const Caller& caller);
  Result<SessionView> rems_submitted(const Caller& caller, const std::string& id, const std::string& submitted_on);

  /// Time passing: the technical alarm and escalation of every session this process
  /// evaluates. Run every few seconds.
  void sweep();

  /// The clinic's session protocol (sessions_read or settings_manage).
  Result<SessionSettingsRow> settings(const Caller& caller);
  /// Changes the named fields (settings_manage); errors name the field. Sessions
  /// whose alarm evaluation has already started keep the rules they started with.
  Result<SessionSettingsRow> update_settings(const Caller& caller, const SessionSettingsPatch& patch);

  static SessionProtocol protocol_of(Transaction& tx, const ClinicId& clinic);

 private:
  struct Engine;
  using Change = std::function<Status(Transaction&, TreatmentSessionRow&)>;

  /// Loads the session for writing, runs `change`, writes the row and the audit
  /// event, commits, announces; answers the new view.
  Result<SessionView> update(const Caller& caller, const std::string& id, Action action, std::string_view audit_action,
                             const Change& change);
  SessionView view_of(Transaction& tx, const ClinicId& clinic, const TreatmentSessionRow& session);
  SessionFacts facts_of(Transaction& tx, const ClinicId& clinic, const SessionView& view);
  std::shared_ptr<Engine> engine_for(Transaction& tx, const ClinicId& clinic, const TreatmentSessionRow& session);
  void save_events(Transaction& tx, const ClinicId& clinic, const std::string& session_id, Engine& engine,
                   const std::vector<AlarmEvent>& events, const std::string& by, VitalsAccepted* out);
  void publish(const ClinicId& clinic, std::string type, std::string data_json);
  void announce_alarm(const ClinicId& clinic, const SessionAlarmRow& alarm, std::string_view kind,
                      const std::string& label);

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  CalendarService& calendar_;
  AuditLog audit_;
  EventBus* events_ = nullptr;
  std::mutex engines_mutex_;
  std::map<std::string, std::shared_ptr<Engine>> engines_;  // by session id
};

}  // namespace kc::app
