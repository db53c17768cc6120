#include "domain/plan.h"

#include <algorithm>
#include <cmath>

#include "domain/instruments.h"
#include "domain/validation.h"

namespace kc {
namespace {

Error bad(std::string field, std::string message) { return Error::invalid(std::move(field), std::move(message)); }

std::string num(double v) {
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

bool positive(double v) { return std::isfinite(v) && v > 0; }

Status check_indications(const TreatmentPlan& plan, const std::vector<std::string>& diagnoses) {
  if (plan.indications.empty())
    return bad("indications", "Choose at least one indication from the patient's diagnoses.");
  if (plan.indications.size() > kMaxIndications) return bad("indications", "Choose at most 10 indications.");
  for (std::size_t i = 0; i < plan.indications.size(); ++i) {
    const auto& code = plan.indications[i];
    const std::string field = "indications[" + std::to_string(i) + "]";
    if (std::find(diagnoses.begin(), diagnoses.end(), code) == diagnoses.end())
      return bad(field, "An indication must be one of the patient's recorded diagnoses.");
    if (std::find(plan.indications.begin(), plan.indications.begin() + static_cast<long>(i), code) !=
        plan.indications.begin() + static_cast<long>(i))
      return bad(field, "This indication is listed twice.");
  }
  return Ok{};
}

Status check_goals(const TreatmentPlan& plan) {
  if (plan.goals.size() > kMaxGoals) return bad("goals", "Give at most 10 goals.");
  for (std::size_t i = 0; i < plan.goals.size(); ++i) {
    const auto& g = plan.goals[i];
    const std::string at = "goals[" + std::to_string(i) + "].";
    if (auto t = required_text(at + "text", g.text, 500); !t) return t.error();
    const Instrument* inst = nullptr;
    if (!g.instrument.empty()) {
      inst = find_instrument(g.instrument);
      if (!inst) return bad(at + "instrument", "Choose an instrument from the list.");
    }
    if (g.target_score) {
      if (!inst) return bad(at + "target_score", "A target score needs an instrument.");
      if (*g.target_score < inst->min_total || *g.target_score > inst->max_total)
        return bad(at + "target_score", "The target must be a " + std::string(inst->name) + " total from " +
                                            std::to_string(inst->min_total) + " to " + std::to_string(inst->max_total) +
                                            ".");
    }
  }
  return Ok{};
}

Status check_dose_rule(const TreatmentPlan& plan, const PlanLimits& limits) {
  const auto& r = plan.dose_rule;
  const std::string label(route_label(plan.route));
  if (is_weight_based(plan.route)) {
    if (!r.mg_per_kg) return bad("dose_rule.mg_per_kg", label + " doses are prescribed in mg/kg: give mg_per_kg.");
    if (!positive(*r.mg_per_kg) || *r.mg_per_kg > limits.max_mg_per_kg)
      return bad("dose_rule.mg_per_kg",
                 "The dose must be above 0 and at most " + num(limits.max_mg_per_kg) + " mg/kg (the clinic's limit).");
    if (r.dose_mg) return bad("dose_rule.dose_mg", label + " doses are in mg/kg: leave dose_mg empty.");
    if (r.first_dose_mg) return bad("dose_rule.first_dose_mg", "A first dose in mg is for intranasal esketamine only.");
    if (is_infusion(plan.route)) {
      if (!r.infusion_minutes)
        return bad("dose_rule.infusion_minutes", "An IV dose is infused: give the infusion minutes.");
      if (*r.infusion_minutes < 2 || *r.infusion_minutes > 100)
        return bad("dose_rule.infusion_minutes", "Infusion minutes must be from 2 to 100.");
    } else if (r.infusion_minutes) {
      return bad("dose_rule.infusion_minutes",
                 label + " is an injection, not an infusion: leave infusion minutes empty.");
    }
    return Ok{};
  }
  if (r.mg_per_kg) return bad("dose_rule.mg_per_kg", label + " is dosed in mg, not mg/kg.");
  if (r.infusion_minutes) return bad("dose_rule.infusion_minutes", label + " is not infused.");
  if (plan.route == Route::intranasal_esketamine) {
    if (!r.first_dose_mg || *r.first_dose_mg != kEsketamineFirstDoseMg)
      return bad("dose_rule.first_dose_mg", "The esketamine label gives 56 mg as the first dose.");
    if (!r.dose_mg || (*r.dose_mg != 56 && *r.dose_mg != kEsketamineMaxDoseMg))
      return bad("dose_rule.dose_mg", "After the first dose the esketamine label gives 56 or 84 mg.");
    return Ok{};
  }
  if (r.first_dose_mg) return bad("dose_rule.first_dose_mg", "A first dose in mg is for intranasal esketamine only.");
  if (!r.dose_mg) return bad("dose_rule.dose_mg", label + " doses are in mg: give dose_mg.");
  if (!positive(*r.dose_mg) || *r.dose_mg > 10000)
    return bad("dose_rule.dose_mg", "The dose must be above 0 and at most 10000 mg.");
  return Ok{};
}

Status check_induction(const TreatmentPlan& plan) {
  const auto& in = plan.induction;
  if (in.sessions < 1 || in.sessions > 100) return bad("induction.sessions", "Sessions must be from 1 to 100.");
  if (in.max_per_week < 1 || in.max_per_week > 7)
    return bad("induction.max_per_week", "Sessions a week must be from 1 to 7.");
  if (in.weeks < 1 || in.weeks > 52) return bad("induction.weeks", "Weeks must be from 1 to 52.");
  if (in.sessions > in.max_per_week * in.weeks)
    return bad("induction.sessions", std::to_string(in.sessions) + " sessions at most " +
                                         std::to_string(in.max_per_week) + " a week do not fit in " +
                                         std::to_string(in.weeks) + " weeks.");
  if (plan.route == Route::intranasal_esketamine) {
    if (in.max_per_week != kEsketamineInductionPerWeek)
      return bad("induction.max_per_week", "The esketamine label gives twice weekly in weeks 1-4.");
    if (in.weeks != kEsketamineInductionWeeks)
      return bad("induction.weeks", "The esketamine label's induction is 4 weeks.");
    if (in.sessions != kEsketamineInductionSessions)
      return bad("induction.sessions", "The esketamine label's induction is 8 sessions (twice weekly for 4 weeks).");
  }
  return Ok{};
}

Status check_maintenance(const TreatmentPlan& plan) {
  const int d = plan.maintenance_interval_days;
  if (plan.route == Route::intranasal_esketamine) {
    if (d != 7 && d != 14)
      return bad("maintenance.interval_days",
                 "From week 9 the esketamine label gives weekly or every 2 weeks (7 or 14 days).");
    return Ok{};
  }
  if (d < 0 || d > 365) return bad("maintenance.interval_days", "The interval must be from 0 (none) to 365 days.");
  return Ok{};
}

Status check_titration(const TreatmentPlan& plan, const PlanLimits& limits) {
  if (!plan.titration) return Ok{};
  const auto& t = *plan.titration;
  const std::string unit(dose_unit(plan.route));
  if (!positive(t.step)) return bad("titration.step", "The step must be above 0 " + unit + ".");
  if (!positive(t.ceiling)) return bad("titration.ceiling", "The ceiling must be above 0 " + unit + ".");
  const auto& r = plan.dose_rule;
  const double start = is_weight_based(plan.route) ? r.mg_per_kg.value_or(0) : r.dose_mg.value_or(0);
  if (t.ceiling < start) return bad("titration.ceiling", "The ceiling must be at least the dose.");
  if (t.step > t.ceiling) return bad("titration.step", "The step must not be above the ceiling.");
  if (is_weight_based(plan.route) && t.ceiling > limits.max_mg_per_kg)
    return bad("titration.ceiling",
               "The ceiling must be at most " + num(limits.max_mg_per_kg) + " mg/kg (the clinic's limit).");
  if (plan.route == Route::intranasal_esketamine) {
    if (t.step != kEsketamineDeviceMg) return bad("titration.step", "Esketamine changes by one 28 mg device.");
    if (t.ceiling > kEsketamineMaxDoseMg)
      return bad("titration.ceiling", "The esketamine label's highest dose is 84 mg.");
  }
  return Ok{};
}

}  // namespace

std::string_view dose_unit(Route route) { return is_weight_based(route) ? "mg/kg" : "mg"; }

Status validate_plan(const TreatmentPlan& plan, const std::vector<std::string>& diagnoses, const PlanLimits& limits) {
  for (auto check : {check_indications(plan, diagnoses), check_goals(plan), check_dose_rule(plan, limits),
                     check_induction(plan), check_maintenance(plan), check_titration(plan, limits)})
    if (!check) return check.error();
  return Ok{};
}

Result<std::string> version_reason(int new_version, const std::string& reason) {
  if (new_version <= 1) {
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) return std::string();
    return required_text("reason", reason, kMaxReasonChars);
  }
  auto r = required_text("reason", reason, kMaxReasonChars);
  if (!r) return Error::invalid("reason", "Give the reason for changing the plan.", "reason_required");
  return r;
}

int day_number(const Date& d) { return days_between(Date{1970, 1, 1}, d); }
int weekday(const Date& d) { return ((day_number(d) + 3) % 7 + 7) % 7; }

std::vector<ProposedSession> propose_sessions(const TreatmentPlan& plan, const Date& start, int horizon_weeks) {
  std::vector<ProposedSession> out;
  const int horizon = std::clamp(horizon_weeks, 1, kMaxHorizonWeeks) * 7;
  const auto& r = plan.dose_rule;
  auto add = [&](int day, std::string phase) {
    if (day >= horizon) return false;
    ProposedSession s;
    s.number = static_cast<int>(out.size()) + 1;
    s.phase = std::move(phase);
    s.date = add_days(start, day);
    if (is_weight_based(plan.route)) {
      s.mg_per_kg = r.mg_per_kg;
      s.infusion_minutes = r.infusion_minutes.value_or(0);
    } else if (plan.route == Route::intranasal_esketamine && out.empty()) {
      s.dose_mg = r.first_dose_mg;
    } else {
      s.dose_mg = r.dose_mg;
    }
    out.push_back(std::move(s));
    return true;
  };

  if (plan.route == Route::intranasal_esketamine) {
    // Weeks 1-4: twice weekly (days 0 and 3 of each week); weeks 5-8: weekly.
    for (int w = 0; w < kEsketamineInductionWeeks; ++w)
      for (int d : {0, 3})
        if (!add(w * 7 + d, "induction")) return out;
    const int weekly_from = kEsketamineInductionWeeks * 7;
    for (int w = 0; w < kEsketamineWeeklyWeeks; ++w)
      if (!add(weekly_from + w * 7, "maintenance")) return out;
    // Week 9 on: every 7 or 14 days.
    const int interval = std::max(7, plan.maintenance_interval_days);
    for (int day = weekly_from + kEsketamineWeeklyWeeks * 7; add(day, "maintenance"); day += interval) {
    }
    return out;
  }

  const int per_week = std::clamp(plan.induction.max_per_week, 1, 7);
  const int gap = std::max(1, 7 / per_week);
  std::vector<int> days;
  // The earliest day for the next session: `wanted`, moved later so that no 7
  // consecutive days hold more than per_week sessions.
  auto place = [&](int wanted) {
    if (static_cast<int>(days.size()) >= per_week) wanted = std::max(wanted, days[days.size() - per_week] + 7);
    return wanted;
  };
  for (int i = 0; i < plan.induction.sessions; ++i) {
    const int day = place(days.empty() ? 0 : days.back() + gap);
    if (!add(day, "induction")) return out;
    days.push_back(day);
  }
  if (plan.maintenance_interval_days > 0 && !days.empty()) {
    for (;;) {
      const int day = place(days.back() + plan.maintenance_interval_days);
      if (!add(day, "maintenance")) break;
      days.push_back(day);
    }
  }
  return out;
}

std::optional<PkDose> session_dose(const TreatmentPlan& plan, double weight_kg, int number) {
  const auto& r = plan.dose_rule;
  if (is_weight_based(plan.route)) {
    if (!r.mg_per_kg || !std::isfinite(weight_kg) || weight_kg <= 0) return std::nullopt;
    const int minutes = plan.route == Route::iv ? r.infusion_minutes.value_or(0) : 0;
    return PkDose{0, *r.mg_per_kg * weight_kg, minutes};
  }
  const auto& mg = plan.route == Route::intranasal_esketamine && number <= 1 ? r.first_dose_mg : r.dose_mg;
  if (!mg) return std::nullopt;
  return PkDose{0, *mg, 0};
}

int max_in_any_seven_days(const std::vector<ProposedSession>& sessions) {
  int best = 0;
  for (const auto& s : sessions) {
    const int from = day_number(s.date);
    int n = 0;
    for (const auto& t : sessions) {
      const int d = day_number(t.date);
      if (d >= from && d < from + 7) ++n;
    }
    best = std::max(best, n);
  }
  return best;
}

}  // namespace kc
