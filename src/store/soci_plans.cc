// The treatment-plan part of SociTransaction (see soci_transaction.h): signed plan
// versions and the clinic's plan settings with their per-route PK rows.
#include <cstdlib>
#include <string>

#include "store/query.h"
#include "store/soci_transaction.h"

namespace kc::store {
namespace {

using app::ClinicId;
using app::PlanRoutePk;
using app::PlanRow;
using app::PlanSettingsRow;

double or_zero(const std::optional<double>& v) { return v.value_or(0.0); }
std::optional<double> positive_or_none(double v) { return v > 0 ? std::optional<double>(v) : std::nullopt; }

/// Goals as stored: one per line, "instrument TAB target (-1: none) TAB text". Goal
/// text holds no control characters (validated), so neither separator occurs in it.
std::string encode_goals(const std::vector<PlanGoal>& goals) {
  std::vector<std::string> lines;
  for (const auto& g : goals)
    lines.push_back(g.instrument + '\t' + std::to_string(g.target_score.value_or(-1)) + '\t' + g.text);
  return join_list(lines, '\n');
}

std::vector<PlanGoal> decode_goals(const std::string& text) {
  std::vector<PlanGoal> out;
  for (const auto& line : split_list(text, '\n')) {
    const auto a = line.find('\t');
    const auto b = a == std::string::npos ? std::string::npos : line.find('\t', a + 1);
    if (b == std::string::npos) continue;
    PlanGoal g;
    g.instrument = line.substr(0, a);
    const int target = std::atoi(line.substr(a + 1, b - a - 1).c_str());
    if (target >= 0) g.target_score = target;
    g.text = line.substr(b + 1);
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

void SociTransaction::insert_plan(const ClinicId& clinic, const PlanRow& r) {
  const auto& p = r.plan;
  std::string route(to_string(p.route)), indications = join_list(p.indications, '\n'), goals = encode_goals(p.goals);
  double mg_per_kg = or_zero(p.dose_rule.mg_per_kg), first_dose = or_zero(p.dose_rule.first_dose_mg),
         dose = or_zero(p.dose_rule.dose_mg);
  double step = p.titration ? p.titration->step : 0.0, ceiling = p.titration ? p.titration->ceiling : 0.0;
  int infusion = p.dose_rule.infusion_minutes.value_or(0), version = r.version, sessions = p.induction.sessions,
      per_week = p.induction.max_per_week, weeks = p.induction.weeks, interval = p.maintenance_interval_days,
      settings_version = r.settings_version;
  long long signed_ms = r.signed_ms;
  sql() << "INSERT INTO treatment_plans (id, clinic_id, patient_id, version, route, indications, goals, mg_per_kg, "
           "infusion_minutes, first_dose_mg, dose_mg, induction_sessions, induction_max_per_week, induction_weeks, "
           "maintenance_interval_days, titration_step, titration_ceiling, reason, settings_version, signed_by, "
           "signed_ms) VALUES (:id, :c, :p, :v, :r, :i, :g, :mk, :im, :fd, :d, :s, :pw, :w, :mi, :ts, :tc, :re, :sv, "
           ":sb, :sm)",
      soci::use(r.id), soci::use(clinic.value), soci::use(r.patient_id), soci::use(version), soci::use(route),
      soci::use(indications), soci::use(goals), soci::use(mg_per_kg), soci::use(infusion), soci::use(first_dose),
      soci::use(dose), soci::use(sessions), soci::use(per_week), soci::use(weeks), soci::use(interval), soci::use(step),
      soci::use(ceiling), soci::use(r.reason), soci::use(settings_version), soci::use(r.signed_by),
      soci::use(signed_ms);
}

std::vector<PlanRow> SociTransaction::plans(const ClinicId& clinic, std::string_view patient_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  PlanRow row;
  std::string route, indications, goals;
  long long version = 0, infusion = 0, sessions = 0, per_week = 0, weeks = 0, interval = 0, settings_version = 0,
            signed_ms = 0;
  double mg_per_kg = 0, first_dose = 0, dose = 0, step = 0, ceiling = 0;
  q.into(row.id);
  q.into(row.clinic_id);
  q.into(row.patient_id);
  q.into(version);
  q.into(route);
  q.into(indications);
  q.into(goals);
  q.into(mg_per_kg);
  q.into(infusion);
  q.into(first_dose);
  q.into(dose);
  q.into(sessions);
  q.into(per_week);
  q.into(weeks);
  q.into(interval);
  q.into(step);
  q.into(ceiling);
  q.into(row.reason);
  q.into(settings_version);
  q.into(row.signed_by);
  q.into(signed_ms);
  q.into(row.signed_by_name);
  q.run(
      "SELECT t.id, t.clinic_id, t.patient_id, t.version, t.route, t.indications, t.goals, t.mg_per_kg, "
      "t.infusion_minutes, t.first_dose_mg, t.dose_mg, t.induction_sessions, t.induction_max_per_week, "
      "t.induction_weeks, t.maintenance_interval_days, t.titration_step, t.titration_ceiling, t.reason, "
      "t.settings_version, t.signed_by, t.signed_ms, COALESCE(u.display_name, '') FROM treatment_plans t "
      "LEFT JOIN users u ON u.clinic_id = t.clinic_id AND u.id = t.signed_by "
      "WHERE t.clinic_id = :c AND t.patient_id = :p ORDER BY t.version DESC");
  return q.collect([&] {
    PlanRow r = row;
    r.version = static_cast<int>(version);
    auto& p = r.plan;
    p.route = parse_route(route).value_or(Route::iv);
    p.indications = split_list(indications, '\n');
    p.goals = decode_goals(goals);
    p.dose_rule.mg_per_kg = positive_or_none(mg_per_kg);
    if (infusion > 0) p.dose_rule.infusion_minutes = static_cast<int>(infusion);
    p.dose_rule.first_dose_mg = positive_or_none(first_dose);
    p.dose_rule.dose_mg = positive_or_none(dose);
    p.induction = {static_cast<int>(sessions), static_cast<int>(per_week), static_cast<int>(weeks)};
    p.maintenance_interval_days = static_cast<int>(interval);
    if (step > 0) p.titration = Titration{step, ceiling};
    r.settings_version = static_cast<int>(settings_version);
    r.signed_ms = signed_ms;
    return r;
  });
}

std::optional<PlanSettingsRow> SociTransaction::plan_settings(const ClinicId& clinic) {
  PlanSettingsRow s;
  {
    DynamicQuery q(sql());
    q.arg(clinic.value);
    long long version = 0, updated = 0;
    q.into(s.clinic_id);
    q.into(version);
    q.into(s.max_mg_per_kg);
    q.into(s.pk_model);
    q.into(updated);
    q.into(s.updated_by);
    q.run(
        "SELECT s.clinic_id, s.version, s.max_mg_per_kg, s.pk_model, s.updated_ms, COALESCE(u.email, s.updated_by) "
        "FROM plan_settings s LEFT JOIN users u ON u.clinic_id = s.clinic_id AND u.id = s.updated_by "
        "WHERE s.clinic_id = :c");
    if (!q.fetch()) return std::nullopt;
    s.version = static_cast<int>(version);
    s.updated_ms = updated;
  }
  DynamicQuery q(sql());
  q.arg(clinic.value);
  std::string route;
  double f = 0, ka = 0;
  q.into(route);
  q.into(f);
  q.into(ka);
  q.run("SELECT route, bioavailability, absorption_per_h FROM plan_route_settings WHERE clinic_id = :c");
  std::vector<PlanRoutePk> stored;
  while (q.fetch())
    if (auto r = parse_route(route)) stored.push_back({*r, positive_or_none(f), positive_or_none(ka)});
  for (Route r : all_routes()) {
    PlanRoutePk pk{r, std::nullopt, std::nullopt};
    for (const auto& x : stored)
      if (x.route == r) pk = x;
    s.routes.push_back(pk);
  }
  return s;
}

void SociTransaction::save_plan_settings(const ClinicId& clinic, const PlanSettingsRow& s) {
  int version = s.version;
  double max_mg_per_kg = s.max_mg_per_kg;
  long long updated = s.updated_ms;
  sql() << "INSERT INTO plan_settings (clinic_id, version, max_mg_per_kg, pk_model, updated_ms, updated_by) "
           "VALUES (:c, :v, :m, :pk, :u, :ub) ON CONFLICT (clinic_id) DO UPDATE SET version = excluded.version, "
           "max_mg_per_kg = excluded.max_mg_per_kg, pk_model = excluded.pk_model, updated_ms = excluded.updated_ms, "
           "updated_by = excluded.updated_by",
      soci::use(clinic.value), soci::use(version), soci::use(max_mg_per_kg), soci::use(s.pk_model), soci::use(updated),
      soci::use(s.updated_by);
  sql() << "DELETE FROM plan_route_settings WHERE clinic_id = :c", soci::use(clinic.value);
  for (const auto& r : s.routes) {
    std::string route(to_string(r.route));
    double f = or_zero(r.bioavailability), ka = or_zero(r.absorption_per_h);
    sql() << "INSERT INTO plan_route_settings (clinic_id, route, bioavailability, absorption_per_h) "
             "VALUES (:c, :r, :f, :ka)",
        soci::use(clinic.value), soci::use(route), soci::use(f), soci::use(ka);
  }
}

}  // namespace kc::store
