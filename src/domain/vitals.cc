#include "domain/vitals.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace kc {
namespace {

struct SignInfo {
  VitalSign sign;
  std::string_view code, loinc, label;
  double max;  // beyond this the value cannot be a human reading (see check_reading)
};

// Upper bounds: SpO2 is a percentage and heart rate above 300/min is the issue's own
// example of an impossible value. The pressure and breathing bounds are far above
// any recorded human value; they only stop typing slips such as an extra digit.
constexpr std::array kSigns = {
    SignInfo{VitalSign::systolic_mmhg, "systolic_mmhg", "8480-6", "systolic pressure", 350},
    SignInfo{VitalSign::diastolic_mmhg, "diastolic_mmhg", "8462-4", "diastolic pressure", 250},
    SignInfo{VitalSign::heart_rate_bpm, "heart_rate_bpm", "8867-4", "heart rate", 300},
    SignInfo{VitalSign::spo2_pct, "spo2_pct", "59408-5", "SpO2", 100},
    SignInfo{VitalSign::respiratory_rate_per_min, "respiratory_rate_per_min", "9279-1", "respiratory rate", 100},
};

const SignInfo& info(VitalSign sign) {
  for (const auto& s : kSigns)
    if (s.sign == sign) return s;
  return kSigns[0];
}

bool in_alarm_range(const AlarmLimb& limb, double v) {
  if (limb.direction == Direction::above) return limb.inclusive ? v >= limb.enter_at : v > limb.enter_at;
  return limb.inclusive ? v <= limb.enter_at : v < limb.enter_at;
}
bool past_clear(const AlarmLimb& limb, double v) {
  return limb.direction == Direction::above ? v < limb.clear_at : v > limb.clear_at;
}

int priority_rank(Priority p) { return p == Priority::high ? 0 : p == Priority::medium ? 1 : 2; }

}  // namespace

std::string_view to_string(VitalSign sign) { return info(sign).code; }
std::string_view vital_loinc(VitalSign sign) { return info(sign).loinc; }

std::optional<double> value_of(const VitalReading& r, VitalSign sign) {
  switch (sign) {
    case VitalSign::systolic_mmhg:
      return r.systolic_mmhg;
    case VitalSign::diastolic_mmhg:
      return r.diastolic_mmhg;
    case VitalSign::heart_rate_bpm:
      return r.heart_rate_bpm;
    case VitalSign::spo2_pct:
      return r.spo2_pct;
    case VitalSign::respiratory_rate_per_min:
      return r.respiratory_rate_per_min;
  }
  return std::nullopt;
}

Status check_reading(const VitalReading& r) {
  bool any = false;
  for (const auto& s : kSigns) {
    auto v = value_of(r, s.sign);
    if (!v) continue;
    any = true;
    const std::string field(s.code);
    if (!std::isfinite(*v) || *v <= 0)
      return Error::invalid(field, "The " + std::string(s.label) + " must be a number above 0.", "impossible_value");
    if (*v > s.max)
      return Error::invalid(field,
                            "The " + std::string(s.label) + " cannot be above " + std::to_string(int(s.max)) + ".",
                            "impossible_value");
  }
  if (!any) return Error::invalid("reading", "A reading needs at least one value.", "empty_reading");
  if (r.systolic_mmhg.has_value() != r.diastolic_mmhg.has_value())
    return Error::invalid(r.systolic_mmhg ? "diastolic_mmhg" : "systolic_mmhg",
                          "Blood pressure needs both the systolic and the diastolic value.");
  if (r.systolic_mmhg && *r.diastolic_mmhg >= *r.systolic_mmhg)
    return Error::invalid("diastolic_mmhg", "The diastolic pressure must be below the systolic.", "impossible_value");
  return Ok{};
}

std::string_view to_string(Priority p) {
  switch (p) {
    case Priority::high:
      return "high";
    case Priority::medium:
      return "medium";
    case Priority::low:
      return "low";
  }
  return "high";
}

std::string_view to_string(AlarmState s) {
  switch (s) {
    case AlarmState::raised:
      return "raised";
    case AlarmState::acknowledged:
      return "acknowledged";
    case AlarmState::cleared:
      return "cleared";
  }
  return "raised";
}

