// The Store port: every read and write of persistent state goes through a
// Transaction opened here. Implemented by src/store for SQLite and PostgreSQL; one
// contract suite (tests/contract) holds both to the same behaviour.
//
// Tenancy is structural: every method on clinical or account data takes the
// caller's ClinicId, so a query that forgets the clinic does not compile. The only
// global look-ups are those needed before a clinic is known (sign-in by e-mail,
// session by token hash) and the CLI's clinic-by-name.
//
// Threads: a Store may be shared; a Transaction belongs to one thread at a time.
// A Transaction that is destroyed without commit() rolls back.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit_chain.h"
#include "domain/dashboard.h"
#include "domain/demographics.h"
#include "domain/follow_up.h"
#include "domain/plan.h"
#include "domain/roles.h"
#include "domain/session_protocol.h"

namespace kc::app {

struct ClinicId {
  std::string value;
  friend bool operator==(const ClinicId&, const ClinicId&) = default;
};

struct ClinicRow {
  std::string id;
  std::string name;
  std::int64_t created_ms = 0;
};

struct UserRow {
  std::string id;
  std::string clinic_id;
  std::string email;  // unique across the installation (sign-in finds the clinic)
  std::string display_name;
  std::string password_hash;
  std::vector<Role> roles;
  bool disabled = false;
  int failed_logins = 0;
  std::int64_t locked_until_ms = 0;
  std::int64_t created_ms = 0;
};

struct SessionRow {
  std::string token_hash;  // SHA-256 of the token; the token itself is never stored
  std::string user_id;
  std::string clinic_id;
  std::string csrf_token;
  std::int64_t created_ms = 0;
  std::int64_t last_seen_ms = 0;
  bool revoked = false;
};

/// A session with its user and clinic, as one look-up on every authenticated request.
struct SessionContext {
  SessionRow session;
  UserRow user;  // password_hash is left empty
  ClinicRow clinic;
};

struct PatientRow {
  std::string id;
  std::string clinic_id;
  std::string given_name;
  std::string family_name;
  std::string date_of_birth;  // YYYY-MM-DD
  std::int64_t created_ms = 0;
};

struct EnquiryRow {
  std::string id;
  std::string clinic_id;
  std::int64_t created_ms = 0;
  std::int64_t updated_ms = 0;
  std::string source;  // "web" | "phone"
  std::string status;  // "new" | "contacted" | "consultation_booked" | "closed"
  std::string given_name, family_name, email, phone, preferred_contact;
  std::vector<std::string> conditions;
  std::string reason_text, heard_from;
  bool consent_to_contact = false;
  std::string close_reason;
  std::string duplicate_of;  // empty: a first request
  int linked_count = 0;      // later requests linked to this one (filled on read)
  std::string patient_id;    // the patient registered from it; empty until then
};

struct EnquiryEventRow {
  std::string enquiry_id;
  std::int64_t at_ms = 0;
  std::string status;
  std::string user_id;
  std::string reason;
  std::string user_email;  // filled on read; empty for the public form
};

/// Which enquiries a queue shows: one status, or every status but closed.
struct EnquiryFilter {
  std::string status;                                          // empty: open ones
  std::optional<std::pair<std::int64_t, std::string>> before;  // cursor: (created_ms, id), exclusive
  int limit = 50;
};

/// A correction of an entry of the patient's record: the entry is kept, shown struck
/// through, and no longer counts in any rule. at_ms 0: not entered in error.
struct EnteredInError {
  std::int64_t at_ms = 0;
  std::string by;  // user id; the e-mail is filled on read
  std::string reason;
  bool marked() const { return at_ms != 0; }
};

/// The kinds of record entries that can be marked entered in error.
enum class RecordEntryKind { measurement, allergy, baseline_test, medication, diagnosis, trial };

/// Which entries a record read returns: `valid` leaves out those entered in error
/// (what every rule reads); `all` keeps them, for the record's lists.
enum class Entries { valid, all };

struct HistoryAnswerRow {
  std::string question, answer;  // answer: "yes" | "no" | "unknown"
  std::int64_t recorded_ms = 0;
  std::string recorded_by;  // user id; the e-mail is filled on read
};

struct MedicationRow {
  std::string id, patient_id, name, medication_class, dose;
  std::int64_t started_ms = 0, stopped_ms = 0;  // stopped 0: current
  std::string recorded_by;
  EnteredInError entered_in_error;
};

struct DiagnosisRow {
  std::string id, patient_id, code;
  std::int64_t recorded_ms = 0;
  std::string recorded_by;
  EnteredInError entered_in_error;
};

struct TrialRow {
  std::string id, patient_id, drug, dose;
  int weeks = 0;
  std::string response;
  std::int64_t recorded_ms = 0;
  std::string recorded_by;
  EnteredInError entered_in_error;
};

struct DecisionRow {
  std::string id, patient_id, decision, reason, override_reason, rule_version;
  std::string snapshot;  // JSON text: the findings and facts the decision was made on
  std::int64_t decided_ms = 0;
  std::string decided_by;  // user id; the e-mail is filled on read
  bool needs_rescreen = false;
  std::string rescreen_reason;
};

/// One version of a clinic's eligibility rule settings (domain/eligibility_rules.h).
/// Versions are added, never changed.
struct EligibilityRulesRow {
  std::string clinic_id;
  int version = 0;
  std::string settings;  // encode_rule_settings(): the rules that differ from the release's defaults
  std::string reason;
  std::string published_by;  // user id; the e-mail is filled on read
  std::int64_t published_ms = 0;
};

/// A weight or a height (the other is 0), measured on a calendar date.
struct MeasurementRow {
  std::string id, patient_id, kind;  // kind: "weight" | "height"
  std::int64_t weight_g = 0, height_mm = 0;
  std::string measured_on;  // YYYY-MM-DD
  std::int64_t recorded_ms = 0;
  std::string recorded_by;  // user id; the e-mail is filled on read
  EnteredInError entered_in_error;
};

struct AllergyRow {
  std::string id, patient_id, substance, reaction;
  std::int64_t recorded_ms = 0;
  std::string recorded_by;  // user id; the e-mail is filled on read
  EnteredInError entered_in_error;
};

struct BaselineTestRow {
  std::string id, patient_id, kind;  // kind: "ecg" | "liver" | "renal"
  std::string taken_on;              // YYYY-MM-DD
  std::string result;
  std::int64_t recorded_ms = 0;
  std::string recorded_by;  // user id; the e-mail is filled on read
  EnteredInError entered_in_error;
};

struct ProgramRow {
  std::string id, clinic_id, name;
  int capacity = 0;
  int offer_hours = 0;
  std::int64_t created_ms = 0;
  int places_in_use = 0, waiting_count = 0;  // filled on read
};

struct EntryRow {
  std::string id, clinic_id, program_id, given_name, family_name, email, phone, preferred_contact;
  std::string prescreen_pregnant = "unknown", prescreen_substance_use = "unknown",
              prescreen_high_blood_pressure = "unknown";
  int age_years = -1;  // -1: not given
  std::string status = "waiting";
  bool urgent = false;
  std::string urgent_reason;
  bool cleared_for_offer = true;
  std::int64_t joined_ms = 0, offered_ms = 0, offer_expires_ms = 0, updated_ms = 0;
  std::string removed_reason;
  std::string source;  // "web" | "staff"
};

/// A message to a person, kept for a delivery service (delivery is not ours).
struct OutboxRow {
  std::string id, clinic_id, channel, recipient, subject, body, entity_type, entity_id;
  std::int64_t created_ms = 0;
};

/// The clinic's measurement settings (docs/clinical-defaults.md lists the defaults).
struct MeasureSettingsRow {
  std::string clinic_id;
  int link_lifetime_hours = 0, escalation_minutes = 0, phq9_rise_points = 0, cssrs_min_level = 0;
  std::string crisis_message;
  std::int64_t updated_ms = 0;  // 0: never changed (the defaults)
  std::string updated_by;       // user id; the e-mail is filled on read
};

/// One completion of an instrument. In progress it may be changed; once submitted,
/// never: an amendment is a new response naming the one it replaces.
struct ResponseRow {
  std::string id, clinic_id, patient_id, instrument;
  std::string status = "in_progress";  // "in_progress" | "submitted"
  std::string source;                  // "staff" | "link"
  std::string link_id;                 // the link it came from; empty for staff
  std::string answers;                 // "item=value,item=value" (see app/measure_service.h)
  int total = -1;                      // -1 until submitted
  std::string band;
  std::int64_t started_ms = 0, updated_ms = 0, submitted_ms = 0;
  std::string entered_by;  // user id (the e-mail is filled on read); empty for the patient
  std::string amends;      // the response this one replaces; empty for an original
  std::string amendment_reason;
  std::string amended_by;  // filled on read: the response that replaces this one
};

/// A single-use questionnaire link for a patient; only the token's hash is kept.
struct LinkRow {
  std::string id, token_hash, clinic_id, patient_id;
  std::vector<std::string> instruments;
  std::int64_t created_ms = 0, expires_ms = 0, used_ms = 0;  // used 0: not used up
  std::string created_by;
};

struct ScheduleRow {
  std::string patient_id, instrument, rule;
  std::string start_on, end_on;  // YYYY-MM-DD; end empty: open-ended
  int interval_days = 0;
};

/// When a patient submitted an instrument (for due lists).
struct CompletionRow {
  std::string patient_id, instrument;
  std::int64_t submitted_ms = 0;
};

/// A clinical task for a clinician, e.g. a suicide-risk signal to act on.
struct TaskRow {
  std::string id, clinic_id, patient_id, kind, priority;
  std::vector<std::string> reasons;
  std::string instrument, response_id;
  std::string assigned_to;  // user id; empty: any prescriber
  std::int64_t created_ms = 0, escalate_at_ms = 0, escalated_ms = 0, acknowledged_ms = 0;
  std::string acknowledged_by;  // user id
  std::string action;           // what the clinician did, documented on acknowledgement
};

struct AuditHead {
  std::int64_t seq = 0;
  std::string hash;
};

struct AuditFilter {
  std::string action, user_id, entity_type, entity_id;  // empty: any
  std::optional<std::int64_t> from_ms, to_ms;           // inclusive, exclusive
  std::optional<std::int64_t> before_seq;               // cursor: events older than this
  int limit = 50;
};

struct AuditListItem {
  AuditEvent event;
  std::string user_email;  // empty for system events
};

/// What a patient search looks for; the empty query lists everyone.
struct PatientQuery {
  std::string name_prefix;    // lower-case; matches family or given name
  std::string date_of_birth;  // YYYY-MM-DD: that date exactly
  std::string phone_prefix;   // digits with an optional leading +
};

/// Keyset position in the patient list (family, given, id), exclusive.
struct PatientCursor {
  std::string family_key, given_key, id;
};

/// A consent document of the clinic: one version of one kind (a route code or
/// "research"). Drafts change; a published or retired document's text never does.
struct ConsentDocumentRow {
  std::string id, clinic_id, kind;
  int major = 1, minor = 0;
  std::string title, body_markdown;
  std::string status = "draft";  // "draft" | "published" | "retired"
  std::string content_sha256;    // of consent_hash_input(title, body); kept current for drafts too
  std::string created_by;        // user id; the e-mail is filled on read
  std::int64_t created_ms = 0, updated_ms = 0;
  std::string published_by;  // user id; the e-mail is filled on read; empty until published
  std::int64_t published_ms = 0;
};

/// A consent a patient signed: a copy of exactly what was signed, the signature, and
/// what happened to it since. The *_name fields are filled on read (display names).
struct ConsentRow {
  std::string id, clinic_id, patient_id, document_id, kind;
  int major = 1, minor = 0;
  std::string title, body_markdown, content_sha256;
  std::string typed_name;
  std::vector<std::string> acknowledged_sections;  // section headings, in the document's order
  std::int64_t signed_ms = 0;
  std::string client_address;  // where the signing screen ran
  std::string handed_over_by;  // the staff user whose session the tablet ran on
  std::string guardian_name, guardian_relationship;
  std::int64_t guardian_signed_ms = 0;  // 0: no guardian signed
  std::string countersigned_by;
  std::int64_t countersigned_ms = 0;
  std::string withdrawn_by;
  std::int64_t withdrawn_ms = 0;
  std::string withdrawal_reason;
  std::string accepted_by;  // a prescriber who accepted an older major version
  std::int64_t accepted_ms = 0;
  std::string acceptance_reason;
  std::string handed_over_by_name, countersigned_by_name, withdrawn_by_name, accepted_by_name;
};

/// One signed version of a patient's treatment plan. Versions are never changed: a
/// change is a new version with a reason.
struct PlanRow {
  std::string id, clinic_id, patient_id;
  int version = 0;  // 1, 2, ... per patient
  TreatmentPlan plan;
  std::string reason;          // empty only for version 1
  int settings_version = 0;    // the plan settings version it was checked against
  std::string signed_by;       // user id (a prescriber)
  std::string signed_by_name;  // filled on read: the signer's display name
  std::int64_t signed_ms = 0;
};

/// The pharmacokinetic settings of one route; absent: not set (no default).
struct PlanRoutePk {
  Route route = Route::iv;
  std::optional<double> bioavailability;   // fraction 0..1
  std::optional<double> absorption_per_h;  // ka; not used for IV
};

/// The clinic's plan settings (docs/clinical-defaults.md gives the defaults' sources).
struct PlanSettingsRow {
  std::string clinic_id;
  int version = 0;  // 0: never changed (the defaults); +1 on every change
  double max_mg_per_kg = 0;
  std::string pk_model;             // "clements" | "domino": the chart's default model
  std::vector<PlanRoutePk> routes;  // one per route, in all_routes() order
  std::int64_t updated_ms = 0;
  std::string updated_by;  // user id; the e-mail is filled on read
};
/// The clinic's dose settings (docs/clinical-defaults.md gives each default's source).
/// Limits per route in the order of all_routes(): µg/kg for iv, im, sc; µg otherwise.
struct DoseSettingsRow {
  std::string clinic_id;
  int version = 0;  // 0: the defaults, never saved; +1 on every save
  std::int64_t soft[6] = {}, hard[6] = {};
  int max_weight_age_days = 0;
  std::int64_t dose_rounding_ug = 0, volume_rounding_ul = 0, rate_rounding_ul_per_h = 0;
  int min_infusion_minutes = 0, max_infusion_minutes = 0;
  std::int64_t max_concentration_ug_per_ml = 0;
  std::int64_t updated_ms = 0;
  std::string updated_by;  // user id; the e-mail is filled on read
};

/// A dose order and everything its calculation used and gave. Quantities are whole
/// thousandths (g, µg, µg/kg, µL, µL/h, µg/mL); 0 means none.
struct DoseOrderRow {
  std::string id, clinic_id, patient_id, plan_id, planned_for, route;
  std::int64_t rule_ug_per_kg = 0, rule_dose_ug = 0;
  int infusion_minutes = 0;
  std::int64_t weight_g = 0;
  std::string weight_on;  // YYYY-MM-DD; empty: no weight used
  std::int64_t concentration_ug_per_ml = 0, unrounded_dose_ug = 0, dose_ug = 0, given_ug_per_kg = 0, volume_ul = 0,
               rate_ul_per_h = 0;
  int devices = 0;
  std::vector<int> device_minutes;
  std::string dose_rounding, volume_rounding, rate_rounding;
  std::string verdict;  // within | above_soft
  std::int64_t soft_limit = 0, hard_limit = 0;
  std::string limit_text, override_reason, override_by;
  std::string status = "ordered";  // ordered | blocked | verified | cancelled
  std::string ordered_by;          // user id
  std::int64_t ordered_ms = 0;
  int settings_version = 0;
  std::string verified_by;
  std::int64_t verified_ms = 0;
  std::string cancelled_by;
  std::int64_t cancelled_ms = 0;
  std::string cancel_reason;
};

/// One attempt at the blind double check (result: match | mismatch).
struct DoseCheckRow {
  std::string id, clinic_id, order_id, checked_by;
  std::int64_t checked_ms = 0;
  std::int64_t weight_g = 0, concentration_ug_per_ml = 0;  // 0: not entered
  int devices = 0;
  std::string result;
  std::vector<std::string> mismatched;
};
/// A room or a recliner chair where appointments happen.
struct RoomRow {
  std::string id, clinic_id, name;
  std::string kind = "room";  // "room" | "chair"
  bool active = true;
  std::int64_t created_ms = 0;
};

/// The clinic's calendar settings (docs/clinical-defaults.md lists the defaults).
struct CalendarSettingsRow {
  std::string clinic_id;
  int consultation_minutes = 0, screening_minutes = 0, dosing_session_minutes = 0, integration_minutes = 0,
      follow_up_minutes = 0, telehealth_check_in_minutes = 0;
  int iv_infusion_minutes = 0, racemic_observation_minutes = 0, esketamine_session_minutes = 0;
  int reminder_lead_hours = 0;
  std::int64_t updated_ms = 0;  // 0: never changed (the defaults)
  std::string updated_by;       // user id; the e-mail is filled on read
};

struct AppointmentRow {
  std::string id, clinic_id, patient_id, type;
  std::string route;    // empty unless a dosing session
  std::string room_id;  // empty for telehealth
  std::vector<std::string> staff_ids;
  std::int64_t start_ms = 0, end_ms = 0;
  std::string status = "booked";  // "booked" | "cancelled" | "completed" | "no_show"
  std::string cancel_reason, cancelled_by;
  std::int64_t cancelled_ms = 0;
  std::string program_id;  // a waiting-list program whose place this is; empty: none
  std::string plan_id;     // the treatment plan it was booked from (the integrator's); empty: none
  int session_number = 0;  // the plan's session number; 0: none
  std::int64_t reminder_due_ms = 0;
  std::int64_t settings_version_ms = 0;  // the calendar settings' updated_ms the booking was checked with (0: defaults)
  std::string created_by;
  std::int64_t created_ms = 0, updated_ms = 0;
};

/// Which appointments to list: those overlapping [from_ms, to_ms), optionally of
/// one room or one patient, optionally only booked ones.
struct AppointmentQuery {
  std::int64_t from_ms = 0, to_ms = 0;
  std::string room_id, patient_id;
  bool booked_only = false;
};

// ---- Monitored sessions (src/app/session_service.h). Quantities are whole
// thousandths of their unit (µL/h, µg, thousandths of mmHg, bpm, %, /min); 0: none.

/// The clinic's session protocol; no row: the starting values.
struct SessionSettingsRow {
  std::string clinic_id;
  int version = 0;  // 0: the starting values, never saved; +1 on every save
  SessionProtocol protocol;
  std::int64_t updated_ms = 0;
  std::string updated_by;  // user id
};

/// One monitored dosing session, opened for a booked dosing appointment.
struct TreatmentSessionRow {
  std::string id, clinic_id, patient_id, appointment_id, route, room_id;
  std::string state = "scheduled";  // domain/session.h
  std::string dose_order_id;        // the verified order found when dosing started; empty before
  // Check-in.
  bool escort_confirmed = false, fasting_confirmed = false, pregnancy_status_current = false,
       questionnaire_done = false;
  std::string questionnaire_skip_reason;
  std::int64_t checked_in_ms = 0;
  std::string checked_in_by;
  // The pre-dose blood-pressure decision: none | proceed | defer.
  std::string bp_decision = "none", bp_decision_reason, bp_decision_by;
  std::string drug_lot, drug_expiry;  // expiry: YYYY-MM-DD
  std::int64_t dose_started_ms = 0, dose_ended_ms = 0;
  // The vital signs as they stand (thousandths; 0: none yet), kept with every batch
  // of readings: the latest of each sign before dosing started (the pre-dose
  // baseline), and the latest of each sign overall.
  std::int64_t pre_dose_systolic = 0, pre_dose_diastolic = 0, pre_dose_heart_rate = 0, pre_dose_spo2 = 0;
  std::int64_t pre_dose_bp_ms = 0;
  std::int64_t last_systolic = 0, last_diastolic = 0, last_heart_rate = 0, last_spo2 = 0, last_respiratory_rate = 0;
  std::int64_t last_bp_ms = 0, last_reading_ms = 0;
  // Discharge.
  bool escort_present = false, instructions_given = false;
  std::string override_reason, override_by;
  std::int64_t discharged_ms = 0;
  std::string discharged_by, abort_reason;
  std::string follow_up_appointment_id;
  std::string rems_submitted_on;  // YYYY-MM-DD; empty: not yet
  std::string created_by;
  std::int64_t created_ms = 0, updated_ms = 0;
};

/// Which sessions to list (ordered by the appointment's start, newest last).
struct TreatmentSessionQuery {
  bool active_only = false;  // neither discharged nor aborted
  std::string patient_id;
  std::int64_t from_ms = 0, to_ms = 0;  // created in [from, to) when to_ms > 0
  std::string route;                    // empty: any
};

/// The dosing record: infusion events (start | rate_change | pause | resume | stop)
/// and esketamine devices (device).
struct SessionEventRow {
  std::string id, clinic_id, session_id, kind;
  std::int64_t at_ms = 0, rate_ul_per_h = 0;
  std::string reason, by;
};

struct RescueMedicineRow {
  std::string id, clinic_id, session_id, drug, route, reason, by;
  std::int64_t dose_ug = 0, at_ms = 0;
};

struct EffectRow {
  std::string id, clinic_id, session_id, kind, severity, description, intervention, outcome, narrative, by;
  bool serious = false;
  std::int64_t at_ms = 0, recorded_ms = 0;
};

struct AldreteRow {
  std::string id, clinic_id, session_id, by;
  std::int64_t at_ms = 0;
  int activity = 0, respiration = 0, circulation = 0, consciousness = 0, oxygen = 0, total = 0;
  std::int64_t bp_change_milli_pct = 0;  // signed
};

/// A note on the session; kind "integration" is the therapist's integration note.
struct SessionNoteRow {
  std::string id, clinic_id, session_id, kind, text, by;
  std::int64_t at_ms = 0;
};

/// One vital-signs reading; 0: not measured.
struct VitalRow {
  std::string clinic_id, session_id;
  std::int64_t at_ms = 0;
  std::int64_t systolic = 0, diastolic = 0, heart_rate = 0, spo2 = 0, respiratory_rate = 0;  // thousandths
  std::string source, recorded_by;
  std::int64_t recorded_ms = 0;
};

/// An alarm of a session, numbered 1, 2, ... within it; saved on every change.
struct SessionAlarmRow {
  std::string clinic_id, session_id;
  int number = 0;
  std::string rule_code, priority, state;
  bool condition_active = true, escalated = false;
  std::int64_t raised_ms = 0, acknowledged_ms = 0, cleared_ms = 0, escalated_ms = 0;
  std::string acknowledged_by;
  bool has_value = false;
  std::int64_t value_milli = 0;
};

// ---- Follow-up and outcomes (src/app/outcome_service.h).

/// The clinic's follow-up and safety settings; no row: the starting values.
struct OutcomeSettingsRow {
  std::string clinic_id;
  int version = 0;  // 0: the starting values, never saved
  OutcomeSettings settings;
  std::int64_t updated_ms = 0;
  std::string updated_by;  // user id
};

/// A clinician's follow-up check-in: the daily opioid dose (pain pathway) and
/// memory or attention problems the patient reports.
struct CheckInRow {
  std::string id, clinic_id, patient_id;
  std::int64_t at_ms = 0;
  std::int64_t mme_milli = -1;  // morphine milligram equivalents per day, thousandths; -1: not asked
  bool memory_attention = false;
  std::string note, recorded_by;  // user id
  std::int64_t recorded_ms = 0;
};

/// What the dashboard reads of a clinic: every dosed session that started before
/// `to_ms`, the effects and alarms of those sessions, each patient's latest plan's
/// indications (raw ICD-10-CM codes in `indication_groups`), and the submitted
/// responses of one instrument (id, patient_id, amends, submitted_ms, total only).
struct DashboardRows {
  DashboardFacts facts;  // facts.scores left empty: the app resolves amendments
  std::vector<ResponseRow> responses;
};

class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual void commit() = 0;

