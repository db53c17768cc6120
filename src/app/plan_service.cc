#include "app/plan_service.h"

#include <algorithm>
#include <cmath>

#include "app/ids.h"

namespace kc::app {
namespace {

constexpr std::string_view kDefaultPkModel = "clements";

Result<std::unique_ptr<Transaction>> open_patient(Store& store, AuditLog& audit, const Caller& caller, Action action,
                                                  std::string_view audit_action, const std::string& patient_id,
                                                  Store::Mode mode) {
  if (!caller.can(action)) {
    audit.record_denied(store, caller, audit_action, "patient", patient_id);
    return Error::forbidden();
  }
  auto tx = store.begin(mode);
  if (!tx->patient(caller.clinic, patient_id)) return Error::not_found("No such patient.");
  return tx;
}

std::vector<std::string> diagnosis_codes(Transaction& tx, const ClinicId& clinic, const std::string& patient_id) {
  std::vector<std::string> out;
  for (const auto& d : tx.diagnoses(clinic, patient_id, Entries::valid))
    if (std::find(out.begin(), out.end(), d.code) == out.end()) out.push_back(d.code);
  return out;
}

}  // namespace

PlanSettingsRow default_plan_settings(const ClinicId& clinic) {
  PlanSettingsRow s;
  s.clinic_id = clinic.value;
  s.version = 0;
  s.max_mg_per_kg = PlanLimits{}.max_mg_per_kg;  // reference §1 (Fava 2020)
  s.pk_model = std::string(kDefaultPkModel);     // clearance close to Kamp 2020 (reference §2)
  for (Route r : all_routes()) {
    PlanRoutePk pk{r, std::nullopt, std::nullopt};
    switch (r) {
      case Route::iv:
        pk.bioavailability = 1.0;
        break;
      case Route::im:
        pk.bioavailability = 0.93;  // Clements 1982 (reference §2)
        break;
      case Route::sc:
        break;  // no published figure in the reference: no default
      case Route::intranasal_esketamine:
        pk.bioavailability = 0.48;  // Spravato label (reference §2)
        // Derived, not published: the ka at which the Clements model puts the peak of
        // a nasal dose at 30 min, the middle of the label's Tmax 20-40 min.
        pk.absorption_per_h = 2.7;
        break;
      case Route::sublingual:
        pk.bioavailability = 0.32;  // upper end of 0.29-0.32 (Rolan 2014; Chong 2006)
        break;
      case Route::oral:
        pk.bioavailability = 0.25;  // upper end of 0.20-0.25 (Chong 2006; Andrade 2019)
        break;
    }
    s.routes.push_back(pk);
  }
  return s;
}

PlanLimits limits_of(const PlanSettingsRow& settings) { return PlanLimits{settings.max_mg_per_kg}; }

const PlanRoutePk& route_pk(const PlanSettingsRow& settings, Route route) {
  for (const auto& r : settings.routes)
    if (r.route == route) return r;
  static const PlanRoutePk none{};
  return none;
}

PlanSettingsRow PlanService::settings_of(Transaction& tx, const ClinicId& clinic) {
  if (auto s = tx.plan_settings(clinic)) return *s;
  return default_plan_settings(clinic);
}

std::optional<PlanRow> PlanService::current(Transaction& tx, const ClinicId& clinic, const std::string& patient_id) {
  auto list = tx.plans(clinic, patient_id);
  if (list.empty()) return std::nullopt;
  return list.front();
}

Result<PlansView> PlanService::plans(const Caller& caller, const std::string& patient_id) {
  auto tx =
      open_patient(store_, audit_, caller, Action::plans_read, "patient.plans.read", patient_id, Store::Mode::write);
  if (!tx) return tx.error();
  PlansView view;
  view.versions = (*tx)->plans(caller.clinic, patient_id);
  if (!view.versions.empty()) view.current = view.versions.front();
  view.diagnoses = diagnosis_codes(**tx, caller.clinic, patient_id);
  for (const auto& m : (*tx)->measurements(caller.clinic, patient_id, Entries::valid))  // newest first
    if (m.kind == "weight" && m.weight_g > 0) {
      view.weight_kg = static_cast<double>(m.weight_g) / 1000.0;
      break;
    }
  audit_.record(**tx, caller, "patient.plans.read", "patient", patient_id);
  (*tx)->commit();
  return view;
}

Result<PlanRow> PlanService::sign(const Caller& caller, const std::string& patient_id, const PlanInput& input) {
  auto tx = open_patient(store_, audit_, caller, Action::plans_write, "plan.sign", patient_id, Store::Mode::write);
  if (!tx) return tx.error();
  auto& t = **tx;
  (void)t.patient_demographics(caller.clinic, patient_id);  // locks the patient's row until commit
  const auto existing = t.plans(caller.clinic, patient_id);
  const int current_version = existing.empty() ? 0 : existing.front().version;
  if (input.based_on_version && *input.based_on_version != current_version)
    return Error::conflict("stale_plan",
                           "The plan has changed since you opened it (now version " + std::to_string(current_version) +
                               "). Reload it and make your change again.",
                           "based_on_version");
  const auto settings = settings_of(t, caller.clinic);
  if (auto ok = validate_plan(input.plan, diagnosis_codes(t, caller.clinic, patient_id), limits_of(settings)); !ok)
    return ok.error();
  auto reason = version_reason(current_version + 1, input.reason);
  if (!reason) return reason.error();

  PlanRow row;
  row.id = new_id(crypto_, "pln");
  row.clinic_id = caller.clinic.value;
  row.patient_id = patient_id;
  row.version = current_version + 1;
  row.plan = input.plan;
  for (auto& g : row.plan.goals) {
    const auto first = g.text.find_first_not_of(" \t");
    const auto last = g.text.find_last_not_of(" \t");
    g.text = first == std::string::npos ? "" : g.text.substr(first, last - first + 1);
  }
  row.reason = *reason;
  row.settings_version = settings.version;
  row.signed_by = caller.user_id;
  row.signed_by_name = caller.display_name;
  row.signed_ms = clock_.now_ms();
  t.insert_plan(caller.clinic, row);
  audit_.record(t, caller, "plan.sign", "treatment_plan", row.id);
  t.commit();
  return row;
}

Result<ProposalView> PlanService::proposal(const Caller& caller, const std::string& patient_id,
                                           const std::string& start, int horizon_weeks) {
  auto date = parse_date(start);
  if (!date) return Error::invalid("start", "Give the start date as YYYY-MM-DD.");
  if (horizon_weeks < 1 || horizon_weeks > kMaxHorizonWeeks)
    return Error::invalid("horizon_weeks", "The horizon must be from 1 to 104 weeks.");
  auto tx = open_patient(store_, audit_, caller, Action::plans_read, "patient.plan.proposal.read", patient_id,
                         Store::Mode::write);
  if (!tx) return tx.error();
  auto plan = current(**tx, caller.clinic, patient_id);
  if (!plan) return Error{ErrorKind::not_found, "no_plan", "This patient has no treatment plan yet.", {}};
  ProposalView view{*plan, *date, horizon_weeks, propose_sessions(plan->plan, *date, horizon_weeks)};
  audit_.record(**tx, caller, "patient.plan.proposal.read", "treatment_plan", plan->id);
  (*tx)->commit();
  return view;
}

Result<SimulationView> PlanService::simulate(const Caller& caller, const SimulationRequest& request) {
  if (!caller.can(Action::plans_read)) {
    audit_.record_denied(store_, caller, "pk.simulate", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  PlanSettingsRow settings;
  {
    auto tx = store_.begin(Store::Mode::read);
    settings = settings_of(*tx, caller.clinic);
  }
  const PkModel* model = find_pk_model(request.model.empty() ? settings.pk_model : request.model);
  if (!model) return Error::invalid("model", "Choose a model: domino or clements.");
  const auto& pk = route_pk(settings, request.route);
  if (!pk.bioavailability)
    return Error{ErrorKind::invalid, "bioavailability_needed",
                 "Set the bioavailability for " + std::string(route_label(request.route)) +
                     " in the plan settings to simulate it.",
                 "bioavailability"};
  PkInput in;
  in.model = model;
  in.route = request.route;
  in.weight_kg = request.weight_kg;
  in.bioavailability = *pk.bioavailability;
  in.absorption_per_h = pk.absorption_per_h;
  in.doses = request.doses;
  in.minutes = request.minutes;
  auto result = simulate_pk(in);
  if (!result) return result.error();
  return SimulationView{std::move(*result), model, in.bioavailability,
                        request.route == Route::iv ? std::nullopt : pk.absorption_per_h, settings.version};
}

Result<SimulationView> PlanService::simulate_plan(const Caller& caller, const std::string& patient_id, int session,
                                                  int repeat_at_minute) {
  SimulationRequest request;
  {
    auto tx = open_patient(store_, audit_, caller, Action::plans_read, "patient.plan.simulation.read", patient_id,
                           Store::Mode::write);
    if (!tx) return tx.error();
    auto plan = current(**tx, caller.clinic, patient_id);
    if (!plan) return Error{ErrorKind::not_found, "no_plan", "This patient has no treatment plan yet.", {}};
    std::optional<double> weight;
    for (const auto& m : (*tx)->measurements(caller.clinic, patient_id, Entries::valid))  // newest first
      if (m.kind == "weight" && m.weight_g > 0) {
        weight = static_cast<double>(m.weight_g) / 1000.0;
        break;
      }
    if (!weight) return Error::conflict("weight_needed", "Record the patient's weight to simulate the plan's dose.");
    auto dose = session_dose(plan->plan, *weight, session);
    if (!dose) return Error::conflict("dose_needed", "The plan has no dose for this session.");
    request.route = plan->plan.route;
    request.weight_kg = *weight;
    request.doses = {*dose};
    if (repeat_at_minute > 0) {
      dose->at_minute = repeat_at_minute;
      request.doses.push_back(*dose);
    }
    audit_.record(**tx, caller, "patient.plan.simulation.read", "treatment_plan", plan->id);
    (*tx)->commit();
  }
  return simulate(caller, request);
}

Result<PlanSettingsRow> PlanService::settings(const Caller& caller) {
  if (!caller.can(Action::plans_read) && !caller.can(Action::settings_manage)) {
    audit_.record_denied(store_, caller, "settings.plans.read", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::read);
  return settings_of(*tx, caller.clinic);
}

Result<PlanSettingsRow> PlanService::update_settings(const Caller& caller, const PlanSettingsPatch& patch) {
  if (!caller.can(Action::settings_manage)) {
    audit_.record_denied(store_, caller, "settings.plans.update", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  // Ketalar's anaesthetic induction doses reach 4.5 mg/kg IV (reference §1): a limit
  // above that is not a sub-anaesthetic protocol.
  if (patch.max_mg_per_kg &&
      (!std::isfinite(*patch.max_mg_per_kg) || *patch.max_mg_per_kg <= 0 || *patch.max_mg_per_kg > 4.5))
    return Error::invalid("max_mg_per_kg", "The limit must be above 0 and at most 4.5 mg/kg.");
  if (patch.pk_model && !find_pk_model(*patch.pk_model))
    return Error::invalid("pk_model", "Choose a model: domino or clements.");
  for (std::size_t i = 0; i < patch.routes.size(); ++i) {
    const auto& r = patch.routes[i];
    const std::string at = "routes[" + std::to_string(i) + "].";
    for (std::size_t j = 0; j < i; ++j)
      if (patch.routes[j].route == r.route) return Error::invalid(at + "route", "This route is listed twice.");
    if (r.bioavailability && (!std::isfinite(*r.bioavailability) || *r.bioavailability <= 0 || *r.bioavailability > 1))
      return Error::invalid(at + "bioavailability", "Bioavailability must be above 0 and at most 1.");
    if (r.route == Route::iv && r.bioavailability != 1.0)
      return Error::invalid(at + "bioavailability", "An IV dose reaches the blood whole: bioavailability is 1.");
    if (r.route == Route::iv && r.absorption_per_h)
      return Error::invalid(at + "absorption_per_h", "An IV dose is not absorbed: leave the absorption rate empty.");
    if (r.absorption_per_h &&
        (!std::isfinite(*r.absorption_per_h) || *r.absorption_per_h <= 0 || *r.absorption_per_h > 100))
      return Error::invalid(at + "absorption_per_h", "The absorption rate must be above 0 and at most 100 per hour.");
  }
  auto tx = store_.begin(Store::Mode::write);
  auto s = settings_of(*tx, caller.clinic);
  if (patch.max_mg_per_kg) s.max_mg_per_kg = *patch.max_mg_per_kg;
  if (patch.pk_model) s.pk_model = *patch.pk_model;
  for (const auto& r : patch.routes)
    for (auto& have : s.routes)
      if (have.route == r.route) have = r;
  s.version += 1;
  s.updated_ms = clock_.now_ms();
  s.updated_by = caller.user_id;
  tx->save_plan_settings(caller.clinic, s);
  audit_.record(*tx, caller, "settings.plans.update", "clinic", caller.clinic.value);
  auto saved = settings_of(*tx, caller.clinic);
  tx->commit();
  return saved;
}

}  // namespace kc::app
