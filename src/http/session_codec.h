// Decoding the monitored session's request bodies (api_sessions.cc), apart so that
// the fuzzer can drive them. Every error names its field; a reading's fields are
// prefixed with "readings[i].".
#pragma once

#include <string>
#include <vector>

#include "app/calendar_service.h"
#include "app/session_service.h"
#include "http/json_codec.h"

namespace kc::http {

Result<app::CheckInInput> decode_check_in(const json::object& body);
Result<app::TransitionInput> decode_transition(const json::object& body);
/// {"source": "manual", "readings": [{"at", "systolic_mmhg", ...}]}; at most 600.
Result<std::vector<VitalReading>> decode_vitals(const json::object& body);
Result<EffectEntry> decode_effect(const json::object& body);
Result<RescueMedicine> decode_rescue_medicine(const json::object& body);
Result<app::AldreteObservation> decode_aldrete(const json::object& body);
/// A follow-up booking: the calendar's booking body without the patient (the session's).
Result<app::BookingInput> decode_follow_up(const json::object& body);

/// {"aldrete_minimum": 9, ...}: whole numbers by setting name (the use case checks the names).
Result<app::SessionSettingsPatch> decode_session_settings(const json::object& body);

/// Small readers shared with api_sessions.cc.
Result<std::string> session_text(const json::object& o, std::string_view name, std::size_t max_size,
                                 bool required = false);
Result<bool> session_flag(const json::object& o, std::string_view name);
Result<std::optional<double>> session_number(const json::object& o, std::string_view name,
                                             std::string_view prefix = {});

}  // namespace kc::http
