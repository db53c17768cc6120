// The clinic dashboard's arithmetic, over plain facts the store reads: sessions per
// week, responders and remitters after induction with their 95 % intervals, median
// time to response, adverse events per 100 sessions, the severe-hypertension rate,
// minutes to discharge after the minimum observation, and alarms per session.
// Days are UTC calendar days. docs/api.md, "Clinic dashboard", defines each figure.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/instruments.h"
#include "domain/outcomes.h"
#include "domain/time.h"

namespace kc {

/// What the severe-hypertension rate is shown beside: "severe hypertension in ~1 % of
/// sessions, mostly the first three" (clinical reference §3: Yale 2024; Szarmach 2020).
inline constexpr std::string_view kSevereHypertensionReference =
    "about 1 % of sessions (Yale 2024; clinical reference §3)";

struct DashboardFilter {
  Date from, to;                          // inclusive
  std::optional<std::string> route;       // a dose route code
  std::optional<std::string> indication;  // an indication group
  std::string instrument = "phq9";
};

struct CohortPatient {
  std::string id;
  std::vector<std::string> indication_groups;  // of the latest plan; empty: none
};
/// A session whose dose started.
struct CohortSession {
  std::string id, patient_id, route;
  std::int64_t dose_started_ms = 0, dose_ended_ms = 0, discharged_ms = 0;
  bool overridden = false;
  int minimum_observation_min = 0;
};
struct CohortEffect {
  std::string session_id, kind;
  bool serious = false;
};
struct CohortAlarm {
  std::string session_id, rule_code;
};
/// A scored response of the dashboard's instrument (amendments already applied).
struct CohortScore {
  std::string patient_id;
  std::int64_t at_ms = 0;
  int total = 0;
};

struct DashboardFacts {
  std::vector<CohortPatient> patients;
  std::vector<CohortSession> sessions;  // every dosed session of the clinic up to the range's end
  std::vector<CohortEffect> effects;
  std::vector<CohortAlarm> alarms;
  std::vector<CohortScore> scores;
};

struct OutcomeGroup {
  std::string by, key;  // by: "all" | "route" | "indication"
  int started = 0;      // patients whose first session is in the range
  int assessed = 0;     // with a baseline and a check within the induction window
  Proportion responders, remitters;
  std::optional<double> median_days_to_response;
};

struct Dashboard {
  int active_patients = 0;
  int sessions = 0;
  std::vector<std::pair<Date, int>> sessions_per_week;  // Monday of each week, zero-filled
  std::vector<OutcomeGroup> groups;
  int adverse_events = 0, serious_adverse_events = 0;
  std::map<std::string, int> effects_by_kind;
  Proportion severe_hypertension;  // sessions with a "bp_severe" alarm
  int discharged = 0, overrides = 0;
  std::optional<double> median_minutes_after_minimum, p90_minutes_after_minimum;
  int alarms = 0;
  std::map<std::string, int> alarms_by_rule;
};

/// Monday of the ISO week of `d`.
Date week_start(const Date& d);

/// The nearest-rank percentile (p in (0, 1]) of the values; none when empty.
std::optional<double> percentile(std::vector<double> values, double p);

Dashboard compute_dashboard(const DashboardFacts& facts, const DashboardFilter& filter, const Instrument& instrument,
                            int induction_days, const RelapseRule& rule);

}  // namespace kc
