// The consent part of SociTransaction (see soci_transaction.h): consent documents
// and the consents patients signed.
#include <string>

#include "store/query.h"
#include "store/soci_transaction.h"

namespace kc::store {
namespace {

using app::ClinicId;
using app::ConsentDocumentRow;
using app::ConsentRow;

constexpr const char* kDocumentColumns =
    "d.id, d.clinic_id, d.kind, d.major, d.minor, d.title, d.body_markdown, d.status, d.content_sha256, "
    "COALESCE(cu.email, d.created_by), d.created_ms, d.updated_ms, COALESCE(pu.email, d.published_by), "
    "d.published_ms";
constexpr const char* kDocumentFrom =
    " FROM consent_documents d LEFT JOIN users cu ON cu.clinic_id = d.clinic_id AND cu.id = d.created_by"
    " LEFT JOIN users pu ON pu.clinic_id = d.clinic_id AND pu.id = d.published_by";

struct DocumentFields {
  ConsentDocumentRow row;
  long long major = 0, minor = 0, created = 0, updated = 0, published = 0;
  void bind(DynamicQuery& q) {
    q.into(row.id);
    q.into(row.clinic_id);
    q.into(row.kind);
    q.into(major);
    q.into(minor);
    q.into(row.title);
    q.into(row.body_markdown);
    q.into(row.status);
    q.into(row.content_sha256);
    q.into(row.created_by);
    q.into(created);
    q.into(updated);
    q.into(row.published_by);
    q.into(published);
  }
  ConsentDocumentRow take() const {
    ConsentDocumentRow r = row;
    r.major = static_cast<int>(major);
    r.minor = static_cast<int>(minor);
    r.created_ms = created;
    r.updated_ms = updated;
    r.published_ms = published;
    return r;
  }
};

constexpr const char* kConsentColumns =
    "c.id, c.clinic_id, c.patient_id, c.document_id, c.kind, c.major, c.minor, c.title, c.body_markdown, "
    "c.content_sha256, c.typed_name, c.acknowledged_sections, c.signed_ms, c.client_address, c.handed_over_by, "
    "c.guardian_name, c.guardian_relationship, c.guardian_signed_ms, c.countersigned_by, c.countersigned_ms, "
    "c.withdrawn_by, c.withdrawn_ms, c.withdrawal_reason, c.accepted_by, c.accepted_ms, c.acceptance_reason, "
    "COALESCE(hu.display_name, ''), COALESCE(su.display_name, ''), COALESCE(wu.display_name, ''), "
    "COALESCE(au.display_name, '')";
constexpr const char* kConsentFrom =
    " FROM patient_consents c"
    " LEFT JOIN users hu ON hu.clinic_id = c.clinic_id AND hu.id = c.handed_over_by"
    " LEFT JOIN users su ON su.clinic_id = c.clinic_id AND su.id = c.countersigned_by"
    " LEFT JOIN users wu ON wu.clinic_id = c.clinic_id AND wu.id = c.withdrawn_by"
    " LEFT JOIN users au ON au.clinic_id = c.clinic_id AND au.id = c.accepted_by";

struct ConsentFields {
  ConsentRow row;
  std::string acknowledged;
  long long major = 0, minor = 0, signed_at = 0, guardian = 0, countersigned = 0, withdrawn = 0, accepted = 0;
  void bind(DynamicQuery& q) {
    q.into(row.id);
    q.into(row.clinic_id);
    q.into(row.patient_id);
    q.into(row.document_id);
    q.into(row.kind);
    q.into(major);
    q.into(minor);
    q.into(row.title);
    q.into(row.body_markdown);
    q.into(row.content_sha256);
    q.into(row.typed_name);
    q.into(acknowledged);
    q.into(signed_at);
    q.into(row.client_address);
    q.into(row.handed_over_by);
    q.into(row.guardian_name);
    q.into(row.guardian_relationship);
    q.into(guardian);
    q.into(row.countersigned_by);
    q.into(countersigned);
    q.into(row.withdrawn_by);
    q.into(withdrawn);
    q.into(row.withdrawal_reason);
    q.into(row.accepted_by);
    q.into(accepted);
    q.into(row.acceptance_reason);
    q.into(row.handed_over_by_name);
    q.into(row.countersigned_by_name);
    q.into(row.withdrawn_by_name);
    q.into(row.accepted_by_name);
  }
  ConsentRow take() const {
    ConsentRow r = row;
    r.major = static_cast<int>(major);
    r.minor = static_cast<int>(minor);
    // Headings never hold a newline (a heading is one line).
    r.acknowledged_sections = split_list(acknowledged, '\n');
    r.signed_ms = signed_at;
    r.guardian_signed_ms = guardian;
    r.countersigned_ms = countersigned;
    r.withdrawn_ms = withdrawn;
    r.accepted_ms = accepted;
    return r;
  }
};

}  // namespace

void SociTransaction::insert_consent_document(const ConsentDocumentRow& d) {
  DynamicQuery q(sql());
  q.arg(d.id);
  q.arg(d.clinic_id);
  q.arg(d.kind);
  q.arg(static_cast<long long>(d.major));
  q.arg(static_cast<long long>(d.minor));
  q.arg(d.title);
  q.arg(d.body_markdown);
  q.arg(d.status);
  q.arg(d.content_sha256);
  q.arg(d.created_by);
  q.arg(static_cast<long long>(d.created_ms));
  q.arg(static_cast<long long>(d.updated_ms));
  q.arg(d.published_by);
  q.arg(static_cast<long long>(d.published_ms));
  q.run(
      "INSERT INTO consent_documents (id, clinic_id, kind, major, minor, title, body_markdown, status, "
      "content_sha256, created_by, created_ms, updated_ms, published_by, published_ms) VALUES (:id, :c, :k, :ma, "
      ":mi, :t, :b, :s, :h, :cb, :cm, :um, :pb, :pm)");
}

bool SociTransaction::update_consent_draft(const ClinicId& clinic, const ConsentDocumentRow& d) {
  DynamicQuery q(sql());
  q.arg(d.title);
  q.arg(d.body_markdown);
  q.arg(d.content_sha256);
  q.arg(static_cast<long long>(d.updated_ms));
  q.arg(clinic.value);
  q.arg(d.id);
  q.run(
      "UPDATE consent_documents SET title = :t, body_markdown = :b, content_sha256 = :h, updated_ms = :u "
      "WHERE clinic_id = :c AND id = :id AND status = 'draft'");
  return q.affected_rows() == 1;
}

bool SociTransaction::publish_consent_document(const ClinicId& clinic, std::string_view id,
                                               std::string_view published_by, std::int64_t published_ms) {
  auto doc = consent_document(clinic, id);
  if (!doc || doc->status != "draft") return false;
  {
    // Every document of the kind stays locked until commit (PostgreSQL), so two
    // publications of one kind happen one after the other; SQLite writers are
    // serialised already.
    DynamicQuery lock(sql());
    lock.arg(clinic.value);
    lock.arg(doc->kind);
    std::string locked_id;
    lock.into(locked_id);
    lock.run("SELECT id FROM consent_documents WHERE clinic_id = :c AND kind = :k" + lock_clause());
    while (lock.fetch()) {
    }
  }
  {
    // A version as new or newer is already out: this draft is stale.
    DynamicQuery newer(sql());
    newer.arg(clinic.value);
    newer.arg(doc->kind);
    newer.arg(static_cast<long long>(doc->major));
    newer.arg(static_cast<long long>(doc->major));
    newer.arg(static_cast<long long>(doc->minor));
    long long count = 0;
    newer.into(count);
    newer.run(
        "SELECT COUNT(*) FROM consent_documents WHERE clinic_id = :c AND kind = :k AND status <> 'draft' AND "
        "(major > :ma OR (major = :ma2 AND minor >= :mi))");
    if (newer.fetch() && count > 0) return false;
  }
  {
    DynamicQuery q(sql());
    q.arg(clinic.value);
    q.arg(doc->kind);
    q.run(
        "UPDATE consent_documents SET status = 'retired' WHERE clinic_id = :c AND kind = :k AND status = "
        "'published'");
  }
  DynamicQuery q(sql());
  q.arg(std::string(published_by));
  q.arg(static_cast<long long>(published_ms));
  q.arg(clinic.value);
  q.arg(std::string(id));
  q.run(
      "UPDATE consent_documents SET status = 'published', published_by = :pb, published_ms = :pm "
      "WHERE clinic_id = :c AND id = :id AND status = 'draft'");
  return q.affected_rows() == 1;
}

std::optional<ConsentDocumentRow> SociTransaction::consent_document(const ClinicId& clinic, std::string_view id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(id));
  DocumentFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kDocumentColumns + kDocumentFrom + " WHERE d.clinic_id = :c AND d.id = :id" +
        (lock_clause().empty() ? "" : " FOR UPDATE OF d"));
  if (!q.fetch()) return std::nullopt;
  return f.take();
}

