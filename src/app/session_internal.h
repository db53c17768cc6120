// Helpers shared by the parts of SessionService (session_service.cc,
// session_vitals.cc, session_rems.cc). Internal to src/app.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/store.h"
#include "domain/dosing_record.h"

namespace kc::app::session_detail {

inline constexpr std::int64_t kMinuteMs = 60'000;

/// A stored thousandth as a number of its unit.
inline double milli(std::int64_t v) { return static_cast<double>(v) / 1000.0; }

/// A thousandth as JSON number text ("98", "98.5", "0.125").
std::string milli_json(std::int64_t v);

/// The name staff use: the preferred name if any, else the given name, then the family name.
std::string display_name(const PatientRow& patient, const std::string& preferred_name);

/// The latest value of each sign, as one reading timed at the latest reading.
VitalRow last_values(const TreatmentSessionRow& s);
/// The pre-dose baseline, as one reading timed at the pre-dose blood pressure.
VitalRow pre_dose_values(const TreatmentSessionRow& s);

/// high 0, medium 1, low 2.
int priority_rank(std::string_view priority);

std::optional<InfusionEventKind> infusion_kind(std::string_view kind);

}  // namespace kc::app::session_detail

#include <mutex>

#include "app/session_service.h"

namespace kc::app {

/// One session's alarm evaluation in this process.
struct SessionService::Engine {
  Engine(ClinicId c, std::string s, std::vector<AlarmRule> r, AlarmTiming timing, int o)
      : clinic(std::move(c)), state(std::move(s)), rules(r), alarms(std::move(r), timing), offset(o) {}
  std::mutex mutex;  // guards everything below
  ClinicId clinic;
  std::string state;
  const std::vector<AlarmRule> rules;  // the clinic's rules when evaluation started
  AlarmEngine alarms;
  int offset = 0;  // a stored alarm's number is offset + the engine's id
  bool device_fed = false;
  std::int64_t last_at_ms = 0;
};

}  // namespace kc::app
