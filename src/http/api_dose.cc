// Dosing: the calculator preview, dose orders, the blind double check, cancelling,
// the checks awaiting a clinician, exposure, and the clinic's dose settings.
#include "http/api_dose.h"

#include "domain/time.h"
#include "http/api_handlers.h"
#include "http/json_codec.h"

namespace kc::http {
namespace {

/// 0 (none) as null.
json::value milli_or_null(std::int64_t milli) { return milli ? milli_json(milli) : json::value(nullptr); }
using http::milli_or_null;
json::value text_or_null(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }
json::value time_or_null(std::int64_t ms) { return ms ? json::value(format_iso8601(ms)) : json::value(nullptr); }

Result<std::optional<double>> decimal(const json::object& o, std::string_view name, const std::string& field) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return std::optional<double>();
  if (!it->value().is_number()) return Error::invalid(field, field + " must be a number.");
  return std::optional<double>(it->value().to_number<double>());
}

Result<std::optional<int>> whole(const json::object& o, std::string_view name, const std::string& field) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return std::optional<int>();
  const auto& v = it->value();
  if (v.is_int64() && v.as_int64() >= -1'000'000 && v.as_int64() <= 1'000'000)
    return std::optional<int>(static_cast<int>(v.as_int64()));
  if (v.is_uint64() && v.as_uint64() <= 1'000'000) return std::optional<int>(static_cast<int>(v.as_uint64()));
  return Error::invalid(field, field + " must be a whole number.");
}

Result<std::string> text(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return std::string();
  if (!it->value().is_string()) return Error::invalid(std::string(name), std::string(name) + " must be text.");
  return std::string(it->value().as_string());
}

}  // namespace

Result<app::DoseRequest> decode_dose_request(const json::object& body) {
  app::DoseRequest r;
  auto route = string_field(body, "route");
  if (!route) return route.error();
  r.route = *route;
  auto rule_it = body.find("dose_rule");
  if (rule_it == body.end() || !rule_it->value().is_object())
    return Error::invalid("dose_rule", "dose_rule must be an object with mg_per_kg or dose_mg.");
  const auto& rule = rule_it->value().as_object();
  auto mg_per_kg = decimal(rule, "mg_per_kg", "dose_rule.mg_per_kg");
  if (!mg_per_kg) return mg_per_kg.error();
  r.mg_per_kg = *mg_per_kg;
  auto dose_mg = decimal(rule, "dose_mg", "dose_rule.dose_mg");
  if (!dose_mg) return dose_mg.error();
  r.dose_mg = *dose_mg;
  auto minutes = whole(rule, "infusion_minutes", "dose_rule.infusion_minutes");
  if (!minutes) return minutes.error();
  r.infusion_minutes = *minutes;
  auto conc = decimal(body, "concentration_mg_per_ml", "concentration_mg_per_ml");
  if (!conc) return conc.error();
  r.concentration_mg_per_ml = *conc;
  for (auto [name, target] : {std::pair{"planned_for", &r.planned_for}, std::pair{"plan_id", &r.plan_id},
                              std::pair{"override_reason", &r.override_reason}}) {
    auto t = text(body, name);
    if (!t) return t.error();
    *target = *t;
  }
  return r;
}

Result<app::CheckInput> decode_dose_check(const json::object& body) {
  app::CheckInput in;
  auto w = decimal(body, "weight_kg", "weight_kg");
  if (!w) return w.error();
  in.weight_kg = *w;
  auto c = decimal(body, "concentration_mg_per_ml", "concentration_mg_per_ml");
  if (!c) return c.error();
  in.concentration_mg_per_ml = *c;
  auto d = whole(body, "devices", "devices");
  if (!d) return d.error();
  in.devices = *d;
  return in;
}

