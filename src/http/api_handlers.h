// The API's handlers, one group per file (api_auth.cc, api_users.cc, ...). Each
// decodes its request, calls one use case and encodes the answer. No clinical logic.
#pragma once

#include <boost/json/array.hpp>

#include "http/api.h"

namespace kc::http::handlers {

Response healthz(Call&);
Response readyz(Call&);
Response metrics(Call&);

Response login(Call&);
Response logout(Call&);
Response me(Call&);
Response change_password(Call&);

Response list_users(Call&);
Response add_user(Call&);
Response disable_user(Call&);
Response enable_user(Call&);
Response reset_password(Call&);

Response list_audit(Call&);

Response list_patients(Call&);
Response create_patient(Call&);
Response get_patient(Call&);

Response get_history(Call&);
Response record_history(Call&);
Response add_medication(Call&);
Response stop_medication(Call&);
Response add_diagnosis(Call&);
Response add_trial(Call&);
Response get_screening(Call&);
Response decide_eligibility(Call&);
Response get_eligibility_rules(Call&);
Response publish_eligibility_rules(Call&);

Response update_demographics(Call&);
Response list_measurements(Call&);
Response add_measurement(Call&);
Response list_allergies(Call&);
Response add_allergy(Call&);
Response list_baseline_tests(Call&);
Response add_baseline_test(Call&);
/// POST .../{entry}/entered-in-error for each kind of record entry (explicitly
/// instantiated for every RecordEntryKind in api_patient_record.cc).
template <app::RecordEntryKind Kind>
Response mark_entered_in_error(Call&);

Response list_programs(Call&);
Response create_program(Call&);
Response update_program(Call&);
Response list_entries(Call&);
Response add_entry(Call&);
Response act_on_entry(Call&);
Response join_waiting_list(Call&);
/// The programs a public page offers to join.
boost::json::array public_programs_json(Api& api, const std::string& clinic_id);

Response public_clinic(Call&);
Response submit_request(Call&);
Response list_enquiries(Call&);
Response create_enquiry(Call&);
Response get_enquiry(Call&);
Response change_enquiry_status(Call&);
Response register_enquiry_patient(Call&);

Response list_instruments(Call&);
Response get_measures(Call&);
Response record_response(Call&);
Response create_questionnaire_link(Call&);
Response replace_schedule(Call&);
Response set_responsible_clinician(Call&);
Response list_clinicians(Call&);
Response list_due(Call&);
Response list_tasks(Call&);
Response acknowledge_task(Call&);
Response get_measure_settings(Call&);
Response update_measure_settings(Call&);
Response open_public_questionnaire(Call&);
Response answer_public_questionnaire(Call&);
Response list_consent_documents(Call&);
Response get_consent_document(Call&);
Response create_consent_document(Call&);
Response edit_consent_document(Call&);
Response publish_consent_document(Call&);
Response list_patient_consents(Call&);
Response get_consent_for_signing(Call&);
Response sign_consent(Call&);
Response get_consent(Call&);
Response countersign_consent(Call&);
Response withdraw_consent(Call&);
Response accept_consent_version(Call&);
Response get_consent_status(Call&);
Response list_plans(Call&);
Response sign_plan(Call&);
Response get_plan_proposal(Call&);
Response simulate_pk(Call&);
Response get_plan_settings(Call&);
Response update_plan_settings(Call&);
Response calculate_dose(Call&);
Response create_dose_order(Call&);
Response list_dose_orders(Call&);
Response get_dose_order(Call&);
Response double_check_dose_order(Call&);
Response cancel_dose_order(Call&);
Response list_dose_checks(Call&);
Response get_exposure(Call&);
Response get_dose_settings(Call&);
Response update_dose_settings(Call&);
Response list_rooms(Call&);
Response create_room(Call&);
Response update_room(Call&);
Response list_calendar_staff(Call&);
Response get_calendar_settings(Call&);
Response update_calendar_settings(Call&);
Response list_appointments(Call&);
Response book_appointment(Call&);
Response book_appointments_batch(Call&);
Response get_readiness(Call&);
Response get_appointment(Call&);
Response cancel_appointment(Call&);
Response set_appointment_status(Call&);
Response list_patient_appointments(Call&);
Response open_session(Call&);
Response get_session(Call&);
Response list_sessions(Call&);
Response list_patient_sessions(Call&);
Response check_in_session(Call&);
Response decide_session_bp(Call&);
Response record_session_drug_lot(Call&);
Response transition_session(Call&);
Response change_session_rate(Call&);
Response record_session_device(Call&);
Response record_session_rescue(Call&);
Response record_session_effect(Call&);
Response record_session_aldrete(Call&);
Response record_discharge_checks(Call&);
Response override_session_discharge(Call&);
Response add_session_note(Call&);
Response book_session_follow_up(Call&);
Response acknowledge_session_alarm(Call&);
Response record_session_vitals(Call&);
Response list_session_vitals(Call&);
Response get_rems_form(Call&);
Response list_rems_forms(Call&);
Response mark_rems_submitted(Call&);
Response get_session_settings(Call&);
Response update_session_settings(Call&);
Response get_outcome_settings(Call&);
Response update_outcome_settings(Call&);
Response get_progress(Call&);
Response start_follow_up(Call&);
Response end_follow_up(Call&);
Response add_follow_up_check_in(Call&);
Response list_missed_follow_ups(Call&);
Response get_outcome_dashboard(Call&);
Response start_research_export(Call&);
Response get_research_export(Call&);
Response download_research_export(Call&);
Response get_research_dictionary(Call&);

/// Reads ?limit= (default `fallback`, 1..max) or returns an error naming "limit".
Result<int> limit_param(const Request& request, int fallback, int max);

}  // namespace kc::http::handlers
