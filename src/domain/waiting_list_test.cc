#include "domain/waiting_list.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

constexpr std::int64_t kHour = 3600 * 1000;

EntryState waiting(std::string id, std::int64_t joined, bool urgent = false) {
  return {std::move(id), EntryStatus::waiting, urgent, true, joined, 0};
}

TEST(OfferPlan, FreePlacesGoToTheEarliestJoined) {
  auto p = plan({2, 48 * kHour}, {waiting("b", 20), waiting("a", 10), waiting("c", 30)}, 100);
  EXPECT_EQ(p.offer, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(p.expire.empty());
}

TEST(OfferPlan, UrgentEntriesComeFirst) {
  auto p = plan({1, kHour}, {waiting("early", 10), waiting("urgent", 50, true)}, 100);
  EXPECT_EQ(p.offer, std::vector<std::string>{"urgent"});
}

TEST(OfferPlan, HeldPlacesAreNotOfferedAgain) {
  std::vector<EntryState> e = {waiting("w", 10),
                               {"o", EntryStatus::offered, false, true, 5, 10 * kHour},
                               {"s", EntryStatus::scheduled, false, true, 1, 0}};
  EXPECT_TRUE(plan({2, kHour}, e, 100).offer.empty());
  EXPECT_EQ(plan({3, kHour}, e, 100).offer, std::vector<std::string>{"w"});
}

TEST(OfferPlan, LapsedOfferExpiresAndItsPlacePassesOn) {
  std::vector<EntryState> e = {{"o", EntryStatus::offered, false, true, 5, 10 * kHour}, waiting("next", 10)};
  auto before = plan({1, kHour}, e, 10 * kHour - 1);
  EXPECT_TRUE(before.expire.empty());
  EXPECT_TRUE(before.offer.empty());
  auto at = plan({1, kHour}, e, 10 * kHour);
  EXPECT_EQ(at.expire, std::vector<std::string>{"o"});
  EXPECT_EQ(at.offer, std::vector<std::string>{"next"});
}

TEST(OfferPlan, EntriesNeedingReviewAreSkipped) {
  auto unclear = waiting("unclear", 1);
  unclear.cleared_for_offer = false;
  EXPECT_EQ(plan({1, kHour}, {unclear, waiting("clear", 2)}, 10).offer, std::vector<std::string>{"clear"});
}

TEST(OfferPlan, CapacityBelowHeldPlacesOffersNothing) {
  std::vector<EntryState> e = {{"a", EntryStatus::accepted, false, true, 1, 0}, waiting("w", 2)};
  EXPECT_TRUE(plan({0, kHour}, e, 10).offer.empty());
}

TEST(PreScreen, AnyYesOrAMinorNeedsAClinicianFirst) {
  EXPECT_FALSE(needs_clinician_review({Answer::no, Answer::unknown, Answer::no, 40}));
  EXPECT_TRUE(needs_clinician_review({Answer::yes, Answer::no, Answer::no, 40}));
  EXPECT_TRUE(needs_clinician_review({Answer::no, Answer::yes, Answer::no, 40}));
  EXPECT_TRUE(needs_clinician_review({Answer::no, Answer::no, Answer::yes, 40}));
  EXPECT_TRUE(needs_clinician_review({Answer::no, Answer::no, Answer::no, 17}));
  EXPECT_FALSE(needs_clinician_review({Answer::no, Answer::no, Answer::no, 18}));
}

TEST(EntryActions, OfferIsAcceptedOrDeclinedAndAcceptedIsScheduled) {
  EXPECT_EQ(*apply(EntryStatus::offered, EntryAction::accept, ""), EntryStatus::accepted);
  EXPECT_EQ(*apply(EntryStatus::offered, EntryAction::decline, ""), EntryStatus::declined);
  EXPECT_EQ(*apply(EntryStatus::accepted, EntryAction::schedule, ""), EntryStatus::scheduled);
  EXPECT_EQ(apply(EntryStatus::waiting, EntryAction::accept, "").error().code, "invalid_transition");
  EXPECT_EQ(*apply(EntryStatus::expired, EntryAction::requeue, ""), EntryStatus::waiting);
}

TEST(EntryActions, UrgentAndRemoveNeedAReason) {
  EXPECT_EQ(apply(EntryStatus::waiting, EntryAction::mark_urgent, " ").error().field, "reason");
  EXPECT_EQ(*apply(EntryStatus::waiting, EntryAction::mark_urgent, "Suicidal ideation"), EntryStatus::waiting);
  EXPECT_EQ(apply(EntryStatus::waiting, EntryAction::remove, "").error().field, "reason");
  EXPECT_EQ(apply(EntryStatus::removed, EntryAction::remove, "again").error().code, "invalid_transition");
  EXPECT_EQ(*apply(EntryStatus::scheduled, EntryAction::remove, "Finished the program"), EntryStatus::removed)
      << "a scheduled entry gives its place back when it leaves";
}

TEST(EntryActions, PossibleActionsFollowTheStatus) {
  auto w = possible_actions(EntryStatus::waiting, false, false);
  EXPECT_EQ(w, (std::vector<EntryAction>{EntryAction::mark_urgent, EntryAction::clear, EntryAction::remove}));
  EXPECT_EQ(possible_actions(EntryStatus::offered, true, true),
            (std::vector<EntryAction>{EntryAction::accept, EntryAction::decline, EntryAction::remove}));
  EXPECT_TRUE(possible_actions(EntryStatus::removed, false, true).empty());
}

}  // namespace
}  // namespace kc
