#include "domain/session_protocol.h"

namespace kc {
namespace {

std::string readings_text(int n) {
  static const char* words[] = {"no readings",    "one reading",   "two readings",
                                "three readings", "four readings", "five readings"};
  return n >= 0 && n <= 5 ? words[n] : std::to_string(n) + " readings";
}

}  // namespace

BpSchedule bp_schedule(const SessionProtocol& p, Route route) {
  BpSchedule s;
  if (route == Route::intranasal_esketamine) {
    s.checkpoints_after_start_min = {p.esketamine_bp_checkpoint_min};
  } else {
    s.dosing_interval_min = route == Route::iv ? p.iv_dosing_bp_interval_min : p.observing_bp_interval_min;
    s.observing_interval_min = p.observing_bp_interval_min;
  }
  return s;
}

int minimum_observation_min(const SessionProtocol& p, Route route) {
  return route == Route::intranasal_esketamine ? p.esketamine_observation_min : p.other_observation_min;
}

bool pre_dose_bp_above_limit(const SessionProtocol& p, double systolic_mmhg, double diastolic_mmhg) {
  return systolic_mmhg > p.pre_dose_systolic_limit_mmhg || diastolic_mmhg > p.pre_dose_diastolic_limit_mmhg;
}

const std::vector<ProtocolField>& session_protocol_fields() {
  using P = SessionProtocol;
  static const std::vector<ProtocolField> fields = {
      {"pre_dose_systolic_limit_mmhg", &P::pre_dose_systolic_limit_mmhg, 90, 200, "Pre-dose systolic limit (mmHg)"},
      {"pre_dose_diastolic_limit_mmhg", &P::pre_dose_diastolic_limit_mmhg, 50, 130, "Pre-dose diastolic limit (mmHg)"},
      {"iv_dosing_bp_interval_min", &P::iv_dosing_bp_interval_min, 1, 60,
       "Blood pressure during an IV infusion, every (min)"},
      {"observing_bp_interval_min", &P::observing_bp_interval_min, 1, 120,
       "Blood pressure after the dose, every (min)"},
      {"esketamine_bp_checkpoint_min", &P::esketamine_bp_checkpoint_min, 5, 120,
       "Esketamine blood pressure check after the dose (min)"},
      {"esketamine_observation_min", &P::esketamine_observation_min, 120, 480, "Esketamine minimum observation (min)"},
      {"other_observation_min", &P::other_observation_min, 0, 480, "Other routes' minimum observation (min)"},
      {"aldrete_minimum", &P::aldrete_minimum, 8, 10, "Modified Aldrete score for discharge"},
      {"device_spacing_min", &P::device_spacing_min, 5, 30, "Esketamine devices at least (min) apart"},
      {"rems_due_days", &P::rems_due_days, 1, 7, "REMS form due within (days)"},
      {"readings_stale_s", &P::readings_stale_s, 10, 600, "Technical alarm after a silent monitor (s)"},
      {"escalate_high_after_s", &P::escalate_high_after_s, 30, 1800, "Escalate an unacknowledged high alarm after (s)"},
      {"spo2_low_below_pct", &P::spo2_low_below_pct, 80, 96, "SpO2 alarm below (%)"},
      {"bp_severe_systolic_mmhg", &P::bp_severe_systolic_mmhg, 150, 260, "Severe pressure alarm: systolic (mmHg)"},
      {"bp_severe_diastolic_mmhg", &P::bp_severe_diastolic_mmhg, 90, 160, "Severe pressure alarm: diastolic (mmHg)"},
      {"bp_high_systolic_mmhg", &P::bp_high_systolic_mmhg, 140, 240, "High pressure alarm: systolic (mmHg)"},
      {"bp_high_diastolic_mmhg", &P::bp_high_diastolic_mmhg, 80, 150, "High pressure alarm: diastolic (mmHg)"},
      {"bp_high_readings", &P::bp_high_readings, 1, 5, "High pressure alarm: on this many readings in a row"},
      {"hr_high_above_bpm", &P::hr_high_above_bpm, 90, 200, "Heart-rate alarm above (/min)"},
      {"hr_high_minutes", &P::hr_high_minutes, 0, 30, "Heart-rate alarm: sustained for (min)"},
  };
  return fields;
}

Status check_protocol(const SessionProtocol& p) {
  for (const auto& f : session_protocol_fields()) {
    const int v = p.*f.member;
    if (v < f.min || v > f.max)
      return Error::invalid(std::string(f.name), std::string(f.label) + " must be between " + std::to_string(f.min) +
                                                     " and " + std::to_string(f.max) + ".");
  }
  if (p.bp_severe_systolic_mmhg <= p.bp_high_systolic_mmhg)
    return Error::invalid("bp_severe_systolic_mmhg", "The severe systolic threshold must be above the high one.");
  if (p.bp_severe_diastolic_mmhg <= p.bp_high_diastolic_mmhg)
    return Error::invalid("bp_severe_diastolic_mmhg", "The severe diastolic threshold must be above the high one.");
  return Ok{};
}

std::vector<AlarmRule> alarm_rules(const SessionProtocol& p) {
  auto rules = default_alarm_rules();
  for (auto& r : rules) {
    auto set = [&](std::size_t limb, int value) { r.limbs.at(limb).enter_at = r.limbs.at(limb).clear_at = value; };
    auto relabel = [&](std::string text) { r.label = std::move(text); };
    if (r.code == "spo2_low") {
      set(0, p.spo2_low_below_pct);
      relabel("SpO2 below " + std::to_string(p.spo2_low_below_pct) + " %");
    } else if (r.code == "bp_severe") {
      set(0, p.bp_severe_systolic_mmhg);
      set(1, p.bp_severe_diastolic_mmhg);
      relabel("Blood pressure " + std::to_string(p.bp_severe_systolic_mmhg) + "/" +
              std::to_string(p.bp_severe_diastolic_mmhg) + " or more");
    } else if (r.code == "bp_high") {
      set(0, p.bp_high_systolic_mmhg);
      set(1, p.bp_high_diastolic_mmhg);
      r.confirm_readings = p.bp_high_readings;
      relabel("Blood pressure " + std::to_string(p.bp_high_systolic_mmhg) + "/" +
              std::to_string(p.bp_high_diastolic_mmhg) + " or more on " + readings_text(p.bp_high_readings));
    } else if (r.code == "hr_high") {
      set(0, p.hr_high_above_bpm);
      r.sustain_ms = static_cast<std::int64_t>(p.hr_high_minutes) * 60'000;
      relabel("Heart rate above " + std::to_string(p.hr_high_above_bpm) +
              (p.hr_high_minutes > 0 ? " for " + std::to_string(p.hr_high_minutes) + " minutes" : std::string()));
    }
  }
  return rules;
}

AlarmTiming alarm_timing(const SessionProtocol& p) {
  return {static_cast<std::int64_t>(p.readings_stale_s) * 1000,
          static_cast<std::int64_t>(p.escalate_high_after_s) * 1000};
}

}  // namespace kc
