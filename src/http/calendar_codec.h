// Decoding the calendar's request bodies (api_calendar.cc), apart so that the fuzzer
// can drive them. Every error names its field; a batch item's fields are prefixed
// with "items[i].".
#pragma once

#include <string_view>
#include <vector>

#include "app/calendar_service.h"
#include "http/json_codec.h"

namespace kc::http {

Result<app::BookingInput> decode_booking(const json::object& body, std::string_view prefix = {});
/// {"items": [booking, ...]}
Result<std::vector<app::BookingInput>> decode_booking_batch(const json::object& body);
Result<app::RoomInput> decode_room(const json::object& body);
Result<app::CalendarSettingsPatch> decode_calendar_settings(const json::object& body);

}  // namespace kc::http
