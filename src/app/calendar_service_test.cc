// The calendar's use cases on a real store with a fake clock: who may do what (and
// that refusals are audited), a booking with its audit event and its reminder in the
// outbox, staff and rooms that must be usable, a series booked all or nothing, a
// cancellation that frees the slot and offers a waiting-list place, and the next
// dosing session the integrator asks for.
#include "app/calendar_service.h"

#include "domain/time.h"
#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

constexpr std::int64_t kMin = 60'000;

class CalendarServiceTest : public test::ClinicFixture {
 protected:
  void SetUp() override {
    home = clinic("Harbour Clinic");
    admin = sign_in(staff(home, "admin@harbour.test", Role::admin).email);
    desk = sign_in(staff(home, "desk@harbour.test", Role::front_desk).email);
    nurse_row = staff(home, "nurse@harbour.test", Role::nurse);
    therapist = sign_in(staff(home, "therapist@harbour.test", Role::therapist).email);
    patient = *patients.create(desk, {"Ana", "Example", "1980-02-03"});
    other_patient = *patients.create(desk, {"Ben", "Example", "1982-02-03"});
    room = *calendar.create_room(admin, {std::string("Room 1"), std::string("room"), std::nullopt});
    nine = *parse_iso8601("2026-12-01T09:00:00Z");
  }

  BookingInput dosing(const std::string& route, int minutes, std::int64_t start, const std::string& patient_id) {
    BookingInput in;
    in.request.type = "dosing_session";
    in.request.route = route;
    in.request.patient_id = patient_id;
    in.request.room_id = room.id;
    in.request.staff_ids = {nurse_row.id};
    in.request.start_ms = start;
    in.request.duration_minutes = minutes;
    return in;
  }

  std::vector<OutboxRow> outbox_of(const std::string& entity) {
    auto tx = store->begin(Store::Mode::read);
    return tx->outbox(ClinicId{home.id}, entity);
  }

  int count(const std::string& action) {
    int n = 0;
    for (const auto& e : audit_of(home)) n += e.event.action == action ? 1 : 0;
    return n;
  }

  CalendarService calendar{*store, crypto, clock};
  ClinicRow home;
  Caller admin, desk, therapist;
  UserRow nurse_row;
  PatientRow patient, other_patient;
  RoomRow room;
  std::int64_t nine = 0;
};

TEST_F(CalendarServiceTest, BookingIsAuditedAndWritesTheReminder) {
  auto b = calendar.book(desk, dosing("intranasal_esketamine", 120, nine, patient.id));
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->view.appointment.end_ms, nine + 120 * kMin);
  EXPECT_EQ(b->view.appointment.reminder_due_ms, nine - 24 * 60 * kMin);
  EXPECT_EQ(count("calendar.appointment.book"), 1);
  auto messages = outbox_of(b->view.appointment.id);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_NE(messages[0].body.find("Do not eat anything for 2 hours"), std::string::npos);
  EXPECT_NE(messages[0].body.find("Send on or after 2026-11-30T09:00:00.000Z"), std::string::npos);
}

TEST_F(CalendarServiceTest, TherapistMayNotBookAndTheRefusalIsAudited) {
  auto b = calendar.book(therapist, dosing("iv", 90, nine, patient.id));
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(count("calendar.appointment.book"), 1);  // the denied event
  EXPECT_TRUE(calendar.rooms(therapist));            // but may read
  EXPECT_EQ(calendar.create_room(desk, {std::string("X"), std::nullopt, std::nullopt}).error().kind,
            ErrorKind::forbidden);
}

TEST_F(CalendarServiceTest, DisabledStaffAndInactiveRoomsAreRefused) {
  ASSERT_TRUE(users.set_disabled(admin, nurse_row.id, true));
  auto b = calendar.book(desk, dosing("iv", 90, nine, patient.id));
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().field, "staff_ids");
  ASSERT_TRUE(users.set_disabled(admin, nurse_row.id, false));
  ASSERT_TRUE(calendar.update_room(admin, room.id, {std::nullopt, std::nullopt, false}));
  b = calendar.book(desk, dosing("iv", 90, nine, patient.id));
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().code, "room_inactive");
  EXPECT_EQ(b.error().field, "room_id");
}

