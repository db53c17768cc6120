#include "domain/audit_chain.h"

namespace kc {
namespace {

void put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}

}  // namespace

const std::string& genesis_hash() {
  static const std::string zeros(64, '0');
  return zeros;
}

std::string canonical_text(const AuditEvent& e) {
  std::string out = "kc-audit-v1;";
  put(out, e.clinic_id);
  put(out, std::to_string(e.seq));
  put(out, std::to_string(e.at_ms));
  put(out, e.user_id);
  put(out, e.role);
  put(out, e.action);
  put(out, e.entity_type);
  put(out, e.entity_id);
  put(out, e.outcome);
  put(out, e.client_address);
  put(out, e.prev_hash);
  return out;
}

void seal(AuditEvent& e, std::int64_t prev_seq, const std::string& prev_hash, const Sha256Hex& sha) {
  e.seq = prev_seq + 1;
  e.prev_hash = prev_hash;
  e.hash = sha(canonical_text(e));
}

void ChainVerifier::add(const AuditEvent& e) {
  ++count_;
  if (break_) return;
  if (e.seq != last_seq_ + 1) {
    break_ = ChainBreak{e.seq, "sequence gap: expected " + std::to_string(last_seq_ + 1)};
  } else if (e.prev_hash != last_hash_) {
    break_ = ChainBreak{e.seq, "previous-hash link does not match the event before it"};
  } else if (e.hash != sha_(canonical_text(e))) {
    break_ = ChainBreak{e.seq, "content does not match its hash (the event was altered)"};
  }
  last_seq_ = e.seq;
  last_hash_ = e.hash;
}

}  // namespace kc
