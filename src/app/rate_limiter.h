// Per-address request limits for the public forms (consultation requests and
// waiting-list joins share one budget per address). Thread-safe: one mutex.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

#include "app/ports.h"
#include "domain/enquiry.h"

namespace kc::app {

class RateLimiter {
 public:
  RateLimiter(const Clock& clock, int per_hour) : clock_(clock), per_hour_(per_hour) {}
  /// Records a request from `address`; false when it is over the hourly limit.
  bool admit(const std::string& address);

 private:
  const Clock& clock_;
  const int per_hour_;
  std::mutex mutex_;  // guards windows_
  std::unordered_map<std::string, RequestWindow> windows_;
};

}  // namespace kc::app
