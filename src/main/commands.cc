// `ketaclinic migrate | user ... | audit verify`.
#include "main/commands.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "app/audit_service.h"
#include "app/clinics.h"
#include "app/user_service.h"
#include "domain/validation.h"
#include "platform/sodium_crypto.h"
#include "store/soci_store.h"

namespace kc::cli {
namespace {

constexpr const char* kCliAddress = "cli";

std::string read_line(bool echo) {
  termios saved{};
  const bool tty = isatty(STDIN_FILENO) != 0;
  if (tty && !echo) {
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty && !echo) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  return line;
}

/// Reads a new password: prompted twice on a terminal, one line from a pipe.
std::optional<std::string> read_new_password() {
  if (isatty(STDIN_FILENO) == 0) return read_line(true);
  std::cerr << "New password: ";
  std::string first = read_line(false);
  std::cerr << "Repeat it: ";
  if (read_line(false) != first) {
    std::cerr << "ketaclinic: the passwords differ\n";
    return std::nullopt;
  }
  return first;
}

int fail(const Error& e) {
  std::cerr << "ketaclinic: " << (e.field.empty() ? "" : e.field + ": ") << e.message << "\n";
  return 1;
}

std::optional<app::UserRow> find_user(app::Store& store, const std::string& email) {
  auto normalized = normalized_email("email", email);
  if (!normalized) return std::nullopt;
  auto tx = store.begin(app::Store::Mode::read);
  return tx->user_by_email(*normalized);
}

}  // namespace

int run_migrate(const platform::Config& config) {
  platform::SystemClock clock;
  auto store = open_store(config, clock.now_ms());
  const auto& r = store->migration_report();
  std::cout << "schema version " << r.from_version << " -> " << r.to_version << " (" << r.applied.size()
            << " step(s) applied)\n";
  return 0;
}

int run_user_add(const platform::Config& config, const std::string& clinic_name, const std::string& email,
                 const std::string& name, const std::vector<std::string>& roles) {
  platform::SodiumCrypto crypto;
  platform::SystemClock clock;
  auto store = open_store(config, clock.now_ms());
  // Check everything before anything is written: a refused user leaves no empty clinic.
  auto password = read_new_password();
  if (!password) return 1;
  auto input = app::UserService::validate({email, name, roles, *password});
  if (!input) return fail(input.error());
  if (find_user(*store, input->email))
    return fail(Error::conflict("email_taken", "An account with this e-mail already exists.", "email"));
  auto clinic = app::ensure_clinic(*store, crypto, clock, clinic_name, kCliAddress);
  if (!clinic) return fail(clinic.error());
  app::SessionCache sessions(0, 0);  // the CLI keeps no sessions
  app::UserService users(*store, crypto, clock, sessions);
  auto user = users.add(app::Caller::system(app::ClinicId{clinic->id}, kCliAddress), {email, name, roles, *password});
  if (!user) return fail(user.error());
  std::cout << "added " << user->email << " (" << join_roles(user->roles) << ") to " << clinic->name << "\n";
  return 0;
}

int run_user_disable(const platform::Config& config, const std::string& email) {
  platform::SodiumCrypto crypto;
  platform::SystemClock clock;
  auto store = open_store(config, clock.now_ms());
  auto user = find_user(*store, email);
  if (!user) return fail(Error::not_found("No user with that e-mail."));
  app::SessionCache sessions(0, 0);  // the CLI keeps no sessions
  app::UserService users(*store, crypto, clock, sessions);
  auto result = users.set_disabled(app::Caller::system(app::ClinicId{user->clinic_id}, kCliAddress), user->id, true);
  if (!result) return fail(result.error());
  std::cout << "disabled " << user->email << "\n";
  return 0;
}

int run_user_reset_password(const platform::Config& config, const std::string& email) {
  platform::SodiumCrypto crypto;
  platform::SystemClock clock;
  auto store = open_store(config, clock.now_ms());
  auto user = find_user(*store, email);
  if (!user) return fail(Error::not_found("No user with that e-mail."));
  auto password = read_new_password();
  if (!password) return 1;
  app::SessionCache sessions(0, 0);  // the CLI keeps no sessions
  app::UserService users(*store, crypto, clock, sessions);
  auto result =
      users.reset_password(app::Caller::system(app::ClinicId{user->clinic_id}, kCliAddress), user->id, *password);
  if (!result) return fail(result.error());
  std::cout << "password reset for " << user->email << "; their sessions have ended\n";
  return 0;
}

int run_audit_verify(const platform::Config& config) {
  platform::SodiumCrypto crypto;
  platform::SystemClock clock;
  auto store = open_store(config, clock.now_ms(), false);
  app::AuditService audit(*store, crypto, clock);
  int broken = 0;  // a read-only check: the schema is left as it is (open_store without migrate)
  for (const auto& report : audit.verify_all()) {
    if (report.first_break) {
      ++broken;
      std::cout << "BROKEN  " << report.clinic.name << " (" << report.clinic.id << "): first bad event seq "
                << report.first_break->seq << ": " << report.first_break->reason << "\n";
    } else {
      std::cout << "ok      " << report.clinic.name << " (" << report.clinic.id << "): " << report.events
                << " events\n";
    }
  }
  std::cout << (broken ? "audit chain BROKEN\n" : "audit chain intact\n");
  return broken ? 1 : 0;
}

}  // namespace kc::cli
