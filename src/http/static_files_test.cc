#include "http/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace kc::http {
namespace {

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() / ("kc-static-" + std::to_string(::getpid()));
    std::filesystem::create_directories(root_ / "assets");
    std::ofstream(root_ / "index.html") << "<!doctype html><title>KetaClinic</title>";
    std::ofstream(root_ / "assets" / "index-ab12.js") << "console.log(1)";
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  std::filesystem::path root_;
};

std::string header(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return {};
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutable) {
  auto r = StaticFiles(root_.string()).serve("/assets/index-ab12.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(header(*r, "Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(StaticFilesTest, IndexIsRevalidatedEveryTime) {
  auto r = StaticFiles(root_.string()).serve("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(header(*r, "Cache-Control"), "no-cache");
  EXPECT_NE(r->body.find("KetaClinic"), std::string::npos);
}

TEST_F(StaticFilesTest, AppRoutesFallBackToIndex) {
  auto r = StaticFiles(root_.string()).serve("/users");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
}

TEST_F(StaticFilesTest, MissingFileWithExtensionIsNotFound) {
  EXPECT_FALSE(StaticFiles(root_.string()).serve("/assets/missing.js"));
}

TEST_F(StaticFilesTest, NoWebAppBuiltMeansNothingToServe) {
  EXPECT_FALSE(StaticFiles((root_ / "absent").string()).serve("/"));
}

}  // namespace
}  // namespace kc::http
