#include "domain/dosing_record.h"

#include <cmath>

#include "domain/validation.h"

namespace kc {
namespace {

constexpr double kMsPerHour = 3'600'000.0;

enum class Pump { not_started, running, paused, stopped };

Pump pump_after(const std::vector<InfusionEvent>& events) {
  Pump p = Pump::not_started;
  for (const auto& e : events) {
    switch (e.kind) {
      case InfusionEventKind::start:
      case InfusionEventKind::resume:
      case InfusionEventKind::rate_change:
        p = Pump::running;
        break;
      case InfusionEventKind::pause:
        p = Pump::paused;
        break;
      case InfusionEventKind::stop:
        p = Pump::stopped;
        break;
    }
  }
  return p;
}

}  // namespace

Status check_infusion_event(const std::vector<InfusionEvent>& events, const InfusionEvent& next) {
  const Pump pump = pump_after(events);
  if (!events.empty() && next.at_ms < events.back().at_ms)
    return Error::invalid("at", "An entry cannot be earlier than the one before it.");
  const bool needs_rate = next.kind == InfusionEventKind::start || next.kind == InfusionEventKind::rate_change;
  if (needs_rate && (!std::isfinite(next.rate_ml_per_h) || next.rate_ml_per_h <= 0 || next.rate_ml_per_h > 10'000))
    return Error::invalid("rate_ml_per_h", "The rate must be above 0 mL/h.");
  switch (next.kind) {
    case InfusionEventKind::start:
      if (pump != Pump::not_started) return Error::invalid("kind", "The infusion has already started.");
      break;
    case InfusionEventKind::rate_change:
      if (pump != Pump::running) return Error::invalid("kind", "The rate can change only while the pump runs.");
      if (next.reason.empty()) return Error::invalid("reason", "Give the reason for changing the rate.");
      break;
    case InfusionEventKind::pause:
      if (pump != Pump::running) return Error::invalid("kind", "Only a running infusion can be paused.");
      if (next.reason.empty()) return Error::invalid("reason", "Give the reason for pausing.");
      break;
    case InfusionEventKind::resume:
      if (pump != Pump::paused) return Error::invalid("kind", "Only a paused infusion can be resumed.");
      break;
    case InfusionEventKind::stop:
      if (pump != Pump::running && pump != Pump::paused)
        return Error::invalid("kind", "Only a started infusion can be stopped.");
      break;
  }
  return Ok{};
}

Delivered delivered(const std::vector<InfusionEvent>& events, double concentration_mg_per_ml, std::int64_t until_ms) {
  Delivered d;
  double rate = 0;
  bool running = false;
  std::int64_t since = 0;
  auto accrue = [&](std::int64_t to) {
    if (!running || to <= since) return;
    const std::int64_t span = to - since;
    d.running_ms += span;
    d.volume_ml += rate * static_cast<double>(span) / kMsPerHour;
  };
  for (const auto& e : events) {
    const std::int64_t at = std::min(e.at_ms, until_ms);
    accrue(at);
    since = at;
    if (e.at_ms > until_ms) break;
    switch (e.kind) {
      case InfusionEventKind::start:
      case InfusionEventKind::rate_change:
        rate = e.rate_ml_per_h;
        running = true;
        break;
      case InfusionEventKind::resume:
        running = true;
        break;
      case InfusionEventKind::pause:
      case InfusionEventKind::stop:
        running = false;
        break;
    }
  }
  accrue(until_ms);
  d.dose_mg = d.volume_ml * concentration_mg_per_ml;
  return d;
}

Status check_drug_lot(const std::string& lot, const std::string& expiry_date, const Date& session_day) {
  if (auto l = required_text("lot", lot, 64); !l) return l.error();
  auto expiry = parse_date(expiry_date);
  if (!expiry) return Error::invalid("expiry_date", "Give the expiry date as YYYY-MM-DD.");
  if (compare(*expiry, session_day) < 0)
    return Error::invalid("expiry_date", "This lot expired on " + expiry_date + ": do not use it.", "drug_expired");
  return Ok{};
}

Status check_device_time(const std::vector<std::int64_t>& given_ms, std::int64_t at_ms, int spacing_min) {
  if (!given_ms.empty()) {
    const std::int64_t last = given_ms.back();
    if (at_ms < last) return Error::invalid("at", "A device cannot be given before the previous one.");
    if (at_ms - last < static_cast<std::int64_t>(spacing_min) * 60'000)
      return Error::invalid("at", "Devices are given at least " + std::to_string(spacing_min) + " minutes apart.",
                            "device_too_soon");
  }
  return Ok{};
}

Status check_rescue_medicine(const RescueMedicine& m) {
  if (auto v = required_text("drug", m.drug, 120); !v) return v.error();
  if (auto v = required_text("route", m.route, 40); !v) return v.error();
  if (auto v = required_text("reason", m.reason, 500); !v) return v.error();
  if (!std::isfinite(m.dose_mg) || m.dose_mg <= 0) return Error::invalid("dose_mg", "The dose must be above 0 mg.");
  return Ok{};
}

}  // namespace kc
