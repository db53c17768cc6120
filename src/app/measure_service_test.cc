// Measurement-based care through the use case, on a real store with a fake clock:
// results against baseline, a risk answer raising a task for the responsible
// clinician that escalates to the medical director when the clock passes the
// clinic's limit, single-use links, amendments, and nothing half-written on bad input.
#include "app/measure_service.h"

#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kDay = 24 * 60 * kMinute;

std::map<std::string, int> phq9(std::initializer_list<int> values) {
  std::map<std::string, int> out;
  int i = 1;
  for (int v : values) out["phq9_" + std::to_string(i++)] = v;
  return out;
}

class MeasureServiceTest : public test::ClinicFixture {
 protected:
  void SetUp() override {
    home = clinic("Harbour Clinic");
    admin = sign_in(staff(home, "md@harbour.test", Role::admin).email);
    prescriber_row = staff(home, "rx@harbour.test", Role::prescriber);
    prescriber = sign_in(prescriber_row.email);
    other_prescriber = sign_in(staff(home, "rx2@harbour.test", Role::prescriber).email);
    nurse = sign_in(staff(home, "nurse@harbour.test", Role::nurse).email);
    desk = sign_in(staff(home, "desk@harbour.test", Role::front_desk).email);
    patient = *patients.create(nurse, {"Ana", "Silva", "1980-05-01"});
  }

  Result<RecordedResponse> submit(const Caller& who, std::map<std::string, int> answers,
                                  const std::string& instrument = "phq9") {
    return measures.record(who, patient.id, {instrument, std::move(answers), true, {}, {}, {}});
  }

  std::vector<ResponseRow> responses() { return measures.patient_measures(nurse, patient.id)->responses; }

  MeasureService measures{*store, crypto, clock};
  ClinicRow home;
  UserRow prescriber_row;
  Caller admin, prescriber, other_prescriber, nurse, desk;
  PatientRow patient;
};

TEST_F(MeasureServiceTest, BaselineThenWeeklyResponsesGiveResponseThenRemission) {
  ASSERT_TRUE(submit(nurse, phq9({3, 3, 2, 2, 2, 2, 2, 2, 0})));  // 18, baseline
  clock.advance_ms(7 * kDay);
  ASSERT_TRUE(submit(nurse, phq9({2, 2, 1, 1, 1, 1, 1, 1, 0})));  // 10: -44 %
  auto view = measures.patient_measures(nurse, patient.id);
  ASSERT_EQ(view->series.size(), 1u);
  EXPECT_FALSE(view->series[0].outcome.response);
  clock.advance_ms(7 * kDay);
  ASSERT_TRUE(submit(nurse, phq9({1, 1, 1, 1, 1, 1, 1, 0, 0})));  // 7: -61 %
  view = measures.patient_measures(nurse, patient.id);
  EXPECT_TRUE(view->series[0].outcome.response);
  EXPECT_FALSE(view->series[0].outcome.remission);
  clock.advance_ms(7 * kDay);
  ASSERT_TRUE(submit(nurse, phq9({1, 1, 1, 1, 0, 0, 0, 0, 0})));  // 4
  view = measures.patient_measures(nurse, patient.id);
  const auto& s = view->series[0];
  ASSERT_EQ(s.points.size(), 4u);
  EXPECT_EQ(s.outcome.baseline->total, 18);
  EXPECT_EQ(s.outcome.latest->total, 4);
  EXPECT_EQ(s.outcome.change, -14);
  EXPECT_TRUE(s.outcome.response);
  EXPECT_TRUE(s.outcome.remission);
  EXPECT_EQ(s.points.front().band, "Moderately severe");
  EXPECT_EQ(s.points.back().band, "None–minimal");
}