Result<app::DoseSettingsPatch> decode_dose_settings(const json::object& body) {
  app::DoseSettingsPatch p;
  if (auto it = body.find("limits"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_object()) return Error::invalid("limits", "limits must be an object keyed by route.");
    for (const auto& [key, value] : it->value().as_object()) {
      const std::string base = "limits." + std::string(key);
      auto route = parse_route(std::string_view(key.data(), key.size()));
      if (!route) return Error::invalid(base, "limits has no route " + std::string(key) + ".");
      if (!value.is_object()) return Error::invalid(base, base + " must be an object with soft and hard.");
      const auto i = static_cast<std::size_t>(*route);
      auto soft = decimal(value.as_object(), "soft", base + ".soft");
      if (!soft) return soft.error();
      auto hard = decimal(value.as_object(), "hard", base + ".hard");
      if (!hard) return hard.error();
      p.soft[i] = *soft;
      p.hard[i] = *hard;
    }
  }
  struct IntField {
    const char* name;
    std::optional<int> app::DoseSettingsPatch::*member;
  };
  for (auto f : {IntField{"max_weight_age_days", &app::DoseSettingsPatch::max_weight_age_days},
                 IntField{"min_infusion_minutes", &app::DoseSettingsPatch::min_infusion_minutes},
                 IntField{"max_infusion_minutes", &app::DoseSettingsPatch::max_infusion_minutes}}) {
    auto v = whole(body, f.name, f.name);
    if (!v) return v.error();
    p.*f.member = *v;
  }
  struct DecimalField {
    const char* name;
    std::optional<double> app::DoseSettingsPatch::*member;
  };
  for (auto f : {DecimalField{"dose_rounding_mg", &app::DoseSettingsPatch::dose_rounding_mg},
                 DecimalField{"volume_rounding_ml", &app::DoseSettingsPatch::volume_rounding_ml},
                 DecimalField{"rate_rounding_ml_per_h", &app::DoseSettingsPatch::rate_rounding_ml_per_h},
                 DecimalField{"max_concentration_mg_per_ml", &app::DoseSettingsPatch::max_concentration_mg_per_ml}}) {
    auto v = decimal(body, f.name, f.name);
    if (!v) return v.error();
    p.*f.member = *v;
  }
  return p;
}

