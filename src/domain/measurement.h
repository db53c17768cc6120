// What measurements mean for a patient: results against baseline (change, response,
// remission), suicide-risk signals that must reach a clinician, and the schedule
// rules that say which questionnaires are due and which are overdue.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/instruments.h"
#include "domain/result.h"
#include "domain/time.h"

namespace kc {

// --- Results -------------------------------------------------------------------

struct ScoredPoint {
  std::int64_t at_ms = 0;  // when the response was submitted
  int total = 0;
};

struct InstrumentOutcome {
  std::optional<ScoredPoint> baseline;  // the first scored response
  std::optional<ScoredPoint> latest;
  int change = 0;  // latest - baseline (negative: better)
  std::optional<double>
      percent_change;      // (latest - baseline) / (baseline - min_total) * 100; none when baseline is the minimum
  bool response = false;   // response_applies and percent_change <= -50
  bool remission = false;  // remission_at_most set and latest <= it (needs a latest)
  bool meaningful_change = false;  // meaningful_change_points set and change <= -points
  std::string latest_band;
};

/// The outcome of a series of scored responses, oldest first. Response and remission
/// need at least two points (a baseline and a later one): the first response alone
/// is a baseline, never a response.
InstrumentOutcome outcome_of(const Instrument& instrument, const std::vector<ScoredPoint>& series);

// --- Suicide-risk signals -----------------------------------------------------

// The measurement settings a clinic starts with (docs/clinical-defaults.md, "Starting
// values"). They are KetaClinic starting values, not published numbers: the medical
// director sets them for the clinic.
inline constexpr int kDefaultLinkLifetimeHours = 72;  // how long a patient's link works
inline constexpr int kDefaultEscalationMinutes = 60;  // until an unacknowledged risk task escalates
/// Generic crisis text, until the clinic gives its own with local numbers.
inline constexpr std::string_view kDefaultCrisisMessage =
    "If you are thinking about ending your life or harming yourself, or you are in danger now, call your local "
    "emergency number or go to the nearest emergency department now. Tell someone you trust how you feel.";

struct RiskSettings {
  /// A PHQ-9 total this many points above the previous PHQ-9 raises a signal.
  int phq9_rise_points = 5;
  /// The C-SSRS risk level (0 none, 1 low, 2 moderate, 3 high) from which a signal is raised.
  int cssrs_min_level = 1;
};

struct RiskSignal {
  std::string code;    // "phq9_item9" | "cssrs_risk" | "phq9_rise"
  std::string reason;  // for the clinician: what was answered, in plain words
};

/// The signals a submitted response raises. `previous_total` is the patient's
/// previous scored total of the same instrument, if any.
std::vector<RiskSignal> risk_signals(const Instrument& instrument, const std::map<std::string, int>& answers, int total,
                                     std::optional<int> previous_total, const RiskSettings& settings);

// --- Schedules ------------------------------------------------------------------

enum class ScheduleRule {
  baseline,        // once, due on the start date, until one is done (at any time)
  before_session,  // due on the day of each dosing session on or after the start date
  weekly,          // every 7 days from the start date (to the end date, if any)
  monthly,         // every 28 days from the start date (to the end date, if any)
  follow_up,       // every `interval_days` from the start date (clinic-set)
};

std::string_view to_string(ScheduleRule rule);
std::optional<ScheduleRule> parse_schedule_rule(std::string_view text);

struct ScheduleEntry {
  std::string instrument;  // instrument code
  ScheduleRule rule = ScheduleRule::baseline;
  Date start;
  std::optional<Date> end;  // inclusive; none: open-ended
  int interval_days = 0;    // follow_up only (1–365)
};

/// Validates an entry: a known instrument, an end not before the start, an interval
/// for follow_up. Errors name the field ("instrument", "end", "interval_days").
Result<bool> check_schedule_entry(const ScheduleEntry& entry);

struct CompletedOn {
  std::string instrument;
  Date on;
};

struct DueItem {
  std::string instrument;
  ScheduleRule rule = ScheduleRule::baseline;
  Date due_on;
  bool overdue = false;  // today is after due_on and it is still not done
  int missed = 0;        // earlier occurrences of this rule that were never done
};

/// What is due today or overdue, one item per schedule entry: its most recent
/// occurrence on or before today, when that is not done. An occurrence due on D is
/// done by a completed response of the instrument on a day in [D, next occurrence);
/// a baseline by one on any day; a before_session occurrence by one after the
/// previous session day and up to D. Earlier occurrences that were never done are
/// counted in `missed`. Sorted by due date, then instrument.
std::vector<DueItem> due_items(const std::vector<ScheduleEntry>& schedule, const std::vector<Date>& session_days,
                               const std::vector<CompletedOn>& completed, const Date& today);

}  // namespace kc
