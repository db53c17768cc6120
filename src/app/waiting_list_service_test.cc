// A home program opens places: offers go out urgent-first, a decline passes the
// place on, an offer nobody answers lapses when the (fake) clock passes its
// lifetime and the next person is offered, each with a message in the outbox.
#include "app/waiting_list_service.h"

#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

constexpr std::int64_t kHour = 3600 * 1000;

class WaitingListTest : public test::ClinicFixture {
 protected:
  void SetUp() override {
    home = clinic("Harbour Clinic");
    admin = sign_in(staff(home, "admin@harbour.test", Role::admin).email);
    desk = sign_in(staff(home, "desk@harbour.test", Role::front_desk).email);
    nurse = sign_in(staff(home, "nurse@harbour.test", Role::nurse).email);
    program = *waiting.create_program(admin, "At-home sublingual", 0, 48);
  }

  EntryRow add(const std::string& name, const std::string& pregnant = "no") {
    NewEntry in;
    in.given_name = name;
    in.family_name = "Example";
    in.email = name + "@example.org";
    in.preferred_contact = "email";
    in.pregnant = pregnant;
    in.substance_use = "no";
    in.high_blood_pressure = "no";
    in.age_years = 40;
    clock.advance_ms(1000);
    auto e = waiting.add_by_staff(desk, program.id, in);
    EXPECT_TRUE(e) << e.error().message;
    return *e;
  }

  std::string status_of(const std::string& id) {
    auto all = waiting.entries(desk, program.id, true);
    for (const auto& e : *all)
      if (e.id == id) return e.status;
    return "missing";
  }

  ClinicRow home;
  Caller admin, desk, nurse;
  ProgramRow program;
};

TEST_F(WaitingListTest, RaisingCapacityOffersTheUrgentEntryFirst) {
  auto first = add("ana");
  auto second = add("ben");
  ASSERT_TRUE(waiting.act(nurse, second.id, "mark_urgent", "Suicidal ideation"));
  auto p = waiting.update_program(admin, program.id, 1, 48);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->places_in_use, 1);
  EXPECT_EQ(status_of(second.id), "offered");
  EXPECT_EQ(status_of(first.id), "waiting");
  auto list = *waiting.entries(desk, program.id, false);
  EXPECT_EQ(list.front().id, second.id) << "urgent entries are shown first";
  auto messages = [&] {
    auto tx = store->begin(Store::Mode::read);
    return tx->outbox(ClinicId{home.id}, second.id);
  }();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].recipient, "ben@example.org");
  EXPECT_NE(messages[0].body.find("At-home sublingual"), std::string::npos);
}

TEST_F(WaitingListTest, DeclinePassesThePlaceToTheNextPerson) {
  auto first = add("ana");
  auto second = add("ben");
  ASSERT_TRUE(waiting.update_program(admin, program.id, 1, 48));
  ASSERT_EQ(status_of(first.id), "offered");
  auto declined = waiting.act(desk, first.id, "decline", "");
  ASSERT_TRUE(declined);
  EXPECT_EQ(declined->status, "declined");
  EXPECT_EQ(status_of(second.id), "offered");
}

TEST_F(WaitingListTest, UnansweredOfferLapsesAndPassesOnWhenTheClockPassesIt) {
  auto first = add("ana");
  auto second = add("ben");
  ASSERT_TRUE(waiting.update_program(admin, program.id, 1, 48));
  clock.advance_ms(48 * kHour - 1);
  EXPECT_EQ(status_of(first.id), "offered");
  clock.advance_ms(1);
  waiting.sweep();
  EXPECT_EQ(status_of(first.id), "expired");
  EXPECT_EQ(status_of(second.id), "offered");
  auto tx = store->begin(Store::Mode::read);
  auto lapsed = tx->outbox(ClinicId{home.id}, first.id);
  ASSERT_EQ(lapsed.size(), 2u);
  EXPECT_EQ(lapsed[1].subject, "Your offer has lapsed");
}

TEST_F(WaitingListTest, AcceptedThenScheduledKeepsThePlace) {
  auto first = add("ana");
  auto second = add("ben");
  ASSERT_TRUE(waiting.update_program(admin, program.id, 1, 48));
  ASSERT_EQ(waiting.act(desk, first.id, "accept", "")->status, "accepted");
  ASSERT_EQ(waiting.act(desk, first.id, "schedule", "")->status, "scheduled");
  clock.advance_ms(100 * kHour);
  EXPECT_EQ(status_of(second.id), "waiting");
  EXPECT_FALSE(waiting.entries(desk, program.id, false)->empty());
}

TEST_F(WaitingListTest, PreScreenFindingWaitsForAClinician) {
  auto pregnant = add("cara", "yes");
  auto other = add("dan");
  EXPECT_FALSE(pregnant.cleared_for_offer);
  ASSERT_TRUE(waiting.update_program(admin, program.id, 1, 48));
  EXPECT_EQ(status_of(pregnant.id), "waiting") << "not offered before a clinician clears it";
  EXPECT_EQ(status_of(other.id), "offered");
  EXPECT_EQ(waiting.act(desk, pregnant.id, "clear", "").error().kind, ErrorKind::forbidden);
  EXPECT_TRUE(waiting.act(nurse, pregnant.id, "clear", ""));
}

TEST_F(WaitingListTest, RolesAndBadInput) {
  auto e = add("ana");
  EXPECT_EQ(waiting.create_program(desk, "x", 1, 1).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(waiting.act(desk, e.id, "mark_urgent", "x").error().kind, ErrorKind::forbidden);
  EXPECT_EQ(waiting.act(nurse, e.id, "mark_urgent", "").error().field, "reason");
  EXPECT_EQ(waiting.act(desk, e.id, "accept", "").error().code, "invalid_transition");
  EXPECT_EQ(waiting.act(desk, e.id, "fly", "").error().field, "action");
  EXPECT_EQ(waiting.update_program(admin, program.id, -1, 48).error().field, "capacity");
  NewEntry bad;
  bad.given_name = "X";
  bad.family_name = "Y";
  bad.email = "x@example.org";
  bad.preferred_contact = "email";
  bad.pregnant = "perhaps";
  EXPECT_EQ(waiting.add_by_staff(desk, program.id, bad).error().field, "prescreen.pregnant");
  auto hill = clinic("Hill Clinic");
  auto intruder = sign_in(staff(hill, "desk@hill.test", Role::front_desk).email);
  EXPECT_EQ(waiting.act(intruder, e.id, "remove", "x").error().kind, ErrorKind::not_found);
  EXPECT_EQ(waiting.entries(intruder, program.id, true).error().kind, ErrorKind::not_found);
}

TEST_F(WaitingListTest, PublicJoinNeedsConsentAndIsAnsweredTheSameForBots) {
  NewEntry in;
  in.given_name = "Eve";
  in.family_name = "Example";
  in.phone = "555 123 4567";
  in.preferred_contact = "text";
  EXPECT_EQ(waiting.join_public(home.id, program.id, in, "", "a").error().field, "consent_to_contact");
  in.consent_to_contact = true;
  EXPECT_TRUE(waiting.join_public(home.id, program.id, in, "", "a"));
  EXPECT_TRUE(waiting.join_public(home.id, program.id, in, "http://bot", "a"));
  EXPECT_EQ(waiting.entries(desk, program.id, true)->size(), 1u);
  EXPECT_EQ(waiting.join_public(home.id, "wlp_nope", in, "", "a").error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace kc::app
