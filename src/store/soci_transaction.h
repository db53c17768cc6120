// One database transaction on a pooled SOCI session: the SQL behind the Store port.
//
// SQLite write transactions start with BEGIN IMMEDIATE (the write lock is taken up
// front, so two writers never deadlock on a lock upgrade). On PostgreSQL, rows read
// for change in a write transaction are locked (FOR UPDATE) until commit.
#pragma once

#include "app/store.h"
#include "store/connection_pool.h"

namespace kc::store {

class SociTransaction final : public app::Transaction {
 public:
  SociTransaction(ConnectionPool::Lease lease, bool sqlite, app::Store::Mode mode);
  ~SociTransaction() override;

  void commit() override;
  void savepoint(std::string_view name) override;
  void release_savepoint(std::string_view name) override;
  void rollback_to_savepoint(std::string_view name) override;

  void insert_clinic(const app::ClinicRow& clinic) override;
  std::optional<app::ClinicRow> clinic(const app::ClinicId& id) override;
  std::optional<app::ClinicRow> clinic_by_name(std::string_view name) override;
  std::vector<app::ClinicRow> clinics() override;

  void insert_user(const app::UserRow& user) override;
  void update_user(const app::ClinicId& clinic, const app::UserRow& user) override;
  std::optional<app::UserRow> user(const app::ClinicId& clinic, std::string_view id) override;
  std::optional<app::UserRow> user_by_email(std::string_view email) override;
  std::vector<app::UserRow> users(const app::ClinicId& clinic, std::string_view after_email, int limit) override;

  void insert_session(const app::SessionRow& session) override;
  std::optional<app::SessionRow> session(std::string_view token_hash) override;
  std::optional<app::SessionContext> session_context(std::string_view token_hash) override;
  void touch_session(std::string_view token_hash, std::int64_t now_ms) override;
  void revoke_session(std::string_view token_hash) override;
  void revoke_user_sessions(const app::ClinicId& clinic, std::string_view user_id) override;

  app::AuditHead lock_audit_head(const app::ClinicId& clinic) override;
  void append_audit(const AuditEvent& event) override;
  std::vector<app::AuditListItem> audit_events(const app::ClinicId& clinic, const app::AuditFilter& filter) override;
  void for_each_audit_event(const app::ClinicId& clinic, const std::function<void(const AuditEvent&)>& visit) override;
  app::AuditHead audit_head(const app::ClinicId& clinic) override;

  void insert_enquiry(const app::EnquiryRow& enquiry) override;
  void update_enquiry_status(const app::ClinicId& clinic, std::string_view id, std::string_view status,
                             std::string_view close_reason, std::int64_t now_ms) override;
  std::optional<app::EnquiryRow> enquiry(const app::ClinicId& clinic, std::string_view id) override;
  void link_enquiry_patient(const app::ClinicId& clinic, std::string_view id, std::string_view patient_id,
                            std::int64_t now_ms) override;
  std::vector<app::EnquiryRow> enquiries(const app::ClinicId& clinic, const app::EnquiryFilter& filter) override;
  std::optional<app::EnquiryRow> first_enquiry_by_contact(const app::ClinicId& clinic, std::string_view email,
                                                          std::string_view phone, std::int64_t since_ms) override;
  std::vector<app::EnquiryRow> linked_enquiries(const app::ClinicId& clinic, std::string_view first_id) override;
  void insert_enquiry_event(const app::ClinicId& clinic, const app::EnquiryEventRow& event) override;
  std::vector<app::EnquiryEventRow> enquiry_events(const app::ClinicId& clinic, std::string_view enquiry_id) override;