TEST_F(MeasureServiceTest, ItemNineRaisesATaskForTheResponsibleClinicianThatEscalates) {
  ASSERT_TRUE(measures.set_responsible(nurse, patient.id, prescriber_row.id));
  auto r = submit(nurse, phq9({1, 1, 1, 1, 1, 1, 1, 1, 1}));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->risk.size(), 1u);
  EXPECT_EQ(r->risk[0].code, "phq9_item9");
  ASSERT_FALSE(r->task_id.empty());

  auto mine = measures.tasks(prescriber, true);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].task.assigned_to, prescriber_row.id);
  EXPECT_TRUE((*mine)[0].can_acknowledge);
  EXPECT_EQ((*mine)[0].task.priority, "high");
  EXPECT_TRUE(measures.tasks(other_prescriber, true)->empty()) << "assigned to one clinician";
  EXPECT_TRUE(measures.tasks(nurse, true)->empty());
  EXPECT_EQ(measures.tasks(desk, true).error().kind, ErrorKind::forbidden);

  clock.advance_ms(60 * kMinute - 1);  // the default limit is 60 minutes
  measures.sweep();
  EXPECT_EQ((*measures.tasks(admin, true))[0].task.escalated_ms, 0);
  clock.advance_ms(1);
  measures.sweep();
  auto escalated = measures.tasks(admin, true);
  ASSERT_EQ(escalated->size(), 1u);
  EXPECT_EQ((*escalated)[0].task.escalated_ms, clock.now_ms());
  EXPECT_TRUE((*escalated)[0].can_acknowledge);
  {
    auto tx = store->begin(Store::Mode::read);
    auto messages = tx->outbox(ClinicId{home.id}, r->task_id);
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0].recipient, "md@harbour.test");
    EXPECT_EQ(messages[0].body.find("Silva"), std::string::npos) << "no patient name in the message";
  }

  EXPECT_EQ(measures.acknowledge(other_prescriber, r->task_id, "Called").error().kind, ErrorKind::forbidden);
  EXPECT_EQ(measures.acknowledge(prescriber, r->task_id, " ").error().field, "action");
  auto done = measures.acknowledge(prescriber, r->task_id, "Phoned the patient; safety plan reviewed.");
  ASSERT_TRUE(done);
  EXPECT_EQ(done->acknowledged_by_email, "rx@harbour.test");
  EXPECT_EQ(measures.acknowledge(admin, r->task_id, "Again").error().code, "already_acknowledged");
  EXPECT_TRUE(measures.tasks(prescriber, true)->empty());
  EXPECT_EQ(measures.tasks(prescriber, false)->size(), 1u);
}

TEST_F(MeasureServiceTest, AnUnassignedTaskGoesToEveryPrescriberAndARiseRaisesOne) {
  ASSERT_TRUE(submit(nurse, phq9({1, 1, 1, 1, 1, 0, 0, 0, 0})));  // 5
  auto rise = submit(nurse, phq9({2, 2, 1, 1, 1, 1, 1, 1, 0}));   // 10: +5
  ASSERT_TRUE(rise);
  ASSERT_EQ(rise->risk.size(), 1u);
  EXPECT_EQ(rise->risk[0].code, "phq9_rise");
  EXPECT_EQ(measures.tasks(prescriber, true)->size(), 1u);
  EXPECT_EQ(measures.tasks(other_prescriber, true)->size(), 1u);
  EXPECT_TRUE(measures.tasks(nurse, true)->empty());
}

TEST_F(MeasureServiceTest, ACssrsRiskLevelRaisesATaskAndTheSettingsMoveTheThreshold) {
  auto low = submit(prescriber, {{"screen_positive", 1}, {"risk_level", 1}}, "cssrs");
  ASSERT_TRUE(low) << low.error().message;
  EXPECT_FALSE(low->task_id.empty());
  SettingsPatch patch;
  patch.cssrs_min_level = 2;
  ASSERT_TRUE(measures.update_settings(admin, patch));
  EXPECT_TRUE(submit(prescriber, {{"screen_positive", 1}, {"risk_level", 1}}, "cssrs")->task_id.empty());
  EXPECT_EQ(measures.update_settings(prescriber, patch).error().kind, ErrorKind::forbidden);
  patch.cssrs_min_level = 4;
  EXPECT_EQ(measures.update_settings(admin, patch).error().field, "cssrs_min_level");
}

TEST_F(MeasureServiceTest, BadAnswersAreRefusedAndNothingIsStored) {
  auto out_of_range = submit(nurse, phq9({1, 1, 7, 1, 1, 1, 1, 1, 1}));
  EXPECT_EQ(out_of_range.error().field, "answers.phq9_3");
  auto missing = submit(nurse, phq9({1, 1, 1, 1, 1, 1, 1, 1}));
  EXPECT_EQ(missing.error().field, "answers.phq9_9");
  EXPECT_EQ(submit(nurse, {{"x", 1}}, "phq10").error().field, "instrument");
  EXPECT_TRUE(responses().empty());
  EXPECT_TRUE(measures.tasks(admin, false)->empty());
  EXPECT_EQ(submit(desk, phq9({0, 0, 0, 0, 0, 0, 0, 0, 0})).error().kind, ErrorKind::forbidden);
}