std::string_view to_string(AlarmEventKind k) {
  switch (k) {
    case AlarmEventKind::raised:
      return "raised";
    case AlarmEventKind::acknowledged:
      return "acknowledged";
    case AlarmEventKind::condition_cleared:
      return "condition_cleared";
    case AlarmEventKind::cleared:
      return "cleared";
    case AlarmEventKind::escalated:
      return "escalated";
  }
  return "raised";
}

Status check_rule(const AlarmRule& rule) {
  if (rule.code.empty()) return Error::invalid("code", "An alarm rule needs a code.");
  if (rule.limbs.empty()) return Error::invalid("limbs", "An alarm rule needs at least one vital sign.");
  for (std::size_t i = 0; i < rule.limbs.size(); ++i) {
    const auto& l = rule.limbs[i];
    const std::string at = "limbs[" + std::to_string(i) + "].";
    if (!std::isfinite(l.enter_at) || !std::isfinite(l.clear_at))
      return Error::invalid(at + "enter_at", "Thresholds must be numbers.");
    if (l.direction == Direction::above ? l.clear_at > l.enter_at : l.clear_at < l.enter_at)
      return Error::invalid(at + "clear_at",
                            "The value that clears an alarm must lie on the normal side of the threshold.");
  }
  if (rule.confirm_readings < 1)
    return Error::invalid("confirm_readings", "An alarm needs at least one reading to confirm it.");
  if (rule.sustain_ms < 0) return Error::invalid("sustain_seconds", "The sustained time cannot be negative.");
  return Ok{};
}

AlarmEngine::AlarmEngine(std::vector<AlarmRule> rules, AlarmTiming timing)
    : rules_(std::move(rules)), states_(rules_.size()), timing_(timing) {}

Alarm* AlarmEngine::find(int id) {
  if (id <= 0 || id > static_cast<int>(alarms_.size())) return nullptr;
  return &alarms_[static_cast<std::size_t>(id - 1)];
}

AlarmEvent AlarmEngine::event(AlarmEventKind kind, const Alarm& a, std::int64_t at_ms) const {
  return {kind, a.id, a.rule_code, a.priority, at_ms};
}

int AlarmEngine::raise(const std::string& code, Priority priority, std::int64_t at_ms, std::optional<double> value) {
  Alarm a;
  a.id = static_cast<int>(alarms_.size()) + 1;
  a.rule_code = code;
  a.priority = priority;
  a.raised_ms = at_ms;
  a.first_value = value;
  alarms_.push_back(a);
  return a.id;
}

void AlarmEngine::resolve(int alarm_id, std::int64_t at_ms, std::vector<AlarmEvent>& events) {
  Alarm* a = find(alarm_id);
  if (!a || !a->condition_active) return;
  a->condition_active = false;
  if (a->state == AlarmState::acknowledged) {
    a->state = AlarmState::cleared;
    a->cleared_ms = at_ms;
    events.push_back(event(AlarmEventKind::cleared, *a, at_ms));
  } else {
    events.push_back(event(AlarmEventKind::condition_cleared, *a, at_ms));
  }
}

std::vector<AlarmEvent> AlarmEngine::on_reading(const VitalReading& reading) {
  std::vector<AlarmEvent> events;
  last_reading_ms_ = std::max(last_reading_ms_, reading.at_ms);
  if (technical_alarm_) {
    resolve(technical_alarm_, reading.at_ms, events);
    technical_alarm_ = 0;
  }
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    const AlarmRule& rule = rules_[i];
    RuleState& st = states_[i];
    bool relevant = false, entering = false, all_clear = true;
    std::optional<double> first_in_range;
    for (const auto& limb : rule.limbs) {
      auto v = value_of(reading, limb.sign);
      if (!v) continue;
      relevant = true;
      if (in_alarm_range(limb, *v)) {
        entering = true;
        if (!first_in_range) first_in_range = *v;
      }
      if (!past_clear(limb, *v)) all_clear = false;
    }
    if (!relevant) continue;  // this reading says nothing about the rule's signs
    if (st.open_alarm) {
      // Hysteresis: an open episode ends only when every sign read is past its clear value.
      if (all_clear) {
        resolve(st.open_alarm, reading.at_ms, events);
        st = RuleState{};
      }
      continue;
    }
    if (!entering) {
      st = RuleState{};
      continue;
    }
    if (st.consecutive == 0) st.in_range_since = reading.at_ms;
    ++st.consecutive;
    const bool confirmed = st.consecutive >= rule.confirm_readings &&
                           (rule.sustain_ms == 0 || reading.at_ms - st.in_range_since >= rule.sustain_ms);
    if (confirmed) {
      st.open_alarm = raise(rule.code, rule.priority, reading.at_ms, first_in_range);
      events.push_back(event(AlarmEventKind::raised, *find(st.open_alarm), reading.at_ms));
    }
  }
  return events;
}

