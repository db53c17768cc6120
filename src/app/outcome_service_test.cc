// Follow-up and outcomes through the use cases, on a real store with a fake clock:
// a relapse confirmed by a check and a positive bladder screen raise tasks (once, and
// they never escalate); the follow-up plan lives in the measurement schedule beside
// other entries and its missed check-ins are listed; check-ins are validated; the
// settings keep their bounds; the research export holds no name and is for admins;
// another clinic sees nothing.
#include "app/outcome_service.h"

#include "app/measure_service.h"
#include "app/research_export.h"
#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

constexpr std::int64_t kDay = 24 * 60 * 60 * 1000LL;

std::map<std::string, int> phq9_total(int total) {
  // Spread a total over the nine items (each 0-3), item 9 always 0.
  std::map<std::string, int> out;
  for (int i = 1; i <= 9; ++i) {
    const int v = i == 9 ? 0 : std::min(3, std::max(0, total));
    out["phq9_" + std::to_string(i)] = v;
    total -= v;
  }
  return out;
}

class OutcomeServiceTest : public test::ClinicFixture {
 protected:
  void SetUp() override {
    home = clinic("Harbour Clinic");
    admin = sign_in(staff(home, "md@harbour.test", Role::admin).email);
    prescriber = sign_in(staff(home, "rx@harbour.test", Role::prescriber).email);
    nurse = sign_in(staff(home, "nurse@harbour.test", Role::nurse).email);
    desk = sign_in(staff(home, "desk@harbour.test", Role::front_desk).email);
    patient = *patients.create(nurse, {"Ana", "Silva", "1930-05-01"});
    auto away = clinic("Hill Clinic");
    stranger = sign_in(staff(away, "md@hill.test", Role::admin).email);
    stranger_rx = sign_in(staff(away, "rx@hill.test", Role::prescriber).email);
  }

  RecordedResponse phq9(int total) {
    auto r = measures.record(nurse, patient.id, {"phq9", phq9_total(total), true, {}, {}, {}});
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return *r;
  }
  RecordedResponse urinary(int yes) {
    std::map<std::string, int> a{{"urinary_frequency", yes > 0},
                                 {"urinary_urgency", yes > 1},
                                 {"urinary_pain", yes > 2},
                                 {"urinary_blood", yes > 3}};
    auto r = measures.record(nurse, patient.id, {"urinary", a, true, {}, {}, {}});
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return *r;
  }
  std::vector<TaskRow> open_tasks(const std::string& kind) {
    std::vector<TaskRow> out;
    for (auto& t : store->begin(Store::Mode::read)->tasks(ClinicId{home.id}, true))
      if (t.kind == kind) out.push_back(t);
    return out;
  }

  MeasureService measures{*store, crypto, clock};
  OutcomeService outcomes{*store, crypto, clock};
  ClinicRow home;
  Caller admin, prescriber, nurse, desk, stranger, stranger_rx;
  PatientRow patient;
};

TEST_F(OutcomeServiceTest, ARelapseRaisesOneTaskOnTheCheckThatConfirmsIt) {
  phq9(20);
  clock.advance_ms(14 * kDay);
  phq9(8);  // a response (at most 10)
  clock.advance_ms(14 * kDay);
  EXPECT_TRUE(phq9(12).follow_up_task_ids.empty()) << "one check above the threshold is not yet a relapse";
  clock.advance_ms(14 * kDay);
  auto confirming = phq9(13);
  ASSERT_EQ(confirming.follow_up_task_ids.size(), 1u);
  auto tasks = open_tasks("relapse");
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].priority, "medium");
  EXPECT_EQ(tasks[0].escalate_at_ms, 0) << "a relapse task prompts a review; it does not escalate";
  ASSERT_EQ(tasks[0].reasons.size(), 1u);
  EXPECT_NE(tasks[0].reasons[0].find("12 on"), std::string::npos) << tasks[0].reasons[0];
  EXPECT_NE(tasks[0].reasons[0].find("13 on"), std::string::npos) << tasks[0].reasons[0];
  clock.advance_ms(14 * kDay);
  EXPECT_TRUE(phq9(15).follow_up_task_ids.empty()) << "already relapsed: no second task";
  EXPECT_EQ(open_tasks("relapse").size(), 1u);
  clock.advance_ms(2 * kDay);
  measures.sweep();
  EXPECT_EQ(open_tasks("relapse")[0].escalated_ms, 0) << "the sweep leaves it alone";

  auto progress = outcomes.progress(nurse, patient.id);
  ASSERT_TRUE(progress);
  ASSERT_EQ(progress->instruments.size(), 1u);
  const auto& p = progress->instruments[0];
  EXPECT_EQ(p.status, "relapsed");
  EXPECT_EQ(p.response_at_most, 10);
  EXPECT_EQ(p.trajectory.durability_days, 14) << "response on day 14, relapse from day 28";
  EXPECT_EQ(progress->open_tasks.size(), 1u);
}