TEST_F(MeasureServiceTest, ADraftIsResumedAndASubmittedResponseIsAmendedNeverChanged) {
  auto draft = measures.record(nurse, patient.id, {"phq9", {{"phq9_1", 2}}, false, {}, {}, {}});
  ASSERT_TRUE(draft);
  EXPECT_EQ(draft->response.status, "in_progress");
  auto done =
      measures.record(nurse, patient.id, {"phq9", phq9({2, 1, 1, 1, 1, 1, 1, 1, 0}), true, draft->response.id, {}, {}});
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->response.id, draft->response.id);
  EXPECT_EQ(done->response.total, 9);
  auto again = measures.record(nurse, patient.id, {"phq9", {{"phq9_1", 0}}, false, draft->response.id, {}, {}});
  EXPECT_EQ(again.error().code, "already_submitted");

  auto no_reason =
      measures.record(nurse, patient.id, {"phq9", phq9({0, 1, 1, 1, 1, 1, 1, 1, 0}), true, {}, draft->response.id, ""});
  EXPECT_EQ(no_reason.error().field, "amendment_reason");
  auto amended =
      measures.record(nurse, patient.id,
                      {"phq9", phq9({0, 1, 1, 1, 1, 1, 1, 1, 0}), true, {}, draft->response.id, "Item 1 was misread"});
  ASSERT_TRUE(amended) << amended.error().message;
  EXPECT_EQ(amended->response.amends, draft->response.id);
  auto twice = measures.record(nurse, patient.id,
                               {"phq9", phq9({0, 0, 1, 1, 1, 1, 1, 1, 0}), true, {}, draft->response.id, "Again"});
  EXPECT_EQ(twice.error().code, "already_amended");

  auto view = measures.patient_measures(nurse, patient.id);
  ASSERT_EQ(view->series[0].points.size(), 1u) << "the amendment replaces the original on the chart";
  EXPECT_EQ(view->series[0].points[0].total, 7);
  EXPECT_EQ(view->series[0].points[0].submitted_ms, done->response.submitted_ms) << "at the original's time";
  for (const auto& r : view->responses)
    if (r.id == draft->response.id) {
      EXPECT_EQ(r.total, 9) << "the original is kept unchanged";
      EXPECT_EQ(r.amended_by, amended->response.id);
    }
  int amend_events = 0;
  for (const auto& e : audit_of(home)) amend_events += e.event.action == "questionnaire.response.amended";
  EXPECT_EQ(amend_events, 1);
}

TEST_F(MeasureServiceTest, ALinkIsSingleUseExpiresAndBelongsToItsClinic) {
  auto link = measures.create_link(nurse, patient.id, {"phq9", "pain_nrs"}, "https://clinic.example.org");
  ASSERT_TRUE(link) << link.error().message;
  EXPECT_NE(link->message.body.find("https://clinic.example.org/q/" + home.id + "/" + link->token), std::string::npos);
  EXPECT_EQ(measures.create_link(nurse, patient.id, {"madrs"}, "").error().field, "instruments");
  EXPECT_EQ(measures.create_link(nurse, patient.id, {"phq9", "phq9"}, "").error().field, "instruments");

  auto other = clinic("Other Clinic");
  EXPECT_EQ(measures.open_link(other.id, link->token, "").error().code, "link_not_found");
  EXPECT_EQ(measures.open_link(home.id, "wrong", "").error().code, "link_not_found");

  ASSERT_TRUE(measures.answer_link(home.id, link->token, "phq9", {{"phq9_1", 1}, {"phq9_2", 1}}, false, "1.2.3.4"));
  auto resumed = measures.open_link(home.id, link->token, "");
  ASSERT_TRUE(resumed);
  EXPECT_EQ(resumed->answers["phq9"].size(), 2u);
  EXPECT_EQ(measures.answer_link(home.id, link->token, "gad7", {}, false, "").error().field, "instrument");
  auto incomplete = measures.answer_link(home.id, link->token, "phq9", {{"phq9_3", 1}}, true, "");
  EXPECT_EQ(incomplete.error().field, "answers.phq9_4");

  auto first = measures.answer_link(home.id, link->token, "phq9", phq9({1, 1, 1, 1, 1, 1, 1, 1, 2}), true, "");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_FALSE(first->complete);
  EXPECT_FALSE(first->crisis_message.empty()) << "item 9 above 0 shows the crisis message";
  auto second = measures.answer_link(home.id, link->token, "pain_nrs", {{"pain_nrs_1", 3}}, true, "");
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->complete);
  EXPECT_TRUE(second->crisis_message.empty());
  EXPECT_EQ(measures.open_link(home.id, link->token, "").error().code, "link_used");

  auto later = measures.create_link(nurse, patient.id, {"gad7"}, "");
  clock.advance_ms(72 * 60 * kMinute);  // the default lifetime
  EXPECT_EQ(measures.open_link(home.id, later->token, "").error().code, "link_expired");
  EXPECT_EQ(measures.answer_link(home.id, later->token, "gad7", {}, false, "").error().code, "link_expired");
}

