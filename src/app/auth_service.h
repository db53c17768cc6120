// Sign-in, sessions, sign-out and password change.
//
// Tokens are 256 random bits; the store keeps only their SHA-256. A failed sign-in
// always answers the same generic error, whether the account is unknown, disabled,
// locked or the password wrong, and takes the same time (a dummy hash is verified
// for unknown accounts).
#pragma once

#include <string>
#include <string_view>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ports.h"
#include "app/session_cache.h"
#include "app/store.h"
#include "domain/auth_policy.h"
#include "domain/result.h"

namespace kc::app {

struct SessionInfo {
  UserRow user;
  ClinicRow clinic;
  std::string csrf_token;
  std::int64_t idle_timeout_ms = 0;
  std::int64_t absolute_expires_ms = 0;
};

struct LoginResult {
  std::string token;  // give to the client once; never stored
  SessionInfo info;
};

class AuthService {
 public:
  AuthService(Store& store, Crypto& crypto, const Clock& clock, AuthPolicy policy, SessionCache& sessions);

  Result<LoginResult> login(std::string_view email, std::string_view password, std::string_view client_address);
  /// Resolves a token to its caller; refreshes the session's last-seen time.
  Result<Caller> authenticate(std::string_view token, std::string_view client_address);
  /// Who the caller is, from what authenticate() found (no store access).
  Result<SessionInfo> me(const Caller& caller);
  Status logout(const Caller& caller);
  /// Revokes every session of the user, this one included.
  Status change_password(const Caller& caller, std::string_view current, std::string_view next);

  const AuthPolicy& policy() const { return policy_; }

 private:
  static Error invalid_credentials();
  Result<LoginResult> finish_login(const UserRow& seen, bool password_ok, std::string_view client_address);

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuthPolicy policy_;
  AuditLog audit_;
  SessionCache& sessions_;
  std::string dummy_hash_;
};

}  // namespace kc::app
