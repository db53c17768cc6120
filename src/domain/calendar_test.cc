#include "domain/calendar.h"

#include <gtest/gtest.h>

#include "domain/time.h"

namespace kc {
namespace {

constexpr std::int64_t kMin = 60'000;
const std::int64_t kNine = *parse_iso8601("2026-11-23T09:00:00Z");  // a Monday

BookingRequest dosing(std::string route, std::optional<int> minutes) {
  BookingRequest r;
  r.type = "dosing_session";
  r.route = std::move(route);
  r.patient_id = "pat_1";
  r.room_id = "room_1";
  r.staff_ids = {"usr_n"};
  r.start_ms = kNine;
  r.duration_minutes = minutes;
  return r;
}

TEST(CalendarTypes, CodesRoundTripAndTelehealthNeedsNoRoom) {
  for (auto t : all_appointment_types()) {
    EXPECT_EQ(parse_appointment_type(to_string(t)), t);
    EXPECT_EQ(needs_room(t), t != AppointmentType::telehealth_check_in);
  }
  EXPECT_EQ(all_appointment_types().size(), 6u);
  EXPECT_FALSE(parse_appointment_type("surgery"));
}

TEST(CalendarOverlap, HalfOpenIntervals) {
  EXPECT_TRUE(overlaps(0, 10, 5, 15));
  EXPECT_TRUE(overlaps(0, 10, 2, 3));
  EXPECT_FALSE(overlaps(0, 10, 10, 20));  // back to back
  EXPECT_FALSE(overlaps(10, 20, 0, 10));
}

TEST(CalendarDosing, EsketamineNeedsTwoHours) {
  CalendarSettings s;
  auto short_one = check_booking(dosing("intranasal_esketamine", 90), s);
  ASSERT_FALSE(short_one);
  EXPECT_EQ(short_one.error().field, "duration_minutes");
  EXPECT_EQ(short_one.error().code, "session_too_short");
  EXPECT_NE(short_one.error().message.find("120"), std::string::npos);
  EXPECT_TRUE(check_booking(dosing("intranasal_esketamine", 120), s));
  // Even when the clinic's setting were lowered, the label's 120 holds.
  s.esketamine_session_minutes = 60;
  EXPECT_FALSE(validate(s));
  EXPECT_EQ(minimum_dosing_minutes(s, Route::intranasal_esketamine), 120);
}

TEST(CalendarDosing, IvCoversInfusionPlusObservation) {
  CalendarSettings s;
  s.iv_infusion_minutes = 40;
  s.racemic_observation_minutes = 30;
  EXPECT_EQ(minimum_dosing_minutes(s, Route::iv), 70);
  EXPECT_FALSE(check_booking(dosing("iv", 69), s));
  EXPECT_TRUE(check_booking(dosing("iv", 70), s));
  auto by_end = dosing("iv", std::nullopt);
  by_end.end_ms = kNine + 60 * kMin;
  auto r = check_booking(by_end, s);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "end");
}

TEST(CalendarDosing, DefaultLengthFromTypeAndRoute) {
  CalendarSettings s;
  s.dosing_session_minutes = 90;
  auto r = check_booking(dosing("intranasal_esketamine", std::nullopt), s);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->end_ms - r->start_ms, 120 * kMin);  // raised to the route's minimum
  auto iv = check_booking(dosing("iv", std::nullopt), s);
  ASSERT_TRUE(iv);
  EXPECT_EQ(iv->end_ms - iv->start_ms, 90 * kMin);
  EXPECT_EQ(default_minutes(s, AppointmentType::follow_up, std::nullopt), 30);
}