  /// Savepoints inside a write transaction (SQL SAVEPOINT), so that a group of
  /// independent changes can share one commit and one change can fail alone
  /// (vitals_writer.h). `name` is a plain SQL identifier chosen by the caller.
  virtual void savepoint(std::string_view name) = 0;
  /// Keeps what was done since the savepoint, and forgets the savepoint.
  virtual void release_savepoint(std::string_view name) = 0;
  /// Undoes everything done since the savepoint, and forgets the savepoint. On
  /// PostgreSQL this also clears the error state a failed statement leaves. Throws
  /// if the whole transaction was lost meanwhile (SQLite rolls back on some I/O
  /// errors): the transaction must then be abandoned.
  virtual void rollback_to_savepoint(std::string_view name) = 0;

  virtual void insert_clinic(const ClinicRow& clinic) = 0;
  virtual std::optional<ClinicRow> clinic(const ClinicId& id) = 0;
  virtual std::optional<ClinicRow> clinic_by_name(std::string_view name) = 0;
  virtual std::vector<ClinicRow> clinics() = 0;

  virtual void insert_user(const UserRow& user) = 0;
  /// Writes every mutable field of the user (not id, clinic, email, created).
  virtual void update_user(const ClinicId& clinic, const UserRow& user) = 0;
  /// In a write transaction the row stays locked until commit (PostgreSQL FOR UPDATE).
  virtual std::optional<UserRow> user(const ClinicId& clinic, std::string_view id) = 0;
  virtual std::optional<UserRow> user_by_email(std::string_view email) = 0;
  /// Users ordered by e-mail, after `after_email` (exclusive; empty: from the start).
  virtual std::vector<UserRow> users(const ClinicId& clinic, std::string_view after_email, int limit) = 0;

