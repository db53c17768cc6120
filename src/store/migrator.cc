#include "store/migrator.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <stdexcept>

namespace kc::store {

std::vector<MigrationStep> steps_for(std::string_view engine, const std::vector<MigrationFile>& files) {
  std::vector<MigrationStep> steps;
  for (const auto& f : files) {
    std::string name = f.name;
    auto dot = name.find('.');
    std::string stem = name.substr(0, dot);
    std::string rest = name.substr(dot + 1);  // "sql", "sqlite.sql" or "postgresql.sql"
    if (rest != "sql" && rest != std::string(engine) + ".sql") continue;
    MigrationStep step;
    step.version = std::stoi(stem.substr(0, 4));
    step.name = stem;
    step.sql = f.sql;
    steps.push_back(std::move(step));
  }
  std::sort(steps.begin(), steps.end(), [](auto& a, auto& b) { return a.version < b.version; });
  return steps;
}

void execute_script(soci::session& session, std::string_view engine, const std::string& sql) {
  if (engine == "sqlite") {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
    char* message = nullptr;
    if (sqlite_api::sqlite3_exec(backend->conn_, sql.c_str(), nullptr, nullptr, &message) != 0 /* SQLITE_OK */) {
      std::string text = message ? message : "unknown error";
      sqlite_api::sqlite3_free(message);
      throw std::runtime_error("sqlite: " + text);
    }
    return;
  }
  auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  PGresult* result = PQexec(backend->conn_, sql.c_str());
  auto status = PQresultStatus(result);
  std::string error = PQresultErrorMessage(result);
  PQclear(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw std::runtime_error("postgresql: " + error);
}

namespace {

int schema_version(soci::session& session) {
  soci::indicator ind = soci::i_null;
  int version = 0;
  session << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
  return ind == soci::i_ok ? version : 0;
}

std::runtime_error too_new(int current, int newest_known) {
  return std::runtime_error("the database schema is at version " + std::to_string(current) +
                            ", newer than this binary knows (" + std::to_string(newest_known) +
                            "): upgrade KetaClinic before starting it on this database");
}

}  // namespace

int require_current_schema(soci::session& session, std::string_view engine) {
  const auto steps = steps_for(engine, embedded_migrations());
  const int newest_known = steps.empty() ? 0 : steps.back().version;
  int current = 0;
  try {
    current = schema_version(session);
  } catch (const std::exception&) {
    current = 0;  // no schema_migrations table: an empty database
  }
  if (current > newest_known) throw too_new(current, newest_known);
  if (current < newest_known)
    throw std::runtime_error("the database schema is at version " + std::to_string(current) + ", older than " +
                             std::to_string(newest_known) + ": run `ketaclinic migrate` first");
  return current;
}

MigrationReport migrate(soci::session& session, std::string_view engine, std::int64_t now_ms) {
  const auto steps = steps_for(engine, embedded_migrations());
  const int newest_known = steps.empty() ? 0 : steps.back().version;
  const bool sqlite = engine == "sqlite";
  // Created under the same lock as the steps, so that two servers starting at once
  // on a new PostgreSQL database do not race; quietly (no "already exists" notice).
  execute_script(session, engine,
                 std::string(sqlite ? "BEGIN IMMEDIATE; "
                                    : "BEGIN; SELECT pg_advisory_xact_lock(7251001); "
                                      "SET LOCAL client_min_messages = warning; ") +
                     "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                     "name TEXT NOT NULL, applied_ms BIGINT NOT NULL); COMMIT");
  MigrationReport report;
  report.from_version = schema_version(session);
  for (const auto& step : steps) {
    execute_script(session, engine, sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    try {
      // Serialise concurrent starters: SQLite's IMMEDIATE lock, PostgreSQL's advisory lock.
      if (!sqlite) execute_script(session, engine, "SELECT pg_advisory_xact_lock(7251001)");
      const int current = schema_version(session);
      if (current > newest_known) throw too_new(current, newest_known);
      if (step.version > current) {
        execute_script(session, engine, step.sql);
        long long applied_ms = now_ms;
        session << "INSERT INTO schema_migrations (version, name, applied_ms) VALUES (:v, :n, :t)",
            soci::use(step.version), soci::use(step.name), soci::use(applied_ms);
        report.applied.push_back(step.name);
      }
      execute_script(session, engine, "COMMIT");
    } catch (...) {
      try {
        execute_script(session, engine, "ROLLBACK");
      } catch (...) {
      }
      throw;
    }
  }
  report.to_version = schema_version(session);
  if (report.to_version > newest_known) throw too_new(report.to_version, newest_known);
  return report;
}

}  // namespace kc::store
