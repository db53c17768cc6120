// Building blocks of the store's SQL: a statement bound by position, and the
// column lists with the fields they are read into. Internal to src/store.
#pragma once

#include <soci/soci.h>

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "app/store.h"

namespace kc::store {

using app::PatientRow;
using app::UserRow;

/// A statement built from text and bound by position, for queries whose filters vary.
class DynamicQuery {
 public:
  explicit DynamicQuery(soci::session& s) : st_(s) {}
  void arg(std::string v) { st_.exchange(soci::use(strings_.emplace_back(std::move(v)))); }
  void arg(long long v) { st_.exchange(soci::use(ints_.emplace_back(v))); }
  template <class T>
  void into(T& target) {
    st_.exchange(soci::into(target));
    has_results_ = true;
  }
  /// Prepares and executes once (one round trip on PostgreSQL: no named statement).
  void run(const std::string& query) {
    st_.alloc();
    st_.prepare(query, soci::details::st_one_time_query);
    st_.define_and_bind();
    // A query with results is executed here and read with fetch(); a statement
    // without them (INSERT, UPDATE) must be executed with data exchange to run at all.
    st_.execute(!has_results_);
  }
  /// Prepares for repeated execution (a named statement on PostgreSQL).
  void prepare(const std::string& query) {
    st_.alloc();
    st_.prepare(query, soci::details::st_repeatable_query);
    st_.define_and_bind();
  }
  /// Executes a prepared statement again with the current values of its arguments.
  void rerun() { st_.execute(false); }
  /// Executes a prepared INSERT or UPDATE again with the current values of its
  /// arguments (such statements run only with data exchange; see run()).
  void rerun_change() { st_.execute(true); }
  bool fetch() { return st_.fetch(); }
  /// Rows changed by the last UPDATE or DELETE.
  long long affected_rows() { return st_.get_affected_rows(); }
  /// Every remaining row, each made by `take()` from the bound fields.
  template <class Take>
  auto collect(Take take) {
    std::vector<decltype(take())> out;
    while (fetch()) out.push_back(take());
    return out;
  }
  /// The bound string argument `i`, to change between reruns.
  std::string& string_arg(std::size_t i) { return strings_[i]; }
  /// The bound integer argument `i` (counted among the integer arguments alone).
  long long& int_arg(std::size_t i) { return ints_[i]; }

 private:
  soci::statement st_;
  bool has_results_ = false;
  std::deque<std::string> strings_;
  std::deque<long long> ints_;
};

/// A list stored in one text column: the parts joined by `sep` (which no part holds).
inline std::string join_list(const std::vector<std::string>& parts, char sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

/// The parts of a list column; the empty text is the empty list.
inline std::vector<std::string> split_list(std::string_view text, char sep) {
  std::vector<std::string> out;
  while (!text.empty()) {
    auto at = text.find(sep);
    out.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return out;
}

constexpr const char* kUserColumns =
    "id, clinic_id, email, display_name, password_hash, roles, disabled, failed_logins, locked_until_ms, "
    "created_ms";

struct UserFields {
  UserRow row;
  std::string roles;
  int disabled = 0;
  long long failed = 0, locked_until = 0, created = 0;

  void bind(DynamicQuery& q) {
    q.into(row.id);
    q.into(row.clinic_id);
    q.into(row.email);
    q.into(row.display_name);
    q.into(row.password_hash);
    q.into(roles);
    q.into(disabled);
    q.into(failed);
    q.into(locked_until);
    q.into(created);
  }
  UserRow take() const {
    UserRow u = row;
    u.roles = split_roles(roles);
    u.disabled = disabled != 0;
    u.failed_logins = static_cast<int>(failed);
    u.locked_until_ms = locked_until;
    u.created_ms = created;
    return u;
  }
};

constexpr const char* kAuditColumns =
    "e.clinic_id, e.seq, e.at_ms, e.user_id, e.role, e.action, e.entity_type, e.entity_id, e.outcome, "
    "e.client_address, e.prev_hash, e.hash";

struct AuditFields {
  AuditEvent e;
  long long seq = 0, at = 0;
  void bind(DynamicQuery& q) {
    q.into(e.clinic_id);
    q.into(seq);
    q.into(at);
    q.into(e.user_id);
    q.into(e.role);
    q.into(e.action);
    q.into(e.entity_type);
    q.into(e.entity_id);
    q.into(e.outcome);
    q.into(e.client_address);
    q.into(e.prev_hash);
    q.into(e.hash);
  }
  AuditEvent take() const {
    AuditEvent out = e;
    out.seq = seq;
    out.at_ms = at;
    return out;
  }
};

constexpr const char* kPatientColumns = "id, clinic_id, given_name, family_name, date_of_birth, created_ms";
struct PatientFields {
  PatientRow row;
  long long created = 0;
  void bind(DynamicQuery& q) {
    q.into(row.id);
    q.into(row.clinic_id);
    q.into(row.given_name);
    q.into(row.family_name);
    q.into(row.date_of_birth);
    q.into(created);
  }
  PatientRow take() const {
    PatientRow p = row;
    p.created_ms = created;
    return p;
  }
};

}  // namespace kc::store
