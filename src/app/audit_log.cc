#include "app/audit_log.h"

namespace kc::app {

void AuditLog::record(Transaction& tx, const Caller& caller, std::string_view action, std::string_view entity_type,
                      std::string_view entity_id, std::string_view outcome) {
  AuditHead head = tx.lock_audit_head(caller.clinic);
  AuditEvent e;
  e.clinic_id = caller.clinic.value;
  e.at_ms = clock_.now_ms();
  e.user_id = caller.user_id;
  e.role = caller.role_text();
  e.action = action;
  e.entity_type = entity_type;
  e.entity_id = entity_id;
  e.outcome = outcome;
  e.client_address = caller.client_address;
  seal(e, head.seq, head.hash.empty() ? genesis_hash() : head.hash,
       [this](std::string_view text) { return crypto_.sha256_hex(text); });
  tx.append_audit(e);
}

void AuditLog::record_denied(Store& store, const Caller& caller, std::string_view action, std::string_view entity_type,
                             std::string_view entity_id) {
  auto tx = store.begin(Store::Mode::write);
  record(*tx, caller, action, entity_type, entity_id, outcome::denied);
  tx->commit();
}

}  // namespace kc::app
