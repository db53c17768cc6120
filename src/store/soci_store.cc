#include "store/soci_store.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <boost/url/parse.hpp>

#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "store/soci_transaction.h"

namespace kc::store {
namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

/// Process-wide SQLite settings, made once before the first connection opens:
/// no global memory statistics (a mutex taken on every allocation, which made
/// concurrent readers queue), and multi-thread mode (each connection is used by one
/// thread at a time: the pool guarantees it).
void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
  });
}

std::unique_ptr<soci::session> open_sqlite(const std::string& path, const StoreOptions& o) {
  configure_sqlite_once();
  if (path != ":memory:") {
    auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir);
  }
  auto s = std::make_unique<soci::session>(soci::sqlite3, "db=\"" + path + "\"");
  *s << "PRAGMA journal_mode=WAL";
  *s << "PRAGMA foreign_keys=ON";
  *s << "PRAGMA busy_timeout=" + std::to_string(o.busy_timeout_ms);
  *s << "PRAGMA synchronous=" + o.sqlite_synchronous;
  return s;
}

}  // namespace

/// libpq keyword=value text for a postgresql:// URL ('quoted', with \\ and \' escaped).
std::string libpq_conninfo(const std::string& url) {
  auto u = boost::urls::parse_uri(url);
  if (!u) throw std::runtime_error("database URL is not a valid postgresql:// URL");
  auto quote = [](std::string v) {
    std::string out = "'";
    for (char c : v) {
      if (c == '\\' || c == '\'') out += '\\';
      out += c;
    }
    return out + "'";
  };
  std::string info;
  auto add = [&](const char* key, std::string value) {
    if (!value.empty()) info += std::string(info.empty() ? "" : " ") + key + "=" + quote(std::move(value));
  };
  add("host", u->host_address());
  add("port", std::string(u->port()));
  add("user", u->user());
  add("password", u->password());
  std::string db = u->path();
  add("dbname", db.size() > 1 ? db.substr(1) : "");
  for (auto p : u->params()) add(std::string(p.key).c_str(), std::string(p.value));
  return info;
}

std::unique_ptr<SociStore> SociStore::open(const StoreOptions& o, std::int64_t now_ms) {
  if (o.sqlite_synchronous != "FULL" && o.sqlite_synchronous != "NORMAL" && o.sqlite_synchronous != "EXTRA")
    throw std::runtime_error("database.sqlite_synchronous must be FULL, NORMAL or EXTRA");
  std::string engine;
  ConnectionPool::Opener opener;
  int size = std::max(1, o.pool_size);
  if (starts_with(o.url, "sqlite:")) {
    engine = "sqlite";
    std::string path = o.url.substr(7);
    if (path.empty()) throw std::runtime_error("database URL sqlite: needs a path, e.g. sqlite:var/ketaclinic.db");
    if (path == ":memory:") size = 1;
    if (!o.migrate && path != ":memory:" && !std::filesystem::exists(path))
      throw std::runtime_error("no database at " + path);
    opener = [path, o] { return open_sqlite(path, o); };
  } else if (starts_with(o.url, "postgresql://") || starts_with(o.url, "postgres://")) {
    engine = "postgresql";
    opener = [info = libpq_conninfo(o.url)] { return std::make_unique<soci::session>(soci::postgresql, info); };
  } else {
    throw std::runtime_error("database URL must start with sqlite: or postgresql:// (got \"" + o.url.substr(0, 20) +
                             "\")");
  }
  auto store = std::unique_ptr<SociStore>(new SociStore(engine, std::make_unique<ConnectionPool>(opener, size)));
  auto lease = store->pool_->acquire();
  if (o.migrate) {
    store->report_ = kc::store::migrate(lease.session(), engine, now_ms);
  } else {
    const int version = require_current_schema(lease.session(), engine);
    store->report_.from_version = store->report_.to_version = version;
  }
  return store;
}

std::unique_ptr<app::Transaction> SociStore::begin(Mode mode) {
  return std::make_unique<SociTransaction>(pool_->acquire(), engine_ == "sqlite", mode);
}

bool SociStore::ping() {
  try {
    auto lease = pool_->acquire();  // reconnects a connection marked broken
    try {
      int one = 0;
      lease.session() << "SELECT 1", soci::into(one);
      return one == 1;
    } catch (const std::exception&) {
      lease.mark_broken();  // so that the next use reconnects (e.g. after a database restart)
      return false;
    }
  } catch (const std::exception&) {
    return false;  // reconnecting failed: the database is still away
  }
}

}  // namespace kc::store
