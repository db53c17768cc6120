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

namespace kc::app {

struct ReadinessView {
  AppointmentRow appointment;
  std::vector<GateCheck> gates;
  bool ready = false;         // no gate failed (the check-in gates are still to come)
  std::string consent_id;     // the valid consent, when there is one
  std::string dose_order_id;  // the verified dose order, when there is one
};

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
