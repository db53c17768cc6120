#include "app/user_service.h"

#include <algorithm>

#include "app/cursor.h"
#include "app/ids.h"
#include "domain/validation.h"

namespace kc::app {

Status UserService::require(const Caller& caller, Action action, std::string_view audit_action, std::string_view id) {
  if (caller.can(action)) return Ok{};
  audit_.record_denied(store_, caller, audit_action, "user", id);
  return Error::forbidden();
}

Result<UserPage> UserService::list(const Caller& caller, const std::string& cursor, int limit) {
  if (auto ok = require(caller, Action::users_read, "user.list", ""); !ok) return ok.error();
  limit = std::clamp(limit, 1, 200);
  auto after = from_cursor(cursor);
  if (!after) return Error::invalid("cursor", "The cursor is not valid.");
  auto tx = store_.begin(Store::Mode::read);
  UserPage page;
  page.items = tx->users(caller.clinic, *after, limit + 1);
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.resize(static_cast<std::size_t>(limit));
    page.next_cursor = to_cursor(page.items.back().email);
  }
  return page;
}

Result<NewUser> UserService::validate(const NewUser& input) {
  auto email = normalized_email("email", input.email);
  if (!email) return email.error();
  auto name = required_text("display_name", input.display_name, 200);
  if (!name) return name.error();
  std::vector<Role> roles;
  for (const auto& r : input.roles) {
    auto role = parse_role(r);
    if (!role) return Error::invalid("roles", "Unknown role \"" + r + "\".");
    roles.push_back(*role);
  }
  if (roles.empty()) return Error::invalid("roles", "Choose at least one role.");
  if (auto ok = check_new_password("password", input.password); !ok) return ok.error();
  NewUser clean{*email, *name, {}, input.password};
  for (Role r : split_roles(join_roles(roles))) clean.roles.emplace_back(to_string(r));  // canonical order
  return clean;
}

Result<UserRow> UserService::add(const Caller& caller, const NewUser& raw) {
  if (auto ok = require(caller, Action::users_manage, "user.create", ""); !ok) return ok.error();
  auto input = validate(raw);
  if (!input) return input.error();
  std::vector<Role> roles;
  for (const auto& r : input->roles) roles.push_back(*parse_role(r));

  UserRow user;
  user.id = new_id(crypto_, "usr");
  user.clinic_id = caller.clinic.value;
  user.email = input->email;
  user.display_name = input->display_name;
  user.password_hash = crypto_.hash_password(input->password);  // slow: before the transaction
  user.roles = roles;
  user.created_ms = clock_.now_ms();

  auto tx = store_.begin(Store::Mode::write);
  if (tx->user_by_email(user.email))
    return Error::conflict("email_taken", "An account with this e-mail already exists.", "email");
  tx->insert_user(user);
  audit_.record(*tx, caller, "user.create", "user", user.id);
  tx->commit();
  return user;
}

Result<UserRow> UserService::set_disabled(const Caller& caller, const std::string& user_id, bool disabled) {
  std::string_view action = disabled ? "user.disable" : "user.enable";
  if (auto ok = require(caller, Action::users_manage, action, user_id); !ok) return ok.error();
  if (disabled && user_id == caller.user_id)
    return Error::conflict("cannot_disable_self", "You cannot disable your own account.");
  auto tx = store_.begin(Store::Mode::write);
  auto user = tx->user(caller.clinic, user_id);
  if (!user) return Error::not_found("No such user.");
  user->disabled = disabled;
  if (!disabled) {
    user->failed_logins = 0;
    user->locked_until_ms = 0;
  }
  tx->update_user(caller.clinic, *user);
  if (disabled) tx->revoke_user_sessions(caller.clinic, user->id);
  audit_.record(*tx, caller, action, "user", user->id);
  tx->commit();
  sessions_.forget_user(user->id);
  return *user;
}

Status UserService::reset_password(const Caller& caller, const std::string& user_id, const std::string& new_password) {
  if (auto ok = require(caller, Action::users_manage, "user.reset_password", user_id); !ok) return ok.error();
  if (auto ok = check_new_password("new_password", new_password); !ok) return ok.error();
  std::string hash = crypto_.hash_password(new_password);
  auto tx = store_.begin(Store::Mode::write);
  auto user = tx->user(caller.clinic, user_id);
  if (!user) return Error::not_found("No such user.");
  user->password_hash = hash;
  user->failed_logins = 0;
  user->locked_until_ms = 0;
  tx->update_user(caller.clinic, *user);
  tx->revoke_user_sessions(caller.clinic, user->id);
  audit_.record(*tx, caller, "user.reset_password", "user", user->id);
  tx->commit();
  sessions_.forget_user(user->id);
  return Ok{};
}

}  // namespace kc::app
