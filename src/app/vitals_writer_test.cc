// The vital-signs writer on a real store (either engine) with a fake clock: batches
// queued together are stored in one transaction; a batch that fails in the store
// fails alone and leaves nothing behind; a group whose transaction fails stores
// nothing; a session's batches keep their order; a full queue refuses at once; stop
// writes what is queued. Tests fill the queue before the writer starts, so what
// forms a group never depends on timing.
#include "app/vitals_writer.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <future>

#include "app/calendar_service.h"
#include "domain/time.h"
#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

constexpr std::int64_t kMin = 60'000;

/// Remembers what reached the live screens.
class RecordedEvents final : public EventBus {
 public:
  void publish(const ClinicId&, LiveEvent event) override {
    std::lock_guard lock(mutex_);
    types_.push_back(event.type);
    data_.push_back(event.data_json);
  }
  int count(const std::string& type) {
    std::lock_guard lock(mutex_);
    return static_cast<int>(std::count(types_.begin(), types_.end(), type));
  }
  std::vector<std::string> data() {
    std::lock_guard lock(mutex_);
    return data_;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> types_, data_;
};

/// What one batch's completion received, and in which order completions came.
struct Completions {
  std::mutex mutex;
  std::vector<std::string> order;  // the labels given to submit(), as completed
};

class VitalsWriterTest : public test::ClinicFixture {
 protected:
  void SetUp() override {
    home = clinic("Harbour Clinic");
    away = clinic("Other Clinic");
    admin = sign_in(staff(home, "admin@harbour.test", Role::admin).email);
    nurse_row = staff(home, "nurse@harbour.test", Role::nurse);
    nurse = sign_in(nurse_row.email);
    desk = sign_in(staff(home, "desk@harbour.test", Role::front_desk).email);
    device = sign_in(staff(home, "monitor@harbour.test", Role::device).email);
    stranger_device = sign_in(staff(away, "monitor@other.test", Role::device).email);
    room = *calendar.create_room(admin, {std::string("Room 1"), std::string("room"), std::nullopt});
    clock.set(*parse_iso8601("2026-12-01T08:00:00Z"));
    first = open_session("Ana", 10 * kMin);
    second = open_session("Bea", 3 * 60 * kMin);
    sessions.announce_to(events);
  }

  std::string open_session(const std::string& given, std::int64_t starts_in_ms) {
    auto patient = *patients.create(desk, {given, "Example", "1980-02-03"});
    BookingInput in;
    in.request.type = "dosing_session";
    in.request.route = "iv";
    in.request.patient_id = patient.id;
    in.request.room_id = room.id;
    in.request.staff_ids = {nurse_row.id};
    in.request.start_ms = clock.now_ms() + starts_in_ms;
    in.request.duration_minutes = 120;
    auto booked = calendar.book(desk, in);
    EXPECT_TRUE(booked) << booked.error().message;
    auto opened = sessions.open(nurse, booked->view.appointment.id);
    EXPECT_TRUE(opened) << opened.error().message;
    return opened->session.id;
  }

  VitalReading bp(double systolic, double diastolic, std::int64_t at_ms = 0) {
    VitalReading r;
    r.at_ms = at_ms ? at_ms : clock.now_ms();
    r.systolic_mmhg = systolic;
    r.diastolic_mmhg = diastolic;
    r.heart_rate_bpm = 80;
    r.spo2_pct = 98;
    r.source = "monitor-1";
    return r;
  }

  VitalsBatch checked(const Caller& caller, const std::string& session_id, std::vector<VitalReading> readings) {
    auto batch = sessions.check_vitals(caller, session_id, std::move(readings));
    EXPECT_TRUE(batch) << batch.error().message;
    return *batch;
  }

  /// Queues a batch; the future holds its result once its group is done.
  std::future<Result<VitalsAccepted>> submit(VitalsWriter& writer, VitalsBatch batch, std::string label = "") {
    auto promise = std::make_shared<std::promise<Result<VitalsAccepted>>>();
    auto result = promise->get_future();
    auto queued = writer.submit(std::move(batch), [this, promise, label](Result<VitalsAccepted> out) {
      {
        std::lock_guard lock(completions.mutex);
        completions.order.push_back(label);
      }
      promise->set_value(std::move(out));
    });
    EXPECT_TRUE(queued) << queued.error().message;
    return result;
  }

  int count(const std::string& action) {
    int n = 0;
    for (const auto& e : audit_of(home)) n += e.event.action == action ? 1 : 0;
    return n;
  }

