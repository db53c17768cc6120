#include "domain/measurement.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace kc {
namespace {

constexpr std::array kRuleNames = {"baseline", "before_session", "weekly", "monthly", "follow_up"};

std::string label_of(const Instrument& instrument, std::string_view item_code, int value) {
  for (const auto& item : instrument.items) {
    if (item.code != item_code) continue;
    for (const auto& o : item.options)
      if (o.value == value) return std::string(o.label);
  }
  return std::to_string(value);
}

// Days since 1970-01-01: occurrences and completions compare as plain integers.
int day_number(const Date& d) { return days_between(Date{}, d); }

bool any_in(const std::vector<int>& sorted_days, int from, int to_exclusive) {
  auto it = std::lower_bound(sorted_days.begin(), sorted_days.end(), from);
  return it != sorted_days.end() && *it < to_exclusive;
}

constexpr int kForever = 1 << 30;

struct Occurrence {
  int due = 0;
  int done_from = 0;  // a completion on a day in [done_from, done_until) does it
  int done_until = 0;
};

// The occurrences of one entry that fall on or before `last_day` (today, or the end
// date when earlier), oldest first, each with the days a completion does it.
std::vector<Occurrence> occurrences(const ScheduleEntry& e, const std::vector<int>& sessions, int last_day) {
  std::vector<Occurrence> out;
  const int start = day_number(e.start);
  const int end = e.end ? day_number(*e.end) : kForever;
  switch (e.rule) {
    case ScheduleRule::baseline:
      if (start <= last_day) out.push_back({start, -kForever, kForever});
      break;
    case ScheduleRule::before_session: {
      int previous = -kForever;
      for (int s : sessions) {
        if (s > last_day) break;
        if (s >= start) out.push_back({s, previous + 1, s + 1});
        previous = s;
      }
      break;
    }
    case ScheduleRule::weekly:
    case ScheduleRule::monthly:
    case ScheduleRule::follow_up: {
      const int step = e.rule == ScheduleRule::weekly ? 7 : e.rule == ScheduleRule::monthly ? 28 : e.interval_days;
      if (step <= 0) break;
      for (int d = start; d <= last_day; d += step) {
        const int next = d + step;
        out.push_back({d, d, next <= end ? next : kForever});
      }
      break;
    }
  }
  return out;
}

}  // namespace

InstrumentOutcome outcome_of(const Instrument& instrument, const std::vector<ScoredPoint>& series) {
  InstrumentOutcome out;
  if (series.empty()) return out;
  const ScoredPoint& first = series.front();
  const ScoredPoint& last = series.back();
  out.baseline = first;
  out.latest = last;
  out.change = last.total - first.total;
  out.latest_band = band_for(instrument, last.total);
  const int range = first.total - instrument.min_total;
  if (range > 0) out.percent_change = 100.0 * out.change / range;
  const bool followed_up = series.size() >= 2;
  // A fall of at least half the baseline's distance from the minimum, in whole numbers.
  out.response = followed_up && instrument.response_applies && range > 0 && 2 * out.change <= -range;
  out.remission = followed_up && instrument.remission_at_most && last.total <= *instrument.remission_at_most;
  out.meaningful_change =
      followed_up && instrument.meaningful_change_points && out.change <= -*instrument.meaningful_change_points;
  return out;
}

std::vector<RiskSignal> risk_signals(const Instrument& instrument, const std::map<std::string, int>& answers, int total,
                                     std::optional<int> previous_total, const RiskSettings& settings) {
  std::vector<RiskSignal> out;
  if (instrument.code == "phq9") {
    if (auto it = answers.find("phq9_9"); it != answers.end() && it->second > 0)
      out.push_back({"phq9_item9", "PHQ-9 question 9 (thoughts of being better off dead or of self-harm) answered \"" +
                                       label_of(instrument, "phq9_9", it->second) + "\"."});
    if (previous_total && total > *previous_total && total - *previous_total >= settings.phq9_rise_points)
      out.push_back(
          {"phq9_rise", "PHQ-9 rose from " + std::to_string(*previous_total) + " to " + std::to_string(total) + "."});
  }
  if (instrument.code == "cssrs") {
    auto it = answers.find("risk_level");
    const int level = it != answers.end() ? it->second : total;
    if (level > 0 && level >= settings.cssrs_min_level)
      out.push_back({"cssrs_risk", "C-SSRS risk level " + label_of(instrument, "risk_level", level) + "."});
  }
  return out;
}

std::string_view to_string(ScheduleRule rule) { return kRuleNames[static_cast<std::size_t>(rule)]; }

std::optional<ScheduleRule> parse_schedule_rule(std::string_view text) {
  for (std::size_t i = 0; i < kRuleNames.size(); ++i)
    if (kRuleNames[i] == text) return static_cast<ScheduleRule>(i);
  return std::nullopt;
}

Result<bool> check_schedule_entry(const ScheduleEntry& entry) {
  if (!find_instrument(entry.instrument))
    return Error::invalid("instrument", "There is no questionnaire \"" + entry.instrument + "\".");
  if (entry.end && compare(*entry.end, entry.start) < 0)
    return Error::invalid("end", "The end date is before the start date.");
  if (entry.rule == ScheduleRule::follow_up && (entry.interval_days < 1 || entry.interval_days > 365))
    return Error::invalid("interval_days", "A follow-up needs an interval of 1 to 365 days.");
  return true;
}

std::vector<DueItem> due_items(const std::vector<ScheduleEntry>& schedule, const std::vector<Date>& session_days,
                               const std::vector<CompletedOn>& completed, const Date& today) {
  std::vector<int> sessions;
  sessions.reserve(session_days.size());
  for (const auto& d : session_days) sessions.push_back(day_number(d));
  std::sort(sessions.begin(), sessions.end());
  sessions.erase(std::unique(sessions.begin(), sessions.end()), sessions.end());

  std::map<std::string, std::vector<int>, std::less<>> done_days;
  for (const auto& c : completed) done_days[c.instrument].push_back(day_number(c.on));
  for (auto& [_, days] : done_days) std::sort(days.begin(), days.end());
  static const std::vector<int> kNone;

  const int now = day_number(today);
  std::vector<DueItem> out;
  for (const auto& entry : schedule) {
    const int last_day = entry.end ? std::min(now, day_number(*entry.end)) : now;
    const auto occ = occurrences(entry, sessions, last_day);
    if (occ.empty()) continue;
    auto found = done_days.find(entry.instrument);
    const auto& days = found != done_days.end() ? found->second : kNone;
    auto is_done = [&](const Occurrence& o) { return any_in(days, o.done_from, o.done_until); };
    const Occurrence& current = occ.back();
    if (is_done(current)) continue;
    DueItem item;
    item.instrument = entry.instrument;
    item.rule = entry.rule;
    item.due_on = add_days(Date{}, current.due);
    item.overdue = now > current.due;
    item.missed =
        static_cast<int>(std::count_if(occ.begin(), occ.end() - 1, [&](const auto& o) { return !is_done(o); }));
    out.push_back(std::move(item));
  }
  std::sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) {
    const int c = compare(a.due_on, b.due_on);
    if (c != 0) return c < 0;
    return std::tie(a.instrument, a.rule) < std::tie(b.instrument, b.rule);
  });
  return out;
}

}  // namespace kc