std::vector<AlarmEvent> AlarmEngine::on_tick(std::int64_t now_ms, bool dosing) {
  std::vector<AlarmEvent> events;
  if (dosing && timing_.readings_stale_ms > 0) {
    if (last_reading_ms_ < 0) last_reading_ms_ = now_ms;  // dosing began with no reading yet: count from now
    if (!technical_alarm_ && now_ms - last_reading_ms_ >= timing_.readings_stale_ms) {
      technical_alarm_ = raise(std::string(kReadingsStoppedCode), Priority::high, now_ms, std::nullopt);
      events.push_back(event(AlarmEventKind::raised, *find(technical_alarm_), now_ms));
    }
  }
  if (timing_.escalate_high_after_ms > 0) {
    for (auto& a : alarms_) {
      if (a.state != AlarmState::raised || a.priority != Priority::high || a.escalated) continue;
      if (now_ms - a.raised_ms < timing_.escalate_high_after_ms) continue;
      a.escalated = true;
      a.escalated_ms = now_ms;
      events.push_back(event(AlarmEventKind::escalated, a, now_ms));
    }
  }
  return events;
}

Result<std::vector<AlarmEvent>> AlarmEngine::acknowledge(int alarm_id, std::int64_t now_ms) {
  Alarm* a = find(alarm_id);
  if (!a) return Error::not_found("There is no such alarm in this session.");
  if (a->state != AlarmState::raised)
    return Error::conflict("alarm_already_acknowledged", "This alarm was already acknowledged.");
  std::vector<AlarmEvent> events;
  a->state = AlarmState::acknowledged;
  a->acknowledged_ms = now_ms;
  events.push_back(event(AlarmEventKind::acknowledged, *a, now_ms));
  if (!a->condition_active) {
    a->state = AlarmState::cleared;
    a->cleared_ms = now_ms;
    events.push_back(event(AlarmEventKind::cleared, *a, now_ms));
  }
  return events;
}

std::vector<Alarm> AlarmEngine::open_alarms() const {
  std::vector<Alarm> open;
  for (const auto& a : alarms_)
    if (a.state != AlarmState::cleared) open.push_back(a);
  std::stable_sort(open.begin(), open.end(), [](const Alarm& x, const Alarm& y) {
    return priority_rank(x.priority) < priority_rank(y.priority);
  });
  return open;
}

}  // namespace kc

namespace kc {

std::vector<AlarmRule> default_alarm_rules() {
  auto rule = [](std::string code, std::string label, std::vector<AlarmLimb> limbs, Priority priority, int readings,
                 std::int64_t sustain_ms) {
    AlarmRule r;
    r.code = std::move(code);
    r.label = std::move(label);
    r.limbs = std::move(limbs);
    r.priority = priority;
    r.confirm_readings = readings;
    r.sustain_ms = sustain_ms;
    return r;
  };
  return {
      rule("spo2_low", "SpO2 below 92 %", {{VitalSign::spo2_pct, Direction::below, 92, 92, false}}, Priority::high, 1,
           0),
      rule("bp_severe", "Blood pressure 200/120 or more",
           {{VitalSign::systolic_mmhg, Direction::above, 200, 200},
            {VitalSign::diastolic_mmhg, Direction::above, 120, 120}},
           Priority::high, 1, 0),
      rule("bp_high", "Blood pressure 180/110 or more on two readings",
           {{VitalSign::systolic_mmhg, Direction::above, 180, 180},
            {VitalSign::diastolic_mmhg, Direction::above, 110, 110}},
           Priority::medium, 2, 0),
      rule("hr_high", "Heart rate above 120 for 5 minutes",
           {{VitalSign::heart_rate_bpm, Direction::above, 120, 120, false}}, Priority::medium, 1, 5 * 60'000),
  };
}

std::string alarm_label(const std::vector<AlarmRule>& rules, std::string_view code) {
  for (const auto& r : rules)
    if (r.code == code) return r.label;
  if (code == kReadingsStoppedCode) return "Readings stopped while dosing";
  return std::string(code);
}

}  // namespace kc