  std::size_t stored(const std::string& session_id) { return sessions.vitals(nurse, session_id)->size(); }

  /// Runs SQL behind the application's back (to make the store fail on purpose).
  void run_sql(const std::string& sqlite, const std::string& postgresql) {
    if (store->engine() == "sqlite") {
      soci::session s(soci::sqlite3, "db=\"" + url.substr(7) + "\"");
      s << sqlite;
    } else {
      soci::session s(soci::postgresql, store::libpq_conninfo(url));
      s << postgresql;
    }
  }

  /// Every later write of this session's row fails in the database.
  void poison_session_row(const std::string& session_id) {
    run_sql("CREATE TRIGGER poison BEFORE UPDATE ON treatment_sessions WHEN NEW.id = '" + session_id +
                "' BEGIN SELECT RAISE(ABORT, 'poisoned'); END",
            "CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'poisoned'; "
            "END $$; CREATE TRIGGER poison BEFORE UPDATE ON treatment_sessions FOR EACH ROW WHEN (NEW.id = '" +
                session_id + "') EXECUTE FUNCTION poison()");
  }

  /// Every later session.vitals audit event about this session fails in the database.
  void poison_session_audit(const std::string& session_id) {
    run_sql(
        "CREATE TRIGGER poison BEFORE INSERT ON audit_events WHEN NEW.action = 'session.vitals' AND "
        "NEW.entity_id = '" +
            session_id + "' BEGIN SELECT RAISE(ABORT, 'poisoned'); END",
        "CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'poisoned'; "
        "END $$; CREATE TRIGGER poison BEFORE INSERT ON audit_events FOR EACH ROW WHEN (NEW.action = "
        "'session.vitals' AND NEW.entity_id = '" +
            session_id + "') EXECUTE FUNCTION poison()");
  }

  static VitalsWriter::Options paused(std::size_t queue_limit = 100) {
    VitalsWriter::Options o;
    o.start = false;
    o.queue_limit = queue_limit;
    return o;
  }

