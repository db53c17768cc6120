// Who is asking: the authenticated staff user (or the system, for the CLI and demo
// seeding) and where the request came from. Passed to every use case.
#pragma once

#include <string>
#include <vector>

#include "app/store.h"
#include "domain/roles.h"

namespace kc::app {

struct Caller {
  ClinicId clinic;
  std::string user_id;  // empty for the system
  std::string email;
  std::vector<Role> roles;
  std::string client_address;
  std::string session_token_hash;  // empty outside a session
  std::string csrf_token;
  // What the session look-up already knew, so that "who am I" needs no second query.
  std::string display_name;
  ClinicRow clinic_row;
  std::int64_t user_created_ms = 0;
  std::int64_t session_created_ms = 0;

  bool can(Action action) const { return allowed(roles, action); }
  /// The audit "role" text: the roles joined; "system" for the CLI and seeding;
  /// "public" for an anonymous visitor (the public request form).
  std::string role_text() const {
    if (!user_id.empty()) return join_roles(roles);
    return roles.empty() ? "public" : "system";
  }

  static Caller system(ClinicId clinic, std::string client_address) {
    Caller c;
    c.clinic = std::move(clinic);
    c.roles = {Role::admin};
    c.client_address = std::move(client_address);
    return c;
  }
};

}  // namespace kc::app
