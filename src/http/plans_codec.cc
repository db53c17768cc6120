#include "http/plans_codec.h"

#include <cmath>

#include "domain/time.h"

namespace kc::http {
namespace {

std::string path_of(std::string_view prefix, std::string_view name) {
  return prefix.empty() ? std::string(name) : std::string(prefix) + "." + std::string(name);
}

/// A number; missing or null is nullopt.
Result<std::optional<double>> number(const json::object& o, std::string_view prefix, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return std::optional<double>();
  const auto& v = it->value();
  double d = 0;
  if (v.is_double())
    d = v.as_double();
  else if (v.is_int64())
    d = static_cast<double>(v.as_int64());
  else if (v.is_uint64())
    d = static_cast<double>(v.as_uint64());
  else
    return Error::invalid(path_of(prefix, name), path_of(prefix, name) + " must be a number.");
  if (!std::isfinite(d)) return Error::invalid(path_of(prefix, name), path_of(prefix, name) + " must be a number.");
  return std::optional<double>(d);
}

/// A whole number within +-1e6; missing or null is nullopt.
Result<std::optional<int>> whole(const json::object& o, std::string_view prefix, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return std::optional<int>();
  const auto& v = it->value();
  const std::string field = path_of(prefix, name);
  if (v.is_int64() && std::abs(v.as_int64()) <= 1'000'000) return std::optional<int>(static_cast<int>(v.as_int64()));
  if (v.is_uint64() && v.as_uint64() <= 1'000'000) return std::optional<int>(static_cast<int>(v.as_uint64()));
  if (v.is_double() && std::isfinite(v.as_double()) && std::abs(v.as_double()) <= 1e6 &&
      v.as_double() == std::floor(v.as_double()))
    return std::optional<int>(static_cast<int>(v.as_double()));
  return Error::invalid(field, field + " must be a whole number.");
}

Result<int> required_whole(const json::object& o, std::string_view prefix, std::string_view name) {
  auto v = whole(o, prefix, name);
  if (!v) return v.error();
  if (!*v) return Error::invalid(path_of(prefix, name), path_of(prefix, name) + " is required.");
  return **v;
}

/// An object field; missing or null is nullptr (the caller decides if that is allowed).
Result<const json::object*> object(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return static_cast<const json::object*>(nullptr);
  if (!it->value().is_object()) return Error::invalid(std::string(name), std::string(name) + " must be an object.");
  return &it->value().as_object();
}

Result<Route> route_field(const json::object& o, std::string_view field_name) {
  auto code = string_field(o, field_name);
  if (!code) return code.error();
  auto r = parse_route(*code);
  if (!r)
    return Error::invalid(std::string(field_name),
                          "Choose a route: iv, im, sc, intranasal_esketamine, sublingual or oral.");
  return *r;
}

json::value num_or_null(const std::optional<double>& v) { return v ? json::value(*v) : json::value(nullptr); }

}  // namespace

Result<app::PlanInput> decode_plan_input(const json::object& o) {
  app::PlanInput in;
  auto& p = in.plan;
  auto indications = string_list_field(o, "indications");
  if (!indications) return indications.error();
  p.indications = *indications;

  if (auto it = o.find("goals"); it != o.end() && !it->value().is_null()) {
    if (!it->value().is_array()) return Error::invalid("goals", "goals must be a list.");
    const auto& list = it->value().as_array();
    if (list.size() > kMaxGoals) return Error::invalid("goals", "Give at most 10 goals.");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string at = "goals[" + std::to_string(i) + "]";
      if (!list[i].is_object()) return Error::invalid(at, at + " must be an object.");
      const auto& g = list[i].as_object();
      PlanGoal goal;
      auto text = string_field(g, "text", false);
      if (!text) return Error::invalid(at + ".text", at + ".text must be a string.");
      goal.text = *text;
      auto inst = string_field(g, "instrument", false);
      if (!inst) return Error::invalid(at + ".instrument", at + ".instrument must be a string.");
      goal.instrument = *inst;
      auto target = whole(g, at, "target_score");
      if (!target) return target.error();
      goal.target_score = *target;
      p.goals.push_back(std::move(goal));
    }
  }

  auto route = route_field(o, "route");
  if (!route) return route.error();
  p.route = *route;

  auto rule = object(o, "dose_rule");
  if (!rule) return rule.error();
  if (!*rule) return Error::invalid("dose_rule", "dose_rule is required.");
  {
    const auto& r = **rule;
    auto mg_per_kg = number(r, "dose_rule", "mg_per_kg");
    if (!mg_per_kg) return mg_per_kg.error();
    auto minutes = whole(r, "dose_rule", "infusion_minutes");
    if (!minutes) return minutes.error();
    auto first = number(r, "dose_rule", "first_dose_mg");
    if (!first) return first.error();
    auto dose = number(r, "dose_rule", "dose_mg");
    if (!dose) return dose.error();
    p.dose_rule = {*mg_per_kg, *minutes, *first, *dose};
  }

