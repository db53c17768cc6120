#include "app/readiness_service.h"

#include "app/consent_service.h"
#include "app/dose_service.h"
#include "domain/route.h"
#include "domain/time.h"

namespace kc::app {

GatheredReadiness gather_readiness(Transaction& tx, const ClinicId& clinic, const std::string& patient_id, Route route,
                                   const Date& day, std::int64_t now_ms, const std::optional<DoseOrderRow>& order) {
  GatheredReadiness out;
  ReadinessFacts& facts = out.facts;
  facts.route = route;
  if (auto decision = tx.latest_decision(clinic, patient_id)) {
    facts.decision = decision->decision;
    facts.needs_rescreen = decision->needs_rescreen;
  }
  const ConsentCheck consent = consent_check(tx, clinic, patient_id, route, now_ms);
  if (consent.valid) {
    out.consent_id = consent.consent_id;
  } else {
    facts.consent_code = consent.code;
    facts.consent_message = consent.message;
  }
  if (!order || order->status != "verified") {
    facts.dose_code = "dose_order_missing";
    facts.dose_message = "No " + std::string(route_label(route)) + " dose order for " + format_date(day) +
                         " has been verified by a second clinician.";
  }
  if (is_weight_based(route)) {
    auto weight = weight_for_dosing(tx, clinic, patient_id, day);
    if (!weight) {
      facts.weight_code = "weight_missing";
      facts.weight_message = "No weight is recorded: record one before a weight-based dose.";
    } else if (weight->stale) {
      facts.weight_code = "weight_stale";
      facts.weight_message = "The latest weight (" + weight->measurement.measured_on + ") will be " +
                             std::to_string(weight->age_days) + " days old on the day: record a new one.";
    }
  }
  return out;
}

Result<ReadinessView> ReadinessService::for_appointment(const Caller& caller, const std::string& appointment_id) {
  if (!caller.can(Action::calendar_read)) {
    audit_.record_denied(store_, caller, "appointment.readiness.read", "appointment", appointment_id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);  // write: the read is audited in the same transaction
  auto appointment = tx->appointment(caller.clinic, appointment_id);
  if (!appointment) return Error::not_found("No such appointment.");
  auto route = parse_route(appointment->route);
  if (appointment->type != "dosing_session" || !route)
    return Error::conflict("not_a_dosing_session", "Only a dosing session has gates before dosing.");
  if (appointment->status != "booked")
    return Error::conflict("not_a_dosing_session", "This session is " + appointment->status + ", not booked.");

  const Date day = date_of(appointment->start_ms);
  auto order = verified_order_for(*tx, caller.clinic, appointment->patient_id, *route, day);
  auto gathered = gather_readiness(*tx, caller.clinic, appointment->patient_id, *route, day, clock_.now_ms(), order);
  ReadinessView view;
  view.consent_id = gathered.consent_id;
  if (order) view.dose_order_id = order->id;
  view.appointment = *appointment;
  view.gates = session_readiness(gathered.facts);
  view.ready = ready_to_start(view.gates);
  audit_.record(*tx, caller, "appointment.readiness.read", "appointment", appointment_id);
  tx->commit();
  return view;
}

}  // namespace kc::app