  CalendarService calendar{*store, crypto, clock};
  SessionService sessions{*store, crypto, clock, calendar};
  RecordedEvents events;
  Completions completions;
  ClinicRow home, away;
  Caller admin, nurse, desk, device, stranger_device;
  UserRow nurse_row;
  RoomRow room;
  std::string first, second;
};

TEST_F(VitalsWriterTest, BatchesQueuedTogetherAreStoredInOneTransactionAndEachAnswered) {
  VitalsWriter writer(*store, sessions, paused());
  std::vector<std::future<Result<VitalsAccepted>>> results;
  for (int i = 0; i < 3; ++i) {
    results.push_back(submit(writer, checked(device, first, {bp(120 + i, 80)})));
    results.push_back(submit(writer, checked(device, second, {bp(130 + i, 85)})));
  }
  results.push_back(submit(writer, checked(device, first, {bp(205, 121)})));  // raises bp_severe
  writer.start();
  for (auto& r : results) {
    auto out = r.get();
    ASSERT_TRUE(out) << out.error().message;
    EXPECT_EQ(out->accepted, 1);
  }
  auto stats = writer.stats();
  EXPECT_EQ(stats.groups, 1);
  EXPECT_EQ(stats.largest_group, 7u);
  EXPECT_EQ(stats.failed_groups, 0);
  EXPECT_EQ(stored(first), 4u);
  EXPECT_EQ(stored(second), 3u);
  EXPECT_EQ(count("session.vitals"), 7) << "one audit event per batch, as before";
  EXPECT_EQ(count("alarm.raised"), 1);
  EXPECT_EQ(events.count("vitals.recorded"), 7);
  EXPECT_EQ(events.count("alarm.raised"), 1);
  EXPECT_EQ(sessions.get(nurse, first)->latest_vitals->systolic, 205'000);
  EXPECT_EQ(sessions.get(nurse, second)->latest_vitals->systolic, 132'000);
  for (const auto& chain : audit.verify_all())
    EXPECT_FALSE(chain.first_break) << "the group's audit events chain on: " << chain.first_break->reason;
}

TEST_F(VitalsWriterTest, AlarmChangesComeBackToTheBatchThatCausedThem) {
  VitalsWriter writer(*store, sessions, paused());
  auto calm = submit(writer, checked(device, second, {bp(120, 80)}));
  auto severe = submit(writer, checked(device, first, {bp(205, 121)}));
  writer.start();
  EXPECT_TRUE(calm.get()->alarm_changes.empty());
  auto out = severe.get();
  ASSERT_EQ(out->alarm_changes.size(), 1u);
  EXPECT_EQ(out->alarm_changes[0].rule_code, "bp_severe");
  EXPECT_EQ(out->alarm_event_kinds[0], "raised");
}

TEST_F(VitalsWriterTest, ABatchThatFailsInTheStoreFailsAloneAndLeavesNothingBehind) {
  poison_session_row(second);  // its readings insert, then the session row's update fails
  VitalsWriter writer(*store, sessions, paused());
  auto before = submit(writer, checked(device, first, {bp(120, 80)}));
  auto poisoned = submit(writer, checked(device, second, {bp(205, 121), bp(206, 122)}));
  auto after = submit(writer, checked(device, first, {bp(121, 81)}));
  writer.start();
  ASSERT_TRUE(before.get());
  auto failed = poisoned.get();
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().kind, ErrorKind::internal);
  ASSERT_TRUE(after.get());
  EXPECT_EQ(writer.stats().groups, 1);
  EXPECT_EQ(stored(first), 2u);
  EXPECT_EQ(stored(second), 0u) << "the readings inserted before the failure were rolled back";
  EXPECT_TRUE(sessions.get(nurse, second)->alarms.empty()) << "nor was its alarm kept";
  EXPECT_FALSE(sessions.get(nurse, second)->latest_vitals);
  EXPECT_EQ(count("session.vitals"), 2) << "no audit event for the batch that was not stored";
  EXPECT_EQ(count("alarm.raised"), 0);
  EXPECT_EQ(events.count("vitals.recorded"), 2) << "screens hear only of stored readings";
  EXPECT_EQ(events.count("alarm.raised"), 0);
  for (const auto& chain : audit.verify_all()) EXPECT_FALSE(chain.first_break);
}

TEST_F(VitalsWriterTest, ASessionThatIsMissingOrInAnotherClinicFailsAloneWithNotFound) {
  VitalsWriter writer(*store, sessions, paused());
  auto mine = submit(writer, checked(device, first, {bp(120, 80)}));
  auto theirs = submit(writer, checked(stranger_device, first, {bp(120, 80)}));
  auto none = submit(writer, checked(device, "ses_none", {bp(120, 80)}));
  writer.start();
  ASSERT_TRUE(mine.get());
  EXPECT_EQ(theirs.get().error().kind, ErrorKind::not_found);
  EXPECT_EQ(none.get().error().kind, ErrorKind::not_found);
  EXPECT_EQ(stored(first), 1u);
}

TEST_F(VitalsWriterTest, WhenTheGroupsTransactionFailsNothingOfItIsStored) {
  poison_session_audit(second);  // fails after every batch was stored: at the audit events
  VitalsWriter writer(*store, sessions, paused());
  auto a = submit(writer, checked(device, first, {bp(205, 121)}));
  auto b = submit(writer, checked(device, second, {bp(120, 80)}));
  writer.start();
  EXPECT_EQ(a.get().error().kind, ErrorKind::internal);
  EXPECT_EQ(b.get().error().kind, ErrorKind::internal);
  EXPECT_EQ(writer.stats().failed_groups, 1);
  EXPECT_EQ(stored(first), 0u);
  EXPECT_EQ(stored(second), 0u);
  EXPECT_TRUE(sessions.get(nurse, first)->alarms.empty());
  EXPECT_EQ(events.count("vitals.recorded"), 0);
  EXPECT_EQ(events.count("alarm.raised"), 0);

  // The alarm engine that saw the lost reading starts afresh: the next one raises
  // the alarm as alarm 1, stored this time.
  clock.advance_ms(kMin);
  auto again = sessions.record_vitals(device, first, {bp(205, 121)});
  ASSERT_TRUE(again) << again.error().message;
  ASSERT_EQ(again->alarm_changes.size(), 1u);
  EXPECT_EQ(again->alarm_changes[0].number, 1);
  EXPECT_EQ(again->alarm_event_kinds[0], "raised");
}

TEST_F(VitalsWriterTest, AGroupStopsAtItsLimitOfBatchesOrReadings) {
  VitalsWriter::Options o = paused();
  o.group_limit = 2;
  o.group_readings_limit = 3;
  VitalsWriter writer(*store, sessions, o);
  const std::int64_t t = clock.now_ms() - 10 * kMin;
  std::vector<std::future<Result<VitalsAccepted>>> results;
  results.push_back(submit(writer, checked(device, first, {bp(120, 80, t)})));
  results.push_back(submit(writer, checked(device, first, {bp(121, 80, t + 1)})));  // two batches: a group
  results.push_back(submit(writer, checked(device, second, {bp(120, 80, t), bp(121, 80, t + 1)})));
  results.push_back(submit(writer, checked(device, second, {bp(122, 80, t + 2), bp(123, 80, t + 3)})));  // 4 > 3
  results.push_back(submit(writer, checked(device, first,
                                           {bp(122, 80, t + 2), bp(123, 80, t + 3), bp(124, 80, t + 4),
                                            bp(125, 80, t + 5)})));  // alone over the limit: still written
  writer.start();
  for (auto& r : results) ASSERT_TRUE(r.get());
  auto stats = writer.stats();
  EXPECT_EQ(stats.groups, 4);
  EXPECT_EQ(stats.largest_group, 2u);
  EXPECT_EQ(stored(first) + stored(second), 10u);
}

TEST_F(VitalsWriterTest, ASessionsBatchesAreStoredAndAnsweredInTheOrderSent) {
  VitalsWriter writer(*store, sessions, paused());
  std::vector<std::future<Result<VitalsAccepted>>> results;
  for (int i = 0; i < 5; ++i) {
    results.push_back(
        submit(writer, checked(device, first, {bp(120 + i, 80, clock.now_ms() + i)}), "first-" + std::to_string(i)));
    if (i == 2) results.push_back(submit(writer, checked(device, second, {bp(140, 90)}), "second"));
  }
  writer.start();
  for (auto& r : results) ASSERT_TRUE(r.get());
  EXPECT_EQ(completions.order,
            (std::vector<std::string>{"first-0", "first-1", "first-2", "second", "first-3", "first-4"}));
  auto rows = *sessions.vitals(nurse, first);
  ASSERT_EQ(rows.size(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(rows[static_cast<std::size_t>(i)].systolic, (120 + i) * 1000);
  EXPECT_EQ(sessions.get(nurse, first)->latest_vitals->systolic, 124'000);
  std::vector<std::string> announced;
  for (const auto& d : events.data())
    if (d.find(first) != std::string::npos) announced.push_back(d);
  ASSERT_EQ(announced.size(), 5u);
  for (int i = 0; i < 5; ++i)
    EXPECT_NE(announced[static_cast<std::size_t>(i)].find("\"systolic_mmhg\":" + std::to_string(120 + i)),
              std::string::npos)
        << "announced in order: " << announced[static_cast<std::size_t>(i)];
}

TEST_F(VitalsWriterTest, AFullQueueRefusesAtOnceAndWhatWasQueuedIsStillStored) {
  VitalsWriter writer(*store, sessions, paused(2));
  auto a = submit(writer, checked(device, first, {bp(120, 80)}));
  auto b = submit(writer, checked(device, second, {bp(120, 80)}));
  bool called = false;
  auto refused = writer.submit(checked(device, first, {bp(121, 80)}), [&called](auto) { called = true; });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(refused.error().code, "vitals_queue_full");
  writer.start();
  ASSERT_TRUE(a.get());
  ASSERT_TRUE(b.get());
  EXPECT_FALSE(called) << "a refused batch is never completed";
  EXPECT_EQ(stored(first), 1u);
}

TEST_F(VitalsWriterTest, StopWritesAndAnswersEverythingQueuedThenRefuses) {
  VitalsWriter writer(*store, sessions, paused());
  auto a = submit(writer, checked(device, first, {bp(120, 80)}));
  auto b = submit(writer, checked(device, second, {bp(120, 80)}));
  writer.stop();  // never started: stop still drains the queue
  ASSERT_TRUE(a.get());
  ASSERT_TRUE(b.get());
  EXPECT_EQ(stored(first) + stored(second), 2u);
  auto late = writer.submit(checked(device, first, {bp(121, 80)}), [](auto) {});
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, "shutting_down");
  writer.stop();  // idempotent
}

TEST_F(VitalsWriterTest, TheChecksComeBeforeTheQueue) {
  EXPECT_EQ(sessions.check_vitals(desk, first, {bp(120, 80)}).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(count("session.vitals"), 1) << "the refusal is audited at once";
  EXPECT_EQ(sessions.check_vitals(device, first, {bp(120, 130)}).error().field, "readings[0].diastolic_mmhg");
  EXPECT_EQ(sessions.check_vitals(device, first, {}).error().field, "readings");
}

}  // namespace
}  // namespace kc::app