  auto induction = object(o, "induction");
  if (!induction) return induction.error();
  if (!*induction) return Error::invalid("induction", "induction is required.");
  for (auto [member, name] :
       {std::pair{&Induction::sessions, "sessions"}, std::pair{&Induction::max_per_week, "max_per_week"},
        std::pair{&Induction::weeks, "weeks"}}) {
    auto v = required_whole(**induction, "induction", name);
    if (!v) return v.error();
    p.induction.*member = *v;
  }

  auto maintenance = object(o, "maintenance");
  if (!maintenance) return maintenance.error();
  if (*maintenance) {
    auto days = whole(**maintenance, "maintenance", "interval_days");
    if (!days) return days.error();
    p.maintenance_interval_days = days->value_or(0);
  }

  auto titration = object(o, "titration");
  if (!titration) return titration.error();
  if (*titration) {
    auto step = number(**titration, "titration", "step");
    if (!step) return step.error();
    if (!*step) return Error::invalid("titration.step", "titration.step is required.");
    auto ceiling = number(**titration, "titration", "ceiling");
    if (!ceiling) return ceiling.error();
    if (!*ceiling) return Error::invalid("titration.ceiling", "titration.ceiling is required.");
    p.titration = Titration{**step, **ceiling};
  }

  auto reason = string_field(o, "reason", false);
  if (!reason) return reason.error();
  in.reason = *reason;
  auto based_on = whole(o, "", "based_on_version");
  if (!based_on) return based_on.error();
  in.based_on_version = *based_on;
  return in;
}

Result<app::SimulationRequest> decode_simulation(const json::object& o) {
  app::SimulationRequest req;
  auto route = route_field(o, "route");
  if (!route) return route.error();
  req.route = *route;
  auto weight = number(o, "", "weight_kg");
  if (!weight) return weight.error();
  if (!*weight) return Error::invalid("weight_kg", "weight_kg is required.");
  req.weight_kg = **weight;
  auto model = string_field(o, "model", false);
  if (!model) return model.error();
  req.model = *model;
  auto hours = number(o, "", "hours");
  if (!hours) return hours.error();
  if (*hours) {
    if (**hours <= 0 || **hours > kMaxPkMinutes / 60.0)
      return Error::invalid("hours", "Simulate from 1 minute to 48 hours.");
    req.minutes = static_cast<int>(std::lround(**hours * 60));
  }
  auto it = o.find("doses");
  if (it == o.end() || !it->value().is_array()) return Error::invalid("doses", "doses must be a list.");
  const auto& list = it->value().as_array();
  if (list.size() > kMaxPkDoses) return Error::invalid("doses", "Give at most 50 doses.");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = "doses[" + std::to_string(i) + "]";
    if (!list[i].is_object()) return Error::invalid(at, at + " must be an object.");
    const auto& d = list[i].as_object();
    PkDose dose;
    auto at_minute = whole(d, at, "at_minute");
    if (!at_minute) return at_minute.error();
    dose.at_minute = at_minute->value_or(0);
    auto mg = number(d, at, "dose_mg");
    if (!mg) return mg.error();
    if (!*mg) return Error::invalid(at + ".dose_mg", at + ".dose_mg is required.");
    dose.dose_mg = **mg;
    auto minutes = whole(d, at, "infusion_minutes");
    if (!minutes) return minutes.error();
    dose.infusion_minutes = minutes->value_or(0);
    req.doses.push_back(dose);
  }
  return req;
}

Result<app::PlanSettingsPatch> decode_plan_settings(const json::object& o) {
  app::PlanSettingsPatch patch;
  auto max = number(o, "", "max_mg_per_kg");
  if (!max) return max.error();
  patch.max_mg_per_kg = *max;
  if (auto it = o.find("pk_model"); it != o.end() && !it->value().is_null()) {
    if (!it->value().is_string()) return Error::invalid("pk_model", "pk_model must be a string.");
    patch.pk_model = std::string(it->value().as_string());
  }
  if (auto it = o.find("routes"); it != o.end() && !it->value().is_null()) {
    if (!it->value().is_array()) return Error::invalid("routes", "routes must be a list.");
    const auto& list = it->value().as_array();
    if (list.size() > all_routes().size()) return Error::invalid("routes", "Give each route at most once.");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string at = "routes[" + std::to_string(i) + "]";
      if (!list[i].is_object()) return Error::invalid(at, at + " must be an object.");
      const auto& r = list[i].as_object();
      auto code = string_field(r, "route");
      if (!code || !parse_route(*code)) return Error::invalid(at + ".route", "Choose a route from the list.");
      auto f = number(r, at, "bioavailability");
      if (!f) return f.error();
      auto ka = number(r, at, "absorption_per_h");
      if (!ka) return ka.error();
      patch.routes.push_back({*parse_route(*code), *f, *ka});
    }
  }
  return patch;
}

