#include "store/soci_transaction.h"

#include "domain/patient.h"
#include "store/query.h"

namespace kc::store {
namespace {

using app::AuditHead;
using app::ClinicId;
using app::ClinicRow;
using app::PatientRow;
using app::SessionRow;
using app::UserRow;

/// The first key after every key that starts with `prefix` (byte order), or empty
/// when there is none (a prefix of 0xff bytes).
std::string prefix_end(std::string prefix) {
  while (!prefix.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(prefix.back());
    if (last < 0xff) {
      ++last;
      return prefix;
    }
    prefix.pop_back();
  }
  return {};
}

}  // namespace

SociTransaction::SociTransaction(ConnectionPool::Lease lease, bool sqlite, app::Store::Mode mode)
    : lease_(std::move(lease)), sqlite_(sqlite), mode_(mode) {
  const bool write = mode == app::Store::Mode::write;
  if (mode == app::Store::Mode::single) {
    done_ = true;  // nothing to commit or roll back
    return;
  }
  try {
    if (sqlite_)
      sql() << (write ? "BEGIN IMMEDIATE" : "BEGIN");
    else
      sql() << (write ? "BEGIN" : "BEGIN READ ONLY");
  } catch (...) {
    lease_.mark_broken();
    throw;
  }
}

SociTransaction::~SociTransaction() {
  if (done_) return;
  try {
    sql() << "ROLLBACK";
  } catch (...) {
    lease_.mark_broken();  // the connection is in an unknown state: replace it
  }
}

void SociTransaction::commit() {
  if (mode_ == app::Store::Mode::single) return;
  try {
    sql() << "COMMIT";
    done_ = true;
  } catch (...) {
    done_ = true;
    lease_.mark_broken();
    throw;
  }
}

void SociTransaction::savepoint(std::string_view name) { sql() << "SAVEPOINT " << name; }

void SociTransaction::release_savepoint(std::string_view name) { sql() << "RELEASE SAVEPOINT " << name; }

void SociTransaction::rollback_to_savepoint(std::string_view name) {
  // ROLLBACK TO keeps the savepoint open (both engines): release it as well.
  sql() << "ROLLBACK TO SAVEPOINT " << name;
  sql() << "RELEASE SAVEPOINT " << name;
}

std::string SociTransaction::lock_clause() const {
  return !sqlite_ && mode_ == app::Store::Mode::write ? " FOR UPDATE" : "";
}

void SociTransaction::insert_clinic(const ClinicRow& c) {
  long long created = c.created_ms;
  sql() << "INSERT INTO clinics (id, name, created_ms) VALUES (:id, :name, :created)", soci::use(c.id),
      soci::use(c.name), soci::use(created);
}

std::optional<ClinicRow> SociTransaction::clinic(const ClinicId& id) {
  ClinicRow c;
  long long created = 0;
  sql() << "SELECT id, name, created_ms FROM clinics WHERE id = :id", soci::into(c.id), soci::into(c.name),
      soci::into(created), soci::use(id.value);
  if (!sql().got_data()) return std::nullopt;
  c.created_ms = created;
  return c;
}

std::optional<ClinicRow> SociTransaction::clinic_by_name(std::string_view name) {
  ClinicRow c;
  long long created = 0;
  std::string n(name);
  sql() << "SELECT id, name, created_ms FROM clinics WHERE name = :name", soci::into(c.id), soci::into(c.name),
      soci::into(created), soci::use(n);
  if (!sql().got_data()) return std::nullopt;
  c.created_ms = created;
  return c;
}

std::vector<ClinicRow> SociTransaction::clinics() {
  DynamicQuery q(sql());
  ClinicRow c;
  long long created = 0;
  q.into(c.id);
  q.into(c.name);
  q.into(created);
  q.run("SELECT id, name, created_ms FROM clinics ORDER BY name");
  std::vector<ClinicRow> out;
  while (q.fetch()) out.push_back({c.id, c.name, created});
  return out;
}

void SociTransaction::insert_user(const UserRow& u) {
  std::string roles = join_roles(u.roles);
  int disabled = u.disabled ? 1 : 0;
  long long failed = u.failed_logins, locked = u.locked_until_ms, created = u.created_ms;
  sql() << "INSERT INTO users (" << kUserColumns
        << ") VALUES (:id, :clinic, :email, :name, :hash, :roles, :disabled, :failed, :locked, :created)",
      soci::use(u.id), soci::use(u.clinic_id), soci::use(u.email), soci::use(u.display_name),
      soci::use(u.password_hash), soci::use(roles), soci::use(disabled), soci::use(failed), soci::use(locked),
      soci::use(created);
}

void SociTransaction::update_user(const ClinicId& clinic, const UserRow& u) {
  std::string roles = join_roles(u.roles);
  int disabled = u.disabled ? 1 : 0;
  long long failed = u.failed_logins, locked = u.locked_until_ms;
  sql() << "UPDATE users SET display_name = :name, password_hash = :hash, roles = :roles, disabled = :disabled, "
           "failed_logins = :failed, locked_until_ms = :locked WHERE clinic_id = :clinic AND id = :id",
      soci::use(u.display_name), soci::use(u.password_hash), soci::use(roles), soci::use(disabled), soci::use(failed),
      soci::use(locked), soci::use(clinic.value), soci::use(u.id);
}

std::vector<UserRow> SociTransaction::select_users(const std::string& tail, const std::vector<std::string>& args) {
  DynamicQuery q(sql());
  for (const auto& a : args) q.arg(a);
  UserFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kUserColumns + " FROM users " + tail);
  return q.collect([&] { return f.take(); });
}

