// Writes audit events inside the caller's transaction, chained per clinic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/caller.h"
#include "app/ports.h"
#include "app/store.h"

namespace kc::app {

namespace outcome {
inline constexpr std::string_view success = "success";
inline constexpr std::string_view denied = "denied";
inline constexpr std::string_view failure = "failure";
}  // namespace outcome

class AuditLog {
 public:
  AuditLog(Crypto& crypto, const Clock& clock) : crypto_(crypto), clock_(clock) {}

  /// Appends one event for `caller` to the chain of the caller's clinic in `tx`.
  void record(Transaction& tx, const Caller& caller, std::string_view action, std::string_view entity_type,
              std::string_view entity_id, std::string_view outcome = outcome::success);

  /// One event for record_all.
  struct Entry {
    const Caller* caller;  // not owned; outlives the call
    std::string action, entity_type, entity_id;
  };
  /// The same events as record() for each entry (outcome success), in order, but
  /// each clinic's chain head is locked and read once, not once per event (the
  /// vitals writer appends hundreds per transaction).
  void record_all(Transaction& tx, const std::vector<Entry>& entries);

  /// Records a refused action in a transaction of its own (the action's own
  /// transaction is not written).
  void record_denied(Store& store, const Caller& caller, std::string_view action, std::string_view entity_type,
                     std::string_view entity_id);

 private:
  AuditEvent event_of(const Caller& caller, std::string_view action, std::string_view entity_type,
                      std::string_view entity_id, std::string_view outcome) const;

  Crypto& crypto_;
  const Clock& clock_;
};

}  // namespace kc::app
