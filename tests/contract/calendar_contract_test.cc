// The calendar's part of the Store contract: rooms, settings and appointments on
// both engines, tenancy, the overlap query's half-open bounds, and the booking locks
// that keep two concurrent bookings of one slot from both passing the overlap check.
#include <chrono>
#include <future>
#include <thread>

#include "contract/contract_fixture.h"
#include "domain/calendar.h"

namespace kc::test {
namespace {

using app::AppointmentQuery;
using app::AppointmentRow;
using app::RoomRow;

constexpr std::int64_t kMin = 60'000;
constexpr std::int64_t kT = 1'800'000'000'000;  // 2027-01-15

class CalendarContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    auto tx = store->begin(Store::Mode::write);
    tx->insert_user(user("usr_1", "cln_a", "one@a.test"));
    tx->insert_user(user("usr_2", "cln_a", "two@a.test"));
    tx->insert_user(user("usr_3", "cln_a", "three@a.test"));
    tx->insert_user(user("usr_4", "cln_a", "four@a.test"));
    tx->insert_room({"room_1", "cln_a", "Room 1", "room", true, 1});
    tx->insert_room({"room_2", "cln_a", "Chair A", "chair", true, 1});
    tx->insert_room({"room_b", "cln_b", "B's room", "room", true, 1});
    tx->commit();
    for (int i = 1; i <= 4; ++i) add_patient("pat_" + std::to_string(i), "cln_a", "P" + std::to_string(i), "Test");
    add_patient("pat_b", "cln_b", "Other", "Clinic");
  }

  AppointmentRow appointment(std::string id, std::string patient, std::string room, std::string staff,
                             std::int64_t start, int minutes) {
    AppointmentRow r;
    r.id = std::move(id);
    r.clinic_id = "cln_a";
    r.patient_id = std::move(patient);
    r.type = "dosing_session";
    r.route = "iv";
    r.room_id = std::move(room);
    r.staff_ids = {std::move(staff)};
    r.start_ms = start;
    r.end_ms = start + minutes * kMin;
    r.program_id = "";
    r.plan_id = "plan_1";
    r.session_number = 3;
    r.reminder_due_ms = start - 24 * 60 * kMin;
    r.settings_version_ms = 77;
    r.created_by = "usr_1";
    r.created_ms = r.updated_ms = 5;
    return r;
  }

  /// One booking as the use case does it: lock, look for a clash, insert, commit.
  bool try_book(const AppointmentRow& wanted, std::chrono::milliseconds pause) {
    auto tx = store->begin(Store::Mode::write);
    tx->lock_booking_resources(a, {wanted.patient_id}, {wanted.room_id}, wanted.staff_ids);
    AppointmentQuery q{wanted.start_ms, wanted.end_ms, "", "", true};
    std::vector<Slot> booked;
    for (const auto& b : tx->appointments(a, q))
      booked.push_back({b.id, b.patient_id, b.room_id, b.staff_ids, b.start_ms, b.end_ms});
    if (find_clash({"", wanted.patient_id, wanted.room_id, wanted.staff_ids, wanted.start_ms, wanted.end_ms}, booked))
      return false;
    std::this_thread::sleep_for(pause);  // widen the window a missing lock would leave open
    tx->insert_appointment(wanted);
    tx->commit();
    return true;
  }
};

TEST_F(CalendarContract, RoomsAreKeptPerClinicAndUpdated) {
  auto tx = store->begin(Store::Mode::write);
  auto rooms = tx->rooms(a);
  ASSERT_EQ(rooms.size(), 2u);
  EXPECT_EQ(rooms[0].name, "Chair A");  // by name
  EXPECT_EQ(rooms[0].kind, "chair");
  EXPECT_FALSE(tx->room(a, "room_b"));
  EXPECT_FALSE(tx->room(b, "room_1"));
  auto r = *tx->room(a, "room_1");
  r.name = "Infusion 1";
  r.active = false;
  tx->update_room(b, r);  // another clinic's update touches nothing
  EXPECT_EQ(tx->room(a, "room_1")->name, "Room 1");
  tx->update_room(a, r);
  tx->commit();
  auto rtx = store->begin(Store::Mode::read);
  EXPECT_EQ(rtx->room(a, "room_1")->name, "Infusion 1");
  EXPECT_FALSE(rtx->room(a, "room_1")->active);
}

TEST_F(CalendarContract, SettingsInsertThenReplace) {
  auto tx = store->begin(Store::Mode::write);
  EXPECT_FALSE(tx->calendar_settings(a));
  app::CalendarSettingsRow s{"cln_a", 60, 45, 120, 60, 30, 30, 40, 30, 120, 24, 7, "usr_1"};
  tx->save_calendar_settings(s);
  s.follow_up_minutes = 25;
  s.reminder_lead_hours = 48;
  tx->save_calendar_settings(s);
  tx->commit();
  auto rtx = store->begin(Store::Mode::read);
  auto got = rtx->calendar_settings(a);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->screening_minutes, 45);
  EXPECT_EQ(got->follow_up_minutes, 25);
  EXPECT_EQ(got->reminder_lead_hours, 48);
  EXPECT_EQ(got->racemic_observation_minutes, 30);
  EXPECT_EQ(got->updated_by, "one@a.test");  // the e-mail, on read
  EXPECT_FALSE(rtx->calendar_settings(b));
}

