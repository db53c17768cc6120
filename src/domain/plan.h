// Treatment plans: what a prescriber signs for a patient (indications, goals, route,
// the dose rule that fits the route, induction, maintenance, titration), how a change
// becomes a new version, and the dated sessions a plan proposes.
//
// The templates are from the clinical reference (§1): IV racemic ketamine 0.5 mg/kg
// over 40 min, up to 6 infusions at most 3 a week over about 12 days (Murrough 2013);
// intranasal esketamine by its label (56 mg first dose, then 56 or 84 mg; 28 mg per
// device; weeks 1-4 twice weekly, weeks 5-8 weekly, week 9 on weekly or every 2 weeks).
//
// The weekly limit is kept over every rolling 7 days (any 7 consecutive days hold at
// most `max_per_week` sessions), which also keeps it in every Monday-based calendar
// week. Sessions are spaced at least 7 / max_per_week whole days apart (2 a week: 3
// days; 3 a week: 2 days, so never on consecutive days).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/pk.h"
#include "domain/result.h"
#include "domain/route.h"
#include "domain/time.h"

namespace kc {

// The esketamine label (Spravato prescribing information): facts of the product, not
// clinic choices.
constexpr double kEsketamineDeviceMg = 28;
constexpr double kEsketamineFirstDoseMg = 56;
constexpr double kEsketamineMaxDoseMg = 84;
constexpr int kEsketamineInductionSessions = 8;  // weeks 1-4, twice weekly
constexpr int kEsketamineInductionPerWeek = 2;
constexpr int kEsketamineInductionWeeks = 4;
constexpr int kEsketamineWeeklyWeeks = 4;  // weeks 5-8, once weekly

struct PlanGoal {
  std::string text;
  std::string instrument;           // an instrument code (domain/instruments.h); empty: none
  std::optional<int> target_score;  // needs an instrument
};

/// The dose rule; which fields apply depends on the route (see validate_plan).
struct DoseRule {
  std::optional<double> mg_per_kg;      // IV, IM, SC
  std::optional<int> infusion_minutes;  // IV only
  std::optional<double> first_dose_mg;  // intranasal esketamine: 56
  std::optional<double> dose_mg;        // esketamine: 56 or 84 after the first; sublingual/oral: mg
};

struct Induction {
  int sessions = 0;
  int max_per_week = 0;
  int weeks = 0;
};

struct Titration {
  double step = 0;     // mg/kg for IV/IM/SC, mg otherwise
  double ceiling = 0;  // same unit
};

struct TreatmentPlan {
  std::vector<std::string> indications;  // ICD-10-CM codes among the patient's diagnoses
  std::vector<PlanGoal> goals;
  Route route = Route::iv;
  DoseRule dose_rule;
  Induction induction;
  int maintenance_interval_days = 0;  // 0: no maintenance proposed (IV: no validated interval)
  std::optional<Titration> titration;
};

/// The clinic's limits that a plan is checked against (plan settings).
struct PlanLimits {
  double max_mg_per_kg = 1.0;  // reference §1: above 1.0 mg/kg needs an override (Fava 2020)
};

constexpr std::size_t kMaxGoals = 10;
constexpr std::size_t kMaxIndications = 10;
constexpr std::size_t kMaxReasonChars = 500;

/// Checks every field; the first error names it ("dose_rule.mg_per_kg",
/// "induction.max_per_week", "goals[1].target_score", "indications[0]", ...).
/// `diagnoses` are the patient's recorded ICD-10-CM codes.
Status validate_plan(const TreatmentPlan& plan, const std::vector<std::string>& diagnoses, const PlanLimits& limits);

/// A change is a new version: the first needs no reason; every later one does
/// (trimmed, at most 500 characters). Returns the trimmed reason.
Result<std::string> version_reason(int new_version, const std::string& reason);

/// The unit of the route's dose: "mg/kg" or "mg".
std::string_view dose_unit(Route route);

struct ProposedSession {
  int number = 0;     // 1-based
  std::string phase;  // "induction" | "maintenance"
  Date date;
  std::optional<double> mg_per_kg;  // weight-based routes
  std::optional<double> dose_mg;    // the others
  int infusion_minutes = 0;
};

constexpr int kMaxHorizonWeeks = 104;

/// The plan's sessions from `start` for `horizon_weeks` weeks (sessions before
/// start + 7 x horizon_weeks days). Never more than max_per_week in any 7 days.
/// Esketamine follows its label week by week (weeks counted from the start day):
/// weeks 1-4 on days 0 and 3 of each week, weeks 5-8 on day 0, then every
/// maintenance interval (7 or 14 days).
std::vector<ProposedSession> propose_sessions(const TreatmentPlan& plan, const Date& start, int horizon_weeks);

/// The dose of session `number` (1-based) in mg for a patient of `weight_kg`: mg/kg x
/// weight for IV/IM/SC (infused over the plan's minutes for IV), the esketamine first
/// dose for session 1 and the later dose after, the sublingual/oral mg. Starts at
/// minute 0. nullopt when the plan has no dose for it or the weight is not above 0.
std::optional<PkDose> session_dose(const TreatmentPlan& plan, double weight_kg, int number);

/// The most sessions in any 7 consecutive days.
int max_in_any_seven_days(const std::vector<ProposedSession>& sessions);

/// Days since 1970-01-01 (a Thursday).
int day_number(const Date& d);
/// 0 = Monday ... 6 = Sunday.
int weekday(const Date& d);

}  // namespace kc
