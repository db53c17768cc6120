// Decoding of the dose API's request bodies (kept apart so that the fuzzer reaches them).
#pragma once

#include "app/dose_service.h"
#include "http/json_codec.h"

namespace kc::http {

/// {"route", "dose_rule": {"mg_per_kg" | "dose_mg", "infusion_minutes"},
/// "concentration_mg_per_ml", "planned_for", "plan_id", "override_reason"}. Errors
/// name the field ("dose_rule.mg_per_kg", ...); the use case checks the values.
Result<app::DoseRequest> decode_dose_request(const json::object& body);
/// {"weight_kg", "concentration_mg_per_ml", "devices"}.
Result<app::CheckInput> decode_dose_check(const json::object& body);
/// Any of {"limits": {"iv": {"soft", "hard"}, ...}, "max_weight_age_days", ...}.
Result<app::DoseSettingsPatch> decode_dose_settings(const json::object& body);

}  // namespace kc::http
