// The `ketaclinic` subcommands other than serve. Each returns the process exit code
// and prints what it did (errors to stderr).
#pragma once

#include <string>
#include <vector>

#include "platform/config.h"
#include "store/soci_store.h"

namespace kc::cli {

/// Opens (and migrates) the configured store, logging what the migration did.
/// Opens the configured store. With `migrate`, brings the schema up to date (and
/// logs what it did); without, refuses a database not at this binary's version.
std::unique_ptr<store::SociStore> open_store(const platform::Config& config, std::int64_t now_ms, bool migrate = true);

int run_serve(const platform::Config& config, bool demo);
int run_migrate(const platform::Config& config);
int run_user_add(const platform::Config& config, const std::string& clinic, const std::string& email,
                 const std::string& name, const std::vector<std::string>& roles);
int run_user_disable(const platform::Config& config, const std::string& email);
int run_user_reset_password(const platform::Config& config, const std::string& email);
int run_audit_verify(const platform::Config& config);

}  // namespace kc::cli