  void insert_history_answer(const app::ClinicId& clinic, std::string_view patient_id,
                             const app::HistoryAnswerRow& answer) override;
  std::vector<app::HistoryAnswerRow> history_answers(const app::ClinicId& clinic, std::string_view patient_id) override;
  void insert_medication(const app::ClinicId& clinic, const app::MedicationRow& medication) override;
  void stop_medication(const app::ClinicId& clinic, std::string_view patient_id, std::string_view id,
                       std::int64_t now_ms) override;
  std::vector<app::MedicationRow> medications(const app::ClinicId& clinic, std::string_view patient_id,
                                              app::Entries which) override;
  void insert_diagnosis(const app::ClinicId& clinic, const app::DiagnosisRow& diagnosis) override;
  std::vector<app::DiagnosisRow> diagnoses(const app::ClinicId& clinic, std::string_view patient_id,
                                           app::Entries which) override;
  void insert_trial(const app::ClinicId& clinic, const app::TrialRow& trial) override;
  std::vector<app::TrialRow> trials(const app::ClinicId& clinic, std::string_view patient_id,
                                    app::Entries which) override;
  void insert_decision(const app::ClinicId& clinic, const app::DecisionRow& decision) override;
  std::optional<app::DecisionRow> latest_decision(const app::ClinicId& clinic, std::string_view patient_id) override;
  void mark_rescreen(const app::ClinicId& clinic, std::string_view patient_id, std::string_view reason) override;
  std::vector<app::EligibilityRulesRow> eligibility_rule_versions(const app::ClinicId& clinic) override;
  bool insert_eligibility_rules(const app::EligibilityRulesRow& rules) override;

  void insert_program(const app::ProgramRow& program) override;
  void update_program(const app::ClinicId& clinic, const app::ProgramRow& program) override;
  std::optional<app::ProgramRow> program(const app::ClinicId& clinic, std::string_view id) override;
  std::vector<app::ProgramRow> programs(const app::ClinicId& clinic) override;
  void insert_entry(const app::EntryRow& entry) override;
  void update_entry(const app::ClinicId& clinic, const app::EntryRow& entry) override;
  std::optional<app::EntryRow> entry(const app::ClinicId& clinic, std::string_view id) override;
  std::vector<app::EntryRow> entries(const app::ClinicId& clinic, std::string_view program_id) override;
  void insert_outbox(const app::OutboxRow& message) override;

  std::vector<app::OutboxRow> outbox(const app::ClinicId& clinic, std::string_view entity_id) override;

  std::optional<app::MeasureSettingsRow> measure_settings(const app::ClinicId& clinic) override;
  void save_measure_settings(const app::MeasureSettingsRow& settings) override;
  void insert_response(const app::ResponseRow& response) override;
  bool update_response(const app::ClinicId& clinic, const app::ResponseRow& response) override;
  std::optional<app::ResponseRow> response(const app::ClinicId& clinic, std::string_view id) override;
  std::vector<app::ResponseRow> responses(const app::ClinicId& clinic, std::string_view patient_id) override;
  std::vector<app::ResponseRow> link_responses(const app::ClinicId& clinic, std::string_view link_id) override;
  std::vector<app::CompletionRow> scheduled_completions(const app::ClinicId& clinic) override;
  void insert_link(const app::LinkRow& link) override;
  std::optional<app::LinkRow> link_by_token_hash(std::string_view token_hash) override;
  void mark_link_used(const app::ClinicId& clinic, std::string_view id, std::int64_t now_ms) override;
  std::vector<app::LinkRow> links(const app::ClinicId& clinic, std::string_view patient_id) override;
  void replace_schedule(const app::ClinicId& clinic, std::string_view patient_id,
                        const std::vector<app::ScheduleRow>& schedule) override;
  std::vector<app::ScheduleRow> schedule(const app::ClinicId& clinic, std::string_view patient_id) override;
  std::vector<app::ScheduleRow> schedules(const app::ClinicId& clinic) override;
  void insert_task(const app::TaskRow& task) override;
  void update_task(const app::ClinicId& clinic, const app::TaskRow& task) override;
  std::optional<app::TaskRow> task(const app::ClinicId& clinic, std::string_view id) override;
  std::vector<app::TaskRow> tasks(const app::ClinicId& clinic, bool open_only) override;
  std::vector<app::TaskRow> tasks_to_escalate(const app::ClinicId& clinic, std::int64_t now_ms) override;
  std::string responsible_clinician(const app::ClinicId& clinic, std::string_view patient_id) override;
  void set_responsible_clinician(const app::ClinicId& clinic, std::string_view patient_id,
                                 std::string_view user_id) override;