TEST_F(CalendarContract, AppointmentsRoundTripAndOverlapQueryIsHalfOpen) {
  {
    auto tx = store->begin(Store::Mode::write);
    auto x = appointment("apt_1", "pat_1", "room_1", "usr_1", kT, 90);
    x.staff_ids = {"usr_1", "usr_2"};
    tx->insert_appointment(x);
    tx->insert_appointment(appointment("apt_2", "pat_2", "room_2", "usr_3", kT + 90 * kMin, 60));
    auto tele = appointment("apt_3", "pat_1", "", "usr_4", kT + 300 * kMin, 30);
    tele.type = "telehealth_check_in";
    tele.route = "";
    tx->insert_appointment(tele);
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::write);
  auto got = tx->appointment(a, "apt_1");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->staff_ids, (std::vector<std::string>{"usr_1", "usr_2"}));
  EXPECT_EQ(got->end_ms, kT + 90 * kMin);
  EXPECT_EQ(got->plan_id, "plan_1");
  EXPECT_EQ(got->session_number, 3);
  EXPECT_EQ(got->settings_version_ms, 77);
  EXPECT_EQ(got->status, "booked");
  EXPECT_FALSE(tx->appointment(b, "apt_1"));

  auto ids = [&](AppointmentQuery q) {
    std::vector<std::string> out;
    for (const auto& r : tx->appointments(a, q)) out.push_back(r.id);
    return out;
  };
  // [kT+90, kT+100) touches apt_2 only: apt_1 ends at kT+90 (half-open).
  EXPECT_EQ(ids({kT + 90 * kMin, kT + 100 * kMin, "", "", false}), (std::vector<std::string>{"apt_2"}));
  EXPECT_EQ(ids({kT + 89 * kMin, kT + 100 * kMin, "", "", false}), (std::vector<std::string>{"apt_1", "apt_2"}));
  EXPECT_EQ(ids({kT - 60 * kMin, kT, "", "", false}), std::vector<std::string>{});
  EXPECT_EQ(ids({kT, kT + 24 * 60 * kMin, "room_2", "", false}), (std::vector<std::string>{"apt_2"}));
  EXPECT_EQ(ids({kT, kT + 24 * 60 * kMin, "", "pat_1", false}), (std::vector<std::string>{"apt_1", "apt_3"}));
  EXPECT_TRUE(tx->appointments(b, {kT, kT + 24 * 60 * kMin, "", "", false}).empty());

  got->status = "cancelled";
  got->cancel_reason = "unwell";
  got->cancelled_by = "usr_2";
  got->cancelled_ms = 9;
  tx->update_appointment(b, *got);  // another clinic: nothing
  EXPECT_EQ(tx->appointment(a, "apt_1")->status, "booked");
  tx->update_appointment(a, *got);
  EXPECT_EQ(ids({kT, kT + 60 * kMin, "", "", true}), std::vector<std::string>{});  // booked only
  EXPECT_EQ(ids({kT, kT + 60 * kMin, "", "", false}), (std::vector<std::string>{"apt_1"}));
  auto mine = tx->patient_appointments(a, "pat_1");
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].cancel_reason, "unwell");
  EXPECT_EQ(mine[0].cancelled_ms, 9);
  EXPECT_TRUE(tx->patient_appointments(b, "pat_1").empty());
  tx->commit();
}

TEST_F(CalendarContract, ConcurrentBookingsOfOneRoomBookOnce) {
  constexpr int kThreads = 4;
  std::vector<std::future<bool>> results;
  for (int i = 0; i < kThreads; ++i)
    results.push_back(std::async(std::launch::async, [this, i] {
      // Different patients and staff, the same room and time.
      const auto n = std::to_string(i + 1);
      return try_book(appointment("apt_r" + n, "pat_" + n, "room_1", "usr_" + n, kT, 60),
                      std::chrono::milliseconds(50));
    }));
  int booked = 0;
  for (auto& r : results) booked += r.get() ? 1 : 0;
  EXPECT_EQ(booked, 1);
  auto tx = store->begin(Store::Mode::read);
  EXPECT_EQ(tx->appointments(a, {kT, kT + 60 * kMin, "room_1", "", true}).size(), 1u);
}

TEST_F(CalendarContract, ConcurrentBookingsOfOneStaffMemberBookOnce) {
  constexpr int kThreads = 2;
  std::vector<std::future<bool>> results;
  for (int i = 0; i < kThreads; ++i)
    results.push_back(std::async(std::launch::async, [this, i] {
      // Different patients and rooms, the same nurse, overlapping times.
      const auto n = std::to_string(i + 1);
      return try_book(
          appointment("apt_s" + n, "pat_" + n, i == 0 ? "room_1" : "room_2", "usr_4", kT + i * 30 * kMin, 60),
          std::chrono::milliseconds(50));
    }));
  int booked = 0;
  for (auto& r : results) booked += r.get() ? 1 : 0;
  EXPECT_EQ(booked, 1);
}

}  // namespace
}  // namespace kc::test
