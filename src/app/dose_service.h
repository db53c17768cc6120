// Dosing: the dose calculator (a preview, nothing written), dose orders by a
// prescriber, the independent blind double check by a second clinician, cancelling,
// the patient's cumulative exposure, and the clinic's dose settings.
//
// An order carries its own route and dose rule (a treatment plan's id may be given
// and is stored as given). The dose uses the patient's latest recorded weight, which
// must be recent enough on the planned date (clinic setting). Above the soft limit an
// order needs the prescriber's reason; above the hard limit it is refused.
//
// The double check is blind: until the order is verified, anyone but the orderer sees
// only the patient, route, planned date and dose rule. The checker enters the weight
// and the concentration (esketamine: the device count); weight matches to the
// nearest 0.1 kg, concentration only exactly. A mismatch is recorded and audited,
// leaves the order blocked (unverified) and answers conflict double_check_mismatch
// naming the fields; a later matching check verifies it. Nobody checks their own order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/events.h"
#include "app/ports.h"
#include "app/store.h"
#include "domain/dose.h"
#include "domain/result.h"

namespace kc::app {

/// The settings a clinic starts with (docs/clinical-defaults.md gives their sources).
DoseSettingsRow default_dose_settings(const ClinicId& clinic);
DoseProtocol protocol_of(const DoseSettingsRow& settings);

/// A dose request as the API gives it (numbers in their display units).
struct DoseRequest {
  std::string route;
  std::optional<double> mg_per_kg, dose_mg;
  std::optional<int> infusion_minutes;
  std::optional<double> concentration_mg_per_ml;
  std::string planned_for;  // YYYY-MM-DD; empty: today
  std::string plan_id;      // stored as given
  std::string override_reason;
};

struct LatestWeight {
  MeasurementRow measurement;
  int age_days = 0;  // on the day asked about
  bool stale = false;
};

struct DosePreview {
  DoseCalculation calc;
  Date planned_for;
  Exposure exposure;  // the 30 days ending on the planned date, before this dose
  DoseSettingsRow settings;
};

struct DoseOrderView {
  DoseOrderRow order;
  PatientRow patient;
  bool blinded = false;    // weight, concentration, dose, volume, rate and devices are hidden
  bool can_check = false;  // the caller may double-check it now
  std::string ordered_by_email, verified_by_email, override_by_email;
  std::vector<DoseCheckRow> checks;  // checked_by holds the e-mail; entered values hidden when blinded
};

struct CheckInput {
  std::optional<double> weight_kg, concentration_mg_per_ml;
  std::optional<int> devices;
};

struct ExposureView {
  Exposure exposure;
  std::optional<LatestWeight> latest_weight;
  int max_weight_age_days = 0;
};

struct DoseSettingsPatch {
  std::optional<double> soft[6], hard[6];  // in the order of all_routes(); mg/kg or mg
  std::optional<int> max_weight_age_days, min_infusion_minutes, max_infusion_minutes;
  std::optional<double> dose_rounding_mg, volume_rounding_ml, rate_rounding_ml_per_h, max_concentration_mg_per_ml;
};

/// For the integrator (sessions): the verified order of this route for this patient
/// planned for `on`, the newest one if several; nothing when none is verified.
std::optional<DoseOrderRow> verified_order_for(Transaction& tx, const ClinicId& clinic, std::string_view patient_id,
                                               Route route, const Date& on);

/// For the integrator (sessions): the patient's latest weight as it stands on `on`,
/// judged stale against the clinic's maximum weight age; nothing when none is recorded.
std::optional<LatestWeight> weight_for_dosing(Transaction& tx, const ClinicId& clinic, const std::string& patient_id,
                                              const Date& on);

class DoseService {
 public:
  DoseService(Store& store, Crypto& crypto, const Clock& clock)
      : store_(store), crypto_(crypto), clock_(clock), audit_(crypto, clock) {}

  /// Live screens: dose.ordered, dose.blocked, dose.verified and dose.cancelled go to
  /// `events` after commit, with the order's and the patient's ids only.
  void announce_to(EventBus& events) { events_ = &events; }

  Result<DosePreview> calculate(const Caller& caller, const std::string& patient_id, const DoseRequest& request);
  Result<DoseOrderView> order(const Caller& caller, const std::string& patient_id, const DoseRequest& request);
  Result<std::vector<DoseOrderView>> orders(const Caller& caller, const std::string& patient_id);
  Result<DoseOrderView> get(const Caller& caller, const std::string& order_id);
  Result<DoseOrderView> double_check(const Caller& caller, const std::string& order_id, const CheckInput& input);
  Result<DoseOrderView> cancel(const Caller& caller, const std::string& order_id, const std::string& reason);
  /// Orders awaiting a double check (ordered or blocked), oldest first, blinded.
  Result<std::vector<DoseOrderView>> awaiting_checks(const Caller& caller);
  /// `on` empty: today.
  Result<ExposureView> exposure(const Caller& caller, const std::string& patient_id, const std::string& on);
  Result<DoseSettingsRow> settings(const Caller& caller);
  Result<DoseSettingsRow> update_settings(const Caller& caller, const DoseSettingsPatch& patch);
  /// The clinic's settings, or the defaults when never changed.
  static DoseSettingsRow settings_of(Transaction& tx, const ClinicId& clinic);

 private:
  /// Validates the request and calculates in `tx` (no write).
  Result<DosePreview> compute(Transaction& tx, const Caller& caller, const std::string& patient_id,
                              const DoseRequest& request);
  DoseOrderView view_of(Transaction& tx, const Caller& caller, const DoseOrderRow& order);
  void announce(const ClinicId& clinic, std::string_view type, const DoseOrderRow& order);

  Store& store_;
  Crypto& crypto_;
  const Clock& clock_;
  AuditLog audit_;
  EventBus* events_ = nullptr;
};

}  // namespace kc::app
