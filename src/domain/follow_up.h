// Follow-up and long-term safety (clinical reference §5): the clinic's follow-up
// settings, relapse confirmed by a new check, the urinary screen, liver tests due,
// cumulative exposure against the clinic's limits, and the tolerance signal (rising
// doses). docs/clinical-defaults.md, "Follow-up and long-term safety", gives the
// source of every starting value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dose.h"
#include "domain/instruments.h"
#include "domain/measurement.h"
#include "domain/outcomes.h"
#include "domain/result.h"
#include "domain/time.h"

namespace kc {

/// The clinic's follow-up and safety settings. Limits that no source gives are unset
/// until the medical director sets them (no standard exists for cumulative exposure, §5).
struct OutcomeSettings {
  int follow_up_interval_days = 28;  // the measurement schedule's `monthly` rule
  std::vector<std::string> follow_up_instruments = {"phq9", "urinary"};
  int relapse_consecutive_checks = 2;  // the product brief's example rule
  int induction_days = 28;             // the longest induction of the plan templates (4 weeks)
  std::optional<int> max_sessions_per_30_days;
  std::optional<std::int64_t> max_ug_per_kg_per_30_days;  // µg/kg
  std::optional<int> liver_test_interval_days;
  int tolerance_rising_doses = 3;
};

/// The bounds of each numeric setting (inclusive), for the form and the checks.
struct OutcomeBound {
  std::string_view field;
  std::int64_t min, max;
};
std::vector<OutcomeBound> outcome_bounds();  // max_mg_per_kg_per_30_days in µg/kg

/// Errors name the field: "follow_up_interval_days", "follow_up_instruments", ...
Result<bool> check_outcome_settings(const OutcomeSettings& s);

// --- Relapse and the urinary screen -------------------------------------------------

/// Whether the newest point of `series` (oldest first, the first is the baseline)
/// completes a relapse under `rule`: only the check that confirms it, so a task is
/// raised once per relapse.
bool relapse_confirmed_by_latest(const Instrument& instrument, const std::vector<ScoredPoint>& series,
                                 const RelapseRule& rule);

/// A positive urinary-symptom screen: any symptom (docs/clinical-defaults.md).
inline bool urinary_screen_positive(int total) { return total >= 1; }

// --- Liver tests ----------------------------------------------------------------------

struct LiverDue {
  std::optional<Date> due_on;  // none: no interval set, or no test and no session yet
  bool overdue = false;
  bool never_tested = false;  // treated, an interval is set, and no liver test is on record
};
/// `last_test`: the latest liver test's date; `first_session`: the first dosing session's day.
LiverDue liver_due(std::optional<Date> last_test, std::optional<int> interval_days, std::optional<Date> first_session,
                   const Date& today);

// --- Exposure and tolerance -------------------------------------------------------------

struct ExposureWarning {
  std::string code;  // "sessions_over_limit" | "mg_per_kg_over_limit"
  std::string message;
};
/// The 30-day exposure against the clinic's limits: a warning when a limit is set and reached
/// or passed (at the limit, one more session would pass it).
std::vector<ExposureWarning> exposure_warnings(const Exposure& e, const OutcomeSettings& s);

struct GivenDose {
  std::int64_t at_ms = 0;
  std::string route;
  std::optional<std::int64_t> ug_per_kg;  // none: no weight with the dose
};
/// The tolerance signal: the last `n` doses of the newest dose's route (with a weight),
/// each higher in mg/kg than the one before. Doses oldest first.
bool tolerance_signal(const std::vector<GivenDose>& doses, int n);

// --- Indications ------------------------------------------------------------------------

/// The indication groups of the dashboards, from ICD-10-CM codes (clinical reference §7):
/// depression (F32, F33), bipolar_depression (F31), ptsd (F43.1), anxiety (F41.1),
/// ocd (F42), chronic_pain (G90.5, M79.7), other.
std::string_view indication_group(std::string_view icd10);
std::string_view indication_group_label(std::string_view group);
const std::vector<std::string_view>& indication_groups();

// --- De-identification ----------------------------------------------------------------

/// Ages above 89 are given as 90 (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)(C)).
inline int capped_age(int years) { return years > 89 ? 90 : years; }

}  // namespace kc
