#include "http/api.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <memory>

#include "http/api_handlers.h"
#include "http/json_codec.h"

namespace kc::http {

namespace h = handlers;

Api::Api(ApiServices services, ApiOptions options)
    : services_(services), options_(std::move(options)), files_(options_.web_root) {
  // The route table: one line per route.
  router_.add("GET", "/healthz", {h::healthz, Access::open_inline});
  router_.add("GET", "/readyz", {h::readyz, Access::open});
  router_.add("GET", "/metrics", {h::metrics, Access::open_inline});
  router_.add("POST", "/api/v1/auth/login", {h::login, Access::open});
  router_.add("POST", "/api/v1/auth/logout", {h::logout, Access::session});
  router_.add("GET", "/api/v1/auth/me", {h::me, Access::session});
  router_.add("POST", "/api/v1/auth/password", {h::change_password, Access::session});
  router_.add("GET", "/api/v1/users", {h::list_users, Access::session});
  router_.add("POST", "/api/v1/users", {h::add_user, Access::session});
  router_.add("POST", "/api/v1/users/{id}/disable", {h::disable_user, Access::session});
  router_.add("POST", "/api/v1/users/{id}/enable", {h::enable_user, Access::session});
  router_.add("POST", "/api/v1/users/{id}/reset-password", {h::reset_password, Access::session});
  router_.add("GET", "/api/v1/audit", {h::list_audit, Access::session});
  router_.add("GET", "/api/v1/patients", {h::list_patients, Access::session});
  router_.add("POST", "/api/v1/patients", {h::create_patient, Access::session});
  router_.add("GET", "/api/v1/patients/{id}", {h::get_patient, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/history", {h::get_history, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/history", {h::record_history, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/medications", {h::add_medication, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/medications/{mid}/stop", {h::stop_medication, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/diagnoses", {h::add_diagnosis, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/trials", {h::add_trial, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/screening", {h::get_screening, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/eligibility-decisions", {h::decide_eligibility, Access::session});
  router_.add("GET", "/api/v1/eligibility-rules", {h::get_eligibility_rules, Access::session});
  router_.add("POST", "/api/v1/eligibility-rules", {h::publish_eligibility_rules, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/demographics", {h::update_demographics, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/measurements", {h::list_measurements, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/measurements", {h::add_measurement, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/allergies", {h::list_allergies, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/allergies", {h::add_allergy, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/baseline-tests", {h::list_baseline_tests, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/baseline-tests", {h::add_baseline_test, Access::session});
  using Kind = app::RecordEntryKind;
  router_.add("POST", "/api/v1/patients/{id}/measurements/{eid}/entered-in-error",
              {h::mark_entered_in_error<Kind::measurement>, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/allergies/{eid}/entered-in-error",
              {h::mark_entered_in_error<Kind::allergy>, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/baseline-tests/{eid}/entered-in-error",
              {h::mark_entered_in_error<Kind::baseline_test>, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/medications/{eid}/entered-in-error",
              {h::mark_entered_in_error<Kind::medication>, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/diagnoses/{eid}/entered-in-error",
              {h::mark_entered_in_error<Kind::diagnosis>, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/trials/{eid}/entered-in-error",
              {h::mark_entered_in_error<Kind::trial>, Access::session});
  router_.add("GET", "/api/v1/waiting-programs", {h::list_programs, Access::session});
  router_.add("POST", "/api/v1/waiting-programs", {h::create_program, Access::session});
  router_.add("POST", "/api/v1/waiting-programs/{id}", {h::update_program, Access::session});
  router_.add("GET", "/api/v1/waiting-programs/{id}/entries", {h::list_entries, Access::session});
  router_.add("POST", "/api/v1/waiting-programs/{id}/entries", {h::add_entry, Access::session});
  router_.add("POST", "/api/v1/waiting-entries/{id}/actions", {h::act_on_entry, Access::session});
  router_.add("POST", "/api/v1/public/clinics/{id}/waiting-lists/{program}/entries",
              {h::join_waiting_list, Access::open});
  router_.add("GET", "/api/v1/public/clinics/{id}", {h::public_clinic, Access::open});
  router_.add("POST", "/api/v1/public/clinics/{id}/consultation-requests", {h::submit_request, Access::open});
  router_.add("GET", "/api/v1/enquiries", {h::list_enquiries, Access::session});
  router_.add("POST", "/api/v1/enquiries", {h::create_enquiry, Access::session});
  router_.add("GET", "/api/v1/enquiries/{id}", {h::get_enquiry, Access::session});
  router_.add("POST", "/api/v1/enquiries/{id}/status", {h::change_enquiry_status, Access::session});
  router_.add("POST", "/api/v1/enquiries/{id}/register", {h::register_enquiry_patient, Access::session});
  router_.add("GET", "/api/v1/instruments", {h::list_instruments, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/measures", {h::get_measures, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/responses", {h::record_response, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/questionnaire-links", {h::create_questionnaire_link, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/schedule", {h::replace_schedule, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/responsible-clinician", {h::set_responsible_clinician, Access::session});
  router_.add("GET", "/api/v1/clinicians", {h::list_clinicians, Access::session});
  router_.add("GET", "/api/v1/measures/due", {h::list_due, Access::session});
  router_.add("GET", "/api/v1/tasks", {h::list_tasks, Access::session});
  router_.add("POST", "/api/v1/tasks/{id}/acknowledge", {h::acknowledge_task, Access::session});
  router_.add("GET", "/api/v1/clinic/measurement-settings", {h::get_measure_settings, Access::session});
  router_.add("POST", "/api/v1/clinic/measurement-settings", {h::update_measure_settings, Access::session});
  router_.add("GET", "/api/v1/public/clinics/{id}/questionnaires/{token}",
              {h::open_public_questionnaire, Access::open});
  router_.add("POST", "/api/v1/public/clinics/{id}/questionnaires/{token}/answers",
              {h::answer_public_questionnaire, Access::open});
  router_.add("GET", "/api/v1/consent-documents", {h::list_consent_documents, Access::session});
  router_.add("POST", "/api/v1/consent-documents", {h::create_consent_document, Access::session});
  router_.add("GET", "/api/v1/consent-documents/{id}", {h::get_consent_document, Access::session});
  router_.add("POST", "/api/v1/consent-documents/{id}", {h::edit_consent_document, Access::session});
  router_.add("POST", "/api/v1/consent-documents/{id}/publish", {h::publish_consent_document, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/consents", {h::list_patient_consents, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/consents", {h::sign_consent, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/consent-documents/{doc}", {h::get_consent_for_signing, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/consent-status", {h::get_consent_status, Access::session});
  router_.add("GET", "/api/v1/consents/{id}", {h::get_consent, Access::session});
  router_.add("POST", "/api/v1/consents/{id}/countersign", {h::countersign_consent, Access::session});
  router_.add("POST", "/api/v1/consents/{id}/withdraw", {h::withdraw_consent, Access::session});
  router_.add("POST", "/api/v1/consents/{id}/accept-version", {h::accept_consent_version, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/plans", {h::list_plans, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/plans", {h::sign_plan, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/plans/current/proposal", {h::get_plan_proposal, Access::session});
  router_.add("POST", "/api/v1/pk/simulation", {h::simulate_pk, Access::session});
  router_.add("GET", "/api/v1/clinic/plan-settings", {h::get_plan_settings, Access::session});
  router_.add("POST", "/api/v1/clinic/plan-settings", {h::update_plan_settings, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/dose-calculations", {h::calculate_dose, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/dose-orders", {h::create_dose_order, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/dose-orders", {h::list_dose_orders, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/exposure", {h::get_exposure, Access::session});
  router_.add("GET", "/api/v1/dose-orders/{id}", {h::get_dose_order, Access::session});
  router_.add("POST", "/api/v1/dose-orders/{id}/double-check", {h::double_check_dose_order, Access::session});
  router_.add("POST", "/api/v1/dose-orders/{id}/cancel", {h::cancel_dose_order, Access::session});
  router_.add("GET", "/api/v1/dose-checks", {h::list_dose_checks, Access::session});
  router_.add("GET", "/api/v1/clinic/dose-settings", {h::get_dose_settings, Access::session});
  router_.add("POST", "/api/v1/clinic/dose-settings", {h::update_dose_settings, Access::session});
  router_.add("GET", "/api/v1/rooms", {h::list_rooms, Access::session});
  router_.add("POST", "/api/v1/rooms", {h::create_room, Access::session});
  router_.add("POST", "/api/v1/rooms/{id}", {h::update_room, Access::session});
  router_.add("GET", "/api/v1/calendar/staff", {h::list_calendar_staff, Access::session});
  router_.add("GET", "/api/v1/clinic/calendar-settings", {h::get_calendar_settings, Access::session});
  router_.add("POST", "/api/v1/clinic/calendar-settings", {h::update_calendar_settings, Access::session});
  router_.add("GET", "/api/v1/appointments", {h::list_appointments, Access::session});
  router_.add("POST", "/api/v1/appointments", {h::book_appointment, Access::session});
  router_.add("POST", "/api/v1/appointments/batch", {h::book_appointments_batch, Access::session});
  router_.add("GET", "/api/v1/appointments/{id}", {h::get_appointment, Access::session});
  router_.add("GET", "/api/v1/appointments/{id}/readiness", {h::get_readiness, Access::session});
  router_.add("POST", "/api/v1/appointments/{id}/cancel", {h::cancel_appointment, Access::session});
  router_.add("POST", "/api/v1/appointments/{id}/status", {h::set_appointment_status, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/appointments", {h::list_patient_appointments, Access::session});
  router_.add("POST", "/api/v1/sessions", {h::open_session, Access::session});
  router_.add("GET", "/api/v1/sessions", {h::list_sessions, Access::session});
  router_.add("GET", "/api/v1/sessions/{id}", {h::get_session, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/sessions", {h::list_patient_sessions, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/check-in", {h::check_in_session, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/bp-decision", {h::decide_session_bp, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/drug-lot", {h::record_session_drug_lot, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/transitions", {h::transition_session, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/infusion", {h::change_session_rate, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/devices", {h::record_session_device, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/rescue-medicines", {h::record_session_rescue, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/effects", {h::record_session_effect, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/aldrete", {h::record_session_aldrete, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/discharge-checks", {h::record_discharge_checks, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/discharge-override", {h::override_session_discharge, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/notes", {h::add_session_note, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/follow-up", {h::book_session_follow_up, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/alarms/{n}/acknowledge", {h::acknowledge_session_alarm, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/vitals", {h::record_session_vitals, Access::session});
  router_.add("GET", "/api/v1/sessions/{id}/vitals", {h::list_session_vitals, Access::session});
  router_.add("GET", "/api/v1/sessions/{id}/rems-form", {h::get_rems_form, Access::session});
  router_.add("POST", "/api/v1/sessions/{id}/rems-form/submitted", {h::mark_rems_submitted, Access::session});
  router_.add("GET", "/api/v1/rems-forms", {h::list_rems_forms, Access::session});
  router_.add("GET", "/api/v1/clinic/session-settings", {h::get_session_settings, Access::session});
  router_.add("POST", "/api/v1/clinic/session-settings", {h::update_session_settings, Access::session});
  router_.add("GET", "/api/v1/outcome-settings", {h::get_outcome_settings, Access::session});
  router_.add("POST", "/api/v1/outcome-settings", {h::update_outcome_settings, Access::session});
  router_.add("GET", "/api/v1/patients/{id}/progress", {h::get_progress, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/follow-up", {h::start_follow_up, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/follow-up/end", {h::end_follow_up, Access::session});
  router_.add("POST", "/api/v1/patients/{id}/check-ins", {h::add_follow_up_check_in, Access::session});
  router_.add("GET", "/api/v1/follow-ups/missed", {h::list_missed_follow_ups, Access::session});
  router_.add("GET", "/api/v1/dashboards/outcomes", {h::get_outcome_dashboard, Access::session});
  router_.add("POST", "/api/v1/exports/research", {h::start_research_export, Access::session});
  router_.add("GET", "/api/v1/exports/research/dictionary.csv", {h::get_research_dictionary, Access::session});
  router_.add("GET", "/api/v1/exports/research/{id}", {h::get_research_export, Access::session});
  router_.add("GET", "/api/v1/exports/research/{id}/data.csv", {h::download_research_export, Access::session});
}

void add_security_headers(Response& r) {
  r.set("Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  r.set("X-Content-Type-Options", "nosniff");
  r.set("Referrer-Policy", "no-referrer");
  r.set("X-Frame-Options", "DENY");
  r.set("Cross-Origin-Opener-Policy", "same-origin");
  if (r.content_type == "application/json") r.set("Cache-Control", "no-store");  // may hold patient data
}

bool Api::runs_inline(const Request& request) const {
  auto m = router_.match(request.method == "HEAD" ? "GET" : request.method, request.path);
  if (m.route) return m.route->handler.access == Access::open_inline;
  return true;  // static files and not-found answers need no store
}

std::string Api::expected_origin(const Request& request) const {
  if (!options_.public_origin.empty()) return options_.public_origin;
  return (options_.secure_cookies ? "https://" : "http://") + request.header("host").value_or("");
}

std::string redact_error(std::string_view what) {
  // Database errors quote the statement's bound values (" with :name=..."), quote
  // offending input ("invalid input syntax ...: \"...\"") and add DETAIL lines with
  // key values: the log keeps only the text before any of them.
  for (std::string_view marker : {" with :", "DETAIL", "\n", "\""})
    if (auto at = what.find(marker); at != std::string_view::npos) what = what.substr(0, at);
  return std::string(what.substr(0, 300));
}

namespace {

/// Wraps a handler's deferred answer: the final response gets the route and the
/// security headers, is delivered once only, and an exception becomes a 500.
std::function<void(Respond)> finish_later(std::function<void(Respond)> deferred, const std::string& route) {
  return [deferred = std::move(deferred), route](Respond respond) {
    auto once = std::make_shared<std::atomic<bool>>(false);
    Respond finish = [respond = std::move(respond), route, once](Response final) {
      if (once->exchange(true)) return;
      final.route = route;
      add_security_headers(final);
      respond(std::move(final));
    };
    try {
      deferred(finish);
    } catch (const std::exception& e) {
      spdlog::error("unhandled error on {}: {}", route, redact_error(e.what()));
      finish(error_response({ErrorKind::internal, "internal_error", "Something went wrong on the server.", {}}));
    }
  };
}

}  // namespace

Response Api::handle(const Request& request) {
  Response r;
  std::string route = "unmatched";
  try {
    r = dispatch(request, route);
  } catch (const std::exception& e) {
    spdlog::error("unhandled error on {}: {}", route, redact_error(e.what()));
    r = error_response({ErrorKind::internal, "internal_error", "Something went wrong on the server.", {}});
  }
  r.route = route;
  add_security_headers(r);
  if (r.deferred) r.deferred = finish_later(std::move(r.deferred), route);
  return r;
}

Response Api::dispatch(const Request& request, std::string& route) {
  // HEAD is GET without the body (the server drops the body when sending).
  const std::string method = request.method == "HEAD" ? "GET" : request.method;
  auto m = router_.match(method, request.path);
  if (!m.route) {
    const bool api_path = request.path.rfind("/api/", 0) == 0;
    if (!m.allowed.empty()) {
      route = "method_not_allowed";
      Response r = error_response({ErrorKind::invalid, "method_not_allowed", "This method is not allowed here.", {}});
      r.status = 405;
      std::string allow;
      for (const auto& a : m.allowed) allow += (allow.empty() ? "" : ", ") + a + (a == "GET" ? ", HEAD" : "");
      r.set("Allow", allow);
      return r;
    }
    if (!api_path && method == "GET")
      if (auto file = files_.serve(request.path)) {
        route = file->route;
        return *file;
      }
    return error_response(Error::not_found("No such route."));
  }
  route = m.route->method + " " + m.route->pattern;
  const bool changes_state = method != "GET";
  auto origin = request.header("origin");
  if (changes_state && origin && *origin != expected_origin(request))
    return error_response({ErrorKind::forbidden, "csrf_failed", "The request came from another site.", {}});
  std::optional<app::Caller> caller;
  if (m.route->handler.access == Access::session) {
    auto auth = request.header("authorization");
    const bool bearer = auth && auth->rfind("Bearer ", 0) == 0;
    std::string token =
        bearer ? auth->substr(7) : cookie_value(request.header("cookie").value_or(""), "kc_session").value_or("");
    auto resolved = services_.auth.authenticate(token, request.client_address);
    if (!resolved) return error_response(resolved.error());
    // A cookie rides along on cross-site requests; a header token does not. So
    // cookie-authenticated changes must also prove they come from our own pages.
    if (!bearer && changes_state && (!origin || request.header("x-csrf-token").value_or("") != resolved->csrf_token))
      return error_response(
          {ErrorKind::forbidden, "csrf_failed", "The request is missing its Origin or X-CSRF-Token header.", {}});
    caller = std::move(resolved.value());
  }
  Call call{request, m.params, caller ? &*caller : nullptr, *this};
  return m.route->handler.handler(call);
}

}  // namespace kc::http