  std::optional<Demographics> patient_demographics(const app::ClinicId& clinic, std::string_view patient_id) override;
  void update_patient(const app::ClinicId& clinic, const app::PatientRow& patient,
                      const Demographics& demographics) override;
  void insert_measurement(const app::ClinicId& clinic, const app::MeasurementRow& measurement) override;
  std::vector<app::MeasurementRow> measurements(const app::ClinicId& clinic, std::string_view patient_id,
                                                app::Entries which) override;
  void insert_allergy(const app::ClinicId& clinic, const app::AllergyRow& allergy) override;
  std::vector<app::AllergyRow> allergies(const app::ClinicId& clinic, std::string_view patient_id,
                                         app::Entries which) override;
  void insert_baseline_test(const app::ClinicId& clinic, const app::BaselineTestRow& test) override;
  std::vector<app::BaselineTestRow> baseline_tests(const app::ClinicId& clinic, std::string_view patient_id,
                                                   app::Entries which) override;
  bool mark_entered_in_error(const app::ClinicId& clinic, app::RecordEntryKind kind, std::string_view patient_id,
                             std::string_view entry_id, const app::EnteredInError& mark) override;

  void insert_consent_document(const app::ConsentDocumentRow& document) override;
  bool update_consent_draft(const app::ClinicId& clinic, const app::ConsentDocumentRow& document) override;
  bool publish_consent_document(const app::ClinicId& clinic, std::string_view id, std::string_view published_by,
                                std::int64_t published_ms) override;
  std::optional<app::ConsentDocumentRow> consent_document(const app::ClinicId& clinic, std::string_view id) override;
  std::vector<app::ConsentDocumentRow> consent_documents(const app::ClinicId& clinic) override;
  void insert_consent(const app::ConsentRow& consent) override;
  std::optional<app::ConsentRow> consent(const app::ClinicId& clinic, std::string_view id) override;
  std::vector<app::ConsentRow> consents(const app::ClinicId& clinic, std::string_view patient_id) override;
  bool countersign_consent(const app::ClinicId& clinic, std::string_view id, std::string_view user_id,
                           std::int64_t at_ms) override;
  bool withdraw_consent(const app::ClinicId& clinic, std::string_view id, std::string_view user_id, std::int64_t at_ms,
                        std::string_view reason) override;
  bool accept_consent_version(const app::ClinicId& clinic, std::string_view id, std::string_view user_id,
                              std::int64_t at_ms, std::string_view reason) override;
  void insert_plan(const app::ClinicId& clinic, const app::PlanRow& plan) override;
  std::vector<app::PlanRow> plans(const app::ClinicId& clinic, std::string_view patient_id) override;
  std::optional<app::PlanSettingsRow> plan_settings(const app::ClinicId& clinic) override;
  void save_plan_settings(const app::ClinicId& clinic, const app::PlanSettingsRow& settings) override;
  std::optional<app::DoseSettingsRow> dose_settings(const app::ClinicId& clinic) override;
  void save_dose_settings(const app::DoseSettingsRow& settings) override;
  void insert_dose_order(const app::DoseOrderRow& order) override;
  void update_dose_order(const app::ClinicId& clinic, const app::DoseOrderRow& order) override;
  std::optional<app::DoseOrderRow> dose_order(const app::ClinicId& clinic, std::string_view id) override;
  std::vector<app::DoseOrderRow> dose_orders(const app::ClinicId& clinic, std::string_view patient_id) override;
  std::vector<app::DoseOrderRow> dose_orders_awaiting_check(const app::ClinicId& clinic) override;
  void insert_dose_check(const app::DoseCheckRow& check) override;
  std::vector<app::DoseCheckRow> dose_checks(const app::ClinicId& clinic, std::string_view order_id) override;
  void insert_room(const app::RoomRow& room) override;
  void update_room(const app::ClinicId& clinic, const app::RoomRow& room) override;
  std::optional<app::RoomRow> room(const app::ClinicId& clinic, std::string_view id) override;
  std::vector<app::RoomRow> rooms(const app::ClinicId& clinic) override;
  std::optional<app::CalendarSettingsRow> calendar_settings(const app::ClinicId& clinic) override;
  void save_calendar_settings(const app::CalendarSettingsRow& settings) override;
  void lock_booking_resources(const app::ClinicId& clinic, const std::vector<std::string>& patient_ids,
                              const std::vector<std::string>& room_ids,
                              const std::vector<std::string>& user_ids) override;
  void insert_appointment(const app::AppointmentRow& appointment) override;
  void update_appointment(const app::ClinicId& clinic, const app::AppointmentRow& appointment) override;
  std::optional<app::AppointmentRow> appointment(const app::ClinicId& clinic, std::string_view id) override;
  std::vector<app::AppointmentRow> appointments(const app::ClinicId& clinic,
                                                const app::AppointmentQuery& query) override;
  std::vector<app::AppointmentRow> patient_appointments(const app::ClinicId& clinic,
                                                        std::string_view patient_id) override;

