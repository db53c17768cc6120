#include "domain/audit_chain.h"

#include <gtest/gtest.h>

#include <functional>
#include <vector>

namespace kc {
namespace {

// A stand-in digest: deterministic and sensitive to every byte, enough to test the
// chain's logic (the real SHA-256 is tested through the store and CLI).
std::string digest(std::string_view text) { return std::to_string(std::hash<std::string_view>{}(text)); }

std::vector<AuditEvent> chain_of(int n) {
  std::vector<AuditEvent> events;
  std::int64_t seq = 0;
  std::string prev = genesis_hash();
  for (int i = 0; i < n; ++i) {
    AuditEvent e;
    e.clinic_id = "cln_1";
    e.at_ms = 1000 + i;
    e.user_id = "usr_1";
    e.action = "patient.read";
    e.entity_type = "patient";
    e.entity_id = "pat_" + std::to_string(i);
    e.outcome = "success";
    seal(e, seq, prev, digest);
    seq = e.seq;
    prev = e.hash;
    events.push_back(e);
  }
  return events;
}

std::optional<ChainBreak> verify(const std::vector<AuditEvent>& events) {
  ChainVerifier v(digest);
  for (const auto& e : events) v.add(e);
  return v.first_break();
}

TEST(AuditChain, IntactChainVerifies) {
  auto events = chain_of(5);
  EXPECT_EQ(events.front().prev_hash, genesis_hash());
  EXPECT_EQ(events[3].seq, 4);
  EXPECT_FALSE(verify(events));
}

TEST(AuditChain, AlteredFieldIsNamedByItsSeq) {
  auto events = chain_of(5);
  events[2].action = "patient.delete";
  auto b = verify(events);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->seq, 3);
  EXPECT_NE(b->reason.find("altered"), std::string::npos);
}

TEST(AuditChain, RemovedEventIsAGap) {
  auto events = chain_of(5);
  events.erase(events.begin() + 1);
  auto b = verify(events);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->seq, 3);
}

TEST(AuditChain, RehashedForgeryBreaksTheNextLink) {
  auto events = chain_of(5);
  events[1].outcome = "denied";
  events[1].hash = digest(canonical_text(events[1]));  // forger recomputes this hash
  auto b = verify(events);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->seq, 3);
}

TEST(AuditChain, CanonicalTextSeparatesFieldsUnambiguously) {
  AuditEvent a, b;
  a.action = "ab";
  a.entity_type = "c";
  b.action = "a";
  b.entity_type = "bc";
  EXPECT_NE(canonical_text(a), canonical_text(b));
}

TEST(AuditChain, CountsEveryEvent) {
  ChainVerifier v(digest);
  for (const auto& e : chain_of(7)) v.add(e);
  EXPECT_EQ(v.count(), 7);
}

}  // namespace
}  // namespace kc
