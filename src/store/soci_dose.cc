// The dose part of SociTransaction (see soci_transaction.h): the clinic's dose
// settings, dose orders and their blind double checks.
#include <string>

#include "store/query.h"
#include "store/soci_transaction.h"

namespace kc::store {
namespace {

using app::ClinicId;
using app::DoseCheckRow;
using app::DoseOrderRow;
using app::DoseSettingsRow;

constexpr const char* kOrderColumns =
    "id, clinic_id, patient_id, plan_id, planned_for, route, rule_ug_per_kg, rule_dose_ug, infusion_minutes, "
    "weight_g, weight_on, concentration_ug_per_ml, unrounded_dose_ug, dose_ug, given_ug_per_kg, volume_ul, "
    "rate_ul_per_h, devices, device_minutes, dose_rounding, volume_rounding, rate_rounding, verdict, soft_limit, "
    "hard_limit, limit_text, override_reason, override_by, status, ordered_by, ordered_ms, settings_version, "
    "verified_by, verified_ms, cancelled_by, cancelled_ms, cancel_reason";

std::string join_ints(const std::vector<int>& v) {
  std::vector<std::string> parts;
  for (int i : v) parts.push_back(std::to_string(i));
  return join_list(parts, ',');
}

std::vector<int> split_ints(const std::string& text) {
  std::vector<int> out;
  for (const auto& p : split_list(text, ',')) {
    try {
      out.push_back(std::stoi(p));
    } catch (const std::exception&) {
      // only join_ints writes this column
    }
  }
  return out;
}

struct OrderFields {
  DoseOrderRow row;
  long long rule_ug_per_kg = 0, rule_dose_ug = 0, minutes = 0, weight = 0, conc = 0, unrounded = 0, dose = 0, given = 0,
            volume = 0, rate = 0, devices = 0, soft = 0, hard = 0, ordered = 0, version = 0, verified = 0,
            cancelled = 0;
  std::string device_minutes;
  void bind(DynamicQuery& q) {
    q.into(row.id);
    q.into(row.clinic_id);
    q.into(row.patient_id);
    q.into(row.plan_id);
    q.into(row.planned_for);
    q.into(row.route);
    q.into(rule_ug_per_kg);
    q.into(rule_dose_ug);
    q.into(minutes);
    q.into(weight);
    q.into(row.weight_on);
    q.into(conc);
    q.into(unrounded);
    q.into(dose);
    q.into(given);
    q.into(volume);
    q.into(rate);
    q.into(devices);
    q.into(device_minutes);
    q.into(row.dose_rounding);
    q.into(row.volume_rounding);
    q.into(row.rate_rounding);
    q.into(row.verdict);
    q.into(soft);
    q.into(hard);
    q.into(row.limit_text);
    q.into(row.override_reason);
    q.into(row.override_by);
    q.into(row.status);
    q.into(row.ordered_by);
    q.into(ordered);
    q.into(version);
    q.into(row.verified_by);
    q.into(verified);
    q.into(row.cancelled_by);
    q.into(cancelled);
    q.into(row.cancel_reason);
  }
  DoseOrderRow take() const {
    DoseOrderRow r = row;
    r.rule_ug_per_kg = rule_ug_per_kg;
    r.rule_dose_ug = rule_dose_ug;
    r.infusion_minutes = static_cast<int>(minutes);
    r.weight_g = weight;
    r.concentration_ug_per_ml = conc;
    r.unrounded_dose_ug = unrounded;
    r.dose_ug = dose;
    r.given_ug_per_kg = given;
    r.volume_ul = volume;
    r.rate_ul_per_h = rate;
    r.devices = static_cast<int>(devices);
    r.device_minutes = split_ints(device_minutes);
    r.soft_limit = soft;
    r.hard_limit = hard;
    r.ordered_ms = ordered;
    r.settings_version = static_cast<int>(version);
    r.verified_ms = verified;
    r.cancelled_ms = cancelled;
    return r;
  }
};

constexpr const char* kSettingsColumns =
    "clinic_id, version, iv_soft, iv_hard, im_soft, im_hard, sc_soft, sc_hard, esketamine_soft, esketamine_hard, "
    "sublingual_soft, sublingual_hard, oral_soft, oral_hard, max_weight_age_days, dose_rounding_ug, "
    "volume_rounding_ul, rate_rounding_ul_per_h, min_infusion_minutes, max_infusion_minutes, "
    "max_concentration_ug_per_ml, updated_ms, updated_by";

}  // namespace

std::optional<DoseSettingsRow> SociTransaction::dose_settings(const ClinicId& clinic) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  DoseSettingsRow r;
  long long version = 0, limits[12] = {}, age = 0, dose = 0, volume = 0, rate = 0, min_m = 0, max_m = 0, conc = 0,
            updated = 0;
  std::string updated_by;
  q.into(r.clinic_id);
  q.into(version);
  for (auto& l : limits) q.into(l);
  q.into(age);
  q.into(dose);
  q.into(volume);
  q.into(rate);
  q.into(min_m);
  q.into(max_m);
  q.into(conc);
  q.into(updated);
  q.into(r.updated_by);
  q.run(
      "SELECT s.clinic_id, s.version, s.iv_soft, s.iv_hard, s.im_soft, s.im_hard, s.sc_soft, s.sc_hard, "
      "s.esketamine_soft, s.esketamine_hard, s.sublingual_soft, s.sublingual_hard, s.oral_soft, s.oral_hard, "
      "s.max_weight_age_days, s.dose_rounding_ug, s.volume_rounding_ul, s.rate_rounding_ul_per_h, "
      "s.min_infusion_minutes, s.max_infusion_minutes, s.max_concentration_ug_per_ml, s.updated_ms, "
      "COALESCE(u.email, s.updated_by) FROM dose_settings s LEFT JOIN users u ON u.clinic_id = s.clinic_id AND "
      "u.id = s.updated_by WHERE s.clinic_id = :c");
  if (!q.fetch()) return std::nullopt;
  r.version = static_cast<int>(version);
  for (int i = 0; i < 6; ++i) {
    r.soft[i] = limits[2 * i];
    r.hard[i] = limits[2 * i + 1];
  }
  r.max_weight_age_days = static_cast<int>(age);
  r.dose_rounding_ug = dose;
  r.volume_rounding_ul = volume;
  r.rate_rounding_ul_per_h = rate;
  r.min_infusion_minutes = static_cast<int>(min_m);
  r.max_infusion_minutes = static_cast<int>(max_m);
  r.max_concentration_ug_per_ml = conc;
  r.updated_ms = updated;
  return r;
}