namespace handlers {
namespace {

app::DoseService& doses(Call& call) { return call.api.services().dose; }

json::object patient_json(const app::PatientRow& p) {
  return {{"id", p.id}, {"name", p.family_name + ", " + p.given_name}, {"date_of_birth", p.date_of_birth}};
}

json::object rule_json(const DoseOrderRule& rule) {
  return {{"mg_per_kg", milli_or_null(rule.ug_per_kg)},
          {"dose_mg", milli_or_null(rule.dose_ug)},
          {"infusion_minutes", rule.infusion_minutes ? json::value(*rule.infusion_minutes) : json::value(nullptr)}};
}

json::array ints_json(const std::vector<int>& v) {
  json::array out;
  for (int i : v) out.emplace_back(i);
  return out;
}

json::array strings_json(const std::vector<std::string>& v) {
  json::array out;
  for (const auto& s : v) out.emplace_back(s);
  return out;
}

json::object limit_json(LimitVerdict verdict, const RouteLimits& limits, bool per_kg, const std::string& text) {
  return {{"verdict", to_string(verdict)},
          {"soft", milli_json(limits.soft)},
          {"hard", milli_json(limits.hard)},
          {"unit", per_kg ? "mg/kg" : "mg"},
          {"text", text},
          {"needs_override_reason", verdict == LimitVerdict::above_soft},
          {"refused", verdict == LimitVerdict::above_hard}};
}

json::object exposure_json(const Exposure& e) {
  return {{"from", format_date(e.from)},
          {"to", format_date(e.to)},
          {"total_mg", milli_json(e.total_ug)},
          {"total_mg_per_kg", milli_json(e.total_ug_per_kg)},
          {"sessions", e.sessions},
          {"doses_without_weight", e.without_weight}};
}

json::object preview_json(const app::DosePreview& p) {
  const auto& c = p.calc;
  json::value weight = nullptr;
  if (c.weight)
    weight = json::object{{"weight_kg", milli_json(c.weight->weight_g)},
                          {"measured_on", format_date(c.weight->measured_on)},
                          {"age_days", c.weight_age_days},
                          {"max_age_days", p.settings.max_weight_age_days}};
  return {{"route", to_string(c.route)},
          {"route_label", route_label(c.route)},
          {"planned_for", format_date(p.planned_for)},
          {"dose_rule", rule_json(c.rule)},
          {"weight", std::move(weight)},
          {"concentration_mg_per_ml", milli_or_null(c.concentration_ug_per_ml)},
          {"unrounded_dose_mg", milli_json(c.unrounded_dose_ug)},
          {"dose_mg", milli_json(c.dose_ug)},
          {"dose_mg_per_kg", milli_or_null(c.given_ug_per_kg)},
          {"dose_rounding", c.dose_rounding},
          {"volume_ml", milli_or_null(c.volume_ul)},
          {"volume_rounding", text_or_null(c.volume_rounding)},
          {"rate_ml_per_h", milli_or_null(c.rate_ul_per_h)},
          {"rate_rounding", text_or_null(c.rate_rounding)},
          {"devices", c.devices ? json::value(c.devices) : json::value(nullptr)},
          {"device_minutes", ints_json(c.device_minutes)},
          {"limit", limit_json(c.verdict, c.limits, c.limits_per_kg, c.limit_text)},
          {"exposure", exposure_json(p.exposure)},
          {"settings_version", p.settings.version}};
}

json::object order_json(const app::DoseOrderView& v) {
  const auto& o = v.order;
  const auto route = parse_route(o.route).value_or(Route::iv);
  const bool hide = v.blinded;
  DoseOrderRule rule;
  if (o.rule_ug_per_kg) rule.ug_per_kg = o.rule_ug_per_kg;
  if (o.rule_dose_ug) rule.dose_ug = o.rule_dose_ug;
  if (o.infusion_minutes) rule.infusion_minutes = o.infusion_minutes;
  json::value weight = nullptr;
  if (!hide && o.weight_g) weight = json::object{{"weight_kg", milli_json(o.weight_g)}, {"measured_on", o.weight_on}};
  json::value limit = nullptr;
  if (!hide) {
    auto verdict = o.verdict == "above_soft" ? LimitVerdict::above_soft : LimitVerdict::within;
    limit = limit_json(verdict, {o.soft_limit, o.hard_limit}, is_weight_based(route), o.limit_text);
  }
  json::array checks;
  for (const auto& c : v.checks)
    checks.push_back(json::object{
        {"checked_by", c.checked_by},
        {"checked_at", format_iso8601(c.checked_ms)},
        {"result", c.result},
        {"mismatched", strings_json(c.mismatched)},
        {"weight_kg", hide ? json::value(nullptr) : milli_or_null(c.weight_g)},
        {"concentration_mg_per_ml", hide ? json::value(nullptr) : milli_or_null(c.concentration_ug_per_ml)},
        {"devices", hide || !c.devices ? json::value(nullptr) : json::value(c.devices)}});
  auto hidden = [&](json::value v) { return hide ? json::value(nullptr) : v; };
  return {{"id", o.id},
          {"patient", patient_json(v.patient)},
          {"plan_id", text_or_null(o.plan_id)},
          {"planned_for", o.planned_for},
          {"route", o.route},
          {"route_label", route_label(route)},
          {"dose_rule", rule_json(rule)},
          {"status", o.status},
          {"blinded", v.blinded},
          {"can_check", v.can_check},
          {"weight", std::move(weight)},
          {"concentration_mg_per_ml", hidden(milli_or_null(o.concentration_ug_per_ml))},
          {"unrounded_dose_mg", hidden(milli_or_null(o.unrounded_dose_ug))},
          {"dose_mg", hidden(milli_or_null(o.dose_ug))},
          {"dose_mg_per_kg", hidden(milli_or_null(o.given_ug_per_kg))},
          {"dose_rounding", hidden(text_or_null(o.dose_rounding))},
          {"volume_ml", hidden(milli_or_null(o.volume_ul))},
          {"volume_rounding", hidden(text_or_null(o.volume_rounding))},
          {"rate_ml_per_h", hidden(milli_or_null(o.rate_ul_per_h))},
          {"rate_rounding", hidden(text_or_null(o.rate_rounding))},
          {"devices", hide || !o.devices ? json::value(nullptr) : json::value(o.devices)},
          {"device_minutes", hide ? json::value(nullptr) : json::value(ints_json(o.device_minutes))},
          {"limit", std::move(limit)},
          {"override_reason", hidden(text_or_null(o.override_reason))},
          {"override_by", hidden(text_or_null(v.override_by_email))},
          {"ordered_by", v.ordered_by_email},
          {"ordered_at", format_iso8601(o.ordered_ms)},
          {"settings_version", o.settings_version},
          {"verified_by", text_or_null(v.verified_by_email)},
          {"verified_at", time_or_null(o.verified_ms)},
          {"cancelled_at", time_or_null(o.cancelled_ms)},
          {"cancel_reason", text_or_null(o.cancel_reason)},
          {"checks", std::move(checks)}};
}

json::object settings_json(const app::DoseSettingsRow& s) {
  json::object limits;
  for (Route r : all_routes()) {
    const auto i = static_cast<std::size_t>(r);
    limits[to_string(r)] = json::object{{"soft", milli_json(s.soft[i])},
                                        {"hard", milli_json(s.hard[i])},
                                        {"unit", is_weight_based(r) ? "mg/kg" : "mg"}};
  }
  return {{"version", s.version},
          {"limits", std::move(limits)},
          {"max_weight_age_days", s.max_weight_age_days},
          {"dose_rounding_mg", milli_json(s.dose_rounding_ug)},
          {"volume_rounding_ml", milli_json(s.volume_rounding_ul)},
          {"rate_rounding_ml_per_h", milli_json(s.rate_rounding_ul_per_h)},
          {"min_infusion_minutes", s.min_infusion_minutes},
          {"max_infusion_minutes", s.max_infusion_minutes},
          {"max_concentration_mg_per_ml", milli_json(s.max_concentration_ug_per_ml)},
          {"updated_at", time_or_null(s.updated_ms)},
          {"updated_by", text_or_null(s.updated_by)}};
}

Result<app::DoseRequest> request_of(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return body.error();
  return decode_dose_request(*body);
}

}  // namespace

Response calculate_dose(Call& call) {
  auto req = request_of(call);
  if (!req) return error_response(req.error());
  auto out = doses(call).calculate(*call.caller, call.params[0], *req);
  if (!out) return error_response(out.error());
  return json_response(200, preview_json(*out));
}

Response create_dose_order(Call& call) {
  auto req = request_of(call);
  if (!req) return error_response(req.error());
  auto out = doses(call).order(*call.caller, call.params[0], *req);
  if (!out) return error_response(out.error());
  return json_response(201, order_json(*out));
}

Response list_dose_orders(Call& call) {
  auto out = doses(call).orders(*call.caller, call.params[0]);
  if (!out) return error_response(out.error());
  json::array items;
  for (const auto& v : *out) items.push_back(order_json(v));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response get_dose_order(Call& call) {
  auto out = doses(call).get(*call.caller, call.params[0]);
  if (!out) return error_response(out.error());
  return json_response(200, order_json(*out));
}

Response double_check_dose_order(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto in = decode_dose_check(*body);
  if (!in) return error_response(in.error());
  auto out = doses(call).double_check(*call.caller, call.params[0], *in);
  if (!out) return error_response(out.error());
  return json_response(200, order_json(*out));
}

Response cancel_dose_order(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto reason = string_field(*body, "reason");
  if (!reason) return error_response(reason.error());
  auto out = doses(call).cancel(*call.caller, call.params[0], *reason);
  if (!out) return error_response(out.error());
  return json_response(200, order_json(*out));
}

Response list_dose_checks(Call& call) {
  auto out = doses(call).awaiting_checks(*call.caller);
  if (!out) return error_response(out.error());
  json::array items;
  for (const auto& v : *out) items.push_back(order_json(v));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response get_exposure(Call& call) {
  auto out = doses(call).exposure(*call.caller, call.params[0], call.request.query_param("on").value_or(""));
  if (!out) return error_response(out.error());
  json::value weight = nullptr;
  if (out->latest_weight)
    weight = json::object{{"weight_kg", milli_json(out->latest_weight->measurement.weight_g)},
                          {"measured_on", out->latest_weight->measurement.measured_on},
                          {"age_days", out->latest_weight->age_days},
                          {"stale", out->latest_weight->stale}};
  return json_response(200, json::object{{"exposure", exposure_json(out->exposure)},
                                         {"latest_weight", std::move(weight)},
                                         {"max_weight_age_days", out->max_weight_age_days}});
}

Response get_dose_settings(Call& call) {
  auto out = doses(call).settings(*call.caller);
  if (!out) return error_response(out.error());
  return json_response(200, settings_json(*out));
}

Response update_dose_settings(Call& call) {
  auto body = parse_object(call.request.body);
  if (!body) return error_response(body.error());
  auto patch = decode_dose_settings(*body);
  if (!patch) return error_response(patch.error());
  auto out = doses(call).update_settings(*call.caller, *patch);
  if (!out) return error_response(out.error());
  return json_response(200, settings_json(*out));
}

}  // namespace handlers
}  // namespace kc::http
