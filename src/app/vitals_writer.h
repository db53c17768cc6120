// The single writer of vital-sign readings: group commit (ADR 0004).
//
// Every POST /sessions/{id}/vitals is checked on a store thread
// (SessionService::check_vitals) and handed here as a batch with a completion. One
// thread per process takes everything queued (up to `group_limit` batches or
// `group_readings_limit` readings, at least one batch) and stores the group in ONE
// write transaction:
//
//   BEGIN
//     for each batch, in queue order:
//       SAVEPOINT; store_vitals (readings, session row, alarms); RELEASE
//       (on an error or a failed statement: ROLLBACK TO; this batch fails alone)
//     the audit events of every stored batch (each clinic's chain locked once,
//     after all the session rows: see SessionService::audit_vitals)
//   COMMIT   (one fdatasync on SQLite for the whole group)
//   for each stored batch: vitals.recorded and alarm.* to live screens
//   for each batch: its completion, with the result
//
// So a completion reports success only after the transaction holding the batch has
// committed durably, and a failed batch leaves nothing behind. If the commit itself
// (or a rollback to a savepoint) fails, every batch of the group fails and nothing of
// it is stored; the writer never retries on its own (a device resends).
//
// There is no timer: a group is whatever arrived while the previous one was being
// written, so a lone reading is written at once and a busy second shares one flush.
// Batches are stored in the order they were submitted; a device's requests on one
// connection are submitted one after the other, so its readings keep their order.
//
// The queue is bounded (`queue_limit` batches): submit() refuses at once when it is
// full, and after stop(). Thread-safe; completions run on the writer thread and
// must not block for long (they post the HTTP response to its connection).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "app/session_service.h"
#include "app/store.h"
#include "domain/result.h"

namespace kc::app {

class VitalsWriter {
 public:
  struct Options {
    std::size_t queue_limit = 4096;           // batches waiting (Default: 8 seconds of 500 monitors)
    std::size_t group_limit = 500;            // batches per transaction
    std::size_t group_readings_limit = 5000;  // readings per transaction (a batch may hold 600)
    bool start = true;                        // false: the thread starts at start() (tests fill the queue first)
    /// Told why a batch or a group failed (the text of the store's exception).
    std::function<void(std::string_view)> log_failure;
  };
  struct Stats {
    std::int64_t groups = 0;         // transactions committed or attempted
    std::int64_t batches = 0;        // batches completed, stored or not
    std::int64_t failed_groups = 0;  // groups whose commit failed
    std::size_t largest_group = 0;   // batches
    std::size_t queued = 0;          // waiting now
  };
  using Done = std::function<void(Result<VitalsAccepted>)>;

  VitalsWriter(Store& store, SessionService& sessions, Options options);
  VitalsWriter(const VitalsWriter&) = delete;
  VitalsWriter& operator=(const VitalsWriter&) = delete;
  /// stop().
  ~VitalsWriter();

  /// Queues a checked batch. `done` is called exactly once, on the writer thread,
  /// after the batch's group committed (or failed). Refused (unavailable, and `done`
  /// is not called) when the queue is full ("vitals_queue_full") or the writer is
  /// stopping ("shutting_down").
  Status submit(VitalsBatch batch, Done done);
  /// Starts the thread (only with Options::start false; otherwise a no-op).
  void start();
  /// Refuses new batches, writes and completes every batch already queued, then
  /// joins the thread. Idempotent.
  void stop();
  Stats stats() const;

 private:
  struct Item {
    VitalsBatch batch;
    Done done;
  };
  void run();
  void write(std::deque<Item>& group);
  void failed(std::string_view what) const;

  Store& store_;
  SessionService& sessions_;
  const Options options_;
  mutable std::mutex mutex_;  // guards queue_, stopping_, started_, stats_
  std::condition_variable wake_;
  std::deque<Item> queue_;
  bool stopping_ = false;
  bool started_ = false;
  Stats stats_;
  std::thread thread_;  // joined by stop()
};

}  // namespace kc::app
