// A fixed-size pool of SOCI sessions. acquire() blocks until one is free.
// Thread-safe. A lease marked broken is reconnected before its next use.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include <soci/soci.h>

#include "app/store.h"
#include "store/hot_statements.h"

namespace kc::store {

class ConnectionPool {
 public:
  using Opener = std::function<std::unique_ptr<soci::session>()>;
  ConnectionPool(Opener open, int size);

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::size_t index) : pool_(&pool), index_(index) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), index_(other.index_) { other.pool_ = nullptr; }
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    soci::session& session() { return *pool_->slots_[index_].session; }
    /// This connection's prepared hot statements (prepared on first use).
    HotStatements& hot();
    /// The connection failed mid-use: replace it before it is used again.
    void mark_broken() { pool_->slots_[index_].broken = true; }

   private:
    ConnectionPool* pool_;
    std::size_t index_;
  };

  Lease acquire();
  app::PoolStats stats() const;

 private:
  void release(std::size_t index);

  struct Slot {
    std::unique_ptr<soci::session> session;
    std::unique_ptr<HotStatements> hot;  // destroyed before its session
    bool broken = false;
  };

  Opener open_;
  std::vector<Slot> slots_;   // a slot is touched only by the holder of its lease
  mutable std::mutex mutex_;  // guards free_ and waits_
  std::condition_variable available_;
  std::vector<std::size_t> free_;
  std::int64_t waits_ = 0;
};

}  // namespace kc::store