  virtual void insert_session(const SessionRow& session) = 0;
  virtual std::optional<SessionRow> session(std::string_view token_hash) = 0;
  /// The session, its user and clinic in one statement (the hot path of every request).
  virtual std::optional<SessionContext> session_context(std::string_view token_hash) = 0;
  virtual void touch_session(std::string_view token_hash, std::int64_t now_ms) = 0;
  virtual void revoke_session(std::string_view token_hash) = 0;
  virtual void revoke_user_sessions(const ClinicId& clinic, std::string_view user_id) = 0;

  /// The clinic's chain head, locked until commit so that appends are serialised.
  virtual AuditHead lock_audit_head(const ClinicId& clinic) = 0;
  /// Appends a sealed event and moves the head to it. Events are never updated.
  virtual void append_audit(const AuditEvent& event) = 0;
  /// Newest first, filtered.
  virtual std::vector<AuditListItem> audit_events(const ClinicId& clinic, const AuditFilter& filter) = 0;
  /// Every event of the clinic in seq order, one at a time (for verification).
  virtual void for_each_audit_event(const ClinicId& clinic, const std::function<void(const AuditEvent&)>& visit) = 0;
  virtual AuditHead audit_head(const ClinicId& clinic) = 0;

  virtual void insert_enquiry(const EnquiryRow& enquiry) = 0;
  virtual void update_enquiry_status(const ClinicId& clinic, std::string_view id, std::string_view status,
                                     std::string_view close_reason, std::int64_t now_ms) = 0;
  virtual std::optional<EnquiryRow> enquiry(const ClinicId& clinic, std::string_view id) = 0;
  virtual void link_enquiry_patient(const ClinicId& clinic, std::string_view id, std::string_view patient_id,
                                    std::int64_t now_ms) = 0;
  /// First requests (not linked repeats), newest first.
  virtual std::vector<EnquiryRow> enquiries(const ClinicId& clinic, const EnquiryFilter& filter) = 0;
  /// The earliest open first request since `since_ms` with this e-mail or phone (either
  /// may be empty). Closed enquiries are not joined: asking again after one is a new one.
  virtual std::optional<EnquiryRow> first_enquiry_by_contact(const ClinicId& clinic, std::string_view email,
                                                             std::string_view phone, std::int64_t since_ms) = 0;
  /// Later requests linked to `first_id`, oldest first.
  virtual std::vector<EnquiryRow> linked_enquiries(const ClinicId& clinic, std::string_view first_id) = 0;
  virtual void insert_enquiry_event(const ClinicId& clinic, const EnquiryEventRow& event) = 0;
  /// Oldest first, with the acting user's e-mail.
  virtual std::vector<EnquiryEventRow> enquiry_events(const ClinicId& clinic, std::string_view enquiry_id) = 0;

