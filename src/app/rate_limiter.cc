#include "app/rate_limiter.h"

namespace kc::app {

bool RateLimiter::admit(const std::string& address) {
  std::lock_guard lock(mutex_);
  const std::int64_t now = clock_.now_ms();
  if (windows_.size() > 10'000) std::erase_if(windows_, [now](const auto& kv) { return kv.second.idle(now); });
  return windows_[address].admit(now, per_hour_);
}

}  // namespace kc::app
