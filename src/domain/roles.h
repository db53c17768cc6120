// Roles and the permission table: which role may perform which action.
//
// One table maps role -> allowed actions; every use case asks `allowed()` before it
// touches the store. A staff user holds one or more roles.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kc {

/// `device` is a device gateway's account (bedside monitors posting vital signs):
/// it may record vital signs and nothing else.
enum class Role { admin, prescriber, nurse, therapist, front_desk, device };

enum class Action {
  users_read,              // list the clinic's staff accounts
  users_manage,            // add, disable, enable, reset passwords
  audit_read,              // read the audit trail
  patients_read,           // open and search patient records
  patients_write,          // register and edit patients
  enquiries_read,          // the enquiry queue and its requests
  enquiries_write,         // enter phone enquiries, move enquiries through the queue
  history_write,           // record a patient's clinical history, medications, diagnoses, trials
  eligibility_decide,      // record the eligibility decision (and any override)
  eligibility_rules,       // change the clinic's eligibility rule settings (the medical director: admin, prescriber)
  waiting_read,            // see waiting lists and their entries
  waiting_manage,          // add programs, set their places and offer lifetime
  waiting_write,           // add people, record answers to offers, schedule, remove
  waiting_clinical,        // mark entries urgent, clear pre-screen findings for an offer
  measures_read,           // questionnaire results, schedules, due lists, the clinical task inbox
  measures_write,          // record responses, send questionnaire links, set schedules and the responsible clinician
  settings_manage,         // change the clinic's settings (measurement, escalation, crisis message)
  consent_read,            // consent documents, a patient's consents and their status, signed records
  consent_author,          // write, edit and publish consent documents
  consent_sign,            // hand the tablet to the patient to sign (the signature is the patient's)
  consent_countersign,     // countersign a patient's signed consent as the clinician
  consent_withdraw,        // record that a patient withdrew consent
  consent_accept_version,  // accept a consent of an older major version for a patient
  plans_read,              // treatment plans, their proposed sessions, and PK simulations
  plans_write,             // sign a treatment plan or a new version of it (prescribers only)
  dose_read,               // dose calculations, a patient's dose orders, exposure, the dose settings
  dose_order,              // order (and cancel) a dose, overriding a soft limit with a reason
  dose_check,              // the independent blind double check of another clinician's order
  calendar_read,           // see rooms, appointments, day and week views
  calendar_write,          // book, cancel and mark appointments
  calendar_manage,         // add and change rooms and chairs, the calendar settings
  sessions_read,           // monitored sessions: the console, the station, REMS forms
  sessions_run,            // check in, dose, record effects and scores, discharge, acknowledge alarms
  sessions_override,       // override the discharge gates with a reason (prescribers only)
  session_notes_write,     // the integration note of a session
  vitals_record,           // post vital-sign readings to a session (staff and device gateways)
  outcomes_read,           // a patient's progress and long-term safety, missed follow-ups, check-ins
  follow_up_write,         // start or end a patient's follow-up plan, record a follow-up check-in
  dashboards_read,         // the clinic's outcome and safety dashboard (admin, prescriber)
  research_export,         // the de-identified research export (admins only)
};

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view name);
std::string_view to_string(Action action);

/// True when `roles` includes `role`.
bool has_role(std::span<const Role> roles, Role role);

/// True when any of `roles` permits `action`.
bool allowed(std::span<const Role> roles, Action action);

/// Every role, in display order.
std::span<const Role> all_roles();

/// Comma-separated names, e.g. "admin,nurse" (the stored form).
std::string join_roles(std::span<const Role> roles);
/// Parses the stored form; unknown names are dropped.
std::vector<Role> split_roles(std::string_view joined);

}  // namespace kc