  /// Appends answers; the latest per question is the current one.
  virtual void insert_history_answer(const ClinicId& clinic, std::string_view patient_id,
                                     const HistoryAnswerRow& answer) = 0;
  /// The current answer to each question that has one (recorded_by holds the e-mail).
  virtual std::vector<HistoryAnswerRow> history_answers(const ClinicId& clinic, std::string_view patient_id) = 0;
  virtual void insert_medication(const ClinicId& clinic, const MedicationRow& medication) = 0;
  virtual void stop_medication(const ClinicId& clinic, std::string_view patient_id, std::string_view id,
                               std::int64_t now_ms) = 0;
  virtual std::vector<MedicationRow> medications(const ClinicId& clinic, std::string_view patient_id,
                                                 Entries which) = 0;
  virtual void insert_diagnosis(const ClinicId& clinic, const DiagnosisRow& diagnosis) = 0;
  virtual std::vector<DiagnosisRow> diagnoses(const ClinicId& clinic, std::string_view patient_id, Entries which) = 0;
  virtual void insert_trial(const ClinicId& clinic, const TrialRow& trial) = 0;
  virtual std::vector<TrialRow> trials(const ClinicId& clinic, std::string_view patient_id, Entries which) = 0;
  virtual void insert_decision(const ClinicId& clinic, const DecisionRow& decision) = 0;
  /// The latest decision (decided_by holds the e-mail).
  virtual std::optional<DecisionRow> latest_decision(const ClinicId& clinic, std::string_view patient_id) = 0;
  /// Marks the latest decision for re-screening, unless it is marked already.
  virtual void mark_rescreen(const ClinicId& clinic, std::string_view patient_id, std::string_view reason) = 0;
  /// The clinic's rule set versions, newest first.
  virtual std::vector<EligibilityRulesRow> eligibility_rule_versions(const ClinicId& clinic) = 0;
  /// Adds a version; false (and nothing written) when the clinic has this version
  /// number already (another publication came first).
  virtual bool insert_eligibility_rules(const EligibilityRulesRow& rules) = 0;

