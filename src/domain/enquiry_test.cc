#include "domain/enquiry.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

EnquiryInput valid_web() {
  EnquiryInput in;
  in.given_name = "Maya";
  in.family_name = "Okafor";
  in.email = "Maya@Example.org";
  in.phone = "+44 20 7946-0958";
  in.preferred_contact = "phone";
  in.conditions = {"depression", "anxiety"};
  in.consent_to_contact = true;
  return in;
}

TEST(Enquiry, ValidWebRequestIsNormalised) {
  auto e = validate_enquiry(valid_web(), EnquirySource::web);
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(e->email, "maya@example.org");
  EXPECT_EQ(e->phone, "+442079460958");
  EXPECT_EQ(e->preferred_contact, ContactMethod::phone);
}

TEST(Enquiry, WebRequestNeedsConsentButPhoneEnquiryRecordsIt) {
  auto in = valid_web();
  in.consent_to_contact = false;
  EXPECT_EQ(validate_enquiry(in, EnquirySource::web).error().field, "consent_to_contact");
  auto phone = validate_enquiry(in, EnquirySource::phone);
  ASSERT_TRUE(phone);
  EXPECT_TRUE(phone->consent_to_contact);
}

TEST(Enquiry, NeedsAWayToReply) {
  auto in = valid_web();
  in.email.clear();
  in.phone.clear();
  EXPECT_EQ(validate_enquiry(in, EnquirySource::web).error().field, "email");
}

TEST(Enquiry, PreferredMethodNeedsItsDetail) {
  auto in = valid_web();
  in.phone.clear();
  in.preferred_contact = "text";
  EXPECT_EQ(validate_enquiry(in, EnquirySource::web).error().field, "phone");
  in = valid_web();
  in.email.clear();
  in.preferred_contact = "email";
  EXPECT_EQ(validate_enquiry(in, EnquirySource::web).error().field, "email");
  in.preferred_contact = "pigeon";
  EXPECT_EQ(validate_enquiry(in, EnquirySource::web).error().field, "preferred_contact");
}

TEST(Enquiry, UnknownConditionIsNamedAndRepeatsCollapse) {
  auto in = valid_web();
  in.conditions = {"ptsd", "ptsd"};
  EXPECT_EQ(validate_enquiry(in, EnquirySource::web)->conditions, std::vector<std::string>{"ptsd"});
  in.conditions = {"flu"};
  EXPECT_EQ(validate_enquiry(in, EnquirySource::web).error().field, "conditions");
}

TEST(Enquiry, MalformedContactDetailsAreNamed) {
  auto in = valid_web();
  in.email = "maya@";
  EXPECT_EQ(validate_enquiry(in, EnquirySource::web).error().field, "email");
  in = valid_web();
  in.phone = "call me";
  EXPECT_EQ(validate_enquiry(in, EnquirySource::web).error().field, "phone");
}

TEST(Enquiry, FreeTextIsBounded) {
  auto in = valid_web();
  in.reason_text = std::string(2000, 'x');
  EXPECT_TRUE(validate_enquiry(in, EnquirySource::web));
  in.reason_text += "x";
  EXPECT_EQ(validate_enquiry(in, EnquirySource::web).error().field, "reason_text");
}

TEST(Phone, SevenToFifteenDigitsWithOptionalPlus) {
  EXPECT_EQ(*normalized_phone("phone", "(555) 123.4567"), "5551234567");
  EXPECT_TRUE(normalized_phone("phone", "1234567"));
  EXPECT_FALSE(normalized_phone("phone", "123456"));
  EXPECT_TRUE(normalized_phone("phone", "+123456789012345"));
  EXPECT_FALSE(normalized_phone("phone", "+1234567890123456"));
  EXPECT_FALSE(normalized_phone("phone", "12+34567"));
}

TEST(EnquiryStatus, StepsGoForwardOneAtATime) {
  EXPECT_TRUE(check_transition(EnquiryStatus::received, EnquiryStatus::contacted, ""));
  EXPECT_TRUE(check_transition(EnquiryStatus::contacted, EnquiryStatus::consultation_booked, ""));
  EXPECT_EQ(check_transition(EnquiryStatus::received, EnquiryStatus::consultation_booked, "").error().code,
            "invalid_transition");
  EXPECT_EQ(check_transition(EnquiryStatus::consultation_booked, EnquiryStatus::contacted, "").error().code,
            "invalid_transition");
}

TEST(EnquiryStatus, ClosingNeedsAReasonAndIsFinal) {
  EXPECT_EQ(check_transition(EnquiryStatus::contacted, EnquiryStatus::closed, " ").error().field, "reason");
  EXPECT_TRUE(check_transition(EnquiryStatus::received, EnquiryStatus::closed, "Chose another clinic"));
  EXPECT_EQ(check_transition(EnquiryStatus::closed, EnquiryStatus::contacted, "").error().code, "invalid_transition");
}

TEST(EnquiryStatus, NamesRoundTrip) {
  for (auto s :
       {EnquiryStatus::received, EnquiryStatus::contacted, EnquiryStatus::consultation_booked, EnquiryStatus::closed})
    EXPECT_EQ(parse_enquiry_status(to_string(s)), s);
  EXPECT_EQ(to_string(EnquiryStatus::received), "new");
}

TEST(Duplicate, ThirtyDayWindowInclusive) {
  EnquiryPolicy p;
  const std::int64_t day = 24 * 3600 * 1000LL;
  EXPECT_TRUE(within_duplicate_window(0, 30 * day, p));
  EXPECT_FALSE(within_duplicate_window(0, 30 * day + 1, p));
}

TEST(RateLimit, FiveAnHourThenRefusedUntilTheOldestLeavesTheWindow) {
  RequestWindow w;
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(w.admit(i * 1000, 5));
  EXPECT_FALSE(w.admit(10'000, 5));
  EXPECT_FALSE(w.admit(3'599'999, 5));
  EXPECT_TRUE(w.admit(3'600'000, 5));
  EXPECT_FALSE(w.idle(3'600'000 + 3'599'999));
  EXPECT_TRUE(w.idle(3'600'000 + 3'600'000));
}

}  // namespace
}  // namespace kc
