// Routes of administration: the one list that consent documents, treatment plans,
// dose orders, the pharmacokinetic model and dosing appointments share.
//
// Codes are the stored and API form; SNOMED CT codes are from the clinical
// reference (§7). The at-home sublingual program uses `sublingual`.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace kc {

enum class Route {
  iv,                     // intravenous infusion of racemic ketamine
  im,                     // intramuscular racemic ketamine
  sc,                     // subcutaneous racemic ketamine
  intranasal_esketamine,  // esketamine nasal spray (Spravato), 28 mg per device
  sublingual,             // sublingual racemic ketamine (at-home programs)
  oral,                   // oral racemic ketamine
};

/// "iv", "im", "sc", "intranasal_esketamine", "sublingual", "oral".
std::string_view to_string(Route route);
std::optional<Route> parse_route(std::string_view code);
/// For people: "IV infusion", "Intranasal esketamine", ...
std::string_view route_label(Route route);
/// SNOMED CT route of administration (clinical reference §7).
std::string_view route_snomed(Route route);
/// Every route, in display order.
std::span<const Route> all_routes();

/// IV, IM and SC doses are prescribed in mg/kg of body weight; the others in mg.
bool is_weight_based(Route route);
/// Given into a vein over minutes (the dose rule has infusion minutes and a pump rate).
bool is_infusion(Route route);

}  // namespace kc
