#include "http/outcome_codec.h"

#include <cmath>

#include "http/json_codec.h"

namespace kc::http {
namespace json = boost::json;

namespace {

Result<std::optional<std::int64_t>> whole(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return std::optional<std::int64_t>{};
  const auto& v = it->value();
  if (v.is_int64() && v.as_int64() >= -1'000'000 && v.as_int64() <= 1'000'000)
    return std::optional<std::int64_t>{v.as_int64()};
  if (v.is_double() && std::isfinite(v.as_double()) && v.as_double() == std::floor(v.as_double()) &&
      std::abs(v.as_double()) <= 1'000'000)
    return std::optional<std::int64_t>{static_cast<std::int64_t>(v.as_double())};
  return Error::invalid(std::string(name), std::string(name) + " must be a whole number.");
}

/// A decimal number as thousandths (0.001 steps), e.g. mg/kg or MME.
Result<std::optional<std::int64_t>> thousandths(const json::object& o, std::string_view name, double max) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return std::optional<std::int64_t>{};
  const auto& v = it->value();
  double d = 0;
  if (v.is_int64())
    d = static_cast<double>(v.as_int64());
  else if (v.is_uint64())
    d = static_cast<double>(v.as_uint64());
  else if (v.is_double())
    d = v.as_double();
  else
    return Error::invalid(std::string(name), std::string(name) + " must be a number.");
  if (!std::isfinite(d) || d < -max || d > max)
    return Error::invalid(std::string(name), std::string(name) + " is out of range.");
  return std::optional<std::int64_t>{static_cast<std::int64_t>(std::llround(d * 1000.0))};
}

bool present(const json::object& o, std::string_view name) { return o.find(name) != o.end(); }

}  // namespace

Result<app::OutcomeSettingsPatch> decode_outcome_settings(const json::object& body) {
  static const std::vector<std::string_view> known = {
      "follow_up_interval_days",  "follow_up_instruments",     "relapse_consecutive_checks", "induction_days",
      "max_sessions_per_30_days", "max_mg_per_kg_per_30_days", "liver_test_interval_days",   "tolerance_rising_doses"};
  if (body.empty()) return Error::invalid("settings", "Give at least one setting to change.");
  for (const auto& [key, value] : body)
    if (std::find(known.begin(), known.end(), std::string_view(key)) == known.end())
      return Error::invalid(key.size() > 60 ? std::string("settings") : std::string(key), "Unknown setting.",
                            "unknown_setting");
  app::OutcomeSettingsPatch p;
  struct Required {
    std::string_view name;
    std::optional<int>* target;
  };
  for (auto r :
       {Required{"follow_up_interval_days", &p.follow_up_interval_days},
        Required{"relapse_consecutive_checks", &p.relapse_consecutive_checks},
        Required{"induction_days", &p.induction_days}, Required{"tolerance_rising_doses", &p.tolerance_rising_doses}}) {
    if (!present(body, r.name)) continue;
    auto v = whole(body, r.name);
    if (!v) return v.error();
    if (!*v) return Error::invalid(std::string(r.name), std::string(r.name) + " cannot be removed.");
    *r.target = static_cast<int>(**v);
  }
  for (auto r : {std::pair<std::string_view, std::optional<std::optional<int>>*>{"max_sessions_per_30_days",
                                                                                 &p.max_sessions_per_30_days},
                 {"liver_test_interval_days", &p.liver_test_interval_days}}) {
    if (!present(body, r.first)) continue;
    auto v = whole(body, r.first);
    if (!v) return v.error();
    *r.second = *v ? std::optional<int>(static_cast<int>(**v)) : std::nullopt;
  }
  if (present(body, "max_mg_per_kg_per_30_days")) {
    auto v = thousandths(body, "max_mg_per_kg_per_30_days", 1'000'000);
    if (!v) return v.error();
    p.max_ug_per_kg_per_30_days = *v;
  }
  if (present(body, "follow_up_instruments")) {
    auto list = string_list_field(body, "follow_up_instruments");
    if (!list) return list.error();
    p.follow_up_instruments = *list;
  }
  return p;
}

Result<app::FollowUpInput> decode_follow_up_plan(const json::object& body) {
  app::FollowUpInput in;
  auto start = string_field(body, "start");
  if (!start) return start.error();
  in.start = *start;
  auto interval = whole(body, "interval_days");
  if (!interval) return interval.error();
  if (*interval) in.interval_days = static_cast<int>(**interval);
  if (present(body, "instruments") && !body.at("instruments").is_null()) {
    auto list = string_list_field(body, "instruments");
    if (!list) return list.error();
    in.instruments = *list;
  }
  return in;
}

Result<app::FollowUpCheckInInput> decode_follow_up_check_in(const json::object& body) {
  app::FollowUpCheckInInput in;
  auto at = string_field(body, "at", false);
  if (!at) return at.error();
  in.at = *at;
  auto mme = thousandths(body, "mme_per_day", 1'000'000);
  if (!mme) return mme.error();
  in.mme_milli = *mme;
  if (auto it = body.find("memory_attention"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_bool()) return Error::invalid("memory_attention", "memory_attention is true or false.");
    in.memory_attention = it->value().as_bool();
  }
  auto note = string_field(body, "note", false);
  if (!note) return note.error();
  in.note = *note;
  return in;
}

Result<app::DashboardQuery> decode_dashboard_query(const Fields& query) {
  app::DashboardQuery q;
  for (const auto& [name, value] : query) {
    std::string* target = name == "from"         ? &q.from
                          : name == "to"         ? &q.to
                          : name == "route"      ? &q.route
                          : name == "indication" ? &q.indication
                          : name == "instrument" ? &q.instrument
                                                 : nullptr;
    if (!target)
      return Error::invalid(name.size() > 40 ? std::string("filter") : name,
                            "Unknown filter; use from, to, route, indication or instrument.", "unknown_filter");
    if (value.size() > 40) return Error::invalid(name, "This filter's value is too long.");
    *target = value;
  }
  return q;
}

}  // namespace kc::http
