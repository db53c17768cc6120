#include "store/connection_pool.h"

namespace kc::store {

ConnectionPool::ConnectionPool(Opener open, int size) : open_(std::move(open)) {
  for (int i = 0; i < size; ++i) {
    slots_.push_back({open_(), nullptr, false});
    free_.push_back(static_cast<std::size_t>(i));
  }
}

ConnectionPool::Lease::~Lease() {
  if (pool_) pool_->release(index_);
}

HotStatements& ConnectionPool::Lease::hot() {
  auto& slot = pool_->slots_[index_];
  if (!slot.hot) slot.hot = std::make_unique<HotStatements>(*slot.session);
  return *slot.hot;
}

ConnectionPool::Lease ConnectionPool::acquire() {
  std::size_t index = 0;
  {
    std::unique_lock lock(mutex_);
    if (free_.empty()) ++waits_;
    available_.wait(lock, [this] { return !free_.empty(); });
    index = free_.back();
    free_.pop_back();
  }
  Lease lease(*this, index);
  Slot& slot = slots_[index];
  if (slot.broken) {
    slot.hot.reset();
    slot.session = open_();  // throws if the database is still unreachable
    slot.broken = false;
  }
  return lease;
}

void ConnectionPool::release(std::size_t index) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(index);
  }
  available_.notify_one();
}

app::PoolStats ConnectionPool::stats() const {
  std::lock_guard lock(mutex_);
  return {static_cast<int>(slots_.size()), static_cast<int>(slots_.size() - free_.size()), waits_};
}

}  // namespace kc::store
