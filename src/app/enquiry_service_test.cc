// The front desk's morning: requests arrive from the public form and the phone, a
// repeat request joins the first, bots and floods are turned away, and each
// enquiry moves through the queue.
#include "app/enquiry_service.h"

#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

constexpr std::int64_t kDay = 24 * 3600 * 1000LL;

class EnquiryServiceTest : public test::ClinicFixture {
 protected:
  void SetUp() override {
    home = clinic("Harbour Clinic");
    desk = sign_in(staff(home, "desk@harbour.test", Role::front_desk).email);
    nurse = sign_in(staff(home, "nurse@harbour.test", Role::nurse).email);
    therapist = sign_in(staff(home, "therapist@harbour.test", Role::therapist).email);
  }

  static EnquiryInput request(std::string email, std::string phone = "") {
    EnquiryInput in;
    in.given_name = "Maya";
    in.family_name = "Okafor";
    in.email = std::move(email);
    in.phone = std::move(phone);
    in.preferred_contact = "email";
    in.conditions = {"depression"};
    in.consent_to_contact = true;
    return in;
  }

  std::vector<EnquiryRow> queue(const std::string& status = "") { return enquiries.list(desk, status, "", 50)->items; }

  ClinicRow home;
  Caller desk, nurse, therapist;
};

TEST_F(EnquiryServiceTest, PublicRequestLandsInTheQueueAsNew) {
  ASSERT_TRUE(enquiries.submit_public(home.id, request("maya@example.org"), "", "203.0.113.5"));
  auto items = queue();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].status, "new");
  EXPECT_EQ(items[0].source, "web");
  EXPECT_TRUE(items[0].consent_to_contact);
  auto events = audit_of(home);
  bool public_create = false;
  for (const auto& e : events)
    public_create |=
        e.event.action == "enquiry.create" && e.event.role == "public" && e.event.client_address == "203.0.113.5";
  EXPECT_TRUE(public_create);
}

TEST_F(EnquiryServiceTest, RepeatWithin30DaysJoinsTheFirstRequest) {
  ASSERT_TRUE(enquiries.submit_public(home.id, request("maya@example.org", "5551234567"), "", "a"));
  clock.advance_ms(10 * kDay);
  ASSERT_TRUE(enquiries.submit_public(home.id, request("other@example.org", "555 123 4567"), "", "a"));
  auto items = queue();
  ASSERT_EQ(items.size(), 1u) << "the repeat is not a second queue item";
  EXPECT_EQ(items[0].linked_count, 1);
  auto detail = enquiries.get(desk, items[0].id);
  ASSERT_EQ(detail->linked.size(), 1u);
  EXPECT_EQ(detail->linked[0].duplicate_of, items[0].id);
}

TEST_F(EnquiryServiceTest, RequestAfter30DaysIsANewEnquiry) {
  ASSERT_TRUE(enquiries.submit_public(home.id, request("maya@example.org"), "", "a"));
  clock.advance_ms(30 * kDay + 1);
  ASSERT_TRUE(enquiries.submit_public(home.id, request("maya@example.org"), "", "a"));
  EXPECT_EQ(queue().size(), 2u);
}

TEST_F(EnquiryServiceTest, AskingAgainAfterAClosedEnquiryOpensANewOne) {
  auto first = enquiries.create_by_staff(desk, request("maya@example.org"));
  ASSERT_TRUE(enquiries.change_status(desk, first->id, "closed", "Not reachable"));
  clock.advance_ms(kDay);
  ASSERT_TRUE(enquiries.submit_public(home.id, request("maya@example.org"), "", "a"));
  auto open = queue();
  ASSERT_EQ(open.size(), 1u) << "the new request is in the open queue, not hidden under the closed one";
  EXPECT_TRUE(open[0].duplicate_of.empty());
}

TEST_F(EnquiryServiceTest, MistakesOnTheFormDoNotUseUpTheLimit) {
  auto bad = request("maya@example.org");
  bad.consent_to_contact = false;
  for (int i = 0; i < 10; ++i) ASSERT_FALSE(enquiries.submit_public(home.id, bad, "", "198.51.100.9"));
  EXPECT_TRUE(enquiries.submit_public(home.id, request("maya@example.org"), "", "198.51.100.9"));
}

TEST_F(EnquiryServiceTest, HoneypotAnswersAsUsualAndKeepsNothing) {
  EXPECT_TRUE(enquiries.submit_public(home.id, request("bot@example.org"), "http://spam.example", "a"));
  EXPECT_TRUE(queue().empty());
}

