#include "app/audit_log.h"

#include <map>

namespace kc::app {

AuditEvent AuditLog::event_of(const Caller& caller, std::string_view action, std::string_view entity_type,
                              std::string_view entity_id, std::string_view outcome) const {
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
  return e;
}

void AuditLog::record(Transaction& tx, const Caller& caller, std::string_view action, std::string_view entity_type,
                      std::string_view entity_id, std::string_view outcome) {
  AuditHead head = tx.lock_audit_head(caller.clinic);
  AuditEvent e = event_of(caller, action, entity_type, entity_id, outcome);
  seal(e, head.seq, head.hash.empty() ? genesis_hash() : head.hash,
       [this](std::string_view text) { return crypto_.sha256_hex(text); });
  tx.append_audit(e);
}

void AuditLog::record_all(Transaction& tx, const std::vector<Entry>& entries) {
  std::map<std::string, AuditHead> heads;  // by clinic: locked, then moved along as events are appended
  for (const auto& entry : entries) {
    const Caller& caller = *entry.caller;
    auto head = heads.find(caller.clinic.value);
    if (head == heads.end()) head = heads.emplace(caller.clinic.value, tx.lock_audit_head(caller.clinic)).first;
    AuditEvent e = event_of(caller, entry.action, entry.entity_type, entry.entity_id, outcome::success);
    seal(e, head->second.seq, head->second.hash.empty() ? genesis_hash() : head->second.hash,
         [this](std::string_view text) { return crypto_.sha256_hex(text); });
    tx.append_audit(e);
    head->second.seq = e.seq;
    head->second.hash = e.hash;
  }
}

void AuditLog::record_denied(Store& store, const Caller& caller, std::string_view action, std::string_view entity_type,
                             std::string_view entity_id) {
  auto tx = store.begin(Store::Mode::write);
  record(*tx, caller, action, entity_type, entity_id, outcome::denied);
  tx->commit();
}

}  // namespace kc::app
