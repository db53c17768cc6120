#include "app/vitals_writer.h"

#include <algorithm>
#include <exception>
#include <optional>
#include <vector>

namespace kc::app {
namespace {

constexpr std::string_view kSavepoint = "vitals_batch";

Error not_stored() {
  return {
      ErrorKind::internal, "internal_error", "Something went wrong on the server: the readings were not stored.", {}};
}

}  // namespace

VitalsWriter::VitalsWriter(Store& store, SessionService& sessions, Options options)
    : store_(store), sessions_(sessions), options_(std::move(options)) {
  if (options_.start) start();
}

VitalsWriter::~VitalsWriter() { stop(); }

Status VitalsWriter::submit(VitalsBatch batch, Done done) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return Error{ErrorKind::unavailable, "shutting_down", "The server is shutting down.", {}};
    if (queue_.size() >= options_.queue_limit)
      return Error{ErrorKind::unavailable,
                   "vitals_queue_full",
                   "Too many readings are waiting to be stored; send them again shortly.",
                   {}};
    queue_.push_back({std::move(batch), std::move(done)});
  }
  wake_.notify_one();
  return Ok{};
}

void VitalsWriter::start() {
  std::lock_guard lock(mutex_);
  if (started_) return;
  started_ = true;
  thread_ = std::thread([this] { run(); });
}

void VitalsWriter::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  start();  // a writer that never started still completes what was queued
  wake_.notify_all();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

VitalsWriter::Stats VitalsWriter::stats() const {
  std::lock_guard lock(mutex_);
  Stats s = stats_;
  s.queued = queue_.size();
  return s;
}

void VitalsWriter::run() {
  for (;;) {
    std::deque<Item> group;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued was written
      std::size_t readings = 0;
      while (!queue_.empty() && group.size() < options_.group_limit) {
        const std::size_t next = queue_.front().batch.readings.size();
        if (!group.empty() && readings + next > options_.group_readings_limit) break;
        readings += next;
        group.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    write(group);
  }
}

void VitalsWriter::write(std::deque<Item>& group) {
  std::vector<std::optional<Result<VitalsAccepted>>> results(group.size());
  bool committed = false;
  try {
    auto tx = store_.begin(Store::Mode::write);
    for (std::size_t i = 0; i < group.size(); ++i) {
      tx->savepoint(kSavepoint);
      try {
        results[i] = sessions_.store_vitals(*tx, group[i].batch);
      } catch (const std::exception& e) {
        failed(e.what());
        results[i] = Result<VitalsAccepted>(not_stored());
      }
      // An error answer wrote nothing, but may have read under lock: undo either way.
      if (results[i]->ok())
        tx->release_savepoint(kSavepoint);
      else
        tx->rollback_to_savepoint(kSavepoint);  // throws if the transaction is lost: the group fails
    }
    std::vector<SessionService::StoredVitals> stored;
    for (std::size_t i = 0; i < group.size(); ++i)
      if (results[i]->ok()) stored.emplace_back(&group[i].batch, &results[i]->value());
    sessions_.audit_vitals(*tx, stored);
    tx->commit();
    committed = true;
  } catch (const std::exception& e) {
    failed(e.what());
  }
  if (!committed) {
    // Nothing of the group is stored: every engine that saw its readings starts afresh.
    for (std::size_t i = 0; i < group.size(); ++i) {
      sessions_.forget_engine(group[i].batch.session_id);
      results[i] = Result<VitalsAccepted>(not_stored());
    }
  } else {
    for (std::size_t i = 0; i < group.size(); ++i) {
      if (!results[i]->ok()) continue;
      try {
        sessions_.announce_vitals(group[i].batch, results[i]->value());
      } catch (const std::exception& e) {
        failed(e.what());  // stored all the same: the screens catch up on their next load
      }
    }
  }
  {
    std::lock_guard lock(mutex_);
    ++stats_.groups;
    stats_.batches += static_cast<std::int64_t>(group.size());
    if (!committed) ++stats_.failed_groups;
    stats_.largest_group = std::max(stats_.largest_group, group.size());
  }
  for (std::size_t i = 0; i < group.size(); ++i) {
    try {
      group[i].done(std::move(*results[i]));
    } catch (const std::exception& e) {
      failed(e.what());  // a completion must not stop the writer
    }
  }
}

void VitalsWriter::failed(std::string_view what) const {
  if (options_.log_failure) options_.log_failure(what);
}

}  // namespace kc::app
