#include "app/enquiry_service.h"

#include <algorithm>
#include <charconv>

#include "app/cursor.h"
#include "app/ids.h"
#include "domain/demographics.h"
#include "domain/patient.h"
#include "domain/time.h"

namespace kc::app {
namespace {

constexpr char kSep = '\x1f';

std::string cursor_of(const EnquiryRow& e) { return to_cursor(std::to_string(e.created_ms) + kSep + e.id); }

std::optional<std::pair<std::int64_t, std::string>> parse_cursor(const std::string& text) {
  auto raw = from_cursor(text);
  if (!raw) return std::nullopt;
  auto sep = raw->find(kSep);
  if (sep == std::string::npos) return std::nullopt;
  std::int64_t ms = 0;
  auto r = std::from_chars(raw->data(), raw->data() + sep, ms);
  if (r.ec != std::errc{} || r.ptr != raw->data() + sep) return std::nullopt;
  return std::pair{ms, raw->substr(sep + 1)};
}

}  // namespace

Result<ClinicRow> EnquiryService::public_clinic(const std::string& clinic_id) {
  auto tx = store_.begin(Store::Mode::single);
  auto clinic = tx->clinic(ClinicId{clinic_id});
  if (!clinic) return Error::not_found("This clinic's request page was not found.");
  return *clinic;
}

Status EnquiryService::submit_public(const std::string& clinic_id, const EnquiryInput& input,
                                     const std::string& honeypot, const std::string& client_address) {
  auto clinic = public_clinic(clinic_id);
  if (!clinic) return clinic.error();
  // A request with a mistake stores nothing and does not count towards the limit:
  // a person correcting the form is not locked out.
  auto enquiry = validate_enquiry(input, EnquirySource::web);
  if (!enquiry) return enquiry.error();
  if (!limiter_.admit(client_address))
    return Error{ErrorKind::rate_limited, "rate_limited", "Too many requests from this address; try again later.", {}};
  if (!honeypot.empty()) return Ok{};  // a form-filling bot: answer as usual, keep nothing
  Caller visitor = Caller::system(ClinicId{clinic->id}, client_address);
  visitor.roles.clear();
  auto tx = store_.begin(Store::Mode::write);
  auto row = record(*tx, visitor, *enquiry, EnquirySource::web);
  if (!row) return row.error();
  tx->commit();
  return Ok{};
}

Result<EnquiryRow> EnquiryService::create_by_staff(const Caller& caller, const EnquiryInput& input) {
  if (!caller.can(Action::enquiries_write)) {
    audit_.record_denied(store_, caller, "enquiry.create", "enquiry", "");
    return Error::forbidden();
  }
  auto enquiry = validate_enquiry(input, EnquirySource::phone);
  if (!enquiry) return enquiry.error();
  auto tx = store_.begin(Store::Mode::write);
  auto row = record(*tx, caller, *enquiry, EnquirySource::phone);
  if (row) tx->commit();
  return row;
}

Result<EnquiryRow> EnquiryService::record(Transaction& tx, const Caller& caller, const Enquiry& e,
                                          EnquirySource source) {
  const std::int64_t now = clock_.now_ms();
  EnquiryRow row;
  row.id = new_id(crypto_, "enq");
  row.clinic_id = caller.clinic.value;
  row.created_ms = row.updated_ms = now;
  row.source = to_string(source);
  row.status = to_string(EnquiryStatus::received);
  row.given_name = e.given_name;
  row.family_name = e.family_name;
  row.email = e.email;
  row.phone = e.phone;
  row.preferred_contact = to_string(e.preferred_contact);
  row.conditions = e.conditions;
  row.reason_text = e.reason_text;
  row.heard_from = e.heard_from;
  row.consent_to_contact = e.consent_to_contact;
  // The same person asking again within the window joins their first request.
  if (auto first = tx.first_enquiry_by_contact(caller.clinic, e.email, e.phone, now - policy_.duplicate_window_ms))
    row.duplicate_of = first->id;
  tx.insert_enquiry(row);
  tx.insert_enquiry_event(caller.clinic, {row.id, now, row.status, caller.user_id, "", ""});
  audit_.record(tx, caller, row.duplicate_of.empty() ? "enquiry.create" : "enquiry.create_linked", "enquiry", row.id);
  return row;
}

Result<EnquiryPage> EnquiryService::list(const Caller& caller, const std::string& status, const std::string& cursor,
                                         int limit) {
  if (!caller.can(Action::enquiries_read)) {
    audit_.record_denied(store_, caller, "enquiry.list", "enquiry", "");
    return Error::forbidden();
  }
  EnquiryFilter filter;
  if (!status.empty() && status != "open") {
    if (!parse_enquiry_status(status))
      return Error::invalid("status", "status must be open, new, contacted, consultation_booked or closed.");
    filter.status = status;
  }
  if (!cursor.empty()) {
    filter.before = parse_cursor(cursor);
    if (!filter.before) return Error::invalid("cursor", "The cursor is not valid.");
  }
  filter.limit = std::clamp(limit, 1, 200) + 1;
  auto tx = store_.begin(Store::Mode::write);
  EnquiryPage page;
  page.items = tx->enquiries(caller.clinic, filter);
  if (static_cast<int>(page.items.size()) == filter.limit) {
    page.items.pop_back();
    page.next_cursor = cursor_of(page.items.back());
  }
  audit_.record(*tx, caller, "enquiry.list", "enquiry", "");
  tx->commit();
  return page;
}

Result<EnquiryDetail> EnquiryService::get(const Caller& caller, const std::string& id) {
  if (!caller.can(Action::enquiries_read)) {
    audit_.record_denied(store_, caller, "enquiry.read", "enquiry", id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto row = tx->enquiry(caller.clinic, id);
  if (!row) return Error::not_found("No such enquiry.");
  EnquiryDetail detail{*row, tx->linked_enquiries(caller.clinic, id), tx->enquiry_events(caller.clinic, id)};
  audit_.record(*tx, caller, "enquiry.read", "enquiry", id);
  tx->commit();
  return detail;
}

Result<EnquiryRow> EnquiryService::register_patient(const Caller& caller, const std::string& id,
                                                    const std::string& date_of_birth) {
  if (!caller.can(Action::enquiries_write) || !caller.can(Action::patients_write)) {
    audit_.record_denied(store_, caller, "enquiry.register", "enquiry", id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto e = tx->enquiry(caller.clinic, id);
  if (!e) return Error::not_found("No such enquiry.");
  if (!e->patient_id.empty())
    return Error::conflict("already_registered", "This enquiry's person is registered already.", "id");
  const std::int64_t now = clock_.now_ms();
  auto identity = validate_patient_identity(e->given_name, e->family_name, date_of_birth, date_of(now));
  if (!identity) return identity.error();
  PatientRow patient{new_id(crypto_, "pat"),
                     caller.clinic.value,
                     identity->given_name,
                     identity->family_name,
                     format_date(identity->date_of_birth),
                     now};
  tx->insert_patient(patient);
  Demographics contacts;  // what the enquiry told us; the rest is asked at registration
  contacts.phone = e->phone;
  contacts.email = e->email;
  tx->update_patient(caller.clinic, patient, contacts);
  tx->link_enquiry_patient(caller.clinic, id, patient.id, now);
  audit_.record(*tx, caller, "patient.create", "patient", patient.id);
  audit_.record(*tx, caller, "enquiry.register", "enquiry", id);
  auto updated = tx->enquiry(caller.clinic, id);
  tx->commit();
  return *updated;
}

Result<EnquiryRow> EnquiryService::change_status(const Caller& caller, const std::string& id, const std::string& status,
                                                 const std::string& reason) {
  if (!caller.can(Action::enquiries_write)) {
    audit_.record_denied(store_, caller, "enquiry.status", "enquiry", id);
    return Error::forbidden();
  }
  auto to = parse_enquiry_status(status);
  if (!to || *to == EnquiryStatus::received)
    return Error::invalid("status", "status must be contacted, consultation_booked or closed.");
  auto tx = store_.begin(Store::Mode::write);
  auto row = tx->enquiry(caller.clinic, id);
  if (!row) return Error::not_found("No such enquiry.");
  auto from = parse_enquiry_status(row->status).value_or(EnquiryStatus::received);
  if (auto ok = check_transition(from, *to, reason); !ok) return ok.error();
  const std::int64_t now = clock_.now_ms();
  const std::string close_reason = *to == EnquiryStatus::closed ? reason : "";
  tx->update_enquiry_status(caller.clinic, id, status, close_reason, now);
  tx->insert_enquiry_event(caller.clinic, {id, now, status, caller.user_id, close_reason, ""});
  audit_.record(*tx, caller, "enquiry.status", "enquiry", id);
  auto updated = tx->enquiry(caller.clinic, id);
  tx->commit();
  return *updated;
}

}  // namespace kc::app