  std::optional<app::SessionSettingsRow> session_settings(const app::ClinicId& clinic) override;
  void save_session_settings(const app::SessionSettingsRow& settings) override;
  void insert_treatment_session(const app::TreatmentSessionRow& session) override;
  void update_treatment_session(const app::ClinicId& clinic, const app::TreatmentSessionRow& session) override;
  std::optional<app::TreatmentSessionRow> treatment_session(const app::ClinicId& clinic, std::string_view id) override;
  std::optional<app::TreatmentSessionRow> treatment_session_for_appointment(const app::ClinicId& clinic,
                                                                            std::string_view appointment_id) override;
  std::vector<app::TreatmentSessionRow> treatment_sessions(const app::ClinicId& clinic,
                                                           const app::TreatmentSessionQuery& query) override;
  void insert_session_event(const app::SessionEventRow& event) override;
  std::vector<app::SessionEventRow> session_events(const app::ClinicId& clinic, std::string_view session_id) override;
  void insert_rescue_medicine(const app::RescueMedicineRow& medicine) override;
  std::vector<app::RescueMedicineRow> rescue_medicines(const app::ClinicId& clinic,
                                                       std::string_view session_id) override;
  void insert_effect(const app::EffectRow& effect) override;
  std::vector<app::EffectRow> effects(const app::ClinicId& clinic, std::string_view session_id) override;
  void insert_aldrete(const app::AldreteRow& score) override;
  std::vector<app::AldreteRow> aldrete_scores(const app::ClinicId& clinic, std::string_view session_id) override;
  void insert_session_note(const app::SessionNoteRow& note) override;
  std::vector<app::SessionNoteRow> session_notes(const app::ClinicId& clinic, std::string_view session_id) override;
  void insert_vitals(const std::vector<app::VitalRow>& readings) override;
  std::vector<app::VitalRow> vitals(const app::ClinicId& clinic, std::string_view session_id,
                                    std::int64_t since_ms) override;
  void save_session_alarm(const app::SessionAlarmRow& alarm) override;
  std::vector<app::SessionAlarmRow> session_alarms(const app::ClinicId& clinic, std::string_view session_id) override;

  std::optional<app::OutcomeSettingsRow> outcome_settings(const app::ClinicId& clinic) override;
  void save_outcome_settings(const app::OutcomeSettingsRow& settings) override;
  void insert_check_in(const app::CheckInRow& check_in) override;
  std::vector<app::CheckInRow> check_ins(const app::ClinicId& clinic, std::string_view patient_id) override;
  app::DashboardRows dashboard_rows(const app::ClinicId& clinic, std::string_view instrument,
                                    std::int64_t to_ms) override;

  void insert_patient(const app::PatientRow& patient) override;
  std::optional<app::PatientRow> patient(const app::ClinicId& clinic, std::string_view id) override;
  std::vector<app::PatientRow> patients(const app::ClinicId& clinic, const app::PatientQuery& query,
                                        const std::optional<app::PatientCursor>& after, int limit) override;

 private:
  soci::session& sql() { return lease_.session(); }
  std::string lock_clause() const;
  std::vector<app::UserRow> select_users(const std::string& where, const std::vector<std::string>& args);

  ConnectionPool::Lease lease_;
  bool sqlite_;
  app::Store::Mode mode_;
  bool done_ = false;
};

}  // namespace kc::store
