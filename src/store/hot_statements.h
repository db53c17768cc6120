// Statements prepared once per connection for the requests that run most often.
// Preparing a three-table join cost more than running it (SQLite query planning;
// on PostgreSQL an extra round trip), so the session look-up that every
// authenticated request makes is kept prepared here, and so is the insert of
// vital-sign readings (the hot write path).
//
// Owned by a pool slot together with its connection; used by one thread at a time.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "store/query.h"

namespace kc::store {

class SessionLookup {
 public:
  explicit SessionLookup(soci::session& session);
  SessionLookup(const SessionLookup&) = delete;
  SessionLookup& operator=(const SessionLookup&) = delete;

  std::optional<app::SessionContext> find(std::string_view token_hash);

 private:
  DynamicQuery query_;
  app::SessionContext row_;
  long long session_created_ = 0, session_seen_ = 0, clinic_created_ = 0;
  int revoked_ = 0;
  UserFields user_;
};

/// INSERT INTO vital_readings, one execution per reading.
class VitalsInsert {
 public:
  explicit VitalsInsert(soci::session& session);
  VitalsInsert(const VitalsInsert&) = delete;
  VitalsInsert& operator=(const VitalsInsert&) = delete;

  void insert(const std::vector<app::VitalRow>& readings);

 private:
  DynamicQuery query_;
};

struct HotStatements {
  explicit HotStatements(soci::session& session) : session_lookup(session), session_(session) {}
  SessionLookup session_lookup;

  /// Prepared on first use.
  VitalsInsert& vitals_insert();
  /// A statement that failed is prepared afresh on its next use (its state is unknown).
  void drop_vitals_insert() { vitals_insert_.reset(); }

 private:
  soci::session& session_;
  std::unique_ptr<VitalsInsert> vitals_insert_;
};

}  // namespace kc::store
