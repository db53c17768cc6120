#include "http/metrics.h"

#include <sstream>

namespace kc::http {
namespace {

std::string escape_label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::observe(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i)
    if (seconds <= kBucketsSeconds[i]) ++buckets_[i];
  ++count_;
  sum_seconds_ += seconds;
}

void Metrics::add_in_flight(int delta) {
  std::lock_guard lock(mutex_);
  in_flight_ += delta;
}

std::string Metrics::render() const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP ketaclinic_http_requests_total HTTP requests by route and status.\n"
      << "# TYPE ketaclinic_http_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out << "ketaclinic_http_requests_total{route=\"" << escape_label(key.first) << "\",status=\"" << key.second
        << "\"} " << n << "\n";
  out << "# HELP ketaclinic_http_request_duration_seconds Time from a complete request to its response.\n"
      << "# TYPE ketaclinic_http_request_duration_seconds histogram\n";
  for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i)
    out << "ketaclinic_http_request_duration_seconds_bucket{le=\"" << kBucketsSeconds[i] << "\"} " << buckets_[i]
        << "\n";
  out << "ketaclinic_http_request_duration_seconds_bucket{le=\"+Inf\"} " << count_ << "\n"
      << "ketaclinic_http_request_duration_seconds_sum " << sum_seconds_ << "\n"
      << "ketaclinic_http_request_duration_seconds_count " << count_ << "\n"
      << "# HELP ketaclinic_http_requests_in_flight Requests handed to the store pool and not yet answered.\n"
      << "# TYPE ketaclinic_http_requests_in_flight gauge\n"
      << "ketaclinic_http_requests_in_flight " << in_flight_ << "\n";
  if (pool_) {
    auto s = pool_();
    out << "# HELP ketaclinic_store_pool_connections Store connections in the pool.\n"
        << "# TYPE ketaclinic_store_pool_connections gauge\n"
        << "ketaclinic_store_pool_connections " << s.size << "\n"
        << "# HELP ketaclinic_store_pool_in_use Store connections lent out now.\n"
        << "# TYPE ketaclinic_store_pool_in_use gauge\n"
        << "ketaclinic_store_pool_in_use " << s.in_use << "\n"
        << "# HELP ketaclinic_store_pool_waits_total Acquisitions that waited for a free connection.\n"
        << "# TYPE ketaclinic_store_pool_waits_total counter\n"
        << "ketaclinic_store_pool_waits_total " << s.waits_total << "\n";
  }
  if (vitals_) {
    auto v = vitals_();
    out << "# HELP ketaclinic_vitals_groups_total Vital-sign transactions (groups of batches) written.\n"
        << "# TYPE ketaclinic_vitals_groups_total counter\n"
        << "ketaclinic_vitals_groups_total " << v.groups << "\n"
        << "# HELP ketaclinic_vitals_batches_total Vital-sign batches (POSTs) completed, stored or not.\n"
        << "# TYPE ketaclinic_vitals_batches_total counter\n"
        << "ketaclinic_vitals_batches_total " << v.batches << "\n"
        << "# HELP ketaclinic_vitals_failed_groups_total Vital-sign groups whose transaction failed.\n"
        << "# TYPE ketaclinic_vitals_failed_groups_total counter\n"
        << "ketaclinic_vitals_failed_groups_total " << v.failed_groups << "\n"
        << "# HELP ketaclinic_vitals_largest_group Most batches written in one transaction so far.\n"
        << "# TYPE ketaclinic_vitals_largest_group gauge\n"
        << "ketaclinic_vitals_largest_group " << v.largest_group << "\n"
        << "# HELP ketaclinic_vitals_queued Vital-sign batches waiting for the writer now.\n"
        << "# TYPE ketaclinic_vitals_queued gauge\n"
        << "ketaclinic_vitals_queued " << v.queued << "\n";
  }
  return out.str();
}

}  // namespace kc::http
