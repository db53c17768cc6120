#include "domain/route.h"

#include <gtest/gtest.h>

#include <set>

namespace kc {
namespace {

TEST(Route, EveryRouteRoundTripsThroughItsCode) {
  std::set<std::string_view> codes, snomed;
  for (Route r : all_routes()) {
    EXPECT_EQ(parse_route(to_string(r)), r);
    codes.insert(to_string(r));
    snomed.insert(route_snomed(r));
    EXPECT_FALSE(route_label(r).empty());
  }
  EXPECT_EQ(codes.size(), all_routes().size());
  EXPECT_EQ(snomed.size(), all_routes().size());
}

TEST(Route, UnknownCodesAreRefused) {
  EXPECT_FALSE(parse_route(""));
  EXPECT_FALSE(parse_route("IV"));
  EXPECT_FALSE(parse_route("intranasal"));
}

TEST(Route, SnomedCodesAreTheReferenceOnes) {
  EXPECT_EQ(route_snomed(Route::iv), "47625008");
  EXPECT_EQ(route_snomed(Route::intranasal_esketamine), "46713006");
  EXPECT_EQ(route_snomed(Route::sublingual), "37839007");
}

TEST(Route, OnlyParenteralRoutesAreDosedByWeight) {
  EXPECT_TRUE(is_weight_based(Route::iv));
  EXPECT_TRUE(is_weight_based(Route::im));
  EXPECT_TRUE(is_weight_based(Route::sc));
  EXPECT_FALSE(is_weight_based(Route::intranasal_esketamine));
  EXPECT_FALSE(is_weight_based(Route::sublingual));
  EXPECT_FALSE(is_weight_based(Route::oral));
  EXPECT_TRUE(is_infusion(Route::iv));
  EXPECT_FALSE(is_infusion(Route::im));
}

}  // namespace
}  // namespace kc
