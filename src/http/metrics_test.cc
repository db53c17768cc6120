#include "http/metrics.h"

#include <gtest/gtest.h>

namespace kc::http {
namespace {

TEST(Metrics, CountsByRouteAndStatus) {
  Metrics m;
  m.observe("GET /healthz", 200, 0.0001);
  m.observe("GET /healthz", 200, 0.0001);
  m.observe("GET /api/v1/users", 403, 0.002);
  auto text = m.render();
  EXPECT_NE(text.find("ketaclinic_http_requests_total{route=\"GET /healthz\",status=\"200\"} 2"), std::string::npos);
  EXPECT_NE(text.find("route=\"GET /api/v1/users\",status=\"403\"} 1"), std::string::npos);
}

TEST(Metrics, HistogramBucketsAreCumulative) {
  Metrics m;
  m.observe("r", 200, 0.0004);  // in every bucket
  m.observe("r", 200, 0.02);    // from le=0.025 on
  auto text = m.render();
  EXPECT_NE(text.find("_bucket{le=\"0.0005\"} 1"), std::string::npos);
  EXPECT_NE(text.find("_bucket{le=\"0.025\"} 2"), std::string::npos);
  EXPECT_NE(text.find("_bucket{le=\"+Inf\"} 2"), std::string::npos);
  EXPECT_NE(text.find("_count 2"), std::string::npos);
}

TEST(Metrics, ReportsPoolUse) {
  Metrics m;
  m.set_pool_source([] { return app::PoolStats{4, 1, 7}; });
  auto text = m.render();
  EXPECT_NE(text.find("ketaclinic_store_pool_in_use 1"), std::string::npos);
  EXPECT_NE(text.find("ketaclinic_store_pool_connections 4"), std::string::npos);
  EXPECT_NE(text.find("ketaclinic_store_pool_waits_total 7"), std::string::npos);
}

}  // namespace
}  // namespace kc::http
