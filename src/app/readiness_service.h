// Whether a booked dosing session may start: the gates settled before the day
// (the eligibility decision, consent for the session's route, a dose order verified
// by a second clinician for the session's day, a recent weight for weight-based
// routes), each read from its own rule, and the gates of the day that check-in will
// settle (domain/session_readiness.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/caller.h"
#include "app/ports.h"
#include "app/store.h"
#include "domain/result.h"
#include "domain/session_readiness.h"
#include "domain/time.h"

namespace kc::app {

struct ReadinessView {
  AppointmentRow appointment;
  std::vector<GateCheck> gates;
  bool ready = false;         // no gate failed (the check-in gates are still to come)
  std::string consent_id;     // the valid consent, when there is one
  std::string dose_order_id;  // the verified dose order, when there is one
};

/// What the rules behind the gates before the day find for a patient's dosing session
/// on `day` by `route`, now: the eligibility decision, consent, the dose order
/// (`order`: the verified order the session would use; nullopt or unverified: none)
/// and the weight. Shared by the calendar's readiness and the session console.
struct GatheredReadiness {
  ReadinessFacts facts;
  std::string consent_id;  // the valid consent, when there is one
};
GatheredReadiness gather_readiness(Transaction& tx, const ClinicId& clinic, const std::string& patient_id, Route route,
                                   const Date& day, std::int64_t now_ms, const std::optional<DoseOrderRow>& order);

class ReadinessService {
 public:
  ReadinessService(Store& store, Crypto& crypto, const Clock& clock)
      : store_(store), clock_(clock), audit_(crypto, clock) {}

  /// A booked dosing session's gates. Errors: not_found; conflict "not_a_dosing_session"
  /// for another kind of appointment or one that is no longer booked.
  Result<ReadinessView> for_appointment(const Caller& caller, const std::string& appointment_id);

 private:
  Store& store_;
  const Clock& clock_;
  AuditLog audit_;
};

}  // namespace kc::app