void SociTransaction::save_dose_settings(const DoseSettingsRow& s) {
  DynamicQuery q(sql());
  q.arg(s.clinic_id);
  q.arg(static_cast<long long>(s.version));
  for (int i = 0; i < 6; ++i) {
    q.arg(static_cast<long long>(s.soft[i]));
    q.arg(static_cast<long long>(s.hard[i]));
  }
  q.arg(static_cast<long long>(s.max_weight_age_days));
  q.arg(static_cast<long long>(s.dose_rounding_ug));
  q.arg(static_cast<long long>(s.volume_rounding_ul));
  q.arg(static_cast<long long>(s.rate_rounding_ul_per_h));
  q.arg(static_cast<long long>(s.min_infusion_minutes));
  q.arg(static_cast<long long>(s.max_infusion_minutes));
  q.arg(static_cast<long long>(s.max_concentration_ug_per_ml));
  q.arg(static_cast<long long>(s.updated_ms));
  q.arg(s.updated_by);
  std::string set;
  for (const char* col : {"version",
                          "iv_soft",
                          "iv_hard",
                          "im_soft",
                          "im_hard",
                          "sc_soft",
                          "sc_hard",
                          "esketamine_soft",
                          "esketamine_hard",
                          "sublingual_soft",
                          "sublingual_hard",
                          "oral_soft",
                          "oral_hard",
                          "max_weight_age_days",
                          "dose_rounding_ug",
                          "volume_rounding_ul",
                          "rate_rounding_ul_per_h",
                          "min_infusion_minutes",
                          "max_infusion_minutes",
                          "max_concentration_ug_per_ml",
                          "updated_ms",
                          "updated_by"})
    set += std::string(set.empty() ? "" : ", ") + col + " = excluded." + col;
  q.run(std::string("INSERT INTO dose_settings (") + kSettingsColumns +
        ") VALUES (:c, :v, :a1, :a2, :a3, :a4, :a5, :a6, :a7, :a8, :a9, :a10, :a11, :a12, :age, :dr, :vr, :rr, "
        ":mn, :mx, :mc, :u, :ub) ON CONFLICT (clinic_id) DO UPDATE SET " +
        set);
}