std::optional<UserRow> SociTransaction::user(const ClinicId& clinic, std::string_view id) {
  auto rows = select_users("WHERE clinic_id = :c AND id = :id" + lock_clause(), {clinic.value, std::string(id)});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<UserRow> SociTransaction::user_by_email(std::string_view email) {
  auto rows = select_users("WHERE email = :email" + lock_clause(), {std::string(email)});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<UserRow> SociTransaction::users(const ClinicId& clinic, std::string_view after_email, int limit) {
  return select_users("WHERE clinic_id = :c AND email > :after ORDER BY email LIMIT " + std::to_string(limit),
                      {clinic.value, std::string(after_email)});
}

void SociTransaction::insert_session(const SessionRow& s) {
  long long created = s.created_ms, seen = s.last_seen_ms;
  int revoked = s.revoked ? 1 : 0;
  sql() << "INSERT INTO sessions (token_hash, user_id, clinic_id, csrf_token, created_ms, last_seen_ms, revoked) "
           "VALUES (:t, :u, :c, :csrf, :created, :seen, :revoked)",
      soci::use(s.token_hash), soci::use(s.user_id), soci::use(s.clinic_id), soci::use(s.csrf_token),
      soci::use(created), soci::use(seen), soci::use(revoked);
}

std::optional<SessionRow> SociTransaction::session(std::string_view token_hash) {
  SessionRow s;
  long long created = 0, seen = 0;
  int revoked = 0;
  std::string t(token_hash);
  sql() << "SELECT token_hash, user_id, clinic_id, csrf_token, created_ms, last_seen_ms, revoked FROM sessions "
           "WHERE token_hash = :t",
      soci::into(s.token_hash), soci::into(s.user_id), soci::into(s.clinic_id), soci::into(s.csrf_token),
      soci::into(created), soci::into(seen), soci::into(revoked), soci::use(t);
  if (!sql().got_data()) return std::nullopt;
  s.created_ms = created;
  s.last_seen_ms = seen;
  s.revoked = revoked != 0;
  return s;
}

std::optional<app::SessionContext> SociTransaction::session_context(std::string_view token_hash) {
  try {
    return lease_.hot().session_lookup.find(token_hash);
  } catch (...) {
    lease_.mark_broken();  // the prepared statement's state is unknown: start afresh
    throw;
  }
}

void SociTransaction::touch_session(std::string_view token_hash, std::int64_t now_ms) {
  long long now = now_ms;
  std::string t(token_hash);
  sql() << "UPDATE sessions SET last_seen_ms = :now WHERE token_hash = :t AND last_seen_ms < :now2", soci::use(now),
      soci::use(t), soci::use(now);
}

void SociTransaction::revoke_session(std::string_view token_hash) {
  std::string t(token_hash);
  sql() << "UPDATE sessions SET revoked = 1 WHERE token_hash = :t", soci::use(t);
}

void SociTransaction::revoke_user_sessions(const ClinicId& clinic, std::string_view user_id) {
  std::string u(user_id);
  sql() << "UPDATE sessions SET revoked = 1 WHERE clinic_id = :c AND user_id = :u", soci::use(clinic.value),
      soci::use(u);
}

AuditHead SociTransaction::lock_audit_head(const ClinicId& clinic) {
  std::string genesis = genesis_hash();
  sql() << "INSERT INTO audit_heads (clinic_id, seq, hash) VALUES (:c, 0, :h) ON CONFLICT DO NOTHING",
      soci::use(clinic.value), soci::use(genesis);
  AuditHead head;
  long long seq = 0;
  sql() << "SELECT seq, hash FROM audit_heads WHERE clinic_id = :c" + lock_clause(), soci::into(seq),
      soci::into(head.hash), soci::use(clinic.value);
  head.seq = seq;
  return head;
}

AuditHead SociTransaction::audit_head(const ClinicId& clinic) {
  AuditHead head;
  long long seq = 0;
  sql() << "SELECT seq, hash FROM audit_heads WHERE clinic_id = :c", soci::into(seq), soci::into(head.hash),
      soci::use(clinic.value);
  if (!sql().got_data()) return {0, genesis_hash()};
  head.seq = seq;
  return head;
}

void SociTransaction::append_audit(const AuditEvent& e) {
  long long seq = e.seq, at = e.at_ms;
  sql() << "INSERT INTO audit_events (clinic_id, seq, at_ms, user_id, role, action, entity_type, entity_id, "
           "outcome, client_address, prev_hash, hash) VALUES (:c, :seq, :at, :u, :r, :a, :et, :eid, :o, :addr, "
           ":prev, :hash)",
      soci::use(e.clinic_id), soci::use(seq), soci::use(at), soci::use(e.user_id), soci::use(e.role),
      soci::use(e.action), soci::use(e.entity_type), soci::use(e.entity_id), soci::use(e.outcome),
      soci::use(e.client_address), soci::use(e.prev_hash), soci::use(e.hash);
  sql() << "UPDATE audit_heads SET seq = :seq, hash = :hash WHERE clinic_id = :c", soci::use(seq), soci::use(e.hash),
      soci::use(e.clinic_id);
}

std::vector<app::AuditListItem> SociTransaction::audit_events(const ClinicId& clinic, const app::AuditFilter& f) {
  DynamicQuery q(sql());
  std::string where = "e.clinic_id = :c";
  q.arg(clinic.value);
  auto text = [&](const std::string& column, const std::string& value) {
    if (value.empty()) return;
    where += " AND " + column + " = :p" + std::to_string(where.size());
    q.arg(value);
  };
  auto number = [&](const std::string& cond, std::optional<std::int64_t> value) {
    if (!value) return;
    where += " AND " + cond + std::to_string(where.size());
    q.arg(static_cast<long long>(*value));
  };
  text("e.action", f.action);
  text("e.user_id", f.user_id);
  text("e.entity_type", f.entity_type);
  text("e.entity_id", f.entity_id);
  number("e.at_ms >= :p", f.from_ms);
  number("e.at_ms < :p", f.to_ms);
  number("e.seq < :p", f.before_seq);
  AuditFields fields;
  std::string email;
  fields.bind(q);
  q.into(email);
  q.run(std::string("SELECT ") + kAuditColumns +
        ", COALESCE(u.email, '') FROM audit_events e LEFT JOIN users u ON u.id = e.user_id WHERE " + where +
        " ORDER BY e.seq DESC LIMIT " + std::to_string(f.limit));
  std::vector<app::AuditListItem> out;
  while (q.fetch()) out.push_back({fields.take(), email});
  return out;
}

void SociTransaction::for_each_audit_event(const ClinicId& clinic,
                                           const std::function<void(const AuditEvent&)>& visit) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  AuditFields fields;
  fields.bind(q);
  q.run(std::string("SELECT ") + kAuditColumns + " FROM audit_events e WHERE e.clinic_id = :c ORDER BY e.seq");
  while (q.fetch()) visit(fields.take());
}

void SociTransaction::insert_patient(const PatientRow& p) {
  long long created = p.created_ms;
  std::string given_key = search_key(p.given_name), family_key = search_key(p.family_name);
  sql() << "INSERT INTO patients (id, clinic_id, given_name, family_name, given_key, family_key, date_of_birth, "
           "created_ms) VALUES (:id, :c, :g, :f, :gk, :fk, :dob, :created)",
      soci::use(p.id), soci::use(p.clinic_id), soci::use(p.given_name), soci::use(p.family_name), soci::use(given_key),
      soci::use(family_key), soci::use(p.date_of_birth), soci::use(created);
}

std::optional<PatientRow> SociTransaction::patient(const ClinicId& clinic, std::string_view id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(id));
  PatientFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kPatientColumns + " FROM patients WHERE clinic_id = :c AND id = :id");
  if (!q.fetch()) return std::nullopt;
  return f.take();
}