std::vector<ConsentDocumentRow> SociTransaction::consent_documents(const ClinicId& clinic) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  DocumentFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kDocumentColumns + kDocumentFrom +
        " WHERE d.clinic_id = :c ORDER BY d.kind, d.major DESC, d.minor DESC, d.id");
  return q.collect([&] { return f.take(); });
}

void SociTransaction::insert_consent(const ConsentRow& c) {
  DynamicQuery q(sql());
  q.arg(c.id);
  q.arg(c.clinic_id);
  q.arg(c.patient_id);
  q.arg(c.document_id);
  q.arg(c.kind);
  q.arg(static_cast<long long>(c.major));
  q.arg(static_cast<long long>(c.minor));
  q.arg(c.title);
  q.arg(c.body_markdown);
  q.arg(c.content_sha256);
  q.arg(c.typed_name);
  q.arg(join_list(c.acknowledged_sections, '\n'));
  q.arg(static_cast<long long>(c.signed_ms));
  q.arg(c.client_address);
  q.arg(c.handed_over_by);
  q.arg(c.guardian_name);
  q.arg(c.guardian_relationship);
  q.arg(static_cast<long long>(c.guardian_signed_ms));
  q.arg(c.countersigned_by);
  q.arg(static_cast<long long>(c.countersigned_ms));
  q.arg(c.withdrawn_by);
  q.arg(static_cast<long long>(c.withdrawn_ms));
  q.arg(c.withdrawal_reason);
  q.arg(c.accepted_by);
  q.arg(static_cast<long long>(c.accepted_ms));
  q.arg(c.acceptance_reason);
  q.run(
      "INSERT INTO patient_consents (id, clinic_id, patient_id, document_id, kind, major, minor, title, "
      "body_markdown, content_sha256, typed_name, acknowledged_sections, signed_ms, client_address, handed_over_by, "
      "guardian_name, guardian_relationship, guardian_signed_ms, countersigned_by, countersigned_ms, withdrawn_by, "
      "withdrawn_ms, withdrawal_reason, accepted_by, accepted_ms, acceptance_reason) VALUES (:id, :c, :p, :d, :k, "
      ":ma, :mi, :t, :b, :h, :n, :a, :s, :ca, :ho, :gn, :gr, :gs, :cb, :cm, :wb, :wm, :wr, :ab, :am, :ar)");
}

