// The audit trail's hash chain: the canonical text of an event and the check of a
// clinic's whole chain.
//
// Each event stores the hash of the previous event of its clinic (`prev_hash`) and
// its own `hash` = SHA-256 over its canonical text, which includes `prev_hash`.
// Changing, removing or reordering any stored event breaks the chain from there on.
// The hash function is passed in so that this file stays free of crypto libraries.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kc {

struct AuditEvent {
  std::string clinic_id;
  std::int64_t seq = 0;  // 1, 2, 3 ... per clinic
  std::int64_t at_ms = 0;
  std::string user_id;  // empty for the system (CLI, demo seeding)
  std::string role;     // the caller's roles, joined
  std::string action;   // e.g. "user.create", "patient.read"
  std::string entity_type;
  std::string entity_id;
  std::string outcome;  // "success" | "denied" | "failure"
  std::string client_address;
  std::string prev_hash;
  std::string hash;
};

/// The hash of "no previous event": 64 zeros.
const std::string& genesis_hash();

/// A length-prefixed serialisation of every field but `hash`, so that no two
/// different events share a text.
std::string canonical_text(const AuditEvent& e);

using Sha256Hex = std::function<std::string(std::string_view)>;

/// Fills prev_hash, seq and hash of `e` as the successor of (`prev_seq`, `prev_hash`).
void seal(AuditEvent& e, std::int64_t prev_seq, const std::string& prev_hash, const Sha256Hex& sha);

struct ChainBreak {
  std::int64_t seq = 0;  // the first event that does not verify
  std::string reason;
};

/// Checks events one at a time, in seq order. Feed every event of one clinic to
/// `add`; the first break is kept and reported by `first_break`.
class ChainVerifier {
 public:
  explicit ChainVerifier(Sha256Hex sha) : sha_(std::move(sha)) {}
  void add(const AuditEvent& e);
  const std::optional<ChainBreak>& first_break() const { return break_; }
  std::int64_t count() const { return count_; }

 private:
  Sha256Hex sha_;
  std::int64_t count_ = 0;
  std::int64_t last_seq_ = 0;
  std::string last_hash_ = genesis_hash();
  std::optional<ChainBreak> break_;
};

}  // namespace kc
