#include "domain/follow_up.h"

#include <algorithm>
#include <set>

namespace kc {

std::vector<OutcomeBound> outcome_bounds() {
  return {{"follow_up_interval_days", 1, 365},
          {"relapse_consecutive_checks", 1, 10},
          {"induction_days", 7, 180},
          {"max_sessions_per_30_days", 1, 31},
          {"max_mg_per_kg_per_30_days", 1, 100'000},
          {"liver_test_interval_days", 7, 730},
          {"tolerance_rising_doses", 2, 10}};
}

namespace {

Result<bool> within(std::string_view field, std::int64_t value) {
  for (const auto& b : outcome_bounds())
    if (b.field == field && (value < b.min || value > b.max)) {
      if (field == "max_mg_per_kg_per_30_days")
        return Error::invalid(std::string(field), "The 30-day mg/kg limit must be above 0 and at most 100.");
      return Error::invalid(std::string(field),
                            "Must be between " + std::to_string(b.min) + " and " + std::to_string(b.max) + ".");
    }
  return true;
}

}  // namespace

Result<bool> check_outcome_settings(const OutcomeSettings& s) {
  for (auto [field, value] :
       {std::pair<std::string_view, std::int64_t>{"follow_up_interval_days", s.follow_up_interval_days},
        {"relapse_consecutive_checks", s.relapse_consecutive_checks},
        {"induction_days", s.induction_days},
        {"tolerance_rising_doses", s.tolerance_rising_doses}})
    if (auto r = within(field, value); !r) return r;
  if (s.max_sessions_per_30_days)
    if (auto r = within("max_sessions_per_30_days", *s.max_sessions_per_30_days); !r) return r;
  if (s.max_ug_per_kg_per_30_days)
    if (auto r = within("max_mg_per_kg_per_30_days", *s.max_ug_per_kg_per_30_days); !r) return r;
  if (s.liver_test_interval_days)
    if (auto r = within("liver_test_interval_days", *s.liver_test_interval_days); !r) return r;
  if (s.follow_up_instruments.empty() || s.follow_up_instruments.size() > 10)
    return Error::invalid("follow_up_instruments", "Choose between 1 and 10 questionnaires for a follow-up check.");
  std::set<std::string> seen;
  for (const auto& code : s.follow_up_instruments) {
    if (!find_instrument(code))
      return Error::invalid("follow_up_instruments", "There is no questionnaire \"" + code + "\".",
                            "unknown_instrument");
    if (!seen.insert(code).second) return Error::invalid("follow_up_instruments", "\"" + code + "\" is listed twice.");
  }
  return true;
}

bool relapse_confirmed_by_latest(const Instrument& instrument, const std::vector<ScoredPoint>& series,
                                 const RelapseRule& rule) {
  if (series.size() < 2) return false;
  const auto now = trajectory_of(instrument, series, rule);
  if (!now.relapse_ms) return false;
  const std::vector<ScoredPoint> before(series.begin(), series.end() - 1);
  return !trajectory_of(instrument, before, rule).relapse_ms;
}

LiverDue liver_due(std::optional<Date> last_test, std::optional<int> interval_days, std::optional<Date> first_session,
                   const Date& today) {
  LiverDue d;
  if (!interval_days) return d;
  if (last_test) {
    d.due_on = add_days(*last_test, *interval_days);
  } else if (first_session) {
    d.due_on = *first_session;  // a baseline test was due before treatment began
    d.never_tested = true;
  } else {
    return d;
  }
  d.overdue = compare(today, *d.due_on) > 0 || d.never_tested;
  return d;
}

std::vector<ExposureWarning> exposure_warnings(const Exposure& e, const OutcomeSettings& s) {
  std::vector<ExposureWarning> out;
  if (s.max_sessions_per_30_days && e.sessions >= *s.max_sessions_per_30_days)
    out.push_back(
        {"sessions_over_limit", std::to_string(e.sessions) + " sessions in the 30 days to " + format_date(e.to) +
                                    (e.sessions > *s.max_sessions_per_30_days ? ": more than" : ": at") +
                                    " the clinic's limit of " + std::to_string(*s.max_sessions_per_30_days) + "."});
  if (s.max_ug_per_kg_per_30_days && e.total_ug_per_kg >= *s.max_ug_per_kg_per_30_days)
    out.push_back({"mg_per_kg_over_limit",
                   format_milli(e.total_ug_per_kg) + " mg/kg in the 30 days to " + format_date(e.to) +
                       (e.total_ug_per_kg > *s.max_ug_per_kg_per_30_days ? ": more than" : ": at") +
                       " the clinic's limit of " + format_milli(*s.max_ug_per_kg_per_30_days) + " mg/kg."});
  return out;
}

bool tolerance_signal(const std::vector<GivenDose>& doses, int n) {
  if (n < 2 || doses.empty()) return false;
  const std::string& route = doses.back().route;
  std::vector<std::int64_t> run;  // newest first
  for (auto it = doses.rbegin(); it != doses.rend() && static_cast<int>(run.size()) < n; ++it)
    if (it->route == route && it->ug_per_kg) run.push_back(*it->ug_per_kg);
  if (static_cast<int>(run.size()) < n) return false;
  for (std::size_t i = 0; i + 1 < run.size(); ++i)
    if (run[i] <= run[i + 1]) return false;
  return true;
}

std::string_view indication_group(std::string_view code) {
  auto starts = [&](std::string_view p) { return code.substr(0, p.size()) == p; };
  if (starts("F32") || starts("F33")) return "depression";
  if (starts("F31")) return "bipolar_depression";
  if (starts("F43.1")) return "ptsd";
  if (starts("F41.1")) return "anxiety";
  if (starts("F42")) return "ocd";
  if (starts("G90.5") || starts("M79.7")) return "chronic_pain";
  return "other";
}

const std::vector<std::string_view>& indication_groups() {
  static const std::vector<std::string_view> groups = {"depression", "bipolar_depression", "ptsd", "anxiety",
                                                       "ocd",        "chronic_pain",       "other"};
  return groups;
}

std::string_view indication_group_label(std::string_view group) {
  if (group == "depression") return "Depression";
  if (group == "bipolar_depression") return "Bipolar depression";
  if (group == "ptsd") return "PTSD";
  if (group == "anxiety") return "Generalised anxiety";
  if (group == "ocd") return "OCD";
  if (group == "chronic_pain") return "Chronic pain";
  return "Other";
}

}  // namespace kc