TEST_F(MeasureServiceTest, ScheduleSaysWhatIsDueAndRejectsBadEntries) {
  const std::string today = format_date(date_of(clock.now_ms()));
  auto bad = measures.replace_schedule(
      nurse, patient.id, {{"phq9", "baseline", today, "", 0}, {"phq9", "weekly", today, "2000-01-01", 0}});
  EXPECT_EQ(bad.error().field, "entries[1].end");
  EXPECT_EQ(measures.replace_schedule(nurse, patient.id, {{"phq9", "sometimes", today, "", 0}}).error().field,
            "entries[0].rule");
  auto view = measures.replace_schedule(nurse, patient.id, {{"phq9", "weekly", today, "", 0}});
  ASSERT_TRUE(view) << view.error().message;
  ASSERT_EQ(view->due.size(), 1u);
  EXPECT_FALSE(view->due[0].overdue);
  clock.advance_ms(kDay);
  auto due = measures.due_list(desk);
  EXPECT_EQ(due.error().kind, ErrorKind::forbidden);
  due = measures.due_list(nurse);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_TRUE((*due)[0].item.overdue);
  EXPECT_EQ((*due)[0].patient.id, patient.id);
  ASSERT_TRUE(submit(nurse, phq9({0, 0, 0, 0, 0, 0, 0, 0, 0})));
  EXPECT_TRUE(measures.due_list(nurse)->empty());
}

TEST_F(MeasureServiceTest, AnotherClinicsPatientIsNotFound) {
  auto other = clinic("Other Clinic");
  auto outsider = sign_in(staff(other, "nurse@other.test", Role::nurse).email);
  EXPECT_EQ(measures.patient_measures(outsider, patient.id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(measures.record(outsider, patient.id, {"phq9", {}, false, {}, {}, {}}).error().kind, ErrorKind::not_found);
  EXPECT_EQ(measures.set_responsible(nurse, patient.id, "usr_nobody").error().field, "user_id");
}

TEST(AnswerEncoding, RoundTripsAndSkipsMalformedPairs) {
  std::map<std::string, int> answers{{"phq9_1", 3}, {"phq9_10", 0}, {"risk_level", 2}};
  EXPECT_EQ(decode_answers(encode_answers(answers)), answers);
  EXPECT_EQ(decode_answers(""), (std::map<std::string, int>{}));
  EXPECT_EQ(decode_answers("a=1,b,c=x,d=4"), (std::map<std::string, int>{{"a", 1}, {"d", 4}}));
}

}  // namespace
}  // namespace kc::app

namespace kc::app {
namespace {

TEST_F(MeasureServiceTest, DosingSessionsInTheCalendarMarkTheChartAndMakeBeforeSessionQuestionnairesDue) {
  const std::int64_t now = clock.now_ms();
  const std::string today = format_date(date_of(now));
  ASSERT_TRUE(measures.replace_schedule(nurse, patient.id, {{"phq9", "before_session", today, "", 0}}));
  auto add_session = [&](const std::string& id, std::int64_t start_ms, const std::string& status,
                         const std::string& type = "dosing_session") {
    AppointmentRow a;
    a.id = id;
    a.clinic_id = home.id;
    a.patient_id = patient.id;
    a.type = type;
    a.route = type == "dosing_session" ? "iv" : "";
    a.start_ms = start_ms;
    a.end_ms = start_ms + 90 * kMinute;
    a.status = status;
    a.created_ms = now;
    auto tx = store->begin(Store::Mode::write);
    tx->insert_appointment(a);
    tx->commit();
  };
  add_session("apt_past", now - 7 * kDay, "completed");
  add_session("apt_missed", now - 3 * kDay, "no_show");
  add_session("apt_cancelled", now - 2 * kDay, "cancelled");
  add_session("apt_talk", now - 1 * kDay, "completed", "integration");
  add_session("apt_today", now, "booked");
  auto view = measures.patient_measures(nurse, patient.id);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->session_days, (std::vector<std::string>{format_date(date_of(now - 7 * kDay)), today}))
      << "held and booked dosing sessions only";
  ASSERT_EQ(view->due.size(), 1u);
  EXPECT_EQ(view->due[0].instrument, "phq9");
  EXPECT_EQ(format_date(view->due[0].due_on), today) << "due on the day of today's session";

  auto clinic_due = measures.due_list(nurse);
  ASSERT_TRUE(clinic_due);
  ASSERT_EQ(clinic_due->size(), 1u);
  EXPECT_EQ((*clinic_due)[0].patient.id, patient.id);

  ASSERT_TRUE(submit(nurse, phq9({1, 1, 1, 1, 1, 1, 1, 1, 0})));
  EXPECT_TRUE(measures.patient_measures(nurse, patient.id)->due.empty()) << "done before today's session";
}

}  // namespace
}  // namespace kc::app
