// The monitored session's use cases on a real store with a fake clock: tenancy and
// roles (refusals audited), a device gateway that may post readings and nothing
// else, a refused batch that leaves nothing behind, the readings' running values, and
// what a restart does to alarm evaluation (a new SessionService over the same store).
#include "app/session_service.h"

#include "app/calendar_service.h"
#include "domain/time.h"
#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

constexpr std::int64_t kMin = 60'000;

class SessionServiceTest : public test::ClinicFixture {
 protected:
  void SetUp() override {
    home = clinic("Harbour Clinic");
    away = clinic("Other Clinic");
    admin = sign_in(staff(home, "admin@harbour.test", Role::admin).email);
    nurse_row = staff(home, "nurse@harbour.test", Role::nurse);
    nurse = sign_in(nurse_row.email);
    desk = sign_in(staff(home, "desk@harbour.test", Role::front_desk).email);
    device = sign_in(staff(home, "monitor@harbour.test", Role::device).email);
    stranger = sign_in(staff(away, "nurse@other.test", Role::nurse).email);
    patient = *patients.create(desk, {"Ana", "Example", "1980-02-03"});
    room = *calendar.create_room(admin, {std::string("Room 1"), std::string("room"), std::nullopt});
    clock.set(*parse_iso8601("2026-12-01T08:00:00Z"));
    BookingInput in;
    in.request.type = "dosing_session";
    in.request.route = "iv";
    in.request.patient_id = patient.id;
    in.request.room_id = room.id;
    in.request.staff_ids = {nurse_row.id};
    in.request.start_ms = clock.now_ms() + 10 * kMin;
    in.request.duration_minutes = 120;
    appointment = calendar.book(desk, in)->view.appointment;
    auto opened = sessions.open(nurse, appointment.id);
    ASSERT_TRUE(opened) << opened.error().message;
    id = opened->session.id;
  }

  VitalReading bp(double systolic, double diastolic) {
    VitalReading r;
    r.at_ms = clock.now_ms();
    r.systolic_mmhg = systolic;
    r.diastolic_mmhg = diastolic;
    r.heart_rate_bpm = 80;
    r.spo2_pct = 98;
    return r;
  }

  int count(const std::string& action) {
    int n = 0;
    for (const auto& e : audit_of(home)) n += e.event.action == action ? 1 : 0;
    return n;
  }

  CalendarService calendar{*store, crypto, clock};
  SessionService sessions{*store, crypto, clock, calendar};
  ClinicRow home, away;
  Caller admin, nurse, desk, device, stranger;
  UserRow nurse_row;
  PatientRow patient;
  RoomRow room;
  AppointmentRow appointment;
  std::string id;
};

TEST_F(SessionServiceTest, AnotherClinicSeesNoSessionAndTheFrontDeskNone) {
  EXPECT_EQ(sessions.get(stranger, id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(sessions.record_vitals(stranger, id, {bp(120, 80)}).error().kind, ErrorKind::not_found);
  EXPECT_EQ(sessions.open(stranger, appointment.id).error().field, "appointment_id");
  EXPECT_EQ(sessions.get(desk, id).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(count("session.read"), 1) << "the front desk's refusal is audited";
  EXPECT_TRUE(sessions.tiles(stranger, {true, "", ""})->empty());
}

TEST_F(SessionServiceTest, ADeviceGatewayPostsReadingsAndNothingElse) {
  auto r = sessions.record_vitals(device, id, {bp(120, 80)});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->accepted, 1);
  EXPECT_EQ(sessions.get(device, id).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(sessions.check_in(device, id, {}).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(sessions.acknowledge(device, id, 1).error().kind, ErrorKind::forbidden);
}

TEST_F(SessionServiceTest, ARefusedBatchLeavesNothingBehind) {
  auto ok = bp(150, 95);
  auto bad = bp(120, 130);  // diastolic above systolic
  auto r = sessions.record_vitals(nurse, id, {ok, bad});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "readings[1].diastolic_mmhg");
  EXPECT_TRUE(sessions.vitals(nurse, id)->empty());
  auto v = sessions.get(nurse, id);
  EXPECT_FALSE(v->pre_dose_vitals) << "the pre-dose baseline is untouched";
  EXPECT_FALSE(v->latest_vitals);
}

TEST_F(SessionServiceTest, ReadingsBeforeDosingAreTheBaselineAndALaterOneDoesNotMoveIt) {
  ASSERT_TRUE(sessions.record_vitals(nurse, id, {bp(150, 95)}));
  clock.advance_ms(kMin);
  VitalReading hr_only;
  hr_only.at_ms = clock.now_ms();
  hr_only.heart_rate_bpm = 90;
  ASSERT_TRUE(sessions.record_vitals(nurse, id, {hr_only}));
  auto v = sessions.get(nurse, id);
  ASSERT_TRUE(v->pre_dose_vitals);
  EXPECT_EQ(v->pre_dose_vitals->systolic, 150'000);
  EXPECT_EQ(v->pre_dose_vitals->heart_rate, 90'000) << "the latest of each sign";
  EXPECT_TRUE(v->pre_dose_above_limit);
  EXPECT_EQ(v->latest_vitals->systolic, 150'000) << "a reading without pressure keeps the last pressure";
  // A reading timed before the latest one is stored but does not replace it.
  VitalReading late = bp(130, 80);
  late.at_ms = clock.now_ms() - 30 * kMin;
  ASSERT_TRUE(sessions.record_vitals(nurse, id, {late}));
  EXPECT_EQ(sessions.get(nurse, id)->latest_vitals->systolic, 150'000);
  EXPECT_EQ(sessions.vitals(nurse, id)->size(), 3u);
}

TEST_F(SessionServiceTest, AfterARestartOldAlarmsCanBeAcknowledgedAndNewOnesNumberOn) {
  auto first = sessions.record_vitals(nurse, id, {bp(205, 121)});
  ASSERT_TRUE(first);
  ASSERT_EQ(first->alarm_changes.size(), 1u) << "200/120 once: bp_severe; 180/110 needs a second reading";
  EXPECT_EQ(first->alarm_changes[0].rule_code, "bp_severe");
  EXPECT_EQ(first->alarm_changes[0].number, 1);

  SessionService restarted{*store, crypto, clock, calendar};  // the same store, a new process
  clock.advance_ms(kMin);
  auto again = restarted.record_vitals(nurse, id, {bp(206, 122)});
  ASSERT_TRUE(again);
  ASSERT_EQ(again->alarm_changes.size(), 1u) << "the condition still holds: raised again as a new alarm";
  EXPECT_EQ(again->alarm_changes[0].number, 2);

  auto old = restarted.acknowledge(nurse, id, 1);
  ASSERT_TRUE(old) << old.error().message;
  auto current = restarted.acknowledge(nurse, id, 2);
  ASSERT_TRUE(current) << current.error().message;
  ASSERT_EQ(current->alarms.size(), 2u);
  EXPECT_EQ(current->alarms[0].state, "cleared") << "no longer followed: cleared on acknowledgement";
  EXPECT_EQ(current->alarms[0].acknowledged_by, nurse.user_id);
  EXPECT_EQ(current->alarms[1].state, "acknowledged") << "its condition is still present";
  EXPECT_EQ(count("alarm.raised"), 2);
  EXPECT_EQ(count("alarm.acknowledged"), 2);
}

}  // namespace
}  // namespace kc::app
