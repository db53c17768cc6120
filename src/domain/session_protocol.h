// The clinic protocol of the monitored session: the numbers the session's rules
// work with, each a setting of the clinic with the starting value documented in
// docs/clinical-defaults.md ("The monitored session").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/recovery.h"
#include "domain/result.h"
#include "domain/route.h"
#include "domain/vitals.h"

namespace kc {

struct SessionProtocol {
  /// Pre-dose blood pressure above which a decision must be recorded (Spravato
  /// label, clinical reference §3: above 140/90).
  int pre_dose_systolic_limit_mmhg = 140;
  int pre_dose_diastolic_limit_mmhg = 90;
  /// Blood pressure during an IV infusion every 10 min, after it every 15 min
  /// (Emory 2018; Yale 2024). Esketamine: before, about 40 min after the dose
  /// (label), then as warranted.
  int iv_dosing_bp_interval_min = 10;
  int observing_bp_interval_min = 15;
  int esketamine_bp_checkpoint_min = 40;
  /// Minimum observation after the dose ends: esketamine at least 2 h (label); other
  /// routes until the discharge criteria are met (0).
  int esketamine_observation_min = 120;
  int other_observation_min = 0;
  /// Discharge at a modified Aldrete score of 9 or more (Aldrete 1995).
  int aldrete_minimum = 9;
  /// Esketamine devices 5 minutes apart (label).
  int device_spacing_min = 5;
  /// The REMS Patient Monitoring Form is due within 7 days of the session (REMS).
  int rems_due_days = 7;
  /// KetaClinic starting values, no published source (the medical director sets them):
  /// the technical alarm when a device stops sending while dosing, and the time after
  /// which an unacknowledged high-priority alarm escalates to the prescribers.
  int readings_stale_s = 60;
  int escalate_high_after_s = 120;
  /// The alarm rules' thresholds (default_alarm_rules() in vitals.h gives their sources).
  int spo2_low_below_pct = 92;
  int bp_severe_systolic_mmhg = 200, bp_severe_diastolic_mmhg = 120;
  int bp_high_systolic_mmhg = 180, bp_high_diastolic_mmhg = 110, bp_high_readings = 2;
  int hr_high_above_bpm = 120, hr_high_minutes = 5;
};

/// One setting of the protocol: its API and column name, its bounds, for people a label.
struct ProtocolField {
  std::string_view name;
  int SessionProtocol::*member;
  int min, max;
  std::string_view label;
};
const std::vector<ProtocolField>& session_protocol_fields();

/// Every field within its bounds, and the thresholds in a sensible order (the severe
/// pressure above the high one); the error names the field.
Status check_protocol(const SessionProtocol& protocol);

/// The clinic's alarm rules: default_alarm_rules() with the protocol's thresholds.
std::vector<AlarmRule> alarm_rules(const SessionProtocol& protocol);

/// The protocol's blood-pressure schedule for a route.
BpSchedule bp_schedule(const SessionProtocol& protocol, Route route);

/// The minimum observation after the dose, in minutes, for a route.
int minimum_observation_min(const SessionProtocol& protocol, Route route);

/// True when the pre-dose pressure is above the protocol's limit (either number).
bool pre_dose_bp_above_limit(const SessionProtocol& protocol, double systolic_mmhg, double diastolic_mmhg);

AlarmTiming alarm_timing(const SessionProtocol& protocol);

}  // namespace kc
