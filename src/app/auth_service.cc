#include "app/auth_service.h"

#include "domain/validation.h"

namespace kc::app {

AuthService::AuthService(Store& store, Crypto& crypto, const Clock& clock, AuthPolicy policy, SessionCache& sessions)
    : store_(store),
      crypto_(crypto),
      clock_(clock),
      policy_(policy),
      audit_(crypto, clock),
      sessions_(sessions),
      dummy_hash_(crypto.hash_password("kc-dummy-password-for-timing")) {}

Error AuthService::invalid_credentials() {
  return {ErrorKind::unauthenticated,
          "invalid_credentials",
          "Sign-in failed. Check the e-mail and password; after repeated failures the account is "
          "locked for a while.",
          {}};
}

Result<LoginResult> AuthService::login(std::string_view email_in, std::string_view password,
                                       std::string_view client_address) {
  auto email = normalized_email("email", email_in);
  if (!email) return email.error();
  if (password.empty()) return Error::invalid("password", "password is required.");
  if (password.size() > kMaxPasswordChars) return invalid_credentials();

  std::optional<UserRow> user;
  {
    auto tx = store_.begin(Store::Mode::single);
    user = tx->user_by_email(*email);
  }
  // The slow hash runs outside any transaction so that it never holds a lock.
  bool password_ok = crypto_.verify_password(user ? user->password_hash : dummy_hash_, password);
  if (!user) return invalid_credentials();
  return finish_login(*user, password_ok, client_address);
}

Result<LoginResult> AuthService::finish_login(const UserRow& seen, bool password_ok, std::string_view client_address) {
  const std::int64_t now = clock_.now_ms();
  ClinicId clinic{seen.clinic_id};
  auto tx = store_.begin(Store::Mode::write);
  auto user = tx->user(clinic, seen.id);  // re-read under lock: counts stay exact
  if (!user) return invalid_credentials();
  Caller caller = Caller::system(clinic, std::string(client_address));
  caller.user_id = user->id;
  caller.email = user->email;
  caller.roles = user->roles;

  LockoutState lock{user->failed_logins, user->locked_until_ms};
  if (user->disabled || is_locked(lock, now) || !password_ok) {
    if (!user->disabled && !is_locked(lock, now)) {
      lock = after_failed_login(lock, now, policy_);
      user->failed_logins = lock.consecutive_failures;
      user->locked_until_ms = lock.locked_until_ms;
      tx->update_user(clinic, *user);
    }
    audit_.record(*tx, caller, is_locked(lock, now) ? "auth.login_locked" : "auth.login_failed", "user", user->id,
                  outcome::denied);
    tx->commit();
    return invalid_credentials();
  }

  user->failed_logins = 0;
  user->locked_until_ms = 0;
  tx->update_user(clinic, *user);
  LoginResult result;
  result.token = crypto_.random_token();
  SessionRow session{
      crypto_.sha256_hex(result.token), user->id, user->clinic_id, crypto_.random_token(), now, now, false};
  tx->insert_session(session);
  audit_.record(*tx, caller, "auth.login", "user", user->id);
  auto clinic_row = tx->clinic(clinic);
  tx->commit();
  result.info = SessionInfo{*user, clinic_row.value_or(ClinicRow{}), session.csrf_token, policy_.session_idle_ms,
                            now + policy_.session_absolute_ms};
  return result;
}

Result<Caller> AuthService::authenticate(std::string_view token, std::string_view client_address) {
  if (token.empty() || token.size() > 128) return Error::unauthenticated();
  const std::string token_hash = crypto_.sha256_hex(token);
  const std::int64_t now = clock_.now_ms();
  std::optional<SessionContext> found = sessions_.get(token_hash, now);
  if (!found) {
    auto tx = store_.begin(Store::Mode::single);
    found = tx->session_context(token_hash);
    if (found) sessions_.put(token_hash, *found, now);
  }
  if (!found || found->user.disabled) return Error::unauthenticated();
  const SessionRow& session = found->session;
  const UserRow& user = found->user;
  SessionTimes times{session.created_ms, session.last_seen_ms, session.revoked};
  if (session_state(times, now, policy_) != LoginSessionState::active)
    return Error::unauthenticated("Your session has ended. Sign in again.");
  if (should_touch(times, now, policy_)) {
    auto tx = store_.begin(Store::Mode::write);
    tx->touch_session(token_hash, now);
    tx->commit();
    sessions_.touch(token_hash, now);
  }
  Caller caller;
  caller.clinic = ClinicId{user.clinic_id};
  caller.user_id = user.id;
  caller.email = user.email;
  caller.roles = user.roles;
  caller.client_address = client_address;
  caller.session_token_hash = token_hash;
  caller.csrf_token = session.csrf_token;
  caller.display_name = user.display_name;
  caller.clinic_row = found->clinic;
  caller.user_created_ms = user.created_ms;
  caller.session_created_ms = session.created_ms;
  return caller;
}

Result<SessionInfo> AuthService::me(const Caller& caller) {
  if (caller.session_token_hash.empty()) return Error::unauthenticated();
  // authenticate() read all of this moments ago, in this same request.
  UserRow user;
  user.id = caller.user_id;
  user.clinic_id = caller.clinic.value;
  user.email = caller.email;
  user.display_name = caller.display_name;
  user.roles = caller.roles;
  user.created_ms = caller.user_created_ms;
  return SessionInfo{user, caller.clinic_row, caller.csrf_token, policy_.session_idle_ms,
                     caller.session_created_ms + policy_.session_absolute_ms};
}

Status AuthService::logout(const Caller& caller) {
  auto tx = store_.begin(Store::Mode::write);
  tx->revoke_session(caller.session_token_hash);
  audit_.record(*tx, caller, "auth.logout", "user", caller.user_id);
  tx->commit();
  sessions_.forget_session(caller.session_token_hash);
  return Ok{};
}

Status AuthService::change_password(const Caller& caller, std::string_view current, std::string_view next) {
  if (auto ok = check_new_password("new_password", next); !ok) return ok.error();
  std::optional<UserRow> user;
  {
    auto tx = store_.begin(Store::Mode::read);
    user = tx->user(caller.clinic, caller.user_id);
  }
  if (!user) return Error::unauthenticated();
  // While the account is locked no password is checked, right or wrong.
  const bool locked = is_locked({user->failed_logins, user->locked_until_ms}, clock_.now_ms());
  if (locked || !crypto_.verify_password(user->password_hash, current)) {
    // Counted like a failed sign-in: a stolen session must not become a way to
    // guess the password without limit.
    auto tx = store_.begin(Store::Mode::write);
    if (auto fresh = tx->user(caller.clinic, caller.user_id); fresh && !locked) {
      LockoutState lock = after_failed_login({fresh->failed_logins, fresh->locked_until_ms}, clock_.now_ms(), policy_);
      fresh->failed_logins = lock.consecutive_failures;
      fresh->locked_until_ms = lock.locked_until_ms;
      tx->update_user(caller.clinic, *fresh);
    }
    audit_.record(*tx, caller, "auth.password_change", "user", caller.user_id, outcome::denied);
    tx->commit();
    return Error::invalid("current_password", "The current password is not correct.", "wrong_password");
  }
  std::string new_hash = crypto_.hash_password(next);
  auto tx = store_.begin(Store::Mode::write);
  user = tx->user(caller.clinic, caller.user_id);
  if (!user) return Error::unauthenticated();
  user->password_hash = new_hash;
  user->failed_logins = 0;
  tx->update_user(caller.clinic, *user);
  tx->revoke_user_sessions(caller.clinic, user->id);
  audit_.record(*tx, caller, "auth.password_change", "user", user->id);
  tx->commit();
  sessions_.forget_user(user->id);
  return Ok{};
}

}  // namespace kc::app
