// Informed consent: the clinic's consent library (drafts, publishing, new versions),
// signing by the patient on a tablet handed over by staff, the clinician's
// countersignature, withdrawal, a prescriber's acceptance of an older major version,
// and the check a dosing session makes (domain/consent.h holds the rules).
//
// Signing happens in a staff member's session: the caller is that staff user (kept
// as handed_over_by), while the signature itself (typed name, acknowledged sections,
// time from the clock, the request's client address) is the patient's. A signed
// consent keeps its own copy of the exact title and text, with their SHA-256.
// Every write is audited in its own transaction; so is every read of a patient's
// consents or of a signed record.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ports.h"
#include "app/store.h"
#include "domain/consent.h"
#include "domain/result.h"
#include "domain/route.h"

namespace kc::app {

struct DraftInput {
  std::string kind;
  std::string title;
  std::string body_markdown;
  std::string revision = "minor";  // "minor" | "major": of the latest published version of the kind
};

struct SignInput {
  std::string document_id;
  std::string typed_name;
  std::vector<std::string> acknowledged_sections;
  std::string guardian_name, guardian_relationship;
};

/// A signed consent with the patient it belongs to (the printable record).
struct ConsentRecordView {
  ConsentRow consent;
  PatientRow patient;
};

/// What a dosing session asks: a valid consent for the route, or why not.
struct ConsentCheck {
  std::string route;  // a route code
  bool valid = false;
  std::string code;     // "" when valid; a domain code otherwise (domain/consent.h)
  std::string message;  // for people
  std::string consent_id;
  std::string version;  // "2.1"; "" when no consent is concerned
};

struct PatientConsentsView {
  std::vector<ConsentRow> consents;           // newest signed first
  std::vector<ConsentCheck> status;           // one per route, in route order
  std::vector<ConsentDocumentRow> published;  // the documents that may be signed now
  bool minor = false;                         // under 18 today
  std::string recorded_guardian_name;         // from the demographics; "" when none
  std::string recorded_guardian_relationship;
};

/// The consent check inside another use case's transaction (e.g. before dosing):
/// the patient's consents and the clinic's published versions as `tx` sees them.
/// The patient must exist in the clinic (the caller has checked).
ConsentCheck consent_check(Transaction& tx, const ClinicId& clinic, std::string_view patient_id, Route route,
                           std::int64_t now_ms);

/// The same, as an error for a use case to return: conflict-kind with the domain code
/// (consent_missing, consent_not_countersigned, ...) and field "consent".
Status require_consent(Transaction& tx, const ClinicId& clinic, std::string_view patient_id, Route route,
                       std::int64_t now_ms);

class ConsentService {
 public:
  ConsentService(Store& store, Crypto& crypto, const Clock& clock)
      : store_(store), crypto_(crypto), clock_(clock), audit_(crypto, clock) {}

  // The library.
  Result<std::vector<ConsentDocumentRow>> documents(const Caller& caller);
  Result<ConsentDocumentRow> document(const Caller& caller, const std::string& id);
  /// A new draft of a kind, versioned from the latest published one (1.0 when none).
  Result<ConsentDocumentRow> create_draft(const Caller& caller, const DraftInput& input);
  /// Errors: 409 consent_document_published when it is no longer a draft.
  Result<ConsentDocumentRow> edit_draft(const Caller& caller, const std::string& id, const std::string& title,
                                        const std::string& body_markdown);
  /// Errors: 400 consent_sections_missing / consent_sections_duplicate; 409
  /// consent_document_published; 409 consent_version_taken when a version as new or
  /// newer of the kind was published since the draft was made.
  Result<ConsentDocumentRow> publish(const Caller& caller, const std::string& id);

  // A patient's consents.
  Result<PatientConsentsView> patient_consents(const Caller& caller, const std::string& patient_id);
  /// The published document the tablet shows, for that patient (the read is audited).
  Result<ConsentDocumentRow> document_for_signing(const Caller& caller, const std::string& patient_id,
                                                  const std::string& document_id);
  /// Errors: 400 naming the field (domain check_signature); 404 unknown patient or
  /// document; 409 consent_document_not_current when it is a draft or retired.
  Result<ConsentRow> sign(const Caller& caller, const std::string& patient_id, const SignInput& input);
  /// The signed record and its patient (the read is audited).
  Result<ConsentRecordView> consent(const Caller& caller, const std::string& id);
  /// Errors: 409 consent_already_countersigned / consent_withdrawn.
  Result<ConsentRow> countersign(const Caller& caller, const std::string& id);
  /// Errors: 400 reason; 409 consent_withdrawn.
  Result<ConsentRow> withdraw(const Caller& caller, const std::string& id, const std::string& reason);
  /// Errors: 400 reason; 409 consent_not_outdated (its major version is current),
  /// consent_already_accepted, consent_withdrawn.
  Result<ConsentRow> accept_version(const Caller& caller, const std::string& id, const std::string& reason);

  Result<ConsentCheck> check(const Caller& caller, std::string_view patient_id, Route route);

 private:
  Result<std::unique_ptr<Transaction>> open(const Caller& caller, Action action, std::string_view audit_action,
                                            std::string_view entity_type, const std::string& entity_id);
  Result<ConsentRow> change(const Caller& caller, const std::string& id, Action action, std::string_view audit_action,
                            const std::string& reason);

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog audit_;
};

}  // namespace kc::app
