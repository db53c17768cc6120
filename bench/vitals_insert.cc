// Baseline for the benchmark vitals_ingest: the raw insert rate of the rows the
// server stores for each posted batch, straight into the store with no HTTP, no
// session lock, no alarm engine and no audit event (and, in the store_* modes, the
// server's store work without HTTP or the alarm engine). Run on the database the HTTP run
// just used (its server stopped), against the sessions it opened, so that the rows,
// the indexes and the table size are the ones the server saw. Two ways:
//
//   tx_per_batch  one transaction per batch of one session's readings (what the
//                 server did for each POST .../vitals before group commit)
//   group_tx      one transaction for one round of every session's batches (a group
//                 commit, ADR 0004), still one insert_vitals call per batch
//   bulk_tx       the same round as one insert_vitals call (one prepared statement
//                 for all the rows) in one transaction
//   store_tx      not a raw insert: the store work of one batch in a transaction of
//                 its own, without HTTP or the alarm engine (read and lock the session
//                 row, insert the readings, write the session row back, append the
//                 audit event to the clinic's hash chain, commit): what the server did
//                 for each POST before group commit, to show where the time goes
//   store_group_tx the same store work for one round of every session's batches in
//                 one transaction, as the vitals writer does it (a savepoint per
//                 batch, the audit events after every session row with each
//                 clinic's chain locked once, one commit)
//
// Each mode runs rounds over every session for about --seconds. Prints JSON lines.
//
//   bench_vitals_insert --engine sqlite --database URL [--readings-per-batch 1] [--seconds 3]
//                       [--sqlite-synchronous FULL]
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "platform/sodium_crypto.h"
#include "store/soci_store.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace {

using Clock = std::chrono::steady_clock;

struct SessionRef {
  std::string id, clinic_id;
};

void print(const std::string& engine, const std::string& metric, double value, const std::string& unit) {
  std::printf("{\"bench\":\"vitals_ingest\",\"engine\":\"%s\",\"metric\":\"%s\",\"value\":%.1f,\"unit\":\"%s\"}\n",
              engine.c_str(), metric.c_str(), value, unit.c_str());
  std::fflush(stdout);
}

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

