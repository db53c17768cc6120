// What the calendar's use-case files share (calendar_service.cc, calendar_booking.cc).
#pragma once

#include <cstdint>

#include "app/calendar_service.h"

namespace kc::app {

inline constexpr std::int64_t kCalendarHourMs = 3'600'000;

/// The clinic's calendar settings, or the defaults when never changed.
inline CalendarSettingsRow calendar_settings_of(Transaction& tx, const ClinicId& clinic) {
  if (auto s = tx.calendar_settings(clinic)) return *s;
  return default_calendar_settings(clinic);
}

}  // namespace kc::app