TEST_F(OutcomeServiceTest, APositiveBladderScreenRaisesATaskAndAWarning) {
  EXPECT_TRUE(urinary(0).follow_up_task_ids.empty());
  clock.advance_ms(kDay);
  auto r = urinary(2);
  ASSERT_EQ(r.follow_up_task_ids.size(), 1u);
  auto tasks = open_tasks("bladder_symptoms");
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_NE(tasks[0].reasons[0].find("2 of 4"), std::string::npos);
  auto progress = outcomes.progress(nurse, patient.id);
  ASSERT_TRUE(progress);
  EXPECT_EQ(progress->safety.positive_urinary_screens, 1);
  ASSERT_FALSE(progress->safety.warnings.empty());
  EXPECT_EQ(progress->safety.warnings[0].code, "bladder_symptoms");
}

TEST_F(OutcomeServiceTest, TheFollowUpPlanSitsInTheScheduleAndItsMissedChecksAreListed) {
  ASSERT_TRUE(measures.replace_schedule(nurse, patient.id, {{"gad7", "weekly", "2026-01-05", "", 0}}));
  const std::string start = format_date(date_of(clock.now_ms()));
  auto v = outcomes.start_follow_up(nurse, patient.id, {start, std::nullopt, std::nullopt});
  ASSERT_TRUE(v) << v.error().message;
  ASSERT_TRUE(v->follow_up);
  EXPECT_EQ(v->follow_up->interval_days, 28) << "the clinic's interval";
  EXPECT_EQ(v->follow_up->instruments, (std::vector<std::string>{"phq9", "urinary"}));
  auto schedule = store->begin(Store::Mode::read)->schedule(ClinicId{home.id}, patient.id);
  EXPECT_EQ(schedule.size(), 3u) << "the weekly GAD-7 stays";

  clock.advance_ms(3 * kDay);
  auto missed = outcomes.missed(nurse);
  ASSERT_TRUE(missed);
  ASSERT_EQ(missed->check_ins.size(), 2u) << "PHQ-9 and the bladder screen were due on the start day";
  EXPECT_EQ(missed->check_ins[0].patient.id, patient.id);
  phq9(9);
  EXPECT_EQ(outcomes.missed(nurse)->check_ins.size(), 1u) << "done late still counts for its occurrence";
  EXPECT_TRUE(outcomes.missed(stranger)->check_ins.empty()) << "another clinic sees none";

  auto bad = outcomes.start_follow_up(nurse, patient.id, {start, 0, std::nullopt});
  EXPECT_EQ(bad.error().field, "interval_days");
  bad = outcomes.start_follow_up(nurse, patient.id, {start, 14, std::vector<std::string>{"phq9", "nope"}});
  EXPECT_EQ(bad.error().field, "instruments");
  EXPECT_EQ(outcomes.start_follow_up(desk, patient.id, {start, 14, std::nullopt}).error().kind, ErrorKind::forbidden);

  auto ended = outcomes.end_follow_up(nurse, patient.id, "Moved away");
  ASSERT_TRUE(ended);
  EXPECT_FALSE(ended->follow_up);
  EXPECT_TRUE(outcomes.missed(nurse)->check_ins.empty());
  EXPECT_EQ(outcomes.end_follow_up(nurse, patient.id, "Again").error().code, "no_follow_up");
}

TEST_F(OutcomeServiceTest, CheckInsNeedSomethingToSayAndAReportedProblemNeedsItsDescription) {
  EXPECT_EQ(outcomes.record_check_in(nurse, patient.id, {}).error().field, "note");
  FollowUpCheckInInput in;
  in.memory_attention = true;
  EXPECT_EQ(outcomes.record_check_in(nurse, patient.id, in).error().field, "note");
  in.note = "Loses track in conversations";
  in.mme_milli = 60'000;
  auto row = outcomes.record_check_in(nurse, patient.id, in);
  ASSERT_TRUE(row) << row.error().message;
  in.mme_milli = -1;
  EXPECT_EQ(outcomes.record_check_in(nurse, patient.id, in).error().field, "mme_per_day");
  in.mme_milli.reset();
  in.at = "2099-01-01T00:00:00Z";
  EXPECT_EQ(outcomes.record_check_in(nurse, patient.id, in).error().field, "at");
  EXPECT_EQ(outcomes.record_check_in(stranger_rx, patient.id, {"", 1000, false, "x"}).error().kind,
            ErrorKind::not_found);

  auto v = outcomes.progress(prescriber, patient.id);
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->pain) << "an opioid dose puts the patient on the pain pathway";
  ASSERT_EQ(v->mme.size(), 1u);
  EXPECT_EQ(v->mme[0].second, 60'000);
  ASSERT_EQ(v->safety.memory_attention.size(), 1u);
  EXPECT_EQ(v->safety.warnings.back().code, "memory_attention");
  EXPECT_EQ(outcomes.progress(desk, patient.id).error().kind, ErrorKind::forbidden);
}

