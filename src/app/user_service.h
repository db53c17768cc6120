// Staff accounts of a clinic: list, add, disable, enable, reset password.
// Every call checks the caller's permission and is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ports.h"
#include "app/session_cache.h"
#include "app/store.h"
#include "domain/result.h"

namespace kc::app {

struct NewUser {
  std::string email;
  std::string display_name;
  std::vector<std::string> roles;  // names, checked here
  std::string password;
};

struct UserPage {
  std::vector<UserRow> items;
  std::optional<std::string> next_cursor;
};

class UserService {
 public:
  UserService(Store& store, Crypto& crypto, const Clock& clock, SessionCache& sessions)
      : store_(store), crypto_(crypto), clock_(clock), audit_(crypto, clock), sessions_(sessions) {}

  /// Checks a new user's fields without the store: for callers that must know before
  /// they write anything else (the CLI creates a clinic only for a valid user).
  static Result<NewUser> validate(const NewUser& input);

  Result<UserPage> list(const Caller& caller, const std::string& cursor, int limit);
  Result<UserRow> add(const Caller& caller, const NewUser& input);
  Result<UserRow> set_disabled(const Caller& caller, const std::string& user_id, bool disabled);
  /// Sets a new password, clears any lockout and ends the user's sessions.
  Status reset_password(const Caller& caller, const std::string& user_id, const std::string& new_password);

 private:
  Status require(const Caller& caller, Action action, std::string_view audit_action, std::string_view id);

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog audit_;
  SessionCache& sessions_;
};

}  // namespace kc::app
