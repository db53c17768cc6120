// Decoders of the outcome routes' requests (fuzzed in fuzz/request_decode_fuzz.cc).
#pragma once

#include <boost/json/object.hpp>

#include "app/outcome_service.h"
#include "domain/result.h"
#include "http/request.h"

namespace kc::http {

/// {"follow_up_interval_days": 28, "max_sessions_per_30_days": null, "max_mg_per_kg_per_30_days": 4.5, ...}:
/// any subset; null removes a limit (only the nullable ones). Unknown names are refused.
Result<app::OutcomeSettingsPatch> decode_outcome_settings(const boost::json::object& body);
/// {"start": "2026-12-01", "interval_days": 28, "instruments": ["phq9"]}
Result<app::FollowUpInput> decode_follow_up_plan(const boost::json::object& body);
/// {"at": "...", "mme_per_day": 60, "memory_attention": false, "note": "..."}
Result<app::FollowUpCheckInInput> decode_follow_up_check_in(const boost::json::object& body);
/// ?from=&to=&route=&indication=&instrument=; any other parameter is refused by name.
Result<app::DashboardQuery> decode_dashboard_query(const Fields& query);

}  // namespace kc::http
