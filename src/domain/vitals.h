// Vital-sign readings and the alarm rules of a monitored session.
//
// A reading holds any of blood pressure, heart rate, SpO2 and respiratory rate at
// one time, with its source (hand entry or a device gateway). `check_reading`
// refuses values that cannot be real, naming the field.
//
// Alarms follow the clinic's protocol: each rule has limbs (a sign, the threshold
// that enters the alarm condition and the value that clears it again: hysteresis),
// a persistence (confirmed on N consecutive readings, or sustained for N seconds),
// and a priority. One episode is one alarm however many readings stay out of range.
// An alarm is raised, then acknowledged, then cleared; a condition that resolves
// before anyone acknowledged it leaves the alarm raised (so nothing disappears
// unseen) until it is acknowledged. A technical alarm is raised when readings stop
// arriving while dosing. An unacknowledged high-priority alarm escalates once,
// after a set time.
//
// Pure: time comes in with every call; the engine keeps one session's state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace kc {

enum class VitalSign { systolic_mmhg, diastolic_mmhg, heart_rate_bpm, spo2_pct, respiratory_rate_per_min };
std::string_view to_string(VitalSign sign);
/// LOINC code of the sign (clinical reference §7).
std::string_view vital_loinc(VitalSign sign);

struct VitalReading {
  std::int64_t at_ms = 0;
  std::optional<double> systolic_mmhg, diastolic_mmhg, heart_rate_bpm, spo2_pct, respiratory_rate_per_min;
  std::string source;  // "manual" or a device gateway's name
};

std::optional<double> value_of(const VitalReading& reading, VitalSign sign);

/// Refuses a reading with no value, or one that cannot be real: SpO2 above 100 %,
/// a heart rate of 0 or above 300, a diastolic pressure at or above the systolic,
/// any value that is not a positive finite number, or beyond the bounds in vitals.cc.
/// The error names the field (e.g. "spo2_pct").
Status check_reading(const VitalReading& reading);

enum class Direction { above, below };
enum class Priority { high, medium, low };
std::string_view to_string(Priority priority);

/// One sign of a rule: the condition is entered at `enter_at` (above: value >=
/// enter_at, or > when not inclusive; below: value <= enter_at, or <) and left only
/// past `clear_at` (above: value < clear_at; below: value > clear_at).
/// "SpO2 below 92 %" is {spo2_pct, below, 92, clear_at, inclusive = false}.
struct AlarmLimb {
  VitalSign sign = VitalSign::spo2_pct;
  Direction direction = Direction::below;
  double enter_at = 0;
  double clear_at = 0;
  bool inclusive = true;
};

struct AlarmRule {
  std::string code;  // stable, e.g. "spo2_low", "bp_severe"
  std::string label;
  std::vector<AlarmLimb> limbs;  // the condition holds while any limb is in its alarm range
  Priority priority = Priority::high;
  int confirm_readings = 1;     // in range on this many consecutive readings of the sign(s)
  std::int64_t sustain_ms = 0;  // and (if > 0) continuously in range for this long
};

/// A rule that cannot work: no code or limbs, a clear value on the wrong side of
/// the threshold, a persistence below one reading or a negative time.
Status check_rule(const AlarmRule& rule);

struct AlarmTiming {
  std::int64_t readings_stale_ms = 0;       // technical alarm while dosing; 0: off
  std::int64_t escalate_high_after_ms = 0;  // unacknowledged high priority escalates; 0: off
};

/// The code of the technical alarm raised when readings stop arriving while dosing.
inline constexpr std::string_view kReadingsStoppedCode = "readings_stopped";

enum class AlarmState { raised, acknowledged, cleared };
std::string_view to_string(AlarmState state);

struct Alarm {
  int id = 0;  // 1, 2, ... within the session
  std::string rule_code;
  Priority priority = Priority::high;
  AlarmState state = AlarmState::raised;
  bool condition_active = true;  // false once the values are back past the clear limit
  bool escalated = false;
  std::int64_t raised_ms = 0, acknowledged_ms = 0, cleared_ms = 0, escalated_ms = 0;
  std::optional<double> first_value;  // the value of the first limb in range when raised
};

enum class AlarmEventKind { raised, acknowledged, condition_cleared, cleared, escalated };
std::string_view to_string(AlarmEventKind kind);

struct AlarmEvent {
  AlarmEventKind kind;
  int alarm_id = 0;
  std::string rule_code;
  Priority priority = Priority::high;
  std::int64_t at_ms = 0;
};

class AlarmEngine {
 public:
  AlarmEngine(std::vector<AlarmRule> rules, AlarmTiming timing);

  /// Evaluates a (checked) reading against every rule; readings must come in time order.
  std::vector<AlarmEvent> on_reading(const VitalReading& reading);
  /// Time passing: the technical alarm (only while `dosing`) and escalation.
  std::vector<AlarmEvent> on_tick(std::int64_t now_ms, bool dosing);
  /// Acknowledges an open alarm; one whose condition has resolved is cleared at once.
  Result<std::vector<AlarmEvent>> acknowledge(int alarm_id, std::int64_t now_ms);

  const std::vector<Alarm>& alarms() const { return alarms_; }
  /// Alarms not yet cleared, highest priority first, then oldest.
  std::vector<Alarm> open_alarms() const;

 private:
  struct RuleState {
    int consecutive = 0;  // consecutive readings in range
    std::int64_t in_range_since = 0;
    int open_alarm = 0;  // id of the rule's current episode, 0: none
  };
  Alarm* find(int id);
  AlarmEvent event(AlarmEventKind kind, const Alarm& alarm, std::int64_t at_ms) const;
  int raise(const std::string& code, Priority priority, std::int64_t at_ms, std::optional<double> value);
  void resolve(int alarm_id, std::int64_t at_ms, std::vector<AlarmEvent>& events);

  std::vector<AlarmRule> rules_;
  std::vector<RuleState> states_;
  AlarmTiming timing_;
  std::vector<Alarm> alarms_;
  std::int64_t last_reading_ms_ = -1;
  int technical_alarm_ = 0;
};

}  // namespace kc

namespace kc {

/// The alarm rules a clinic starts with, before its medical director sets its own
/// (docs/clinical-defaults.md, "Session alarms"):
///   spo2_low     SpO2 below 92 %, on one reading (clinical reference §3: Spravato
///                REMS and Aldrete); high priority.
///   bp_severe    systolic >= 200 or diastolic >= 120 on one reading;
///   bp_high      systolic >= 180 or diastolic >= 110 on two readings in a row;
///   hr_high      heart rate above 120 sustained for 5 minutes.
///   The three last are one academic clinic's protocol quoted by the reference (§3)
///   as an example, not a guideline. Priorities (high, high, medium, medium) and the
///   clear values (no hysteresis: the same number) are KetaClinic starting values.
std::vector<AlarmRule> default_alarm_rules();

/// The label people see for an alarm of `code`: its rule's, or the technical alarm's.
std::string alarm_label(const std::vector<AlarmRule>& rules, std::string_view code);

}  // namespace kc
