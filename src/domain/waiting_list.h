// Waiting lists: a clinic's programs (e.g. in-clinic IV, at-home sublingual) have a
// number of places; people wait for one. When places free, the next suitable people
// get offers that expire after the program's offer lifetime and pass to the next
// person on decline or expiry. Urgent entries (flagged by a clinician) come first.
//
// Pure: `plan` is given the program, its entries and the time, and says what to do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/eligibility.h"
#include "domain/result.h"

namespace kc {

enum class EntryStatus { waiting, offered, accepted, declined, expired, scheduled, removed };
std::string_view to_string(EntryStatus s);
std::optional<EntryStatus> parse_entry_status(std::string_view text);

enum class EntryAction { mark_urgent, clear, accept, decline, schedule, requeue, remove };
std::string_view to_string(EntryAction a);
std::optional<EntryAction> parse_entry_action(std::string_view text);

/// The short pre-screen taken on joining.
struct PreScreen {
  Answer pregnant = Answer::unknown;
  Answer substance_use = Answer::unknown;
  Answer high_blood_pressure = Answer::unknown;
  std::optional<int> age_years;
};

/// Whether a pre-screen lets the list offer a place without a clinician looking
/// first: any "yes" (each is a review item of clinical reference §4) or an age under
/// 18 needs a clinician to clear the entry.
bool needs_clinician_review(const PreScreen& p);

struct EntryState {
  std::string id;
  EntryStatus status = EntryStatus::waiting;
  bool urgent = false;
  bool cleared_for_offer = true;
  std::int64_t joined_ms = 0;
  std::int64_t offer_expires_ms = 0;  // for offered entries
};

struct ProgramSettings {
  int capacity = 0;           // places (offered, accepted and scheduled entries hold one)
  std::int64_t offer_ms = 0;  // how long an offer stands
};

struct OfferPlan {
  std::vector<std::string> expire;  // offered entries whose offer has lapsed
  std::vector<std::string> offer;   // waiting entries to offer a place, in order
};

/// What to do now: lapse stale offers, then offer free places to the next suitable
/// waiting entries (urgent first, then by join time).
OfferPlan plan(const ProgramSettings& program, const std::vector<EntryState>& entries, std::int64_t now_ms);

/// Orders entries for display and offers: urgent first, then earliest joined, then id.
bool comes_before(const EntryState& a, const EntryState& b);

/// The next status after `action`, or an error naming why not. mark_urgent and clear
/// keep the status. A reason is needed to mark urgent and to remove.
Result<EntryStatus> apply(EntryStatus from, EntryAction action, std::string_view reason);

/// The actions `apply` accepts from `status` (before permission checks).
std::vector<EntryAction> possible_actions(EntryStatus status, bool urgent, bool cleared);

}  // namespace kc