  virtual void insert_program(const ProgramRow& program) = 0;
  virtual void update_program(const ClinicId& clinic, const ProgramRow& program) = 0;
  /// With places_in_use and waiting_count. In a write transaction the row is locked.
  virtual std::optional<ProgramRow> program(const ClinicId& clinic, std::string_view id) = 0;
  virtual std::vector<ProgramRow> programs(const ClinicId& clinic) = 0;
  virtual void insert_entry(const EntryRow& entry) = 0;
  virtual void update_entry(const ClinicId& clinic, const EntryRow& entry) = 0;
  virtual std::optional<EntryRow> entry(const ClinicId& clinic, std::string_view id) = 0;
  virtual std::vector<EntryRow> entries(const ClinicId& clinic, std::string_view program_id) = 0;
  virtual void insert_outbox(const OutboxRow& message) = 0;
  virtual std::vector<OutboxRow> outbox(const ClinicId& clinic, std::string_view entity_id) = 0;

  /// The patient's demographics and contacts; nullopt when there is no such patient.
  /// In a write transaction the patient's row stays locked until commit (PostgreSQL
  /// FOR UPDATE), so that a read-change-write of the record loses no other change.
  virtual std::optional<Demographics> patient_demographics(const ClinicId& clinic, std::string_view patient_id) = 0;
  /// Writes the identity (names, search keys, date of birth) and every demographics field.
  virtual void update_patient(const ClinicId& clinic, const PatientRow& patient, const Demographics& demographics) = 0;
  virtual void insert_measurement(const ClinicId& clinic, const MeasurementRow& measurement) = 0;
  /// Newest first: by measured_on, then by when recorded.
  virtual std::vector<MeasurementRow> measurements(const ClinicId& clinic, std::string_view patient_id,
                                                   Entries which) = 0;
  virtual void insert_allergy(const ClinicId& clinic, const AllergyRow& allergy) = 0;
  /// Oldest first.
  virtual std::vector<AllergyRow> allergies(const ClinicId& clinic, std::string_view patient_id, Entries which) = 0;
  virtual void insert_baseline_test(const ClinicId& clinic, const BaselineTestRow& test) = 0;
  /// Newest first: by taken_on, then by when recorded.
  virtual std::vector<BaselineTestRow> baseline_tests(const ClinicId& clinic, std::string_view patient_id,
                                                      Entries which) = 0;
  /// Marks the patient's entry of `kind` entered in error; false (and nothing
  /// written) when there is no such entry of this patient or it is marked already.
  virtual bool mark_entered_in_error(const ClinicId& clinic, RecordEntryKind kind, std::string_view patient_id,
                                     std::string_view entry_id, const EnteredInError& mark) = 0;