/// One session's batch as the server would build it from a monitor's POST.
std::vector<kc::app::VitalRow> batch(const SessionRef& s, int readings, std::int64_t at_ms, int monitor) {
  std::vector<kc::app::VitalRow> rows;
  for (int i = 0; i < readings; ++i) {
    kc::app::VitalRow r;
    r.clinic_id = s.clinic_id;
    r.session_id = s.id;
    r.at_ms = at_ms + i;
    r.systolic = 118'000 + (monitor % 10) * 1000;
    r.diastolic = 76'000;
    r.heart_rate = 72'000 + (monitor % 7) * 1000;
    r.spo2 = 98'000;
    r.source = "monitor-" + std::to_string(monitor);
    r.recorded_by = "usr_bench_gateway";
    r.recorded_ms = at_ms;
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"vitals_ingest baseline: raw inserts into the store"};
  std::string url, engine;
  int per_batch = 1;
  double seconds = 3;
  std::string synchronous = "FULL";
  cli.add_option("--database", url)->required();
  cli.add_option("--engine", engine)->required();
  cli.add_option("--readings-per-batch", per_batch);
  cli.add_option("--seconds", seconds);
  cli.add_option("--sqlite-synchronous", synchronous, "as the server's database.sqlite_synchronous");
  CLI11_PARSE(cli, argc, argv);

  std::vector<SessionRef> sessions;
  {
    auto s = engine == "postgresql" ? std::make_unique<soci::session>(soci::postgresql, kc::store::libpq_conninfo(url))
                                    : std::make_unique<soci::session>(soci::sqlite3, "db=\"" + url.substr(7) + "\"");
    soci::rowset<soci::row> rows = (s->prepare << "SELECT id, clinic_id FROM treatment_sessions ORDER BY id");
    for (const auto& row : rows) sessions.push_back({row.get<std::string>(0), row.get<std::string>(1)});
  }
  if (sessions.empty()) {
    std::cerr << "bench_vitals_insert: no sessions in the database (run the HTTP part first)\n";
    return 1;
  }

  kc::store::StoreOptions options;
  options.url = url;
  options.pool_size = 1;
  options.sqlite_synchronous = synchronous;
  options.migrate = false;  // the server already did; refuse anything else
  kc::platform::SystemClock clock;
  auto store = kc::store::SociStore::open(options, clock.now_ms());

  // Readings timed after everything the HTTP run stored, one second apart per round.
  std::int64_t at = wall_ms() + 1000;
  kc::platform::SodiumCrypto crypto;
  kc::app::AuditLog audit(crypto, clock);
  enum class Mode { tx_per_batch, group_tx, bulk_tx, store_tx, store_group_tx };
  // The store work of one batch, as SessionService::store_vitals does it (no alarm engine).
  auto store_batch = [&](kc::app::Transaction& tx, std::size_t i, const std::vector<kc::app::VitalRow>& rows_of_batch) {
    const kc::app::ClinicId clinic{sessions[i].clinic_id};
    auto s = tx.treatment_session(clinic, sessions[i].id);  // locked until commit, as in the server
    tx.insert_vitals(rows_of_batch);
    s->last_reading_ms = rows_of_batch.back().at_ms;
    s->last_heart_rate = rows_of_batch.back().heart_rate;
    s->updated_ms = clock.now_ms();
    tx.update_treatment_session(clinic, *s);
  };
  auto audit_batch = [&](kc::app::Transaction& tx, std::size_t i) {
    kc::app::Caller caller = kc::app::Caller::system(kc::app::ClinicId{sessions[i].clinic_id}, "127.0.0.1");
    caller.user_id = "usr_bench_gateway";
    audit.record(tx, caller, "session.vitals", "session", sessions[i].id);
  };
  auto run = [&](Mode mode) {
    long long rows = 0;
    int rounds = 0;
    const auto start = Clock::now();
    const auto until = start + std::chrono::duration<double>(seconds);
    while (Clock::now() < until || rounds == 0) {
      if (mode == Mode::group_tx) {
        auto tx = store->begin(kc::app::Store::Mode::write);
        for (std::size_t i = 0; i < sessions.size(); ++i) {
          tx->insert_vitals(batch(sessions[i], per_batch, at, static_cast<int>(i)));
          rows += per_batch;
        }
        tx->commit();
      } else if (mode == Mode::store_group_tx) {
        auto tx = store->begin(kc::app::Store::Mode::write);
        for (std::size_t i = 0; i < sessions.size(); ++i) {
          tx->savepoint("vitals_batch");
          store_batch(*tx, i, batch(sessions[i], per_batch, at, static_cast<int>(i)));
          tx->release_savepoint("vitals_batch");
          rows += per_batch;
        }
        std::vector<kc::app::Caller> callers;
        for (const auto& s : sessions) {
          callers.push_back(kc::app::Caller::system(kc::app::ClinicId{s.clinic_id}, "127.0.0.1"));
          callers.back().user_id = "usr_bench_gateway";
        }
        std::vector<kc::app::AuditLog::Entry> entries;
        for (std::size_t i = 0; i < sessions.size(); ++i)
          entries.push_back({&callers[i], "session.vitals", "session", sessions[i].id});
        audit.record_all(*tx, entries);  // each clinic's chain locked once, as the writer does
        tx->commit();
      } else if (mode == Mode::bulk_tx) {
        std::vector<kc::app::VitalRow> all;
        for (std::size_t i = 0; i < sessions.size(); ++i)
          for (auto& r : batch(sessions[i], per_batch, at, static_cast<int>(i))) all.push_back(std::move(r));
        auto tx = store->begin(kc::app::Store::Mode::write);
        tx->insert_vitals(all);
        tx->commit();
        rows += static_cast<long long>(all.size());
      } else {
        for (std::size_t i = 0; i < sessions.size(); ++i) {
          auto tx = store->begin(kc::app::Store::Mode::write);
          auto rows_of_batch = batch(sessions[i], per_batch, at, static_cast<int>(i));
          if (mode == Mode::store_tx) {
            store_batch(*tx, i, rows_of_batch);
            audit_batch(*tx, i);
          } else {
            tx->insert_vitals(rows_of_batch);
          }
          tx->commit();
          rows += per_batch;
          if ((i & 31) == 0 && Clock::now() >= until && rounds > 0) break;
        }
      }
      at += 1000;
      ++rounds;
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    const char* name = mode == Mode::group_tx         ? "group_tx"
                       : mode == Mode::bulk_tx        ? "bulk_tx"
                       : mode == Mode::store_tx       ? "store_tx"
                       : mode == Mode::store_group_tx ? "store_group_tx"
                                                      : "tx_per_batch";
    std::cerr << "vitals_ingest[" << engine << "] baseline " << name << ": " << rows << " rows in " << elapsed << " s ("
              << rounds << " rounds over " << sessions.size() << " sessions)\n";
    return rows / elapsed;
  };
  // Per-batch first: it is the one the server's figure compares with.
  const double per_batch_rate = run(Mode::tx_per_batch);
  const double group_rate = run(Mode::group_tx);
  const double bulk_rate = run(Mode::bulk_tx);
  const double store_rate = run(Mode::store_tx);
  const double store_group_rate = run(Mode::store_group_tx);
  print(engine, "raw_insert_tx_per_batch_rows_per_s", per_batch_rate, "1/s");
  print(engine, "raw_insert_group_tx_rows_per_s", group_rate, "1/s");
  print(engine, "raw_insert_bulk_tx_rows_per_s", bulk_rate, "1/s");
  print(engine, "store_tx_per_batch_rows_per_s", store_rate, "1/s");
  print(engine, "store_group_tx_rows_per_s", store_group_rate, "1/s");
  return 0;
}
