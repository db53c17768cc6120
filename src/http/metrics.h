// Prometheus metrics of the HTTP server: requests by route and status, a latency
// histogram, requests in flight, the store's connection-pool use, and the vitals
// writer's groups (app/vitals_writer.h).
// Thread-safe: one mutex guards the counters (taken once per request).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "app/store.h"
#include "app/vitals_writer.h"

namespace kc::http {

class Metrics {
 public:
  /// Records one finished request. `route` is the pattern ("GET /api/v1/users/{id}").
  void observe(const std::string& route, int status, double seconds);
  void set_pool_source(std::function<app::PoolStats()> source) { pool_ = std::move(source); }
  void set_vitals_source(std::function<app::VitalsWriter::Stats()> source) { vitals_ = std::move(source); }
  void add_in_flight(int delta);
  /// The Prometheus text exposition.
  std::string render() const;

  static constexpr std::array<double, 12> kBucketsSeconds = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                             0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::array<std::uint64_t, kBucketsSeconds.size()> buckets_{};
  std::uint64_t count_ = 0;
  double sum_seconds_ = 0;
  std::int64_t in_flight_ = 0;
  std::function<app::PoolStats()> pool_;
  std::function<app::VitalsWriter::Stats()> vitals_;
};

}  // namespace kc::http