  virtual std::optional<MeasureSettingsRow> measure_settings(const ClinicId& clinic) = 0;
  /// Inserts or replaces the clinic's settings.
  virtual void save_measure_settings(const MeasureSettingsRow& settings) = 0;
  virtual void insert_response(const ResponseRow& response) = 0;
  /// Writes answers, status, total, band and times of an in-progress response;
  /// returns false (and writes nothing) when the stored one is already submitted.
  virtual bool update_response(const ClinicId& clinic, const ResponseRow& response) = 0;
  /// With amended_by filled.
  virtual std::optional<ResponseRow> response(const ClinicId& clinic, std::string_view id) = 0;
  /// The patient's responses, newest started first, with amended_by filled and
  /// entered_by holding the e-mail.
  virtual std::vector<ResponseRow> responses(const ClinicId& clinic, std::string_view patient_id) = 0;
  /// The responses that came from a link, oldest first.
  virtual std::vector<ResponseRow> link_responses(const ClinicId& clinic, std::string_view link_id) = 0;
  /// Submitted original responses (not amendments: an amendment corrects a completion,
  /// it is not a new one), of every patient with a schedule.
  virtual std::vector<CompletionRow> scheduled_completions(const ClinicId& clinic) = 0;
  virtual void insert_link(const LinkRow& link) = 0;
  /// A link by its token's hash, of any clinic (the caller checks the clinic).
  /// In a write transaction the row stays locked until commit.
  virtual std::optional<LinkRow> link_by_token_hash(std::string_view token_hash) = 0;
  virtual void mark_link_used(const ClinicId& clinic, std::string_view id, std::int64_t now_ms) = 0;
  /// Newest first.
  virtual std::vector<LinkRow> links(const ClinicId& clinic, std::string_view patient_id) = 0;
  virtual void replace_schedule(const ClinicId& clinic, std::string_view patient_id,
                                const std::vector<ScheduleRow>& schedule) = 0;
  virtual std::vector<ScheduleRow> schedule(const ClinicId& clinic, std::string_view patient_id) = 0;
  /// Every schedule row of the clinic, by patient then position.
  virtual std::vector<ScheduleRow> schedules(const ClinicId& clinic) = 0;
  virtual void insert_task(const TaskRow& task) = 0;
  /// Writes escalated_ms, acknowledged_ms, acknowledged_by and action.
  virtual void update_task(const ClinicId& clinic, const TaskRow& task) = 0;
  virtual std::optional<TaskRow> task(const ClinicId& clinic, std::string_view id) = 0;
  /// Unacknowledged tasks (open_only) or all, oldest first.
  virtual std::vector<TaskRow> tasks(const ClinicId& clinic, bool open_only) = 0;
  /// Unacknowledged, not yet escalated tasks whose escalation time is at or before now
  /// (an escalation time of 0: the task never escalates).
  virtual std::vector<TaskRow> tasks_to_escalate(const ClinicId& clinic, std::int64_t now_ms) = 0;
  /// The patient's responsible clinician (a user id; empty: none).
  virtual std::string responsible_clinician(const ClinicId& clinic, std::string_view patient_id) = 0;
  virtual void set_responsible_clinician(const ClinicId& clinic, std::string_view patient_id,
                                         std::string_view user_id) = 0;

