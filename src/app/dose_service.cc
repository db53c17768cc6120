// DoseService: calculation, orders, the blind double check, exposure and settings.
#include "app/dose_service.h"

#include <algorithm>

#include "app/ids.h"
#include "domain/time.h"
#include "domain/validation.h"

namespace kc::app {
namespace {

constexpr int kMaxPlanAheadDays = 366;
constexpr std::size_t kMaxReason = 1000;
constexpr std::size_t kMaxPlanId = 100;

std::size_t route_index(Route r) { return static_cast<std::size_t>(r); }

std::optional<LatestWeight> latest_weight(Transaction& tx, const ClinicId& clinic, const std::string& patient_id,
                                          const Date& on, int max_age_days) {
  for (auto& m : tx.measurements(clinic, patient_id, Entries::valid)) {
    if (m.kind != "weight" || m.weight_g <= 0) continue;
    auto measured = parse_date(m.measured_on);
    if (!measured) continue;
    LatestWeight w{m, days_between(*measured, on), false};
    w.stale = !weight_recent(*measured, on, max_age_days);
    return w;
  }
  return std::nullopt;
}

std::vector<ExposureDose> exposure_doses(const std::vector<DoseOrderRow>& orders) {
  std::vector<ExposureDose> out;
  for (const auto& o : orders) {
    if (o.status == "cancelled") continue;
    auto on = parse_date(o.planned_for);
    if (!on) continue;
    out.push_back({*on, o.dose_ug, o.weight_g > 0 ? std::optional<std::int64_t>(o.weight_g) : std::nullopt});
  }
  return out;
}

std::string email_of(Transaction& tx, const ClinicId& clinic, const std::string& user_id) {
  if (user_id.empty()) return {};
  auto u = tx.user(clinic, user_id);
  return u ? u->email : user_id;
}

Error decimal_error(std::string field, std::string what) {
  return Error::invalid(std::move(field), std::move(what) + " is not a number the calculator can use.");
}

}  // namespace

DoseSettingsRow default_dose_settings(const ClinicId& clinic) {
  DoseSettingsRow s;
  s.clinic_id = clinic.value;
  auto set = [&](Route r, std::int64_t soft, std::int64_t hard) {
    s.soft[route_index(r)] = soft;
    s.hard[route_index(r)] = hard;
  };
  // docs/clinical-defaults.md, "Dose": each value with its source.
  set(Route::iv, 1'000, 4'500);  // soft 1.0 mg/kg (Fava 2020); hard 4.5 mg/kg (Ketalar induction ceiling)
  set(Route::im, 1'000, 4'500);  // as IV (bioavailability ~93 %)
  set(Route::sc, 900, 4'500);    // soft 0.9 mg/kg (top of the KADS titration, Loo 2023)
  set(Route::intranasal_esketamine, 84'000, 84'000);  // 84 mg, the label's highest dose
  set(Route::sublingual, 300'000, 400'000);           // clinic-practice; 400 mg top of reported at-home range
  set(Route::oral, 300'000, 400'000);
  s.max_weight_age_days = 30;      // clinic-practice setting, no published number
  s.dose_rounding_ug = 1'000;      // 1 mg, clinic-practice setting
  s.volume_rounding_ul = 100;      // 0.1 mL, clinic-practice setting
  s.rate_rounding_ul_per_h = 100;  // 0.1 mL/h, clinic-practice setting
  s.min_infusion_minutes = 2;      // reviews report infusions over 2-100 min (Andrade 2017)
  s.max_infusion_minutes = 100;
  s.max_concentration_ug_per_ml = 100'000;  // 100 mg/mL, the strongest Ketalar presentation
  return s;
}

DoseProtocol protocol_of(const DoseSettingsRow& s) {
  DoseProtocol p;
  for (Route r : all_routes()) p.limits_of(r) = {s.soft[route_index(r)], s.hard[route_index(r)]};
  p.max_weight_age_days = s.max_weight_age_days;
  p.dose_rounding_ug = s.dose_rounding_ug;
  p.volume_rounding_ul = s.volume_rounding_ul;
  p.rate_rounding_ul_per_h = s.rate_rounding_ul_per_h;
  p.min_infusion_minutes = s.min_infusion_minutes;
  p.max_infusion_minutes = s.max_infusion_minutes;
  p.max_concentration_ug_per_ml = s.max_concentration_ug_per_ml;
  return p;
}

std::optional<DoseOrderRow> verified_order_for(Transaction& tx, const ClinicId& clinic, std::string_view patient_id,
                                               Route route, const Date& on) {
  const std::string day = format_date(on);
  std::optional<DoseOrderRow> best;
  for (auto& o : tx.dose_orders(clinic, patient_id))
    if (o.status == "verified" && o.route == to_string(route) && o.planned_for == day &&
        (!best || o.ordered_ms > best->ordered_ms))
      best = std::move(o);
  return best;
}

DoseSettingsRow DoseService::settings_of(Transaction& tx, const ClinicId& clinic) {
  if (auto s = tx.dose_settings(clinic)) return *s;
  return default_dose_settings(clinic);
}

void DoseService::announce(const ClinicId& clinic, std::string_view type, const DoseOrderRow& order) {
  if (!events_) return;
  events_->publish(clinic, {std::string(type),
                            "{\"dose_order_id\":\"" + order.id + "\",\"patient_id\":\"" + order.patient_id + "\"}",
                            Action::dose_read, clock_.now_ms()});
}

std::optional<LatestWeight> weight_for_dosing(Transaction& tx, const ClinicId& clinic, const std::string& patient_id,
                                              const Date& on) {
  return latest_weight(tx, clinic, patient_id, on, DoseService::settings_of(tx, clinic).max_weight_age_days);
}

Result<DosePreview> DoseService::compute(Transaction& tx, const Caller& caller, const std::string& patient_id,
                                         const DoseRequest& req) {
  auto route = parse_route(req.route);
  if (!route) return Error::invalid("route", "route must be iv, im, sc, intranasal_esketamine, sublingual or oral.");
  const Date today = date_of(clock_.now_ms());
  Date planned = today;
  if (!req.planned_for.empty()) {
    auto d = parse_date(req.planned_for);
    if (!d) return Error::invalid("planned_for", "planned_for must be a date (YYYY-MM-DD).");
    if (compare(*d, today) < 0) return Error::invalid("planned_for", "planned_for must be today or later.");
    if (days_between(today, *d) > kMaxPlanAheadDays)
      return Error::invalid("planned_for", "planned_for must be within a year.");
    planned = *d;
  }
  DoseInput in;
  in.route = *route;
  in.today = planned;
  if (req.mg_per_kg) {
    auto v = to_milli(*req.mg_per_kg);
    if (!v) return decimal_error("dose_rule.mg_per_kg", "mg_per_kg");
    in.rule.ug_per_kg = *v;
  }
  if (req.dose_mg) {
    auto v = to_milli(*req.dose_mg);
    if (!v) return decimal_error("dose_rule.dose_mg", "dose_mg");
    in.rule.dose_ug = *v;
  }
  in.rule.infusion_minutes = req.infusion_minutes;
  if (req.concentration_mg_per_ml) {
    auto v = to_milli(*req.concentration_mg_per_ml);
    if (!v) return decimal_error("concentration_mg_per_ml", "concentration_mg_per_ml");
    in.concentration_ug_per_ml = *v;
  }
  auto settings = settings_of(tx, caller.clinic);
  if (auto w = latest_weight(tx, caller.clinic, patient_id, planned, settings.max_weight_age_days))
    in.weight = WeightOn{w->measurement.weight_g, *parse_date(w->measurement.measured_on)};
  auto orders = tx.dose_orders(caller.clinic, patient_id);
  for (const auto& o : orders)
    if (o.status != "cancelled" && o.route == to_string(Route::intranasal_esketamine)) ++in.prior_esketamine_doses;
  auto calc = calculate_dose(in, protocol_of(settings));
  if (!calc) return calc.error();
  return DosePreview{std::move(*calc), planned, exposure_over(exposure_doses(orders), planned), settings};
}

Result<DosePreview> DoseService::calculate(const Caller& caller, const std::string& patient_id,
                                           const DoseRequest& request) {
  if (!caller.can(Action::dose_read)) {
    audit_.record_denied(store_, caller, "dose.calculate", "patient", patient_id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);  // only for the audit event of this read
  if (!tx->patient(caller.clinic, patient_id)) return Error::not_found("No such patient.");
  auto preview = compute(*tx, caller, patient_id, request);
  if (!preview) return preview.error();
  audit_.record(*tx, caller, "dose.calculate", "patient", patient_id);
  tx->commit();
  return preview;
}

Result<DoseOrderView> DoseService::order(const Caller& caller, const std::string& patient_id,
                                         const DoseRequest& request) {
  if (!caller.can(Action::dose_order)) {
    audit_.record_denied(store_, caller, "dose.order", "patient", patient_id);
    return Error::forbidden("Only a prescriber may order a dose.");
  }
  if (request.override_reason.size() > kMaxReason)
    return Error::invalid("override_reason", "override_reason is at most 1000 characters.");
  if (request.plan_id.size() > kMaxPlanId) return Error::invalid("plan_id", "plan_id is at most 100 characters.");
  auto tx = store_.begin(Store::Mode::write);
  if (!tx->patient(caller.clinic, patient_id)) return Error::not_found("No such patient.");
  auto preview = compute(*tx, caller, patient_id, request);
  if (!preview) return preview.error();
  const auto& c = preview->calc;
  if (auto ok = authorize_limit(c, request.override_reason); !ok) return ok.error();

  DoseOrderRow o;
  o.id = new_id(crypto_, "dor");
  o.clinic_id = caller.clinic.value;
  o.patient_id = patient_id;
  o.plan_id = request.plan_id;
  o.planned_for = format_date(preview->planned_for);
  o.route = std::string(to_string(c.route));
  o.rule_ug_per_kg = c.rule.ug_per_kg.value_or(0);
  o.rule_dose_ug = c.rule.dose_ug.value_or(0);
  o.infusion_minutes = c.rule.infusion_minutes.value_or(0);
  if (c.weight) {
    o.weight_g = c.weight->weight_g;
    o.weight_on = format_date(c.weight->measured_on);
  }
  o.concentration_ug_per_ml = c.concentration_ug_per_ml.value_or(0);
  o.unrounded_dose_ug = c.unrounded_dose_ug;
  o.dose_ug = c.dose_ug;
  o.given_ug_per_kg = c.given_ug_per_kg.value_or(0);
  o.volume_ul = c.volume_ul.value_or(0);
  o.rate_ul_per_h = c.rate_ul_per_h.value_or(0);
  o.devices = c.devices;
  o.device_minutes = c.device_minutes;
  o.dose_rounding = c.dose_rounding;
  o.volume_rounding = c.volume_rounding;
  o.rate_rounding = c.rate_rounding;
  o.verdict = std::string(to_string(c.verdict));
  o.soft_limit = c.limits.soft;
  o.hard_limit = c.limits.hard;
  o.limit_text = c.limit_text;
  if (c.verdict == LimitVerdict::above_soft) {
    o.override_reason = request.override_reason;
    o.override_by = caller.user_id;
  }
  o.status = "ordered";
  o.ordered_by = caller.user_id;
  o.ordered_ms = clock_.now_ms();
  o.settings_version = preview->settings.version;
  tx->insert_dose_order(o);
  audit_.record(*tx, caller, c.verdict == LimitVerdict::above_soft ? "dose.order.override" : "dose.order", "dose_order",
                o.id);
  auto view = view_of(*tx, caller, o);
  tx->commit();
  announce(caller.clinic, "dose.ordered", o);
  return view;
}

DoseOrderView DoseService::view_of(Transaction& tx, const Caller& caller, const DoseOrderRow& order) {
  DoseOrderView v;
  v.order = order;
  if (auto p = tx.patient(caller.clinic, order.patient_id)) v.patient = *p;
  const bool own = !caller.user_id.empty() && caller.user_id == order.ordered_by;
  v.blinded = !own && order.status != "verified";
  v.can_check = !own && caller.can(Action::dose_check) && (order.status == "ordered" || order.status == "blocked");
  v.ordered_by_email = email_of(tx, caller.clinic, order.ordered_by);
  v.verified_by_email = email_of(tx, caller.clinic, order.verified_by);
  v.override_by_email = email_of(tx, caller.clinic, order.override_by);
  v.checks = tx.dose_checks(caller.clinic, order.id);
  for (auto& ck : v.checks) {
    ck.checked_by = email_of(tx, caller.clinic, ck.checked_by);
    if (v.blinded) ck.weight_g = ck.concentration_ug_per_ml = ck.devices = 0;
  }
  if (v.blinded) {
    auto& o = v.order;
    o.weight_g = o.concentration_ug_per_ml = o.unrounded_dose_ug = o.given_ug_per_kg = o.volume_ul = o.rate_ul_per_h =
        0;
    if (is_weight_based(parse_route(o.route).value_or(Route::iv))) o.dose_ug = 0;  // mg from mg/kg reveals the weight
    o.weight_on.clear();
    o.devices = 0;
    o.device_minutes.clear();
    o.dose_rounding.clear();
    o.volume_rounding.clear();
    o.rate_rounding.clear();
    o.limit_text.clear();
  }
  return v;
}

Result<std::vector<DoseOrderView>> DoseService::orders(const Caller& caller, const std::string& patient_id) {
  if (!caller.can(Action::dose_read)) {
    audit_.record_denied(store_, caller, "dose.orders.read", "patient", patient_id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  if (!tx->patient(caller.clinic, patient_id)) return Error::not_found("No such patient.");
  std::vector<DoseOrderView> out;
  for (const auto& o : tx->dose_orders(caller.clinic, patient_id)) out.push_back(view_of(*tx, caller, o));
  audit_.record(*tx, caller, "dose.orders.read", "patient", patient_id);
  tx->commit();
  return out;
}

Result<DoseOrderView> DoseService::get(const Caller& caller, const std::string& order_id) {
  if (!caller.can(Action::dose_read)) {
    audit_.record_denied(store_, caller, "dose.order.read", "dose_order", order_id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto o = tx->dose_order(caller.clinic, order_id);
  if (!o) return Error::not_found("No such dose order.");
  auto view = view_of(*tx, caller, *o);
  audit_.record(*tx, caller, "dose.order.read", "dose_order", order_id);
  tx->commit();
  return view;
}

Result<DoseOrderView> DoseService::double_check(const Caller& caller, const std::string& order_id,
                                                const CheckInput& input) {
  if (!caller.can(Action::dose_check)) {
    audit_.record_denied(store_, caller, "dose.double_check", "dose_order", order_id);
    return Error::forbidden("Only a prescriber or a nurse may double-check a dose.");
  }
  CheckEntry entered;
  if (input.weight_kg) {
    auto v = to_milli(*input.weight_kg);
    if (!v || *v <= 0 || *v > 500'000)
      return Error::invalid("weight_kg", "weight_kg must be more than 0 and at most 500.");
    entered.weight_g = *v;
  }
  if (input.concentration_mg_per_ml) {
    auto v = to_milli(*input.concentration_mg_per_ml);
    if (!v || *v <= 0 || *v > 1'000'000)
      return Error::invalid("concentration_mg_per_ml", "concentration_mg_per_ml must be more than 0.");
    entered.concentration_ug_per_ml = *v;
  }
  if (input.devices) {
    if (*input.devices < 1 || *input.devices > 10) return Error::invalid("devices", "devices must be from 1 to 10.");
    entered.devices = input.devices;
  }
  auto tx = store_.begin(Store::Mode::write);
  auto o = tx->dose_order(caller.clinic, order_id);
  if (!o) return Error::not_found("No such dose order.");
  if (o->ordered_by == caller.user_id) {
    tx.reset();
    audit_.record_denied(store_, caller, "dose.double_check", "dose_order", order_id);
    return Error{ErrorKind::forbidden,
                 "double_check_by_orderer",
                 "The clinician who ordered a dose cannot double-check it; another prescriber or a nurse must.",
                 {}};
  }
  if (o->status != "ordered" && o->status != "blocked")
    return Error::conflict("dose_order_not_awaiting_check",
                           "This dose order is " + o->status + ": it is not awaiting a double check.");

  CheckEntry ordered;
  // Esketamine is a fixed device dose: its check is the device count (a weight stored
  // with it is only for mg/kg in the exposure).
  const bool esketamine = o->route == to_string(Route::intranasal_esketamine);
  if (o->weight_g > 0 && !esketamine) ordered.weight_g = o->weight_g;
  if (o->concentration_ug_per_ml > 0) ordered.concentration_ug_per_ml = o->concentration_ug_per_ml;
  if (o->devices > 0) ordered.devices = o->devices;
  // Each value the order has must be entered: a missing one is a bad request, not a mismatch.
  if (ordered.weight_g && !entered.weight_g) return Error::invalid("weight_kg", "Enter the patient's weight in kg.");
  if (ordered.concentration_ug_per_ml && !entered.concentration_ug_per_ml)
    return Error::invalid("concentration_mg_per_ml", "Enter the concentration on the vial in mg/mL.");
  if (ordered.devices && !entered.devices) return Error::invalid("devices", "Enter the number of devices.");

  DoseCheckRow check;
  check.id = new_id(crypto_, "dck");
  check.clinic_id = caller.clinic.value;
  check.order_id = o->id;
  check.checked_by = caller.user_id;
  check.checked_ms = clock_.now_ms();
  check.weight_g = entered.weight_g.value_or(0);
  check.concentration_ug_per_ml = entered.concentration_ug_per_ml.value_or(0);
  check.devices = entered.devices.value_or(0);
  check.mismatched = mismatched_fields(ordered, entered);
  check.result = check.mismatched.empty() ? "match" : "mismatch";
  tx->insert_dose_check(check);
  if (!check.mismatched.empty()) {
    o->status = "blocked";
    tx->update_dose_order(caller.clinic, *o);
    audit_.record(*tx, caller, "dose.double_check.mismatch", "dose_order", o->id, outcome::failure);
    tx->commit();
    announce(caller.clinic, "dose.blocked", *o);
    std::string names;
    for (const auto& f : check.mismatched) names += (names.empty() ? "" : ", ") + f;
    std::string fields;
    for (const auto& f : check.mismatched) fields += (fields.empty() ? "" : ",") + f;
    return Error::conflict("double_check_mismatch",
                           "The double check does not match the order (" + names +
                               "). The order is blocked until a check matches; check the patient's weight and the "
                               "vial, and ask the prescriber if the order is wrong.",
                           fields);
  }
  o->status = "verified";
  o->verified_by = caller.user_id;
  o->verified_ms = check.checked_ms;
  tx->update_dose_order(caller.clinic, *o);
  audit_.record(*tx, caller, "dose.double_check.match", "dose_order", o->id);
  auto view = view_of(*tx, caller, *o);
  tx->commit();
  announce(caller.clinic, "dose.verified", *o);
  return view;
}

Result<DoseOrderView> DoseService::cancel(const Caller& caller, const std::string& order_id,
                                          const std::string& reason) {
  if (!caller.can(Action::dose_order)) {
    audit_.record_denied(store_, caller, "dose.order.cancel", "dose_order", order_id);
    return Error::forbidden("Only a prescriber may cancel a dose order.");
  }
  auto text = required_text("reason", reason, kMaxReason);
  if (!text) return text.error();
  auto tx = store_.begin(Store::Mode::write);
  auto o = tx->dose_order(caller.clinic, order_id);
  if (!o) return Error::not_found("No such dose order.");
  if (o->status == "cancelled") return Error::conflict("dose_order_cancelled", "This dose order is already cancelled.");
  o->status = "cancelled";
  o->cancelled_by = caller.user_id;
  o->cancelled_ms = clock_.now_ms();
  o->cancel_reason = *text;
  tx->update_dose_order(caller.clinic, *o);
  audit_.record(*tx, caller, "dose.order.cancel", "dose_order", o->id);
  auto view = view_of(*tx, caller, *o);
  tx->commit();
  announce(caller.clinic, "dose.cancelled", *o);
  return view;
}

Result<std::vector<DoseOrderView>> DoseService::awaiting_checks(const Caller& caller) {
  if (!caller.can(Action::dose_check)) {
    audit_.record_denied(store_, caller, "dose.checks.read", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  std::vector<DoseOrderView> out;
  for (const auto& o : tx->dose_orders_awaiting_check(caller.clinic)) out.push_back(view_of(*tx, caller, o));
  audit_.record(*tx, caller, "dose.checks.read", "clinic", caller.clinic.value);
  tx->commit();
  return out;
}

Result<ExposureView> DoseService::exposure(const Caller& caller, const std::string& patient_id, const std::string& on) {
  if (!caller.can(Action::dose_read)) {
    audit_.record_denied(store_, caller, "dose.exposure.read", "patient", patient_id);
    return Error::forbidden();
  }
  Date day = date_of(clock_.now_ms());
  if (!on.empty()) {
    auto d = parse_date(on);
    if (!d) return Error::invalid("on", "on must be a date (YYYY-MM-DD).");
    day = *d;
  }
  auto tx = store_.begin(Store::Mode::write);
  if (!tx->patient(caller.clinic, patient_id)) return Error::not_found("No such patient.");
  auto settings = settings_of(*tx, caller.clinic);
  ExposureView v;
  v.exposure = exposure_over(exposure_doses(tx->dose_orders(caller.clinic, patient_id)), day);
  v.latest_weight = latest_weight(*tx, caller.clinic, patient_id, day, settings.max_weight_age_days);
  v.max_weight_age_days = settings.max_weight_age_days;
  audit_.record(*tx, caller, "dose.exposure.read", "patient", patient_id);
  tx->commit();
  return v;
}

Result<DoseSettingsRow> DoseService::settings(const Caller& caller) {
  if (!caller.can(Action::dose_read) && !caller.can(Action::settings_manage)) {
    audit_.record_denied(store_, caller, "settings.dose.read", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::read);
  return settings_of(*tx, caller.clinic);
}

Result<DoseSettingsRow> DoseService::update_settings(const Caller& caller, const DoseSettingsPatch& patch) {
  if (!caller.can(Action::settings_manage)) {
    audit_.record_denied(store_, caller, "settings.dose.update", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto s = settings_of(*tx, caller.clinic);
  auto milli = [](const std::optional<double>& v, std::string field, std::int64_t lo, std::int64_t hi,
                  std::int64_t& target) -> Status {
    if (!v) return Ok{};
    auto m = to_milli(*v);
    if (!m || *m < lo || *m > hi)
      return Error::invalid(field, field + " must be from " + format_milli(lo) + " to " + format_milli(hi) + ".");
    target = *m;
    return Ok{};
  };
  auto whole = [](const std::optional<int>& v, std::string field, int lo, int hi, int& target) -> Status {
    if (!v) return Ok{};
    if (*v < lo || *v > hi)
      return Error::invalid(field, field + " must be from " + std::to_string(lo) + " to " + std::to_string(hi) + ".");
    target = *v;
    return Ok{};
  };
  for (Route r : all_routes()) {
    const auto i = route_index(r);
    const std::string base = "limits." + std::string(to_string(r)) + ".";
    const std::int64_t hi = is_weight_based(r) ? 100'000 : 10'000'000;  // 100 mg/kg, 10 g
    if (auto ok = milli(patch.soft[i], base + "soft", 1, hi, s.soft[i]); !ok) return ok.error();
    if (auto ok = milli(patch.hard[i], base + "hard", 1, hi, s.hard[i]); !ok) return ok.error();
    if (s.soft[i] > s.hard[i])
      return Error::invalid(base + "soft",
                            "The soft limit of " + std::string(route_label(r)) + " must not be above its hard limit.");
  }
  for (auto ok : {whole(patch.max_weight_age_days, "max_weight_age_days", 1, 365, s.max_weight_age_days),
                  whole(patch.min_infusion_minutes, "min_infusion_minutes", 1, 240, s.min_infusion_minutes),
                  whole(patch.max_infusion_minutes, "max_infusion_minutes", 1, 240, s.max_infusion_minutes),
                  milli(patch.dose_rounding_mg, "dose_rounding_mg", 1, 10'000, s.dose_rounding_ug),
                  milli(patch.volume_rounding_ml, "volume_rounding_ml", 1, 1'000, s.volume_rounding_ul),
                  milli(patch.rate_rounding_ml_per_h, "rate_rounding_ml_per_h", 1, 10'000, s.rate_rounding_ul_per_h),
                  milli(patch.max_concentration_mg_per_ml, "max_concentration_mg_per_ml", 1, 1'000'000,
                        s.max_concentration_ug_per_ml)})
    if (!ok) return ok.error();
  if (s.min_infusion_minutes > s.max_infusion_minutes)
    return Error::invalid("min_infusion_minutes", "min_infusion_minutes must not be above max_infusion_minutes.");
  s.version += 1;
  s.updated_ms = clock_.now_ms();
  s.updated_by = caller.user_id;
  tx->save_dose_settings(s);
  audit_.record(*tx, caller, "settings.dose.update", "clinic", caller.clinic.value);
  auto saved = settings_of(*tx, caller.clinic);
  tx->commit();
  return saved;
}

}  // namespace kc::app
