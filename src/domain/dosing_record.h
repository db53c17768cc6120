// The dosing record (medication administration record) of one session: infusion
// start, rate changes with reasons, pauses and the stop, from which the amount
// delivered is computed; esketamine devices with their times; the drug's lot and
// expiry; rescue medicines given.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/result.h"
#include "domain/time.h"

namespace kc {

enum class InfusionEventKind { start, rate_change, pause, resume, stop };

struct InfusionEvent {
  InfusionEventKind kind = InfusionEventKind::start;
  std::int64_t at_ms = 0;
  double rate_ml_per_h = 0;  // start and rate_change
  std::string reason;        // rate_change and pause need one
};

/// Checks that `next` may follow `events` (time order, a start first, no change
/// while paused, nothing after the stop, reasons and rates present). Errors name the
/// field ("kind", "at", "rate_ml_per_h", "reason").
Status check_infusion_event(const std::vector<InfusionEvent>& events, const InfusionEvent& next);

struct Delivered {
  double volume_ml = 0;
  double dose_mg = 0;
  std::int64_t running_ms = 0;  // time the pump ran (pauses excluded)
};

/// What the pump delivered up to `until_ms` (or the stop): rate × running time.
Delivered delivered(const std::vector<InfusionEvent>& events, double concentration_mg_per_ml, std::int64_t until_ms);

/// The drug's lot and expiry: a lot number is required, and the expiry date may not
/// be before the day of the session.
Status check_drug_lot(const std::string& lot, const std::string& expiry_date, const Date& session_day);

/// Esketamine devices are given at least `spacing_min` minutes apart (label: 5).
Status check_device_time(const std::vector<std::int64_t>& given_ms, std::int64_t at_ms, int spacing_min);

struct RescueMedicine {
  std::string drug, route, reason;
  double dose_mg = 0;
  std::int64_t at_ms = 0;
};
Status check_rescue_medicine(const RescueMedicine& medicine);

}  // namespace kc