  virtual void insert_consent_document(const ConsentDocumentRow& document) = 0;
  /// Writes title, body, hash and updated_ms of a draft; returns false (and writes
  /// nothing) when the stored document is not a draft: published text never changes.
  virtual bool update_consent_draft(const ClinicId& clinic, const ConsentDocumentRow& document) = 0;
  /// Publishes a draft: the kind's published version becomes retired, then this one
  /// published. Returns false (and writes nothing) when it is not a draft, or when a
  /// version of the kind as new or newer is already published or retired. Publications
  /// of one kind are serialised (the kind's rows are locked until commit).
  virtual bool publish_consent_document(const ClinicId& clinic, std::string_view id, std::string_view published_by,
                                        std::int64_t published_ms) = 0;
  virtual std::optional<ConsentDocumentRow> consent_document(const ClinicId& clinic, std::string_view id) = 0;
  /// Every document of the clinic, by kind, then newest version first.
  virtual std::vector<ConsentDocumentRow> consent_documents(const ClinicId& clinic) = 0;
  virtual void insert_consent(const ConsentRow& consent) = 0;
  virtual std::optional<ConsentRow> consent(const ClinicId& clinic, std::string_view id) = 0;
  /// The patient's consents, newest signed first.
  virtual std::vector<ConsentRow> consents(const ClinicId& clinic, std::string_view patient_id) = 0;
  /// Countersigns a consent that is neither countersigned nor withdrawn; false when
  /// nothing was written.
  virtual bool countersign_consent(const ClinicId& clinic, std::string_view id, std::string_view user_id,
                                   std::int64_t at_ms) = 0;
  /// Withdraws a consent not yet withdrawn; false when nothing was written.
  virtual bool withdraw_consent(const ClinicId& clinic, std::string_view id, std::string_view user_id,
                                std::int64_t at_ms, std::string_view reason) = 0;
  /// Records a prescriber's acceptance of an older major version, on a consent neither
  /// accepted nor withdrawn; false when nothing was written.
  virtual bool accept_consent_version(const ClinicId& clinic, std::string_view id, std::string_view user_id,
                                      std::int64_t at_ms, std::string_view reason) = 0;
  virtual void insert_plan(const ClinicId& clinic, const PlanRow& plan) = 0;
  /// The patient's plan versions, newest first, with signed_by_name filled.
  virtual std::vector<PlanRow> plans(const ClinicId& clinic, std::string_view patient_id) = 0;
  virtual std::optional<PlanSettingsRow> plan_settings(const ClinicId& clinic) = 0;
  /// Inserts or replaces the clinic's plan settings and its route rows.
  virtual void save_plan_settings(const ClinicId& clinic, const PlanSettingsRow& settings) = 0;
  virtual std::optional<DoseSettingsRow> dose_settings(const ClinicId& clinic) = 0;
  /// Inserts or replaces the clinic's dose settings.
  virtual void save_dose_settings(const DoseSettingsRow& settings) = 0;
  virtual void insert_dose_order(const DoseOrderRow& order) = 0;
  /// Writes status, verified_by/ms, cancelled_by/ms and cancel_reason.
  virtual void update_dose_order(const ClinicId& clinic, const DoseOrderRow& order) = 0;
  /// In a write transaction the row stays locked until commit.
  virtual std::optional<DoseOrderRow> dose_order(const ClinicId& clinic, std::string_view id) = 0;
  /// The patient's orders, newest planned first (then newest ordered).
  virtual std::vector<DoseOrderRow> dose_orders(const ClinicId& clinic, std::string_view patient_id) = 0;
  /// Orders of the clinic with status ordered or blocked, oldest ordered first.
  virtual std::vector<DoseOrderRow> dose_orders_awaiting_check(const ClinicId& clinic) = 0;
  virtual void insert_dose_check(const DoseCheckRow& check) = 0;
  /// Oldest first.
  virtual std::vector<DoseCheckRow> dose_checks(const ClinicId& clinic, std::string_view order_id) = 0;
  virtual void insert_room(const RoomRow& room) = 0;
  /// Writes name, kind and active.
  virtual void update_room(const ClinicId& clinic, const RoomRow& room) = 0;
  virtual std::optional<RoomRow> room(const ClinicId& clinic, std::string_view id) = 0;
  /// Ordered by name.
  virtual std::vector<RoomRow> rooms(const ClinicId& clinic) = 0;
  virtual std::optional<CalendarSettingsRow> calendar_settings(const ClinicId& clinic) = 0;
  /// Inserts or replaces the clinic's calendar settings.
  virtual void save_calendar_settings(const CalendarSettingsRow& settings) = 0;
  /// Serialises bookings that share a patient, a room or a staff member: in a write
  /// transaction on PostgreSQL, locks their rows (FOR UPDATE) in one fixed order
  /// until commit; on SQLite the write transaction already holds the write lock.
  virtual void lock_booking_resources(const ClinicId& clinic, const std::vector<std::string>& patient_ids,
                                      const std::vector<std::string>& room_ids,
                                      const std::vector<std::string>& user_ids) = 0;
  virtual void insert_appointment(const AppointmentRow& appointment) = 0;
  /// Writes status, cancel reason/by/ms and updated_ms.
  virtual void update_appointment(const ClinicId& clinic, const AppointmentRow& appointment) = 0;
  /// In a write transaction the row stays locked until commit.
  virtual std::optional<AppointmentRow> appointment(const ClinicId& clinic, std::string_view id) = 0;
  /// Ordered by start, then id.
  virtual std::vector<AppointmentRow> appointments(const ClinicId& clinic, const AppointmentQuery& query) = 0;
  /// The patient's appointments, ordered by start.
  virtual std::vector<AppointmentRow> patient_appointments(const ClinicId& clinic, std::string_view patient_id) = 0;

