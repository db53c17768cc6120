#include "domain/waiting_list.h"

#include <algorithm>
#include <array>

namespace kc {
namespace {

constexpr std::array kStatusNames = {"waiting", "offered", "accepted", "declined", "expired", "scheduled", "removed"};
constexpr std::array kActionNames = {"mark_urgent", "clear", "accept", "decline", "schedule", "requeue", "remove"};

bool holds_place(EntryStatus s) {
  return s == EntryStatus::offered || s == EntryStatus::accepted || s == EntryStatus::scheduled;
}

}  // namespace

std::string_view to_string(EntryStatus s) { return kStatusNames[static_cast<std::size_t>(s)]; }

std::optional<EntryStatus> parse_entry_status(std::string_view t) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i)
    if (kStatusNames[i] == t) return static_cast<EntryStatus>(i);
  return std::nullopt;
}

std::string_view to_string(EntryAction a) { return kActionNames[static_cast<std::size_t>(a)]; }

std::optional<EntryAction> parse_entry_action(std::string_view t) {
  for (std::size_t i = 0; i < kActionNames.size(); ++i)
    if (kActionNames[i] == t) return static_cast<EntryAction>(i);
  return std::nullopt;
}

bool needs_clinician_review(const PreScreen& p) {
  return p.pregnant == Answer::yes || p.substance_use == Answer::yes || p.high_blood_pressure == Answer::yes ||
         (p.age_years && *p.age_years < 18);
}

bool comes_before(const EntryState& a, const EntryState& b) {
  if (a.urgent != b.urgent) return a.urgent;
  if (a.joined_ms != b.joined_ms) return a.joined_ms < b.joined_ms;
  return a.id < b.id;
}

OfferPlan plan(const ProgramSettings& program, const std::vector<EntryState>& entries, std::int64_t now_ms) {
  OfferPlan out;
  int held = 0;
  std::vector<EntryState> candidates;
  for (const auto& e : entries) {
    if (e.status == EntryStatus::offered && e.offer_expires_ms <= now_ms) {
      out.expire.push_back(e.id);
      continue;
    }
    if (holds_place(e.status)) ++held;
    if (e.status == EntryStatus::waiting && e.cleared_for_offer) candidates.push_back(e);
  }
  std::sort(candidates.begin(), candidates.end(), comes_before);
  const int free = std::max(0, program.capacity - held);
  for (int i = 0; i < free && i < static_cast<int>(candidates.size()); ++i) out.offer.push_back(candidates[i].id);
  return out;
}

Result<EntryStatus> apply(EntryStatus from, EntryAction action, std::string_view reason) {
  auto refuse = [&] {
    return Error::conflict("invalid_transition",
                           "This entry is " + std::string(to_string(from)) + ", so \"" +
                               std::string(to_string(action)) + "\" is not possible now.",
                           "action");
  };
  const bool blank = reason.find_first_not_of(" \t") == std::string_view::npos;
  switch (action) {
    case EntryAction::mark_urgent:
      if (from != EntryStatus::waiting && from != EntryStatus::offered) return refuse();
      if (blank) return Error::invalid("reason", "Say why the entry is urgent.");
      return from;
    case EntryAction::clear:
      if (from != EntryStatus::waiting) return refuse();
      return from;
    case EntryAction::accept:
    case EntryAction::decline:
      if (from != EntryStatus::offered) return refuse();
      return action == EntryAction::accept ? EntryStatus::accepted : EntryStatus::declined;
    case EntryAction::schedule:
      if (from != EntryStatus::accepted) return refuse();
      return EntryStatus::scheduled;
    case EntryAction::requeue:
      if (from != EntryStatus::declined && from != EntryStatus::expired) return refuse();
      return EntryStatus::waiting;
    case EntryAction::remove:
      if (from == EntryStatus::removed) return refuse();  // scheduled too: e.g. the program ended
      if (blank) return Error::invalid("reason", "Say why the entry is removed.");
      return EntryStatus::removed;
  }
  return refuse();
}

std::vector<EntryAction> possible_actions(EntryStatus status, bool urgent, bool cleared) {
  std::vector<EntryAction> out;
  for (std::size_t i = 0; i < kActionNames.size(); ++i) {
    auto a = static_cast<EntryAction>(i);
    if (a == EntryAction::mark_urgent && urgent) continue;
    if (a == EntryAction::clear && cleared) continue;
    if (apply(status, a, "reason").ok()) out.push_back(a);
  }
  return out;
}

}  // namespace kc
