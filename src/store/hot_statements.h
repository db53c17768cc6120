// Statements prepared once per connection for the requests that run most often.
// Preparing a three-table join cost more than running it (SQLite query planning;
// on PostgreSQL an extra round trip), so the session look-up that every
// authenticated request makes is kept prepared here.
//
// Owned by a pool slot together with its connection; used by one thread at a time.
#pragma once

#include <optional>
#include <string_view>

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

struct HotStatements {
  explicit HotStatements(soci::session& session) : session_lookup(session) {}
  SessionLookup session_lookup;
};

}  // namespace kc::store
