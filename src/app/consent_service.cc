#include "app/consent_service.h"

#include <algorithm>

#include "app/ids.h"
#include "domain/demographics.h"
#include "domain/time.h"
#include "domain/validation.h"

namespace kc::app {
namespace {

constexpr std::size_t kMaxReasonChars = 1000;

std::optional<ConsentVersion> published_version(const std::vector<ConsentDocumentRow>& documents,
                                                std::string_view kind) {
  for (const auto& d : documents)
    if (d.kind == kind && d.status == "published") return ConsentVersion{d.major, d.minor};
  return std::nullopt;
}

std::optional<ConsentVersion> latest_published_version(const std::vector<ConsentDocumentRow>& documents,
                                                       std::string_view kind) {
  std::optional<ConsentVersion> out;
  for (const auto& d : documents) {
    if (d.kind != kind || d.status == "draft") continue;
    ConsentVersion v{d.major, d.minor};
    if (!out || v > *out) out = v;
  }
  return out;
}

Date birth_of(const PatientRow& p) { return parse_date(p.date_of_birth).value_or(Date{}); }

ConsentCheck check_of(Route route, const ConsentValidity& v) {
  return {std::string(to_string(route)),
          v.valid,
          v.code,
          v.message,
          v.consent_id,
          v.version ? to_string(*v.version) : std::string()};
}

ConsentCheck check_in(const PatientRow& patient, Route route, const std::vector<ConsentRow>& consents,
                      const std::vector<ConsentDocumentRow>& documents) {
  std::vector<ConsentFacts> facts;
  const Date birth = birth_of(patient);
  for (const auto& c : consents)
    facts.push_back({c.id,
                     c.kind,
                     {c.major, c.minor},
                     c.signed_ms,
                     is_minor(birth, date_of(c.signed_ms)),
                     c.guardian_signed_ms != 0,
                     c.countersigned_ms != 0,
                     c.withdrawn_ms != 0,
                     c.accepted_ms != 0});
  return check_of(route, consent_validity(route, facts, published_version(documents, to_string(route))));
}

}  // namespace

ConsentCheck consent_check(Transaction& tx, const ClinicId& clinic, std::string_view patient_id, Route route,
                           std::int64_t /*now_ms: validity does not lapse with time today*/) {
  auto patient = tx.patient(clinic, patient_id);
  if (!patient) return {std::string(to_string(route)), false, "consent_missing", "No such patient.", "", ""};
  return check_in(*patient, route, tx.consents(clinic, patient_id), tx.consent_documents(clinic));
}

Status require_consent(Transaction& tx, const ClinicId& clinic, std::string_view patient_id, Route route,
                       std::int64_t now_ms) {
  auto c = consent_check(tx, clinic, patient_id, route, now_ms);
  if (c.valid) return Ok{};
  return Error::conflict(c.code, c.message, "consent");
}

Result<std::unique_ptr<Transaction>> ConsentService::open(const Caller& caller, Action action,
                                                          std::string_view audit_action, std::string_view entity_type,
                                                          const std::string& entity_id) {
  if (!caller.can(action)) {
    audit_.record_denied(store_, caller, audit_action, entity_type, entity_id);
    return Error::forbidden();
  }
  return store_.begin(Store::Mode::write);
}

// --- The library ------------------------------------------------------------------

Result<std::vector<ConsentDocumentRow>> ConsentService::documents(const Caller& caller) {
  if (!caller.can(Action::consent_read)) return Error::forbidden();
  auto tx = store_.begin(Store::Mode::read);
  return tx->consent_documents(caller.clinic);
}

Result<ConsentDocumentRow> ConsentService::document(const Caller& caller, const std::string& id) {
  if (!caller.can(Action::consent_read)) return Error::forbidden();
  auto tx = store_.begin(Store::Mode::read);
  auto doc = tx->consent_document(caller.clinic, id);
  if (!doc) return Error::not_found("No such consent document.");
  return *doc;
}

Result<ConsentDocumentRow> ConsentService::create_draft(const Caller& caller, const DraftInput& input) {
  if (!is_consent_kind(input.kind))
    return Error::invalid("kind",
                          "Kind must be a route (iv, im, sc, intranasal_esketamine, sublingual, oral) or "
                          "research.");
  auto revision = parse_revision(input.revision.empty() ? "minor" : input.revision);
  if (!revision) return Error::invalid("revision", "Revision must be minor or major.");
  auto title = check_consent_draft(input.title, input.body_markdown);
  if (!title) return title.error();
  auto tx = open(caller, Action::consent_author, "consent.document.create", "consent_document", "");
  if (!tx) return tx.error();
  const auto all = (*tx)->consent_documents(caller.clinic);
  const ConsentVersion v = next_version(latest_published_version(all, input.kind), *revision);
  for (const auto& d : all)
    if (d.kind == input.kind && d.major == v.major && d.minor == v.minor)
      return Error::conflict("consent_draft_exists",
                             "A draft of version " + to_string(v) + " of this kind already exists: edit that one.",
                             "kind");
  const std::int64_t now = clock_.now_ms();
  ConsentDocumentRow row;
  row.id = new_id(crypto_, "cdoc");
  row.clinic_id = caller.clinic.value;
  row.kind = input.kind;
  row.major = v.major;
  row.minor = v.minor;
  row.title = *title;
  row.body_markdown = input.body_markdown;
  row.content_sha256 = crypto_.sha256_hex(consent_hash_input(row.title, row.body_markdown));
  row.created_by = caller.user_id;
  row.created_ms = now;
  row.updated_ms = now;
  (*tx)->insert_consent_document(row);
  audit_.record(**tx, caller, "consent.document.create", "consent_document", row.id);
  auto stored = (*tx)->consent_document(caller.clinic, row.id);
  (*tx)->commit();
  return *stored;
}

Result<ConsentDocumentRow> ConsentService::edit_draft(const Caller& caller, const std::string& id,
                                                      const std::string& title, const std::string& body_markdown) {
  auto checked = check_consent_draft(title, body_markdown);
  if (!checked) return checked.error();
  auto tx = open(caller, Action::consent_author, "consent.document.edit", "consent_document", id);
  if (!tx) return tx.error();
  auto doc = (*tx)->consent_document(caller.clinic, id);
  if (!doc) return Error::not_found("No such consent document.");
  doc->title = *checked;
  doc->body_markdown = body_markdown;
  doc->content_sha256 = crypto_.sha256_hex(consent_hash_input(doc->title, doc->body_markdown));
  doc->updated_ms = clock_.now_ms();
  if (!(*tx)->update_consent_draft(caller.clinic, *doc))
    return Error::conflict("consent_document_published",
                           "This version is published and its text can no longer change. Start a new version.");
  audit_.record(**tx, caller, "consent.document.edit", "consent_document", id);
  auto stored = (*tx)->consent_document(caller.clinic, id);
  (*tx)->commit();
  return *stored;
}

Result<ConsentDocumentRow> ConsentService::publish(const Caller& caller, const std::string& id) {
  auto tx = open(caller, Action::consent_author, "consent.document.publish", "consent_document", id);
  if (!tx) return tx.error();
  auto doc = (*tx)->consent_document(caller.clinic, id);
  if (!doc) return Error::not_found("No such consent document.");
  if (doc->status != "draft")
    return Error::conflict("consent_document_published", "This version is already published.");
  if (auto ok = check_publishable(doc->body_markdown); !ok) return ok.error();
  const auto latest = latest_published_version((*tx)->consent_documents(caller.clinic), doc->kind);
  if (latest && *latest >= ConsentVersion{doc->major, doc->minor})
    return Error::conflict("consent_version_taken", "Version " + to_string(*latest) +
                                                        " of this kind was published after this draft was made. " +
                                                        "Start a new version from it.");
  if (!(*tx)->publish_consent_document(caller.clinic, id, caller.user_id, clock_.now_ms())) {
    // Another author published meanwhile: this one, or a version as new or newer.
    auto now = (*tx)->consent_document(caller.clinic, id);
    if (now && now->status != "draft")
      return Error::conflict("consent_document_published", "This version is already published.");
    return Error::conflict("consent_version_taken",
                           "A version as new or newer of this kind was just published. Start a new version from it.");
  }
  audit_.record(**tx, caller, "consent.document.publish", "consent_document", id);
  auto stored = (*tx)->consent_document(caller.clinic, id);
  (*tx)->commit();
  return *stored;
}

// --- A patient's consents ------------------------------------------------------------

Result<PatientConsentsView> ConsentService::patient_consents(const Caller& caller, const std::string& patient_id) {
  auto tx = open(caller, Action::consent_read, "patient.consents.read", "patient", patient_id);
  if (!tx) return tx.error();
  auto patient = (*tx)->patient(caller.clinic, patient_id);
  if (!patient) return Error::not_found("No such patient.");
  PatientConsentsView view;
  view.consents = (*tx)->consents(caller.clinic, patient_id);
  const auto documents = (*tx)->consent_documents(caller.clinic);
  for (Route r : all_routes()) view.status.push_back(check_in(*patient, r, view.consents, documents));
  for (const auto& d : documents)
    if (d.status == "published") view.published.push_back(d);
  view.minor = is_minor(birth_of(*patient), date_of(clock_.now_ms()));
  if (auto demo = (*tx)->patient_demographics(caller.clinic, patient_id)) {
    view.recorded_guardian_name = demo->guardian_name;
    view.recorded_guardian_relationship = demo->guardian_relationship;
  }
  audit_.record(**tx, caller, "patient.consents.read", "patient", patient_id);
  (*tx)->commit();
  return view;
}

Result<ConsentDocumentRow> ConsentService::document_for_signing(const Caller& caller, const std::string& patient_id,
                                                                const std::string& document_id) {
  auto tx = open(caller, Action::consent_sign, "consent.signing.open", "patient", patient_id);
  if (!tx) return tx.error();
  if (!(*tx)->patient(caller.clinic, patient_id)) return Error::not_found("No such patient.");
  auto doc = (*tx)->consent_document(caller.clinic, document_id);
  if (!doc) return Error::not_found("No such consent document.");
  if (doc->status != "published")
    return Error::conflict("consent_document_not_current", "Only the current published version can be signed.",
                           "document_id");
  audit_.record(**tx, caller, "consent.signing.open", "patient", patient_id);
  (*tx)->commit();
  return *doc;
}

Result<ConsentRow> ConsentService::sign(const Caller& caller, const std::string& patient_id, const SignInput& input) {
  if (input.document_id.empty()) return Error::invalid("document_id", "Document id is required.");
  auto tx = open(caller, Action::consent_sign, "consent.sign", "patient", patient_id);
  if (!tx) return tx.error();
  auto patient = (*tx)->patient(caller.clinic, patient_id);
  if (!patient) return Error::not_found("No such patient.");
  auto doc = (*tx)->consent_document(caller.clinic, input.document_id);
  if (!doc) return Error::not_found("No such consent document.");
  if (doc->status != "published")
    return Error::conflict("consent_document_not_current", "Only the current published version can be signed.",
                           "document_id");
  const std::int64_t now = clock_.now_ms();
  ConsentPatient who{patient->given_name, patient->family_name, birth_of(*patient), ""};
  if (auto demo = (*tx)->patient_demographics(caller.clinic, patient_id))
    who.recorded_guardian_name = demo->guardian_name;
  auto signature =
      check_signature({input.typed_name, input.acknowledged_sections, input.guardian_name, input.guardian_relationship},
                      consent_sections(doc->body_markdown), who, date_of(now));
  if (!signature) return signature.error();

  ConsentRow row;
  row.id = new_id(crypto_, "cns");
  row.clinic_id = caller.clinic.value;
  row.patient_id = patient_id;
  row.document_id = doc->id;
  row.kind = doc->kind;
  row.major = doc->major;
  row.minor = doc->minor;
  row.title = doc->title;
  row.body_markdown = doc->body_markdown;
  row.content_sha256 = crypto_.sha256_hex(consent_hash_input(row.title, row.body_markdown));
  row.typed_name = signature->typed_name;
  row.acknowledged_sections = signature->acknowledged_sections;
  row.signed_ms = now;
  row.client_address = caller.client_address;
  row.handed_over_by = caller.user_id;
  row.guardian_name = signature->guardian_name;
  row.guardian_relationship = signature->guardian_relationship;
  row.guardian_signed_ms = signature->guardian_name.empty() ? 0 : now;
  (*tx)->insert_consent(row);
  audit_.record(**tx, caller, "consent.sign", "consent", row.id);
  auto stored = (*tx)->consent(caller.clinic, row.id);
  (*tx)->commit();
  return *stored;
}

Result<ConsentRecordView> ConsentService::consent(const Caller& caller, const std::string& id) {
  auto tx = open(caller, Action::consent_read, "consent.read", "consent", id);
  if (!tx) return tx.error();
  auto row = (*tx)->consent(caller.clinic, id);
  if (!row) return Error::not_found("No such consent.");
  auto patient = (*tx)->patient(caller.clinic, row->patient_id);
  if (!patient) return Error::not_found("No such consent.");
  audit_.record(**tx, caller, "consent.read", "consent", id);
  (*tx)->commit();
  return ConsentRecordView{std::move(*row), std::move(*patient)};
}

Result<ConsentRow> ConsentService::change(const Caller& caller, const std::string& id, Action action,
                                          std::string_view audit_action, const std::string& reason) {
  std::string why;
  if (action != Action::consent_countersign) {
    auto r = required_text("reason", reason, kMaxReasonChars);
    if (!r) return r.error();
    why = *r;
  }
  auto tx = open(caller, action, audit_action, "consent", id);
  if (!tx) return tx.error();
  auto row = (*tx)->consent(caller.clinic, id);
  if (!row) return Error::not_found("No such consent.");
  if (row->withdrawn_ms) return Error::conflict("consent_withdrawn", "This consent was withdrawn.");
  const std::int64_t now = clock_.now_ms();
  bool written = false;
  switch (action) {
    case Action::consent_countersign:
      if (row->countersigned_ms)
        return Error::conflict("consent_already_countersigned", "This consent is already countersigned.");
      written = (*tx)->countersign_consent(caller.clinic, id, caller.user_id, now);
      break;
    case Action::consent_withdraw:
      written = (*tx)->withdraw_consent(caller.clinic, id, caller.user_id, now, why);
      break;
    case Action::consent_accept_version: {
      if (row->accepted_ms)
        return Error::conflict("consent_already_accepted", "This consent's version is already accepted.");
      auto current = published_version((*tx)->consent_documents(caller.clinic), row->kind);
      if (!current || row->major >= current->major)
        return Error::conflict("consent_not_outdated",
                               "This consent is of the current major version: there is nothing to accept.");
      written = (*tx)->accept_consent_version(caller.clinic, id, caller.user_id, now, why);
      break;
    }
    default:
      return Error::forbidden();
  }
  if (!written) return Error::conflict("consent_changed", "This consent changed meanwhile. Reload it.");
  audit_.record(**tx, caller, audit_action, "consent", id);
  auto stored = (*tx)->consent(caller.clinic, id);
  (*tx)->commit();
  return *stored;
}

Result<ConsentRow> ConsentService::countersign(const Caller& caller, const std::string& id) {
  return change(caller, id, Action::consent_countersign, "consent.countersign", "");
}

Result<ConsentRow> ConsentService::withdraw(const Caller& caller, const std::string& id, const std::string& reason) {
  return change(caller, id, Action::consent_withdraw, "consent.withdraw", reason);
}

Result<ConsentRow> ConsentService::accept_version(const Caller& caller, const std::string& id,
                                                  const std::string& reason) {
  return change(caller, id, Action::consent_accept_version, "consent.accept_version", reason);
}

Result<ConsentCheck> ConsentService::check(const Caller& caller, std::string_view patient_id, Route route) {
  const std::string id(patient_id);
  auto tx = open(caller, Action::consent_read, "patient.consent_status.read", "patient", id);
  if (!tx) return tx.error();
  if (!(*tx)->patient(caller.clinic, patient_id)) return Error::not_found("No such patient.");
  auto out = consent_check(**tx, caller.clinic, patient_id, route, clock_.now_ms());
  audit_.record(**tx, caller, "patient.consent_status.read", "patient", id);
  (*tx)->commit();
  return out;
}

}  // namespace kc::app