  // Monitored sessions.
  virtual std::optional<SessionSettingsRow> session_settings(const ClinicId& clinic) = 0;
  /// Inserts or replaces the clinic's session protocol.
  virtual void save_session_settings(const SessionSettingsRow& settings) = 0;
  virtual void insert_treatment_session(const TreatmentSessionRow& session) = 0;
  /// Writes every field but id, clinic, patient, appointment, route, created.
  virtual void update_treatment_session(const ClinicId& clinic, const TreatmentSessionRow& session) = 0;
  /// In a write transaction the row stays locked until commit.
  virtual std::optional<TreatmentSessionRow> treatment_session(const ClinicId& clinic, std::string_view id) = 0;
  virtual std::optional<TreatmentSessionRow> treatment_session_for_appointment(const ClinicId& clinic,
                                                                               std::string_view appointment_id) = 0;
  /// Ordered by creation, then id.
  virtual std::vector<TreatmentSessionRow> treatment_sessions(const ClinicId& clinic,
                                                              const TreatmentSessionQuery& query) = 0;
  virtual void insert_session_event(const SessionEventRow& event) = 0;
  /// Ordered by time, then id; the same for the other lists of a session.
  virtual std::vector<SessionEventRow> session_events(const ClinicId& clinic, std::string_view session_id) = 0;
  virtual void insert_rescue_medicine(const RescueMedicineRow& medicine) = 0;
  virtual std::vector<RescueMedicineRow> rescue_medicines(const ClinicId& clinic, std::string_view session_id) = 0;
  virtual void insert_effect(const EffectRow& effect) = 0;
  virtual std::vector<EffectRow> effects(const ClinicId& clinic, std::string_view session_id) = 0;
  virtual void insert_aldrete(const AldreteRow& score) = 0;
  virtual std::vector<AldreteRow> aldrete_scores(const ClinicId& clinic, std::string_view session_id) = 0;
  virtual void insert_session_note(const SessionNoteRow& note) = 0;
  virtual std::vector<SessionNoteRow> session_notes(const ClinicId& clinic, std::string_view session_id) = 0;
  /// Appends readings (of one clinic) in one statement per reading, prepared once per
  /// connection.
  virtual void insert_vitals(const std::vector<VitalRow>& readings) = 0;
  /// The session's readings at or after `since_ms`, oldest first.
  virtual std::vector<VitalRow> vitals(const ClinicId& clinic, std::string_view session_id, std::int64_t since_ms) = 0;
  /// Inserts the alarm or replaces its mutable fields.
  virtual void save_session_alarm(const SessionAlarmRow& alarm) = 0;
  /// Ordered by number.
  virtual std::vector<SessionAlarmRow> session_alarms(const ClinicId& clinic, std::string_view session_id) = 0;

  // Follow-up and outcomes.
  virtual std::optional<OutcomeSettingsRow> outcome_settings(const ClinicId& clinic) = 0;
  /// Inserts or replaces the clinic's row.
  virtual void save_outcome_settings(const OutcomeSettingsRow& settings) = 0;
  virtual void insert_check_in(const CheckInRow& check_in) = 0;
  /// Newest first; an empty patient_id: every patient of the clinic.
  virtual std::vector<CheckInRow> check_ins(const ClinicId& clinic, std::string_view patient_id) = 0;
  virtual DashboardRows dashboard_rows(const ClinicId& clinic, std::string_view instrument, std::int64_t to_ms) = 0;

  virtual void insert_patient(const PatientRow& patient) = 0;
  virtual std::optional<PatientRow> patient(const ClinicId& clinic, std::string_view id) = 0;
  /// Patients whose family or given name starts with `name_prefix` (lower-case;
  /// empty: all), ordered by family name, given name, id.
  virtual std::vector<PatientRow> patients(const ClinicId& clinic, const PatientQuery& query,
                                           const std::optional<PatientCursor>& after, int limit) = 0;
};

struct PoolStats {
  int size = 0;
  int in_use = 0;
  std::int64_t waits_total = 0;  // acquisitions that had to wait for a free connection
};

class Store {
 public:
  /// read: a consistent snapshot for several statements. write: serialised with
  /// other writers. single: one statement on its own, with no transaction around it
  /// (no BEGIN/COMMIT round trips) — for hot single-statement reads.
  enum class Mode { read, write, single };
  virtual ~Store() = default;
  virtual std::unique_ptr<Transaction> begin(Mode mode) = 0;
  /// True when the database answers (readiness).
  virtual bool ping() = 0;
  virtual PoolStats pool_stats() const = 0;
  /// "sqlite" or "postgresql".
  virtual std::string_view engine() const = 0;
};

}  // namespace kc::app
