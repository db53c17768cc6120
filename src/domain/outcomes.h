// Outcomes over time: for one patient and one instrument, when response and
// remission were first reached, relapse after response (a clinic-set rule) and how
// long the response lasted; for a group of patients, the share of responders or
// remitters with its 95 % confidence interval, and the median time to response.
//
// Response and remission use the same rules as outcome_of (domain/measurement.h):
// response is a fall of at least half the baseline's distance from the scale's
// minimum; remission is a total at or below the instrument's remission limit.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/instruments.h"
#include "domain/measurement.h"

namespace kc {

/// Relapse after a response (a clinic setting): the total rises back above the
/// response threshold on this many consecutive checks.
struct RelapseRule {
  int consecutive_checks = 2;
};

struct Trajectory {
  std::optional<ScoredPoint> baseline;
  std::optional<std::int64_t> response_ms;   // the first check that met the response rule
  std::optional<std::int64_t> remission_ms;  // the first check at or below the remission limit
  std::optional<std::int64_t> relapse_ms;    // the first of the consecutive checks that ended the response
  /// Whole days from `start_ms` (the first dosing session, or the baseline) to response.
  std::optional<int> days_to_response;
  /// Whole days the response lasted: to relapse, or (censored) to the last check.
  std::optional<int> durability_days;
  bool durability_censored = false;  // no relapse seen: the response lasted at least this long
};

/// The trajectory of a series (oldest first; the first point is the baseline).
/// `start_ms`: when treatment began (the first dosing session); the baseline when unset.
Trajectory trajectory_of(const Instrument& instrument, const std::vector<ScoredPoint>& series, const RelapseRule& rule,
                         std::optional<std::int64_t> start_ms = std::nullopt);

/// The highest total that is a response from `baseline` (a fall of at least half the
/// distance to the scale's minimum); none where the instrument has no response rule.
std::optional<int> response_threshold(const Instrument& instrument, int baseline);

/// Where a patient stands on one instrument, for the progress view: baseline_only
/// (one point), relapsed (a relapse under the clinic's rule and the latest check not
/// a response), remission (the latest check), response (the latest check, or a
/// response not yet ended by a relapse), else no_response.
std::string_view progress_status(const std::vector<ScoredPoint>& points, const InstrumentOutcome& outcome,
                                 const Trajectory& trajectory);

/// A share of a group with its 95 % confidence interval: the Wilson score interval
/// (Wilson 1927), which stays within 0-1 and behaves at small N and at 0 % or 100 %
/// (Newcombe 1998 recommends it over the simple normal interval).
struct Proportion {
  int count = 0, total = 0;
  double rate = 0;  // count / total; 0 when total is 0
  double lower = 0, upper = 0;
};
Proportion proportion(int count, int total);

/// The median of the values (the mean of the middle two for an even count); none when empty.
std::optional<double> median(std::vector<double> values);

}  // namespace kc
