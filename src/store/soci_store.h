// The Store port on SOCI: SQLite (default, embedded) or PostgreSQL, chosen by URL.
//
//   sqlite:PATH                      a file (created if absent); WAL, foreign keys on
//   sqlite::memory:                  a private in-memory database (pool of one)
//   postgresql://user@host:port/db   any libpq URI
//
// Opening migrates the schema (see migrator.h) unless told not to.
#pragma once

#include <memory>
#include <string>

#include "app/store.h"
#include "store/connection_pool.h"
#include "store/migrator.h"

namespace kc::store {

struct StoreOptions {
  std::string url = "sqlite:var/ketaclinic.db";
  int pool_size = 4;
  int busy_timeout_ms = 5000;               // SQLite: wait this long for a writer's lock
  std::string sqlite_synchronous = "FULL";  // FULL: a commit survives power loss
  bool migrate = true;                      // false: refuse a database not at this binary's version instead
};

/// The libpq "key='value' ..." form of a postgresql:// URL (SOCI wants this form).
std::string libpq_conninfo(const std::string& url);

class SociStore final : public app::Store {
 public:
  /// Throws std::runtime_error with a readable message on a bad URL or database.
  static std::unique_ptr<SociStore> open(const StoreOptions& options, std::int64_t now_ms);

  std::unique_ptr<app::Transaction> begin(Mode mode) override;
  bool ping() override;
  app::PoolStats pool_stats() const override { return pool_->stats(); }
  std::string_view engine() const override { return engine_; }
  const MigrationReport& migration_report() const { return report_; }

 private:
  SociStore(std::string engine, std::unique_ptr<ConnectionPool> pool)
      : engine_(std::move(engine)), pool_(std::move(pool)) {}

  std::string engine_;
  std::unique_ptr<ConnectionPool> pool_;
  MigrationReport report_;
};

}  // namespace kc::store
