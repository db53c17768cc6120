// ketaclinic: the server and its administration commands. Wiring only.
#include <CLI/CLI.hpp>

#include <iostream>

#include "main/commands.h"
#include "platform/logging.h"

namespace {

struct Common {
  std::string config_path, database;
};

void add_common(CLI::App* cmd, Common& c) {
  cmd->add_option("--config", c.config_path, "TOML configuration file")->check(CLI::ExistingFile);
  cmd->add_option("--database", c.database, "sqlite:PATH or postgresql://... (overrides the config)");
}

kc::platform::Config load(const Common& c) {
  auto config = kc::platform::load_config(c.config_path);
  if (!c.database.empty()) config.database.url = c.database;
  return config;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"KetaClinic: software that runs a ketamine-therapy clinic."};
  app.set_version_flag("--version", std::string("ketaclinic ") + KC_VERSION);
  app.require_subcommand(1);
  Common common;

  auto* serve = app.add_subcommand("serve", "Run the HTTP server");
  add_common(serve, common);
  std::string listen, web_root;
  bool demo = false;
  serve->add_option("--listen", listen, "HOST:PORT to listen on (port 0: any free port)");
  serve->add_option("--web-root", web_root, "folder of the built web app");
  serve->add_flag("--demo", demo, "create the demo clinic with one user per role if absent");

  auto* migrate = app.add_subcommand("migrate", "Bring the database schema up to date and exit");
  add_common(migrate, common);

  auto* user = app.add_subcommand("user", "Manage staff accounts");
  user->require_subcommand(1);
  std::string clinic, email, name;
  std::vector<std::string> roles;
  auto* user_add = user->add_subcommand("add", "Add a user (the password is read from standard input)");
  add_common(user_add, common);
  user_add->add_option("--clinic", clinic, "clinic name (created if absent)")->required();
  user_add->add_option("--email", email, "e-mail used to sign in")->required();
  user_add->add_option("--name", name, "display name")->required();
  user_add->add_option("--role", roles, "admin|prescriber|nurse|therapist|front_desk (repeatable)")->required();
  auto* user_disable = user->add_subcommand("disable", "Disable a user and end their sessions");
  add_common(user_disable, common);
  user_disable->add_option("--email", email)->required();
  auto* user_reset = user->add_subcommand("reset-password", "Set a new password (read from standard input)");
  add_common(user_reset, common);
  user_reset->add_option("--email", email)->required();

  auto* audit = app.add_subcommand("audit", "Audit trail tools");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "Check every clinic's hash chain");
  add_common(audit_verify, common);

  CLI11_PARSE(app, argc, argv);

  try {
    auto config = load(common);
    if (*serve) {
      if (!listen.empty()) kc::platform::set_listen(config.server, listen);
      if (!web_root.empty()) config.server.web_root = web_root;
      return kc::cli::run_serve(config, demo);
    }
    kc::platform::init_logging("warn");  // the commands print their own results
    if (*migrate) return kc::cli::run_migrate(config);
    if (*user_add) return kc::cli::run_user_add(config, clinic, email, name, roles);
    if (*user_disable) return kc::cli::run_user_disable(config, email);
    if (*user_reset) return kc::cli::run_user_reset_password(config, email);
    if (*audit_verify) return kc::cli::run_audit_verify(config);
  } catch (const std::exception& e) {
    std::cerr << "ketaclinic: " << e.what() << "\n";
    return 1;
  }
  return 2;
}
