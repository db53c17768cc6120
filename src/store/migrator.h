// Applies the numbered SQL migrations embedded in the binary (migrations/*.sql).
//
// Each step runs in its own transaction together with its row in
// schema_migrations, so a failed step leaves the database as it was. A database
// whose recorded version is newer than the newest step this binary knows is refused.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <soci/soci.h>

namespace kc::store {

struct MigrationFile {
  const char* name;  // "0001_foundation.sqlite.sql"
  const char* sql;
};

const std::vector<MigrationFile>& embedded_migrations();

struct MigrationStep {
  int version = 0;
  std::string name;
  std::string sql;
};

/// The steps for one engine ("sqlite" or "postgresql"), in version order.
std::vector<MigrationStep> steps_for(std::string_view engine, const std::vector<MigrationFile>& files);

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;
};

/// Brings the database up to date. Throws std::runtime_error when the database is
/// newer than this binary or a step fails.
MigrationReport migrate(soci::session& session, std::string_view engine, std::int64_t now_ms);

/// Throws std::runtime_error unless the database is exactly at the newest version
/// this binary knows (for commands that must not change the schema).
/// Returns that version.
int require_current_schema(soci::session& session, std::string_view engine);

/// Runs a script of several statements in one call (native API of the engine).
void execute_script(soci::session& session, std::string_view engine, const std::string& sql);

}  // namespace kc::store
