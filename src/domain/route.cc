#include "domain/route.h"

#include <array>

namespace kc {
namespace {

struct RouteInfo {
  Route route;
  std::string_view code, label, snomed;
};

constexpr std::array kRoutes = {
    RouteInfo{Route::iv, "iv", "IV infusion", "47625008"},
    RouteInfo{Route::im, "im", "Intramuscular", "78421000"},
    RouteInfo{Route::sc, "sc", "Subcutaneous", "34206005"},
    RouteInfo{Route::intranasal_esketamine, "intranasal_esketamine", "Intranasal esketamine", "46713006"},
    RouteInfo{Route::sublingual, "sublingual", "Sublingual", "37839007"},
    RouteInfo{Route::oral, "oral", "Oral", "26643006"},
};

constexpr std::array kAllRoutes = {Route::iv,         Route::im,  Route::sc, Route::intranasal_esketamine,
                                   Route::sublingual, Route::oral};

const RouteInfo& info(Route route) {
  for (const auto& r : kRoutes)
    if (r.route == route) return r;
  return kRoutes[0];  // unreachable: every enumerator is in the table
}

}  // namespace

std::string_view to_string(Route route) { return info(route).code; }
std::string_view route_label(Route route) { return info(route).label; }
std::string_view route_snomed(Route route) { return info(route).snomed; }
std::span<const Route> all_routes() { return kAllRoutes; }

std::optional<Route> parse_route(std::string_view code) {
  for (const auto& r : kRoutes)
    if (r.code == code) return r.route;
  return std::nullopt;
}

bool is_weight_based(Route route) { return route == Route::iv || route == Route::im || route == Route::sc; }
bool is_infusion(Route route) { return route == Route::iv; }

}  // namespace kc