TEST_F(CalendarServiceTest, BatchIsAllOrNothing) {
  ASSERT_TRUE(calendar.book(desk, dosing("iv", 90, nine + 2 * 24 * 60 * kMin, other_patient.id)));
  std::vector<BookingInput> series{dosing("iv", 90, nine, patient.id),
                                   dosing("iv", 90, nine + 24 * 60 * kMin, patient.id),
                                   dosing("iv", 90, nine + 2 * 24 * 60 * kMin + 30 * kMin, patient.id)};
  BookingClash clash;
  auto r = calendar.book_batch(desk, series, &clash);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "double_booking");
  EXPECT_EQ(r.error().field, "items[2].room_id");
  EXPECT_EQ(clash.item_index, 2);
  auto mine = calendar.patient_appointments(desk, patient.id);
  ASSERT_TRUE(mine);
  EXPECT_TRUE(mine->empty());
  EXPECT_EQ(count("calendar.appointment.book"), 1);
  series.pop_back();
  auto ok = calendar.book_batch(desk, series);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->size(), 2u);
}

TEST_F(CalendarServiceTest, CancelFreesTheSlotAndOffersTheWaitingListPlace) {
  auto program = *waiting.create_program(admin, "IV induction", 0, 48);
  NewEntry person;
  person.given_name = "Cleo";
  person.family_name = "Waiting";
  person.email = "cleo@example.org";
  person.preferred_contact = "email";
  person.pregnant = person.substance_use = person.high_blood_pressure = "no";
  person.age_years = 40;
  auto entry = *waiting.add_by_staff(desk, program.id, person);
  auto in = dosing("iv", 90, nine, patient.id);
  in.program_id = program.id;
  auto b = *calendar.book(desk, in);
  ASSERT_FALSE(calendar.book(desk, dosing("iv", 90, nine, other_patient.id)));
  auto c = calendar.cancel(desk, b.view.appointment.id, "Patient unwell");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->offered_entry_id, entry.id);
  auto entries = *waiting.entries(desk, program.id, true);
  EXPECT_EQ(entries.front().status, "offered");
  EXPECT_TRUE(calendar.book(desk, dosing("iv", 90, nine, other_patient.id)));
  EXPECT_EQ(calendar.cancel(desk, b.view.appointment.id, "again").error().code, "appointment_not_booked");
  EXPECT_EQ(calendar.cancel(desk, b.view.appointment.id, " ").error().field, "reason");
}

TEST_F(CalendarServiceTest, NextDosingSessionIsTheEarliestNotYetEnded) {
  ASSERT_TRUE(calendar.book(desk, dosing("iv", 90, nine + 24 * 60 * kMin, patient.id)));
  auto first = *calendar.book(desk, dosing("iv", 90, nine, patient.id));
  auto tx = store->begin(Store::Mode::read);
  auto next = CalendarService::next_dosing_session(*tx, ClinicId{home.id}, patient.id, clock.now_ms());
  ASSERT_TRUE(next);
  EXPECT_EQ(next->id, first.view.appointment.id);
  // during the session it is still the next one; after it ends, the following one
  EXPECT_EQ(CalendarService::next_dosing_session(*tx, ClinicId{home.id}, patient.id, nine + 60 * kMin)->id,
            first.view.appointment.id);
  EXPECT_NE(CalendarService::next_dosing_session(*tx, ClinicId{home.id}, patient.id, nine + 90 * kMin)->id,
            first.view.appointment.id);
  EXPECT_FALSE(CalendarService::next_dosing_session(*tx, ClinicId{home.id}, other_patient.id, clock.now_ms()));
}

TEST_F(CalendarServiceTest, SettingsOnlyByTheAdminAndWithinTheLabel) {
  EXPECT_EQ(calendar.update_settings(desk, {{{"follow_up_minutes", 45}}}).error().kind, ErrorKind::forbidden);
  auto low = calendar.update_settings(admin, {{{"esketamine_session_minutes", 100}}});
  ASSERT_FALSE(low);
  EXPECT_EQ(low.error().field, "esketamine_session_minutes");
  auto unknown = calendar.update_settings(admin, {{{"lunch_minutes", 45}}});
  EXPECT_EQ(unknown.error().field, "lunch_minutes");
  auto ok = calendar.update_settings(admin, {{{"racemic_observation_minutes", 50}}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->racemic_observation_minutes, 50);
  EXPECT_FALSE(calendar.book(desk, dosing("iv", 80, nine, patient.id)));  // 40 + 50 = 90 now
  auto booked = calendar.book(desk, dosing("iv", 90, nine, patient.id));
  ASSERT_TRUE(booked);
  EXPECT_EQ(booked->view.appointment.settings_version_ms, ok->updated_ms);  // the settings it was checked with
  EXPECT_GT(ok->updated_ms, 0);
}

}  // namespace
}  // namespace kc::app
