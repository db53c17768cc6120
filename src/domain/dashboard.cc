#include "domain/dashboard.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "domain/measurement.h"

namespace kc {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kMinuteMs = 60'000;

std::int64_t day_start_ms(const Date& d) { return static_cast<std::int64_t>(days_between(Date{}, d)) * kDayMs; }

}  // namespace

Date week_start(const Date& d) {
  const int days = days_between(Date{}, d);      // 1970-01-01 was a Thursday
  const int weekday = ((days % 7) + 7 + 3) % 7;  // 0 = Monday
  return add_days(d, -weekday);
}

std::optional<double> percentile(std::vector<double> values, double p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
  rank = std::clamp<std::size_t>(rank, 1, values.size());
  return values[rank - 1];
}

Dashboard compute_dashboard(const DashboardFacts& facts, const DashboardFilter& filter, const Instrument& instrument,
                            int induction_days, const RelapseRule& rule) {
  Dashboard d;
  const std::int64_t from_ms = day_start_ms(filter.from), to_ms = day_start_ms(add_days(filter.to, 1));
  std::unordered_map<std::string, const CohortPatient*> patients;
  for (const auto& p : facts.patients) patients[p.id] = &p;
  auto indication_matches = [&](const std::string& patient_id) {
    if (!filter.indication) return true;
    auto it = patients.find(patient_id);
    if (it == patients.end()) return false;
    const auto& g = it->second->indication_groups;
    return std::find(g.begin(), g.end(), *filter.indication) != g.end();
  };

  // Sessions in the range and the filters.
  std::unordered_set<std::string> in_range_sessions, active;
  std::map<int, int> per_week;  // day number of the Monday -> count
  for (const auto& s : facts.sessions) {
    if (s.dose_started_ms < from_ms || s.dose_started_ms >= to_ms) continue;
    if (filter.route && s.route != *filter.route) continue;
    if (!indication_matches(s.patient_id)) continue;
    in_range_sessions.insert(s.id);
    active.insert(s.patient_id);
    ++d.sessions;
    ++per_week[days_between(Date{}, week_start(date_of(s.dose_started_ms)))];
    if (s.discharged_ms > 0) {
      ++d.discharged;
      if (s.overridden) ++d.overrides;
    }
  }
  d.active_patients = static_cast<int>(active.size());
  for (Date w = week_start(filter.from); compare(w, filter.to) <= 0; w = add_days(w, 7)) {
    auto it = per_week.find(days_between(Date{}, w));
    d.sessions_per_week.emplace_back(w, it == per_week.end() ? 0 : it->second);
  }

  // Discharge: minutes after the minimum observation.
  std::vector<double> after_minimum;
  for (const auto& s : facts.sessions) {
    if (!in_range_sessions.count(s.id) || s.discharged_ms <= 0 || s.dose_ended_ms <= 0) continue;
    const std::int64_t earliest = s.dose_ended_ms + s.minimum_observation_min * kMinuteMs;
    after_minimum.push_back(static_cast<double>(std::max<std::int64_t>(0, s.discharged_ms - earliest)) / 60'000.0);
  }
  d.median_minutes_after_minimum = median(after_minimum);
  d.p90_minutes_after_minimum = percentile(after_minimum, 0.9);

  for (const auto& e : facts.effects) {
    if (!in_range_sessions.count(e.session_id)) continue;
    ++d.adverse_events;
    if (e.serious) ++d.serious_adverse_events;
    ++d.effects_by_kind[e.kind];
  }
  std::unordered_set<std::string> severe;
  for (const auto& a : facts.alarms) {
    if (!in_range_sessions.count(a.session_id)) continue;
    ++d.alarms;
    ++d.alarms_by_rule[a.rule_code];
    if (a.rule_code == "bp_severe") severe.insert(a.session_id);
  }
  d.severe_hypertension = proportion(static_cast<int>(severe.size()), d.sessions);

  // Outcomes: each patient's first dosed session (any time), its route and the scores.
  struct First {
    std::int64_t at_ms = 0;
    std::string route;
  };
  std::unordered_map<std::string, First> first;
  for (const auto& s : facts.sessions) {
    auto [it, inserted] = first.try_emplace(s.patient_id, First{s.dose_started_ms, s.route});
    if (!inserted && s.dose_started_ms < it->second.at_ms) it->second = {s.dose_started_ms, s.route};
  }
  std::unordered_map<std::string, std::vector<ScoredPoint>> scores;
  for (const auto& s : facts.scores) scores[s.patient_id].push_back({s.at_ms, s.total});
  for (auto& [id, v] : scores) std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.at_ms < b.at_ms; });

  struct PatientOutcome {
    std::string route;
    std::vector<std::string> indications;
    bool assessed = false, responder = false, remitter = false;
    std::optional<int> days_to_response;
  };
  std::vector<PatientOutcome> results;
  for (const auto& [patient_id, f] : first) {
    if (f.at_ms < from_ms || f.at_ms >= to_ms) continue;
    if (filter.route && f.route != *filter.route) continue;
    if (!indication_matches(patient_id)) continue;
    PatientOutcome r;
    r.route = f.route;
    if (auto it = patients.find(patient_id); it != patients.end()) r.indications = it->second->indication_groups;
    if (r.indications.empty()) r.indications = {"other"};
    auto it = scores.find(patient_id);
    if (it != scores.end()) {
      const auto& v = it->second;
      const ScoredPoint* baseline = nullptr;
      const ScoredPoint* after = nullptr;
      std::vector<ScoredPoint> series;
      for (const auto& p : v) {
        if (p.at_ms <= f.at_ms)
          baseline = &p;
        else if (p.at_ms <= f.at_ms + induction_days * kDayMs)
          after = &p;
      }
      if (baseline) {
        series.push_back(*baseline);
        for (const auto& p : v)
          if (p.at_ms > f.at_ms) series.push_back(p);
        if (after) {
          r.assessed = true;
          const auto o = outcome_of(instrument, {*baseline, *after});
          r.responder = o.response;
          r.remitter = o.remission;
        }
        r.days_to_response = trajectory_of(instrument, series, rule, f.at_ms).days_to_response;
      }
    }
    results.push_back(std::move(r));
  }

  auto group = [&](std::string by, std::string key, auto&& member) {
    OutcomeGroup g;
    g.by = std::move(by);
    g.key = std::move(key);
    int responders = 0, remitters = 0;
    std::vector<double> days;
    for (const auto& r : results) {
      if (!member(r)) continue;
      ++g.started;
      if (r.assessed) {
        ++g.assessed;
        responders += r.responder;
        remitters += r.remitter;
      }
      if (r.days_to_response) days.push_back(*r.days_to_response);
    }
    g.responders = proportion(responders, g.assessed);
    g.remitters = proportion(remitters, g.assessed);
    g.median_days_to_response = median(days);
    d.groups.push_back(std::move(g));
  };
  group("all", "all", [](const PatientOutcome&) { return true; });
  std::set<std::string> routes, indications;
  for (const auto& r : results) {
    routes.insert(r.route);
    indications.insert(r.indications.begin(), r.indications.end());
  }
  for (const auto& route : routes) group("route", route, [&](const PatientOutcome& r) { return r.route == route; });
  for (const auto& ind : indications)
    group("indication", ind, [&](const PatientOutcome& r) {
      return std::find(r.indications.begin(), r.indications.end(), ind) != r.indications.end();
    });
  return d;
}

}  // namespace kc
