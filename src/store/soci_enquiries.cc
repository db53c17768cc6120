// The enquiry part of SociTransaction (see soci_transaction.h).
#include "store/query.h"
#include "store/soci_transaction.h"

namespace kc::store {
namespace {

using app::EnquiryRow;

constexpr const char* kEnquiryColumns =
    "e.id, e.clinic_id, e.created_ms, e.updated_ms, e.source, e.status, e.given_name, e.family_name, e.email, "
    "e.phone, e.preferred_contact, e.conditions, e.reason_text, e.heard_from, e.consent_to_contact, "
    "e.close_reason, COALESCE(e.duplicate_of, ''), "
    "(SELECT COUNT(*) FROM enquiries d WHERE d.clinic_id = e.clinic_id AND d.duplicate_of = e.id), e.patient_id";

struct EnquiryFields {
  EnquiryRow row;
  long long created = 0, updated = 0, linked = 0;
  int consent = 0;
  std::string conditions;
  void bind(DynamicQuery& q) {
    q.into(row.id);
    q.into(row.clinic_id);
    q.into(created);
    q.into(updated);
    q.into(row.source);
    q.into(row.status);
    q.into(row.given_name);
    q.into(row.family_name);
    q.into(row.email);
    q.into(row.phone);
    q.into(row.preferred_contact);
    q.into(conditions);
    q.into(row.reason_text);
    q.into(row.heard_from);
    q.into(consent);
    q.into(row.close_reason);
    q.into(row.duplicate_of);
    q.into(linked);
    q.into(row.patient_id);
  }
  EnquiryRow take() const {
    EnquiryRow r = row;
    r.created_ms = created;
    r.updated_ms = updated;
    r.consent_to_contact = consent != 0;
    r.linked_count = static_cast<int>(linked);
    r.conditions = split_list(conditions, ',');
    return r;
  }
};

std::vector<EnquiryRow> run(DynamicQuery& q, EnquiryFields& f, const std::string& sql) {
  f.bind(q);
  q.run(sql);
  return q.collect([&] { return f.take(); });
}

}  // namespace

void SociTransaction::insert_enquiry(const EnquiryRow& e) {
  DynamicQuery q(sql());
  q.arg(e.id);
  q.arg(e.clinic_id);
  q.arg(static_cast<long long>(e.created_ms));
  q.arg(static_cast<long long>(e.updated_ms));
  q.arg(e.source);
  q.arg(e.status);
  q.arg(e.given_name);
  q.arg(e.family_name);
  q.arg(e.email);
  q.arg(e.phone);
  q.arg(e.preferred_contact);
  q.arg(join_list(e.conditions, ','));
  q.arg(e.reason_text);
  q.arg(e.heard_from);
  q.arg(static_cast<long long>(e.consent_to_contact ? 1 : 0));
  q.arg(e.close_reason);
  std::string duplicate = e.duplicate_of.empty() ? "NULL" : ":dup";
  if (!e.duplicate_of.empty()) q.arg(e.duplicate_of);
  q.run(
      "INSERT INTO enquiries (id, clinic_id, created_ms, updated_ms, source, status, given_name, family_name, "
      "email, phone, preferred_contact, conditions, reason_text, heard_from, consent_to_contact, close_reason, "
      "duplicate_of) VALUES (:id, :c, :cr, :up, :src, :st, :g, :f, :e, :p, :pc, :cond, :r, :h, :consent, :close, " +
      duplicate + ")");
}

void SociTransaction::update_enquiry_status(const app::ClinicId& clinic, std::string_view id, std::string_view status,
                                            std::string_view close_reason, std::int64_t now_ms) {
  DynamicQuery q(sql());
  q.arg(std::string(status));
  q.arg(std::string(close_reason));
  q.arg(static_cast<long long>(now_ms));
  q.arg(clinic.value);
  q.arg(std::string(id));
  q.run("UPDATE enquiries SET status = :s, close_reason = :r, updated_ms = :t WHERE clinic_id = :c AND id = :id");
}

void SociTransaction::link_enquiry_patient(const app::ClinicId& clinic, std::string_view id,
                                           std::string_view patient_id, std::int64_t now_ms) {
  DynamicQuery q(sql());
  q.arg(std::string(patient_id));
  q.arg(static_cast<long long>(now_ms));
  q.arg(clinic.value);
  q.arg(std::string(id));
  q.run("UPDATE enquiries SET patient_id = :p, updated_ms = :t WHERE clinic_id = :c AND id = :id");
}

std::optional<EnquiryRow> SociTransaction::enquiry(const app::ClinicId& clinic, std::string_view id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(id));
  EnquiryFields f;
  auto rows =
      run(q, f, std::string("SELECT ") + kEnquiryColumns + " FROM enquiries e WHERE e.clinic_id = :c AND e.id = :id");
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<EnquiryRow> SociTransaction::enquiries(const app::ClinicId& clinic, const app::EnquiryFilter& filter) {
  DynamicQuery q(sql());
  std::string where = "e.clinic_id = :c AND e.duplicate_of IS NULL";
  q.arg(clinic.value);
  if (filter.status.empty()) {
    where += " AND e.status <> 'closed'";
  } else {
    where += " AND e.status = :s";
    q.arg(filter.status);
  }
  if (filter.before) {
    where += " AND (e.created_ms < :t OR (e.created_ms = :t2 AND e.id < :id))";
    q.arg(static_cast<long long>(filter.before->first));
    q.arg(static_cast<long long>(filter.before->first));
    q.arg(filter.before->second);
  }
  EnquiryFields f;
  return run(q, f,
             std::string("SELECT ") + kEnquiryColumns + " FROM enquiries e WHERE " + where +
                 " ORDER BY e.created_ms DESC, e.id DESC LIMIT " + std::to_string(filter.limit));
}

std::optional<EnquiryRow> SociTransaction::first_enquiry_by_contact(const app::ClinicId& clinic, std::string_view email,
                                                                    std::string_view phone, std::int64_t since_ms) {
  if (email.empty() && phone.empty()) return std::nullopt;
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(static_cast<long long>(since_ms));
  std::string match;
  if (!email.empty()) {
    match = "e.email = :e";
    q.arg(std::string(email));
  }
  if (!phone.empty()) {
    match += std::string(match.empty() ? "" : " OR ") + "e.phone = :p";
    q.arg(std::string(phone));
  }
  EnquiryFields f;
  auto rows = run(q, f,
                  std::string("SELECT ") + kEnquiryColumns +
                      " FROM enquiries e WHERE e.clinic_id = :c AND e.duplicate_of IS NULL AND e.status <> 'closed' "
                      "AND e.created_ms >= :t "
                      "AND (" +
                      match + ") ORDER BY e.created_ms, e.id LIMIT 1");
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<EnquiryRow> SociTransaction::linked_enquiries(const app::ClinicId& clinic, std::string_view first_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(first_id));
  EnquiryFields f;
  return run(q, f,
             std::string("SELECT ") + kEnquiryColumns +
                 " FROM enquiries e WHERE e.clinic_id = :c AND e.duplicate_of = :id ORDER BY e.created_ms, e.id");
}

void SociTransaction::insert_enquiry_event(const app::ClinicId& clinic, const app::EnquiryEventRow& ev) {
  long long at = ev.at_ms;
  sql() << "INSERT INTO enquiry_events (clinic_id, enquiry_id, at_ms, status, user_id, reason) "
           "VALUES (:c, :e, :t, :s, :u, :r)",
      soci::use(clinic.value), soci::use(ev.enquiry_id), soci::use(at), soci::use(ev.status), soci::use(ev.user_id),
      soci::use(ev.reason);
}

std::vector<app::EnquiryEventRow> SociTransaction::enquiry_events(const app::ClinicId& clinic,
                                                                  std::string_view enquiry_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(enquiry_id));
  app::EnquiryEventRow ev;
  long long at = 0;
  q.into(ev.enquiry_id);
  q.into(at);
  q.into(ev.status);
  q.into(ev.user_id);
  q.into(ev.reason);
  q.into(ev.user_email);
  q.run(
      "SELECT v.enquiry_id, v.at_ms, v.status, v.user_id, v.reason, COALESCE(u.email, '') FROM enquiry_events v "
      "LEFT JOIN users u ON u.id = v.user_id WHERE v.clinic_id = :c AND v.enquiry_id = :e ORDER BY v.at_ms");
  std::vector<app::EnquiryEventRow> out;
  while (q.fetch()) {
    ev.at_ms = at;
    out.push_back(ev);
  }
  return out;
}

}  // namespace kc::store