void SociTransaction::insert_dose_order(const DoseOrderRow& o) {
  DynamicQuery q(sql());
  q.arg(o.id);
  q.arg(o.clinic_id);
  q.arg(o.patient_id);
  q.arg(o.plan_id);
  q.arg(o.planned_for);
  q.arg(o.route);
  q.arg(static_cast<long long>(o.rule_ug_per_kg));
  q.arg(static_cast<long long>(o.rule_dose_ug));
  q.arg(static_cast<long long>(o.infusion_minutes));
  q.arg(static_cast<long long>(o.weight_g));
  q.arg(o.weight_on);
  q.arg(static_cast<long long>(o.concentration_ug_per_ml));
  q.arg(static_cast<long long>(o.unrounded_dose_ug));
  q.arg(static_cast<long long>(o.dose_ug));
  q.arg(static_cast<long long>(o.given_ug_per_kg));
  q.arg(static_cast<long long>(o.volume_ul));
  q.arg(static_cast<long long>(o.rate_ul_per_h));
  q.arg(static_cast<long long>(o.devices));
  q.arg(join_ints(o.device_minutes));
  q.arg(o.dose_rounding);
  q.arg(o.volume_rounding);
  q.arg(o.rate_rounding);
  q.arg(o.verdict);
  q.arg(static_cast<long long>(o.soft_limit));
  q.arg(static_cast<long long>(o.hard_limit));
  q.arg(o.limit_text);
  q.arg(o.override_reason);
  q.arg(o.override_by);
  q.arg(o.status);
  q.arg(o.ordered_by);
  q.arg(static_cast<long long>(o.ordered_ms));
  q.arg(static_cast<long long>(o.settings_version));
  q.arg(o.verified_by);
  q.arg(static_cast<long long>(o.verified_ms));
  q.arg(o.cancelled_by);
  q.arg(static_cast<long long>(o.cancelled_ms));
  q.arg(o.cancel_reason);
  std::string values;
  for (int i = 0; i < 37; ++i) values += (i ? ", :v" : ":v") + std::to_string(i);
  q.run(std::string("INSERT INTO dose_orders (") + kOrderColumns + ") VALUES (" + values + ")");
}

void SociTransaction::update_dose_order(const ClinicId& clinic, const DoseOrderRow& o) {
  DynamicQuery q(sql());
  q.arg(o.status);
  q.arg(o.verified_by);
  q.arg(static_cast<long long>(o.verified_ms));
  q.arg(o.cancelled_by);
  q.arg(static_cast<long long>(o.cancelled_ms));
  q.arg(o.cancel_reason);
  q.arg(clinic.value);
  q.arg(o.id);
  q.run(
      "UPDATE dose_orders SET status = :s, verified_by = :vb, verified_ms = :vm, cancelled_by = :cb, "
      "cancelled_ms = :cm, cancel_reason = :cr WHERE clinic_id = :c AND id = :id");
}

std::optional<DoseOrderRow> SociTransaction::dose_order(const ClinicId& clinic, std::string_view id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(id));
  OrderFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kOrderColumns + " FROM dose_orders WHERE clinic_id = :c AND id = :id" + lock_clause());
  if (!q.fetch()) return std::nullopt;
  return f.take();
}

std::vector<DoseOrderRow> SociTransaction::dose_orders(const ClinicId& clinic, std::string_view patient_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  OrderFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kOrderColumns +
        " FROM dose_orders WHERE clinic_id = :c AND patient_id = :p ORDER BY planned_for DESC, ordered_ms DESC, "
        "id DESC");
  return q.collect([&] { return f.take(); });
}

std::vector<DoseOrderRow> SociTransaction::dose_orders_awaiting_check(const ClinicId& clinic) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  OrderFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kOrderColumns +
        " FROM dose_orders WHERE clinic_id = :c AND status IN ('ordered', 'blocked') ORDER BY ordered_ms, id");
  return q.collect([&] { return f.take(); });
}

void SociTransaction::insert_dose_check(const DoseCheckRow& c) {
  DynamicQuery q(sql());
  q.arg(c.id);
  q.arg(c.clinic_id);
  q.arg(c.order_id);
  q.arg(c.checked_by);
  q.arg(static_cast<long long>(c.checked_ms));
  q.arg(static_cast<long long>(c.weight_g));
  q.arg(static_cast<long long>(c.concentration_ug_per_ml));
  q.arg(static_cast<long long>(c.devices));
  q.arg(c.result);
  q.arg(join_list(c.mismatched, ','));
  q.run(
      "INSERT INTO dose_checks (id, clinic_id, order_id, checked_by, checked_ms, weight_g, concentration_ug_per_ml, "
      "devices, result, mismatched) VALUES (:id, :c, :o, :by, :at, :w, :cc, :d, :r, :m)");
}

std::vector<DoseCheckRow> SociTransaction::dose_checks(const ClinicId& clinic, std::string_view order_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(order_id));
  DoseCheckRow row;
  long long at = 0, weight = 0, conc = 0, devices = 0;
  std::string mismatched;
  q.into(row.id);
  q.into(row.clinic_id);
  q.into(row.order_id);
  q.into(row.checked_by);
  q.into(at);
  q.into(weight);
  q.into(conc);
  q.into(devices);
  q.into(row.result);
  q.into(mismatched);
  q.run(
      "SELECT id, clinic_id, order_id, checked_by, checked_ms, weight_g, concentration_ug_per_ml, devices, result, "
      "mismatched FROM dose_checks WHERE clinic_id = :c AND order_id = :o ORDER BY checked_ms, id");
  return q.collect([&] {
    DoseCheckRow out = row;
    out.checked_ms = at;
    out.weight_g = weight;
    out.concentration_ug_per_ml = conc;
    out.devices = static_cast<int>(devices);
    out.mismatched = split_list(mismatched, ',');
    return out;
  });
}

}  // namespace kc::store
