// What the three files of MeasureService share (measure_service.cc, measure_links.cc,
// measure_tasks.cc). Internal to src/app.
#pragma once

#include <cstdint>
#include <vector>

#include "app/store.h"
#include "domain/roles.h"

namespace kc::app {

inline constexpr std::int64_t kMinuteMs = 60'000;
inline constexpr std::int64_t kHourMs = 60 * kMinuteMs;

/// The clinic's enabled users that hold `role`, every page of them.
std::vector<UserRow> active_users_with(Transaction& tx, const ClinicId& clinic, Role role);

}  // namespace kc::app