std::optional<ConsentRow> SociTransaction::consent(const ClinicId& clinic, std::string_view id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(id));
  ConsentFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kConsentColumns + kConsentFrom + " WHERE c.clinic_id = :c AND c.id = :id");
  if (!q.fetch()) return std::nullopt;
  return f.take();
}

std::vector<ConsentRow> SociTransaction::consents(const ClinicId& clinic, std::string_view patient_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  ConsentFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kConsentColumns + kConsentFrom +
        " WHERE c.clinic_id = :c AND c.patient_id = :p ORDER BY c.signed_ms DESC, c.id DESC");
  return q.collect([&] { return f.take(); });
}

bool SociTransaction::countersign_consent(const ClinicId& clinic, std::string_view id, std::string_view user_id,
                                          std::int64_t at_ms) {
  DynamicQuery q(sql());
  q.arg(std::string(user_id));
  q.arg(static_cast<long long>(at_ms));
  q.arg(clinic.value);
  q.arg(std::string(id));
  q.run(
      "UPDATE patient_consents SET countersigned_by = :u, countersigned_ms = :t WHERE clinic_id = :c AND id = :id "
      "AND countersigned_ms = 0 AND withdrawn_ms = 0");
  return q.affected_rows() == 1;
}

bool SociTransaction::withdraw_consent(const ClinicId& clinic, std::string_view id, std::string_view user_id,
                                       std::int64_t at_ms, std::string_view reason) {
  DynamicQuery q(sql());
  q.arg(std::string(user_id));
  q.arg(static_cast<long long>(at_ms));
  q.arg(std::string(reason));
  q.arg(clinic.value);
  q.arg(std::string(id));
  q.run(
      "UPDATE patient_consents SET withdrawn_by = :u, withdrawn_ms = :t, withdrawal_reason = :r WHERE clinic_id = "
      ":c AND id = :id AND withdrawn_ms = 0");
  return q.affected_rows() == 1;
}

bool SociTransaction::accept_consent_version(const ClinicId& clinic, std::string_view id, std::string_view user_id,
                                             std::int64_t at_ms, std::string_view reason) {
  DynamicQuery q(sql());
  q.arg(std::string(user_id));
  q.arg(static_cast<long long>(at_ms));
  q.arg(std::string(reason));
  q.arg(clinic.value);
  q.arg(std::string(id));
  q.run(
      "UPDATE patient_consents SET accepted_by = :u, accepted_ms = :t, acceptance_reason = :r WHERE clinic_id = :c "
      "AND id = :id AND accepted_ms = 0 AND withdrawn_ms = 0");
  return q.affected_rows() == 1;
}

}  // namespace kc::store