TEST_F(EnquiryServiceTest, SixthRequestFromOneAddressInAnHourIsRefused) {
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(
        enquiries.submit_public(home.id, request("p" + std::to_string(i) + "@example.org"), "", "198.51.100.1"));
  auto sixth = enquiries.submit_public(home.id, request("p6@example.org"), "", "198.51.100.1");
  ASSERT_FALSE(sixth);
  EXPECT_EQ(sixth.error().kind, ErrorKind::rate_limited);
  EXPECT_TRUE(enquiries.submit_public(home.id, request("q@example.org"), "", "198.51.100.2")) << "per address";
  clock.advance_ms(3600 * 1000);
  EXPECT_TRUE(enquiries.submit_public(home.id, request("p7@example.org"), "", "198.51.100.1"));
}

TEST_F(EnquiryServiceTest, BadRequestNamesTheFieldAndStoresNothing) {
  auto in = request("maya@example.org");
  in.consent_to_contact = false;
  EXPECT_EQ(enquiries.submit_public(home.id, in, "", "a").error().field, "consent_to_contact");
  EXPECT_EQ(enquiries.submit_public("cln_nope", request("m@example.org"), "", "a").error().kind, ErrorKind::not_found);
  EXPECT_TRUE(queue().empty());
}

TEST_F(EnquiryServiceTest, FrontDeskTakesAPhoneEnquiryAndWorksItThroughTheQueue) {
  auto in = request("", "+44 20 7946 0958");
  in.preferred_contact = "phone";
  in.consent_to_contact = false;  // consent is given on the call
  auto e = enquiries.create_by_staff(desk, in);
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(e->source, "phone");
  EXPECT_EQ(enquiries.change_status(desk, e->id, "consultation_booked", "").error().code, "invalid_transition");
  EXPECT_EQ(enquiries.change_status(desk, e->id, "contacted", "")->status, "contacted");
  EXPECT_EQ(enquiries.change_status(desk, e->id, "consultation_booked", "")->status, "consultation_booked");
  EXPECT_EQ(enquiries.change_status(desk, e->id, "closed", "").error().field, "reason");
  auto closed = enquiries.change_status(desk, e->id, "closed", "Seen in clinic");
  EXPECT_EQ(closed->close_reason, "Seen in clinic");
  EXPECT_TRUE(queue().empty()) << "closed enquiries leave the open queue";
  EXPECT_EQ(queue("closed").size(), 1u);
  auto history = enquiries.get(desk, e->id)->history;
  ASSERT_EQ(history.size(), 4u);
  EXPECT_EQ(history[1].status, "contacted");
  EXPECT_EQ(history[1].user_email, "desk@harbour.test");
  EXPECT_EQ(history[3].reason, "Seen in clinic");
}

TEST_F(EnquiryServiceTest, NurseReadsButDoesNotWorkTheQueueAndTherapistSeesNothing) {
  auto e = enquiries.create_by_staff(desk, request("maya@example.org"));
  ASSERT_TRUE(e);
  EXPECT_TRUE(enquiries.get(nurse, e->id));
  EXPECT_EQ(enquiries.change_status(nurse, e->id, "contacted", "").error().kind, ErrorKind::forbidden);
  EXPECT_EQ(enquiries.create_by_staff(nurse, request("x@example.org")).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(enquiries.list(therapist, "", "", 50).error().kind, ErrorKind::forbidden);
}

TEST_F(EnquiryServiceTest, AnotherClinicsEnquiryIsNotFound) {
  auto e = enquiries.create_by_staff(desk, request("maya@example.org"));
  auto hill = clinic("Hill Clinic");
  auto intruder = sign_in(staff(hill, "desk@hill.test", Role::front_desk).email);
  EXPECT_EQ(enquiries.get(intruder, e->id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(enquiries.change_status(intruder, e->id, "contacted", "").error().kind, ErrorKind::not_found);
  EXPECT_TRUE(enquiries.list(intruder, "", "", 50)->items.empty());
}

TEST_F(EnquiryServiceTest, QueuePagesNewestFirstWithoutGaps) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(enquiries.create_by_staff(desk, request("p" + std::to_string(i) + "@example.org")));
    clock.advance_ms(1000);
  }
  std::vector<std::string> seen;
  std::string cursor;
  do {
    auto page = enquiries.list(desk, "", cursor, 2);
    ASSERT_TRUE(page);
    for (const auto& e : page->items) seen.push_back(e.email);
    cursor = page->next_cursor.value_or("");
  } while (!cursor.empty());
  EXPECT_EQ(seen, (std::vector<std::string>{"p4@example.org", "p3@example.org", "p2@example.org", "p1@example.org",
                                            "p0@example.org"}));
  EXPECT_EQ(enquiries.list(desk, "pending", "", 10).error().field, "status");
  EXPECT_EQ(enquiries.list(desk, "", "zz", 10).error().field, "cursor");
}

}  // namespace
}  // namespace kc::app
