// OutcomeService: the clinic dashboard (domain/dashboard.h) over what the store reads.
#include <algorithm>

#include "app/outcome_service.h"
#include "app/session_service.h"
#include "domain/route.h"
#include "domain/session_protocol.h"

namespace kc::app {
namespace {

constexpr int kDefaultRangeDays = 365;
constexpr int kMaxRangeDays = 3660;

}  // namespace

Result<DashboardFilter> dashboard_filter(const DashboardQuery& q, const Date& today) {
  DashboardFilter f;
  f.to = today;
  if (!q.to.empty()) {
    auto to = parse_date(q.to);
    if (!to) return Error::invalid("to", "Give the last day as YYYY-MM-DD.");
    f.to = *to;
  }
  f.from = add_days(f.to, -(kDefaultRangeDays - 1));
  if (!q.from.empty()) {
    auto from = parse_date(q.from);
    if (!from) return Error::invalid("from", "Give the first day as YYYY-MM-DD.");
    f.from = *from;
  }
  if (compare(f.to, f.from) < 0)
    return Error::invalid("to",
                          "The last day (" + format_date(f.to) + ") is before the first (" + format_date(f.from) + ").",
                          "inverted_range");
  if (days_between(f.from, f.to) >= kMaxRangeDays)
    return Error::invalid("from", "Choose a range of at most " + std::to_string(kMaxRangeDays) + " days.",
                          "range_too_long");
  if (!q.route.empty()) {
    if (!parse_route(q.route))
      return Error::invalid("route", "There is no route \"" + q.route + "\".", "unknown_route");
    f.route = q.route;
  }
  if (!q.indication.empty()) {
    const auto& groups = indication_groups();
    if (std::find(groups.begin(), groups.end(), q.indication) == groups.end())
      return Error::invalid("indication", "There is no indication group \"" + q.indication + "\".",
                            "unknown_indication");
    f.indication = q.indication;
  }
  if (!q.instrument.empty()) {
    if (!find_instrument(q.instrument))
      return Error::invalid("instrument", "There is no questionnaire \"" + q.instrument + "\".", "unknown_instrument");
    f.instrument = q.instrument;
  }
  return f;
}

Result<DashboardView> OutcomeService::dashboard(const Caller& caller, const DashboardQuery& query) {
  if (!caller.can(Action::dashboards_read)) {
    audit_.record_denied(store_, caller, "dashboard.read", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto filter = dashboard_filter(query, date_of(clock_.now_ms()));
  if (!filter) return filter.error();
  const Instrument& instrument = *find_instrument(filter->instrument);
  constexpr std::int64_t kDayMs = 86'400'000;
  const std::int64_t to_ms = static_cast<std::int64_t>(days_between(Date{}, add_days(filter->to, 1))) * kDayMs;

  auto tx = store_.begin(Store::Mode::read);
  const auto settings = settings_of(*tx, caller.clinic).settings;
  const SessionProtocol protocol = SessionService::protocol_of(*tx, caller.clinic);
  auto rows = tx->dashboard_rows(caller.clinic, instrument.code, to_ms);
  tx.reset();

  auto& facts = rows.facts;
  for (auto& p : facts.patients) {
    std::vector<std::string> groups;
    for (const auto& code : p.indication_groups) {
      std::string g(indication_group(code));
      if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(std::move(g));
    }
    p.indication_groups = std::move(groups);
  }
  for (auto& s : facts.sessions)
    if (auto route = parse_route(s.route)) s.minimum_observation_min = minimum_observation_min(protocol, *route);
  for (auto& [patient, points] : standing_points(rows.responses, instrument.code))
    for (const auto& p : points) facts.scores.push_back({patient, p.at_ms, p.total});

  DashboardView v;
  v.filter = *filter;
  v.induction_days = settings.induction_days;
  v.dashboard = compute_dashboard(facts, *filter, instrument, settings.induction_days,
                                  RelapseRule{settings.relapse_consecutive_checks});
  return v;
}

}  // namespace kc::app