json::object plan_json(const app::PlanRow& r) {
  const auto& p = r.plan;
  json::array indications, goals;
  for (const auto& i : p.indications) indications.emplace_back(i);
  for (const auto& g : p.goals)
    goals.push_back(
        json::object{{"text", g.text},
                     {"instrument", g.instrument.empty() ? json::value(nullptr) : json::value(g.instrument)},
                     {"target_score", g.target_score ? json::value(*g.target_score) : json::value(nullptr)}});
  const auto& d = p.dose_rule;
  return {{"id", r.id},
          {"patient_id", r.patient_id},
          {"version", r.version},
          {"indications", std::move(indications)},
          {"goals", std::move(goals)},
          {"route", to_string(p.route)},
          {"route_label", route_label(p.route)},
          {"dose_unit", dose_unit(p.route)},
          {"dose_rule", json::object{{"mg_per_kg", num_or_null(d.mg_per_kg)},
                                     {"infusion_minutes",
                                      d.infusion_minutes ? json::value(*d.infusion_minutes) : json::value(nullptr)},
                                     {"first_dose_mg", num_or_null(d.first_dose_mg)},
                                     {"dose_mg", num_or_null(d.dose_mg)}}},
          {"induction", json::object{{"sessions", p.induction.sessions},
                                     {"max_per_week", p.induction.max_per_week},
                                     {"weeks", p.induction.weeks}}},
          {"maintenance", json::object{{"interval_days", p.maintenance_interval_days}}},
          {"titration", p.titration
                            ? json::value(json::object{{"step", p.titration->step}, {"ceiling", p.titration->ceiling}})
                            : json::value(nullptr)},
          {"reason", r.reason},
          {"settings_version", r.settings_version},
          {"signed_by", json::object{{"id", r.signed_by}, {"display_name", r.signed_by_name}}},
          {"signed_at", format_iso8601(r.signed_ms)}};
}

json::object proposal_json(const app::ProposalView& v) {
  json::array sessions;
  for (const auto& s : v.sessions)
    sessions.push_back(json::object{
        {"number", s.number},
        {"phase", s.phase},
        {"date", format_date(s.date)},
        {"mg_per_kg", num_or_null(s.mg_per_kg)},
        {"dose_mg", num_or_null(s.dose_mg)},
        {"infusion_minutes", s.infusion_minutes ? json::value(s.infusion_minutes) : json::value(nullptr)}});
  return {{"plan_id", v.plan.id},
          {"plan_version", v.plan.version},
          {"route", to_string(v.plan.plan.route)},
          {"start", format_date(v.start)},
          {"horizon_weeks", v.horizon_weeks},
          {"max_per_week", v.plan.plan.induction.max_per_week},
          {"week_rule", "rolling_7_days"},
          {"sessions", std::move(sessions)}};
}

json::object simulation_json(const app::SimulationView& v) {
  json::array points;
  for (const auto& p : v.result.points)
    points.push_back(json::object{{"minute", p.minute},
                                  {"concentration_ng_per_ml", std::round(p.concentration_ng_per_ml * 100) / 100}});
  return {{"points", std::move(points)},
          {"peak_ng_per_ml", std::round(v.result.peak_ng_per_ml * 100) / 100},
          {"time_to_peak_minute", v.result.time_to_peak_minute},
          {"bioavailability", v.bioavailability},
          {"absorption_per_h", num_or_null(v.absorption_per_h)},
          {"model", v.model->code},
          {"model_name", v.model->name},
          {"model_source", v.model->source},
          {"settings_version", v.settings_version}};
}

json::object plan_settings_json(const app::PlanSettingsRow& s) {
  json::array routes;
  for (const auto& r : s.routes)
    routes.push_back(json::object{{"route", to_string(r.route)},
                                  {"label", route_label(r.route)},
                                  {"bioavailability", num_or_null(r.bioavailability)},
                                  {"absorption_per_h", num_or_null(r.absorption_per_h)}});
  json::array models;
  for (const auto& m : pk_models())
    models.push_back(json::object{{"code", m.code}, {"name", m.name}, {"source", m.source}});
  return {{"version", s.version},
          {"max_mg_per_kg", s.max_mg_per_kg},
          {"pk_model", s.pk_model},
          {"pk_models", std::move(models)},
          {"routes", std::move(routes)},
          {"updated_at", s.updated_ms ? json::value(format_iso8601(s.updated_ms)) : json::value(nullptr)},
          {"updated_by", s.updated_by.empty() ? json::value(nullptr) : json::value(s.updated_by)}};
}

}  // namespace kc::http