std::vector<PatientRow> SociTransaction::patients(const ClinicId& clinic, const app::PatientQuery& query,
                                                  const std::optional<app::PatientCursor>& after, int limit) {
  DynamicQuery q(sql());
  std::string where = "clinic_id = :c";
  q.arg(clinic.value);
  const std::string_view prefix = query.name_prefix;
  if (!query.date_of_birth.empty()) {
    where += " AND date_of_birth = :dob";
    q.arg(query.date_of_birth);
  }
  if (!query.phone_prefix.empty()) {
    where += " AND phone >= :p1 AND phone < :p2";
    q.arg(query.phone_prefix);
    q.arg(prefix_end(query.phone_prefix));
  }
  if (!prefix.empty()) {
    // Two index range scans (family, given), not LIKE: stays fast on large clinics.
    std::string end = prefix_end(std::string(prefix));
    where += " AND ((family_key >= :f1" + std::string(end.empty() ? "" : " AND family_key < :f2") +
             ") OR (given_key >= :g1" + (end.empty() ? "" : " AND given_key < :g2") + "))";
    q.arg(std::string(prefix));
    if (!end.empty()) q.arg(end);
    q.arg(std::string(prefix));
    if (!end.empty()) q.arg(end);
  }
  if (after) {
    where += " AND (family_key, given_key, id) > (:af, :ag, :ai)";
    q.arg(after->family_key);
    q.arg(after->given_key);
    q.arg(after->id);
  }
  PatientFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kPatientColumns + " FROM patients WHERE " + where +
        " ORDER BY family_key, given_key, id LIMIT " + std::to_string(limit));
  return q.collect([&] { return f.take(); });
}

}  // namespace kc::store