TEST_F(OutcomeServiceTest, SettingsKeepTheirBoundsAndOnlyAnAdminChangesThem) {
  OutcomeSettingsPatch p;
  p.max_sessions_per_30_days = std::optional<int>(8);
  p.liver_test_interval_days = std::optional<int>(90);
  EXPECT_EQ(outcomes.update_settings(prescriber, p).error().kind, ErrorKind::forbidden);
  auto saved = outcomes.update_settings(admin, p);
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->version, 1);
  EXPECT_EQ(saved->settings.max_sessions_per_30_days, 8);
  p = {};
  p.max_sessions_per_30_days = std::optional<int>();  // remove the limit
  p.induction_days = 3;
  EXPECT_EQ(outcomes.update_settings(admin, p).error().field, "induction_days");
  EXPECT_EQ(outcomes.settings(nurse)->settings.max_sessions_per_30_days, 8) << "nothing of a refused change is kept";
  p.induction_days.reset();
  EXPECT_FALSE(outcomes.update_settings(admin, p)->settings.max_sessions_per_30_days);
  EXPECT_EQ(outcomes.settings(stranger)->version, 0) << "another clinic keeps its own";

  // With an interval set and no liver test on record, a treated patient is flagged
  // only once treated; the patient here has no dosing session.
  auto v = outcomes.progress(nurse, patient.id);
  EXPECT_FALSE(v->safety.liver.overdue);
}

TEST_F(OutcomeServiceTest, TheDashboardRefusesAnInvertedRangeAndUnknownFilters) {
  DashboardQuery q;
  q.from = "2026-10-01";
  q.to = "2026-09-01";
  auto r = outcomes.dashboard(admin, q);
  EXPECT_EQ(r.error().code, "inverted_range");
  EXPECT_EQ(r.error().field, "to");
  q = {};
  q.route = "rectal";
  EXPECT_EQ(outcomes.dashboard(admin, q).error().field, "route");
  q = {};
  q.indication = "insomnia";
  EXPECT_EQ(outcomes.dashboard(admin, q).error().field, "indication");
  EXPECT_EQ(outcomes.dashboard(nurse, {}).error().kind, ErrorKind::forbidden);
  auto empty = outcomes.dashboard(prescriber, {});
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->dashboard.sessions, 0);
  EXPECT_EQ(empty->dashboard.sessions_per_week.size(), 53u) << "365 days touch 53 ISO weeks";
}

TEST_F(OutcomeServiceTest, TheResearchExportIsForAdminsAndAnEmptySelectionIsAHeaderRow) {
  ResearchExports exports(*store, crypto, clock, outcomes);
  EXPECT_EQ(exports.start(prescriber, {}).error().kind, ErrorKind::forbidden);
  auto job = exports.start(admin, {});
  ASSERT_TRUE(job) << job.error().message;
  exports.wait(job->id);
  auto status = exports.status(admin, job->id);
  EXPECT_EQ(status->state, "done");
  EXPECT_EQ(status->total, 0);
  auto csv = exports.data(admin, job->id);
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->rfind("subject,event,day,date_shifted,age_at_first_session,", 0), 0u);
  EXPECT_EQ(std::count(csv->begin(), csv->end(), '\n'), 1) << "the header row alone";
  EXPECT_EQ(exports.status(stranger, job->id).error().kind, ErrorKind::not_found) << "another clinic's export";
  EXPECT_EQ(exports.data(prescriber, job->id).error().kind, ErrorKind::forbidden);
  DashboardQuery bad;
  bad.to = "yesterday";
  EXPECT_EQ(exports.start(admin, bad).error().field, "to");
  EXPECT_NE(research_dictionary_csv().find("age_at_first_session,integer,"), std::string::npos);
}

}  // namespace
}  // namespace kc::app