TEST(CalendarBooking, ErrorsNameTheField) {
  CalendarSettings s;
  auto field_of = [&](BookingRequest r) { return check_booking(r, s).error().field; };
  auto r = dosing("iv", 90);
  r.type = "party";
  EXPECT_EQ(field_of(r), "type");
  r = dosing("", 90);
  EXPECT_EQ(field_of(r), "route");
  r = dosing("iv", 90);
  r.type = "consultation";
  EXPECT_EQ(field_of(r), "route");  // only dosing sessions have a route
  r = dosing("iv", 90);
  r.room_id.clear();
  EXPECT_EQ(field_of(r), "room_id");
  r = dosing("iv", 90);
  r.staff_ids = {"a", "a"};
  EXPECT_EQ(field_of(r), "staff_ids");
  r.staff_ids.clear();
  EXPECT_EQ(field_of(r), "staff_ids");
  r = dosing("iv", 90);
  r.start_ms.reset();
  EXPECT_EQ(field_of(r), "start");
  r = dosing("iv", std::nullopt);
  r.end_ms = kNine - kMin;
  EXPECT_EQ(field_of(r), "end");
  r = dosing("iv", 1000);
  EXPECT_EQ(field_of(r), "duration_minutes");
  BookingRequest tele;
  tele.type = "telehealth_check_in";
  tele.patient_id = "p";
  tele.staff_ids = {"u"};
  tele.start_ms = kNine;
  EXPECT_TRUE(check_booking(tele, s));
  tele.room_id = "room_1";
  EXPECT_EQ(check_booking(tele, s).error().field, "room_id");
}

TEST(CalendarClash, RoomThenStaffThenPatient) {
  std::vector<Slot> booked{{"apt_1", "pat_a", "room_1", {"usr_1"}, kNine, kNine + 60 * kMin}};
  Slot w{"", "pat_b", "room_1", {"usr_2"}, kNine + 30 * kMin, kNine + 90 * kMin};
  auto c = find_clash(w, booked);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->field, "room_id");
  EXPECT_EQ(c->with.id, "apt_1");
  w.room_id = "room_2";
  w.staff_ids = {"usr_3", "usr_1"};
  c = find_clash(w, booked);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->field, "staff_ids");
  EXPECT_EQ(c->value, "usr_1");
  w.staff_ids = {"usr_3"};
  w.patient_id = "pat_a";
  EXPECT_EQ(find_clash(w, booked)->field, "patient_id");
  w.patient_id = "pat_b";
  EXPECT_FALSE(find_clash(w, booked));
  // back to back in the same room is fine
  Slot next{"", "pat_c", "room_1", {"usr_1"}, kNine + 60 * kMin, kNine + 120 * kMin};
  EXPECT_FALSE(find_clash(next, booked));
}

TEST(CalendarReminder, EsketamineFastingEscortAndNoDriving) {
  auto r = reminder_text("Ana", AppointmentType::dosing_session, Route::intranasal_esketamine, kNine, "Room 1",
                         "Demo Clinic");
  EXPECT_NE(r.body.find("Dear Ana"), std::string::npos);
  EXPECT_NE(r.body.find("2026-11-23 at 09:00 UTC"), std::string::npos);
  EXPECT_NE(r.body.find("Do not eat anything for 2 hours"), std::string::npos);
  EXPECT_NE(r.body.find("30 minutes"), std::string::npos);
  EXPECT_NE(r.body.find("adult"), std::string::npos);
  EXPECT_NE(r.body.find("Do not drive"), std::string::npos);
  auto iv = preparation_instructions(AppointmentType::dosing_session, Route::iv);
  EXPECT_EQ(iv.size(), 3u);  // escort, no driving, stay: no fasting rule from the label for IV
  for (const auto& line : iv) EXPECT_EQ(line.find("eat"), std::string::npos);
  EXPECT_TRUE(preparation_instructions(AppointmentType::follow_up, std::nullopt).empty());
}

TEST(CalendarStatus, OnlyBookedCanBeMarked) {
  EXPECT_EQ(*change_status(AppointmentStatus::booked, "completed"), AppointmentStatus::completed);
  EXPECT_EQ(change_status(AppointmentStatus::cancelled, "no_show").error().code, "appointment_not_booked");
  EXPECT_EQ(change_status(AppointmentStatus::booked, "cancelled").error().field, "status");
}

TEST(CalendarWeeks, MondayStart) {
  const auto wed = *parse_iso8601("2026-11-25T15:30:00Z");
  EXPECT_EQ(format_iso8601(week_start(wed)), "2026-11-23T00:00:00.000Z");
  EXPECT_EQ(format_iso8601(day_start(wed)), "2026-11-25T00:00:00.000Z");
}

}  // namespace
}  // namespace kc
