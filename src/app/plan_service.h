// Treatment plans: a patient's signed plan versions, the sessions the current plan
// proposes, pharmacokinetic simulations of planned doses, and the clinic's plan
// settings (the dose limit and the PK settings per route).
//
// Only a prescriber signs (Action::plans_write); every clinical role reads. A change
// is a new version with a reason; a version is never edited. Every version stores the
// settings version it was checked against. Writes and patient reads are audited in
// their own transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ports.h"
#include "app/store.h"
#include "domain/pk.h"
#include "domain/plan.h"
#include "domain/result.h"

namespace kc::app {

/// The settings a clinic starts with (docs/clinical-defaults.md gives their sources).
PlanSettingsRow default_plan_settings(const ClinicId& clinic);
/// The limits a plan is checked against.
PlanLimits limits_of(const PlanSettingsRow& settings);
/// The settings of one route (every route has a row).
const PlanRoutePk& route_pk(const PlanSettingsRow& settings, Route route);

struct PlanInput {
  TreatmentPlan plan;
  std::string reason;                   // required from version 2 on
  std::optional<int> based_on_version;  // when given, must be the current version (else 409)
};

struct PlansView {
  std::vector<PlanRow> versions;  // newest first
  std::optional<PlanRow> current;
  std::vector<std::string> diagnoses;  // the patient's ICD-10-CM codes (the indications to choose from)
  std::optional<double> weight_kg;     // the latest recorded weight
};

struct ProposalView {
  PlanRow plan;
  Date start;
  int horizon_weeks = 0;
  std::vector<ProposedSession> sessions;
};

struct SimulationRequest {
  Route route = Route::iv;
  double weight_kg = 0;
  std::string model;  // empty: the clinic's default model
  int minutes = 360;
  std::vector<PkDose> doses;
};

struct SimulationView {
  PkResult result;
  const PkModel* model = nullptr;
  double bioavailability = 0;
  std::optional<double> absorption_per_h;
  int settings_version = 0;
};

struct PlanSettingsPatch {
  std::optional<double> max_mg_per_kg;
  std::optional<std::string> pk_model;
  std::vector<PlanRoutePk> routes;  // each replaces that route's settings (absent values clear them)
};

class PlanService {
 public:
  PlanService(Store& store, Crypto& crypto, const Clock& clock)
      : store_(store), crypto_(crypto), clock_(clock), audit_(crypto, clock) {}

  Result<PlansView> plans(const Caller& caller, const std::string& patient_id);
  /// Signs a new version (the first, or a change with a reason). Errors: 403 unless a
  /// prescriber; 404 no such patient; 400 naming the field; 409 "stale_plan" when
  /// based_on_version is not the current version.
  Result<PlanRow> sign(const Caller& caller, const std::string& patient_id, const PlanInput& input);
  /// The current plan's sessions from `start` for `horizon_weeks` (1..104).
  /// 404 "no_plan" when the patient has no plan.
  Result<ProposalView> proposal(const Caller& caller, const std::string& patient_id, const std::string& start,
                                int horizon_weeks);
  Result<SimulationView> simulate(const Caller& caller, const SimulationRequest& request);
  /// The current plan's dose for session `session` (1-based) at the patient's latest
  /// recorded weight, simulated with the clinic's settings; `repeat_at_minute` > 0 adds
  /// the same dose again then. 404 "no_plan"; 409 "weight_needed" without a weight.
  Result<SimulationView> simulate_plan(const Caller& caller, const std::string& patient_id, int session,
                                       int repeat_at_minute = 0);

  Result<PlanSettingsRow> settings(const Caller& caller);
  Result<PlanSettingsRow> update_settings(const Caller& caller, const PlanSettingsPatch& patch);

  /// For other use cases (dose orders, the calendar): the patient's current plan in
  /// their own transaction, or nullopt. No permission check and no audit: the caller's
  /// use case does both.
  static std::optional<PlanRow> current(Transaction& tx, const ClinicId& clinic, const std::string& patient_id);
  static PlanSettingsRow settings_of(Transaction& tx, const ClinicId& clinic);

 private:
  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog audit_;
};

}  // namespace kc::app
