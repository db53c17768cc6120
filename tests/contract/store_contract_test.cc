// The Store contract: the same suite, unchanged, against SQLite and PostgreSQL
// (KETACLINIC_TEST_ENGINE picks the engine). Each test gets a fresh database.
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <future>
#include <set>
#include <thread>
#include <tuple>

#include "app/audit_log.h"
#include "contract/contract_fixture.h"
#include "support/fakes.h"

namespace kc::test {
namespace {

using app::ClinicId;
using app::Store;

TEST_F(StoreContract, ClinicsByIdAndName) {
  auto tx = store->begin(Store::Mode::read);
  EXPECT_EQ(tx->clinic(a)->name, "Clinic A");
  EXPECT_EQ(tx->clinic_by_name("Clinic B")->id, "cln_b");
  EXPECT_FALSE(tx->clinic_by_name("clinic b"));
  EXPECT_EQ(tx->clinics().size(), 2u);
}

TEST_F(StoreContract, UncommittedWorkIsRolledBack) {
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_clinic({"cln_c", "Clinic C", 3});
  }
  auto tx = store->begin(Store::Mode::read);
  EXPECT_FALSE(tx->clinic(ClinicId{"cln_c"}));
}

TEST_F(StoreContract, UsersRoundTripEveryField) {
  auto u = user("usr_1", "cln_a", "n@a.test");
  u.failed_logins = 3;
  u.locked_until_ms = 1'795'251'600'000;
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_user(u);
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto got = tx->user(a, "usr_1");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->email, "n@a.test");
  EXPECT_EQ(got->roles, (std::vector<Role>{Role::admin, Role::nurse}));
  EXPECT_EQ(got->failed_logins, 3);
  EXPECT_EQ(got->locked_until_ms, 1'795'251'600'000);
  EXPECT_EQ(tx->user_by_email("n@a.test")->id, "usr_1");
}

TEST_F(StoreContract, UserOfAnotherClinicIsInvisibleAndUnchangeable) {
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_user(user("usr_1", "cln_a", "n@a.test"));
    auto u = user("usr_1", "cln_a", "n@a.test");
    u.disabled = true;
    tx->update_user(b, u);  // wrong clinic: must change nothing
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  EXPECT_FALSE(tx->user(b, "usr_1"));
  EXPECT_FALSE(tx->user(a, "usr_1")->disabled);
  EXPECT_TRUE(tx->users(b, "", 10).empty());
}

TEST_F(StoreContract, DuplicateEmailIsRefusedByTheDatabase) {
  auto tx = store->begin(Store::Mode::write);
  tx->insert_user(user("usr_1", "cln_a", "n@a.test"));
  EXPECT_ANY_THROW(tx->insert_user(user("usr_2", "cln_b", "n@a.test")));
}

TEST_F(StoreContract, UsersArePagedByEmail) {
  {
    auto tx = store->begin(Store::Mode::write);
    for (std::string e : {"c@a.test", "a@a.test", "b@a.test"}) tx->insert_user(user("usr_" + e, "cln_a", e));
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto first = tx->users(a, "", 2);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].email, "a@a.test");
  auto rest = tx->users(a, first.back().email, 2);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].email, "c@a.test");
}

TEST_F(StoreContract, SessionsTouchAndRevoke) {
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_user(user("usr_1", "cln_a", "n@a.test"));
    tx->insert_session({"h1", "usr_1", "cln_a", "csrf", 10, 10, false});
    tx->insert_session({"h2", "usr_1", "cln_a", "csrf2", 10, 10, false});
    tx->touch_session("h1", 50);
    tx->touch_session("h1", 40);  // never moves backwards
    tx->revoke_session("h2");
    tx->commit();
  }
  {
    auto tx = store->begin(Store::Mode::read);
    EXPECT_EQ(tx->session("h1")->last_seen_ms, 50);
    EXPECT_FALSE(tx->session("h1")->revoked);
    EXPECT_TRUE(tx->session("h2")->revoked);
    EXPECT_FALSE(tx->session("nope"));
  }
  auto tx = store->begin(Store::Mode::write);
  tx->revoke_user_sessions(b, "usr_1");  // other clinic: no effect
  tx->commit();
  auto check = store->begin(Store::Mode::read);
  EXPECT_FALSE(check->session("h1")->revoked);
}

TEST_F(StoreContract, SessionContextJoinsUserAndClinicWithoutThePasswordHash) {
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_user(user("usr_1", "cln_a", "n@a.test"));
    tx->insert_session({"h1", "usr_1", "cln_a", "csrf", 10, 20, false});
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::single);
  auto c = tx->session_context("h1");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->session.csrf_token, "csrf");
  EXPECT_EQ(c->session.last_seen_ms, 20);
  EXPECT_EQ(c->user.email, "n@a.test");
  EXPECT_EQ(c->user.roles, (std::vector<Role>{Role::admin, Role::nurse}));
  EXPECT_TRUE(c->user.password_hash.empty());
  EXPECT_EQ(c->clinic.name, "Clinic A");
  EXPECT_FALSE(tx->session_context("h2"));
  tx->commit();  // a no-op in single mode
}

TEST_F(StoreContract, AuditAppendsChainAndFilters) {
  app::AuditLog log(crypto, clock);
  {
    auto tx = store->begin(Store::Mode::write);
    auto caller = app::Caller::system(a, "x");
    log.record(*tx, caller, "user.create", "user", "usr_1");
    log.record(*tx, caller, "patient.read", "patient", "pat_1");
    log.record(*tx, app::Caller::system(b, "y"), "user.create", "user", "usr_9");
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  EXPECT_EQ(tx->audit_head(a).seq, 2);
  app::AuditFilter all;
  auto events = tx->audit_events(a, all);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].event.seq, 2);  // newest first
  EXPECT_EQ(events[0].event.prev_hash, events[1].event.hash);
  app::AuditFilter reads;
  reads.action = "patient.read";
  EXPECT_EQ(tx->audit_events(a, reads).size(), 1u);
  app::AuditFilter older;
  older.before_seq = 2;
  EXPECT_EQ(tx->audit_events(a, older).size(), 1u);
  app::AuditFilter window;
  window.from_ms = clock.now_ms() + 1;
  EXPECT_TRUE(tx->audit_events(a, window).empty());
  int seen = 0;
  tx->for_each_audit_event(b, [&](const AuditEvent& e) { seen += e.entity_id == "usr_9"; });
  EXPECT_EQ(seen, 1);
}

TEST_F(StoreContract, AuditEventsCannotBeUpdatedDeletedOrDuplicated) {
  app::AuditLog log(crypto, clock);
  {
    auto tx = store->begin(Store::Mode::write);
    log.record(*tx, app::Caller::system(a, "x"), "user.create", "user", "usr_1");
    tx->commit();
  }
  {
    auto tx = store->begin(Store::Mode::write);
    AuditEvent dup;
    dup.clinic_id = "cln_a";
    dup.seq = 1;  // the same position twice
    EXPECT_ANY_THROW(tx->append_audit(dup));
  }
  store.reset();
  auto raw = raw_session();
  EXPECT_ANY_THROW(*raw << "UPDATE audit_events SET action = 'forged'");
  raw = raw_session();
  EXPECT_ANY_THROW(*raw << "DELETE FROM audit_events");
}

TEST_F(StoreContract, ConcurrentAppendsKeepOneUnbrokenChain) {
  constexpr int kThreads = 4, kEach = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      app::AuditLog log(crypto, clock);
      for (int i = 0; i < kEach; ++i) {
        auto tx = store->begin(Store::Mode::write);
        log.record(*tx, app::Caller::system(a, "t" + std::to_string(t)), "patient.read", "patient", "p");
        tx->commit();
      }
    });
  for (auto& th : threads) th.join();
  ChainVerifier verifier([this](std::string_view s) { return crypto.sha256_hex(s); });
  auto tx = store->begin(Store::Mode::read);
  tx->for_each_audit_event(a, [&](const AuditEvent& e) { verifier.add(e); });
  EXPECT_EQ(verifier.count(), kThreads * kEach);
  EXPECT_FALSE(verifier.first_break());
  EXPECT_EQ(tx->audit_head(a).seq, kThreads * kEach);
}

TEST_F(StoreContract, PatientPrefixSearchOnFamilyOrGivenName) {
  add_patient("pat_1", "cln_a", "Maya", "Okafor");
  add_patient("pat_2", "cln_a", "Jonas", "Lindqvist");
  add_patient("pat_3", "cln_a", "Okoro", "Adeyemi");
  add_patient("pat_4", "cln_b", "Oksana", "Okafor");
  auto tx = store->begin(Store::Mode::read);
  EXPECT_EQ(tx->patients(a, app::PatientQuery{"", "1980-01-01", ""}, std::nullopt, 10).size(), 3u);
  EXPECT_TRUE(tx->patients(a, app::PatientQuery{"", "1981-01-01", ""}, std::nullopt, 10).empty());
  auto ok = tx->patients(a, app::PatientQuery{"ok", "", ""}, std::nullopt, 10);
  ASSERT_EQ(ok.size(), 2u);
  EXPECT_EQ(ok[0].id, "pat_3");  // Adeyemi before Okafor
  EXPECT_EQ(ok[1].id, "pat_1");
  EXPECT_EQ(tx->patients(a, app::PatientQuery{"", "", ""}, std::nullopt, 10).size(), 3u);
  EXPECT_TRUE(tx->patients(a, app::PatientQuery{"zz", "", ""}, std::nullopt, 10).empty());
  EXPECT_FALSE(tx->patient(b, "pat_1"));
  EXPECT_EQ(tx->patient(a, "pat_1")->family_name, "Okafor");
}

TEST_F(StoreContract, PatientListPagesWithoutGapsOrRepeats) {
  for (int i = 0; i < 7; ++i) add_patient("pat_" + std::to_string(i), "cln_a", "Given", "Same");
  std::set<std::string> seen;
  std::optional<app::PatientCursor> after;
  auto tx = store->begin(Store::Mode::read);
  for (int page = 0; page < 4; ++page) {
    auto rows = tx->patients(a, app::PatientQuery{"", "", ""}, after, 3);
    for (const auto& r : rows) EXPECT_TRUE(seen.insert(r.id).second) << r.id;
    if (rows.empty()) break;
    after = app::PatientCursor{"same", "given", rows.back().id};
  }
  EXPECT_EQ(seen.size(), 7u);
}

TEST_F(StoreContract, EnquiriesQueueLinksAndHistory) {
  auto enquiry = [](std::string id, std::string clinic, std::int64_t at, std::string email, std::string dup = "") {
    app::EnquiryRow e;
    e.id = std::move(id);
    e.clinic_id = std::move(clinic);
    e.created_ms = e.updated_ms = at;
    e.source = "web";
    e.status = "new";
    e.given_name = "Maya";
    e.family_name = "Okafor";
    e.email = std::move(email);
    e.preferred_contact = "email";
    e.conditions = {"depression", "ptsd"};
    e.consent_to_contact = true;
    e.duplicate_of = std::move(dup);
    return e;
  };
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_enquiry(enquiry("enq_1", "cln_a", 100, "m@x.test"));
    tx->insert_enquiry(enquiry("enq_2", "cln_a", 200, "m@x.test", "enq_1"));
    tx->insert_enquiry(enquiry("enq_3", "cln_a", 300, "n@x.test"));
    tx->insert_enquiry(enquiry("enq_9", "cln_b", 400, "m@x.test"));
    tx->insert_enquiry_event(a, {"enq_1", 100, "new", "", "", ""});
    tx->link_enquiry_patient(b, "enq_1", "pat_x", 150);  // other clinic: no effect
    tx->link_enquiry_patient(a, "enq_2", "pat_y", 160);
    tx->update_enquiry_status(a, "enq_3", "closed", "No longer interested", 500);
    tx->insert_enquiry_event(a, {"enq_3", 500, "closed", "", "No longer interested", ""});
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  app::EnquiryFilter open;
  auto queue = tx->enquiries(a, open);
  ASSERT_EQ(queue.size(), 1u) << "repeats and closed ones are not in the open queue";
  EXPECT_EQ(queue[0].id, "enq_1");
  EXPECT_EQ(queue[0].linked_count, 1);
  EXPECT_EQ(queue[0].conditions, (std::vector<std::string>{"depression", "ptsd"}));
  app::EnquiryFilter closed;
  closed.status = "closed";
  ASSERT_EQ(tx->enquiries(a, closed).size(), 1u);
  EXPECT_EQ(tx->enquiry(a, "enq_3")->close_reason, "No longer interested");
  EXPECT_EQ(tx->enquiry(a, "enq_3")->updated_ms, 500);
  EXPECT_EQ(tx->enquiry(a, "enq_1")->patient_id, "");
  EXPECT_EQ(tx->enquiry(a, "enq_2")->patient_id, "pat_y");
  EXPECT_FALSE(tx->enquiry(b, "enq_1"));
  EXPECT_EQ(tx->first_enquiry_by_contact(a, "m@x.test", "", 0)->id, "enq_1");
  EXPECT_FALSE(tx->first_enquiry_by_contact(a, "m@x.test", "", 101));
  EXPECT_FALSE(tx->first_enquiry_by_contact(a, "", "", 0));
  EXPECT_EQ(tx->linked_enquiries(a, "enq_1").size(), 1u);
  EXPECT_EQ(tx->enquiry_events(a, "enq_3").at(0).reason, "No longer interested");
  app::EnquiryFilter page;
  page.status = "new";
  page.before = std::pair<std::int64_t, std::string>{100, "enq_1"};
  EXPECT_TRUE(tx->enquiries(a, page).empty());
}

TEST_F(StoreContract, HistoryMedicationsDiagnosesTrialsAndDecisions) {
  add_patient("pat_1", "cln_a", "Rhea", "Lindqvist");
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_history_answer(a, "pat_1", {"pregnant", "no", 10, "usr_x"});
    tx->insert_history_answer(a, "pat_1", {"pregnant", "yes", 20, "usr_x"});
    tx->insert_history_answer(a, "pat_1", {"cystitis", "no", 15, "usr_x"});
    tx->insert_medication(a, {"med_1", "pat_1", "Lorazepam", "benzodiazepine", "1 mg", 30, 0, "usr_x", {}});
    tx->stop_medication(b, "pat_1", "med_1", 40);  // other clinic: no effect
    tx->insert_diagnosis(a, {"dgn_1", "pat_1", "F33.2", 50, "usr_x", {}});
    tx->insert_trial(a, {"trl_1", "pat_1", "sertraline", "150 mg", 8, "none", 60, "usr_x", {}});
    tx->insert_decision(a, {"elg_1", "pat_1", "eligible", "ok", "", "v1", "{}", 70, "usr_x", false, ""});
    tx->insert_decision(a, {"elg_2", "pat_1", "not_eligible", "no", "", "v1", "{}", 80, "usr_x", false, ""});
    tx->mark_rescreen(a, "pat_1", "New medication");
    tx->mark_rescreen(a, "pat_1", "second reason is not kept");
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto answers = tx->history_answers(a, "pat_1");
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0].question, "cystitis");
  EXPECT_EQ(answers[1].answer, "yes") << "the latest answer is current";
  EXPECT_TRUE(tx->history_answers(b, "pat_1").empty());
  auto meds = tx->medications(a, "pat_1", app::Entries::all);
  ASSERT_EQ(meds.size(), 1u);
  EXPECT_EQ(meds[0].stopped_ms, 0);
  EXPECT_EQ(tx->diagnoses(a, "pat_1", app::Entries::all).at(0).code, "F33.2");
  EXPECT_EQ(tx->trials(a, "pat_1", app::Entries::all).at(0).weeks, 8);
  auto latest = tx->latest_decision(a, "pat_1");
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->id, "elg_2");
  EXPECT_TRUE(latest->needs_rescreen);
  EXPECT_EQ(latest->rescreen_reason, "New medication");
  EXPECT_FALSE(tx->latest_decision(b, "pat_1"));
}

TEST_F(StoreContract, DemographicsStartBlankAndUpdateWithTheIdentity) {
  add_patient("pat_1", "cln_a", "Maya", "Okafor");
  {
    auto tx = store->begin(Store::Mode::read);
    auto blank = tx->patient_demographics(a, "pat_1");
    ASSERT_TRUE(blank);
    EXPECT_EQ(*blank, Demographics{}) << "a patient registered before the record grew has every field blank";
    EXPECT_FALSE(tx->patient_demographics(b, "pat_1"));
    EXPECT_FALSE(tx->patient_demographics(a, "pat_none"));
  }
  Demographics d;
  for (const auto& f : demographics_fields()) d.*f.member = "value of " + std::string(f.name);
  {
    auto tx = store->begin(Store::Mode::write);
    tx->update_patient(a, {"pat_1", "cln_a", "Mae", "Okafor-Lind", "1986-03-15", 5}, d);
    tx->update_patient(b, {"pat_1", "cln_b", "Intruder", "Intruder", "2000-01-01", 5}, Demographics{});
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  EXPECT_EQ(*tx->patient_demographics(a, "pat_1"), d) << "every field round-trips; another clinic changed nothing";
  auto p = tx->patient(a, "pat_1");
  EXPECT_EQ(p->given_name, "Mae");
  EXPECT_EQ(p->family_name, "Okafor-Lind");
  EXPECT_EQ(p->date_of_birth, "1986-03-15");
  EXPECT_EQ(p->created_ms, 5);
  ASSERT_EQ(tx->patients(a, app::PatientQuery{"okafor-l", "", ""}, std::nullopt, 10).size(), 1u)
      << "the search keys follow the new names";
  EXPECT_TRUE(tx->patients(a, app::PatientQuery{"maya", "", ""}, std::nullopt, 10).empty());
}

TEST_F(StoreContract, ReadingDemographicsForChangeWaitsForAnEarlierWriter) {
  add_patient("pat_1", "cln_a", "Maya", "Okafor");
  std::promise<void> first_has_read;
  std::thread first([&] {
    auto tx = store->begin(Store::Mode::write);
    auto d = *tx->patient_demographics(a, "pat_1");
    first_has_read.set_value();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    d.phone = "5551234567";
    tx->update_patient(a, *tx->patient(a, "pat_1"), d);
    tx->commit();
  });
  first_has_read.get_future().wait();
  {
    auto tx = store->begin(Store::Mode::write);
    auto d = *tx->patient_demographics(a, "pat_1");
    EXPECT_EQ(d.phone, "5551234567") << "the second writer reads after the first commits, so loses nothing";
    d.email = "maya@example.org";
    tx->update_patient(a, *tx->patient(a, "pat_1"), d);
    tx->commit();
  }
  first.join();
  auto tx = store->begin(Store::Mode::read);
  auto d = *tx->patient_demographics(a, "pat_1");
  EXPECT_EQ(d.phone, "5551234567");
  EXPECT_EQ(d.email, "maya@example.org");
}

TEST_F(StoreContract, MeasurementsNewestFirstPerClinic) {
  add_patient("pat_1", "cln_a", "Maya", "Okafor");
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_user(user("usr_n", "cln_a", "nurse@a.test"));
    tx->insert_measurement(a, {"msr_1", "pat_1", "weight", 72500, 0, "2026-10-01", 10, "usr_n", {}});
    tx->insert_measurement(a, {"msr_2", "pat_1", "height", 0, 1703, "2026-11-20", 20, "usr_n", {}});
    tx->insert_measurement(a, {"msr_3", "pat_1", "weight", 71000, 0, "2026-11-20", 30, "usr_gone", {}});
    tx->insert_measurement(a, {"msr_4", "pat_1", "weight", 70000, 0, "2025-01-01", 40, "usr_n", {}});
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto rows = tx->measurements(a, "pat_1", app::Entries::all);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].id, "msr_3") << "same day: the later recorded first";
  EXPECT_EQ(rows[1].id, "msr_2");
  EXPECT_EQ(rows[2].id, "msr_1");
  EXPECT_EQ(rows[3].id, "msr_4") << "ordered by the date measured, not the date recorded";
  EXPECT_EQ(rows[1].height_mm, 1703);
  EXPECT_EQ(rows[1].weight_g, 0);
  EXPECT_EQ(rows[2].weight_g, 72500);
  EXPECT_EQ(rows[2].measured_on, "2026-10-01");
  EXPECT_EQ(rows[2].recorded_ms, 10);
  EXPECT_EQ(rows[2].recorded_by, "nurse@a.test");
  EXPECT_EQ(rows[0].recorded_by, "usr_gone") << "an unknown user shows as the stored id";
  EXPECT_TRUE(tx->measurements(b, "pat_1", app::Entries::all).empty());
}

TEST_F(StoreContract, AllergiesOldestFirstPerClinic) {
  add_patient("pat_1", "cln_a", "Maya", "Okafor");
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_user(user("usr_n", "cln_a", "nurse@a.test"));
    tx->insert_allergy(a, {"alg_2", "pat_1", "Ketamine", "", 20, "usr_n", {}});
    tx->insert_allergy(a, {"alg_1", "pat_1", "Penicillin", "Hives", 10, "usr_n", {}});
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto rows = tx->allergies(a, "pat_1", app::Entries::all);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].substance, "Penicillin");
  EXPECT_EQ(rows[0].reaction, "Hives");
  EXPECT_EQ(rows[0].recorded_ms, 10);
  EXPECT_EQ(rows[0].recorded_by, "nurse@a.test");
  EXPECT_EQ(rows[1].reaction, "");
  EXPECT_TRUE(tx->allergies(b, "pat_1", app::Entries::all).empty());
}

TEST_F(StoreContract, BaselineTestsNewestFirstPerClinic) {
  add_patient("pat_1", "cln_a", "Maya", "Okafor");
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_baseline_test(a, {"bst_1", "pat_1", "ecg", "2026-11-01", "Sinus rhythm, QTc 410 ms", 10, "usr_x", {}});
    tx->insert_baseline_test(a, {"bst_2", "pat_1", "renal", "2026-11-10", "eGFR 95", 20, "usr_x", {}});
    tx->insert_baseline_test(a, {"bst_3", "pat_1", "liver", "2026-10-15", "ALT 30 U/L", 30, "usr_x", {}});
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto rows = tx->baseline_tests(a, "pat_1", app::Entries::all);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].id, "bst_2");
  EXPECT_EQ(rows[1].id, "bst_1");
  EXPECT_EQ(rows[2].id, "bst_3");
  EXPECT_EQ(rows[1].kind, "ecg");
  EXPECT_EQ(rows[1].taken_on, "2026-11-01");
  EXPECT_EQ(rows[1].result, "Sinus rhythm, QTc 410 ms");
  EXPECT_EQ(rows[1].recorded_ms, 10);
  EXPECT_EQ(rows[1].recorded_by, "usr_x");
  EXPECT_TRUE(tx->baseline_tests(b, "pat_1", app::Entries::all).empty());
}

TEST_F(StoreContract, WaitingProgramsEntriesAndOutbox) {
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_program({"wlp_1", "cln_a", "Home", 2, 48, 1, 0, 0});
    app::EntryRow e;
    e.id = "wle_1";
    e.clinic_id = "cln_a";
    e.program_id = "wlp_1";
    e.given_name = "Ana";
    e.family_name = "Example";
    e.email = "ana@example.org";
    e.preferred_contact = "email";
    e.joined_ms = 10;
    e.source = "web";
    tx->insert_entry(e);
    e.id = "wle_2";
    e.status = "offered";
    e.urgent = true;
    e.urgent_reason = "Suicidal ideation";
    e.offered_ms = 20;
    e.offer_expires_ms = 30;
    e.age_years = 17;
    tx->insert_entry(e);
    e.status = "scheduled";
    tx->update_entry(b, e);  // other clinic: no effect
    tx->insert_outbox({"msg_1", "cln_a", "email", "ana@example.org", "Hello", "Body", "waiting_entry", "wle_2", 40});
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto p = tx->program(a, "wlp_1");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->places_in_use, 1);
  EXPECT_EQ(p->waiting_count, 1);
  EXPECT_FALSE(tx->program(b, "wlp_1"));
  EXPECT_EQ(tx->programs(a).size(), 1u);
  auto e = tx->entry(a, "wle_2");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, "offered");
  EXPECT_TRUE(e->urgent);
  EXPECT_EQ(e->urgent_reason, "Suicidal ideation");
  EXPECT_EQ(e->offer_expires_ms, 30);
  EXPECT_EQ(e->age_years, 17);
  EXPECT_EQ(tx->entries(a, "wlp_1").size(), 2u);
  EXPECT_TRUE(tx->entries(b, "wlp_1").empty());
  auto messages = tx->outbox(a, "wle_2");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].subject, "Hello");
  EXPECT_TRUE(tx->outbox(b, "wle_2").empty());
}

TEST_F(StoreContract, MeasureSettingsAreUpsertedPerClinic) {
  {
    auto tx = store->begin(Store::Mode::write);
    EXPECT_FALSE(tx->measure_settings(a));
    tx->insert_user(user("usr_1", "cln_a", "md@a.test"));
    tx->save_measure_settings({"cln_a", 48, 30, 5, 1, "Call 988", 10, "usr_1"});
    tx->save_measure_settings({"cln_a", 24, 45, 6, 2, "Call 911", 20, "usr_1"});
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto s = tx->measure_settings(a);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->link_lifetime_hours, 24);
  EXPECT_EQ(s->escalation_minutes, 45);
  EXPECT_EQ(s->phq9_rise_points, 6);
  EXPECT_EQ(s->cssrs_min_level, 2);
  EXPECT_EQ(s->crisis_message, "Call 911");
  EXPECT_EQ(s->updated_ms, 20);
  EXPECT_EQ(s->updated_by, "md@a.test");  // the e-mail on read
  EXPECT_FALSE(tx->measure_settings(b));
}

TEST_F(StoreContract, SubmittedResponsesAreNeverUpdatedAndAmendmentsAreUnique) {
  add_patient("pat_1", "cln_a", "Ana", "Silva");
  app::ResponseRow r;
  r.id = "rsp_1";
  r.clinic_id = "cln_a";
  r.patient_id = "pat_1";
  r.instrument = "phq9";
  r.source = "staff";
  r.answers = "phq9_1=2";
  r.started_ms = 10;
  r.updated_ms = 10;
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_response(r);
    r.answers = "phq9_1=3,phq9_2=1";
    r.status = "submitted";
    r.total = 20;
    r.band = "Severe";
    r.submitted_ms = 30;
    EXPECT_TRUE(tx->update_response(a, r));
    r.answers = "phq9_1=0";
    EXPECT_FALSE(tx->update_response(a, r)) << "a submitted response is never changed";
    app::ResponseRow amendment = r;
    amendment.id = "rsp_2";
    amendment.amends = "rsp_1";
    amendment.amendment_reason = "Wrong item 1";
    amendment.started_ms = 40;
    amendment.submitted_ms = 40;
    tx->insert_response(amendment);
    tx->commit();
  }
  {
    auto tx = store->begin(Store::Mode::write);
    app::ResponseRow second = r;
    second.id = "rsp_3";
    second.amends = "rsp_1";
    EXPECT_ANY_THROW(tx->insert_response(second)) << "one amendment per response";
  }
  auto tx = store->begin(Store::Mode::read);
  auto original = tx->response(a, "rsp_1");
  ASSERT_TRUE(original);
  EXPECT_EQ(original->answers, "phq9_1=3,phq9_2=1");
  EXPECT_EQ(original->total, 20);
  EXPECT_EQ(original->amended_by, "rsp_2");
  EXPECT_FALSE(tx->response(b, "rsp_1"));
  auto all = tx->responses(a, "pat_1");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, "rsp_2");  // newest first
  EXPECT_EQ(all[0].amends, "rsp_1");
  EXPECT_TRUE(tx->responses(b, "pat_1").empty());
}

TEST_F(StoreContract, LinksAreFoundByTokenHashAndUsedOnce) {
  add_patient("pat_1", "cln_a", "Ana", "Silva");
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_link({"lnk_1", "hash1", "cln_a", "pat_1", {"phq9", "gad7"}, 10, 100, 0, "usr_1"});
    tx->insert_link({"lnk_2", "hash2", "cln_a", "pat_1", {"pain_nrs"}, 20, 100, 0, "usr_1"});
    app::ResponseRow r;
    r.id = "rsp_1";
    r.clinic_id = "cln_a";
    r.patient_id = "pat_1";
    r.instrument = "gad7";
    r.source = "link";
    r.link_id = "lnk_1";
    tx->insert_response(r);
    tx->mark_link_used(b, "lnk_1", 50);  // another clinic: no effect
    tx->commit();
  }
  {
    auto tx = store->begin(Store::Mode::write);
    auto link = tx->link_by_token_hash("hash1");
    ASSERT_TRUE(link);
    EXPECT_EQ(link->instruments, (std::vector<std::string>{"phq9", "gad7"}));
    EXPECT_EQ(link->used_ms, 0);
    tx->mark_link_used(a, "lnk_1", 60);
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  EXPECT_EQ(tx->link_by_token_hash("hash1")->used_ms, 60);
  EXPECT_FALSE(tx->link_by_token_hash("nope"));
  auto links = tx->links(a, "pat_1");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].id, "lnk_2");
  EXPECT_TRUE(tx->links(b, "pat_1").empty());
  ASSERT_EQ(tx->link_responses(a, "lnk_1").size(), 1u);
  EXPECT_TRUE(tx->link_responses(b, "lnk_1").empty());
}

TEST_F(StoreContract, SchedulesAreReplacedWholeAndAmendmentsAreNoCompletions) {
  add_patient("pat_1", "cln_a", "Ana", "Silva");
  add_patient("pat_2", "cln_a", "Bo", "Lund");
  {
    auto tx = store->begin(Store::Mode::write);
    tx->replace_schedule(a, "pat_1", {{"", "phq9", "weekly", "2026-11-01", "", 0}});
    tx->replace_schedule(
        a, "pat_1",
        {{"", "phq9", "baseline", "2026-11-01", "", 0}, {"", "gad7", "follow_up", "2026-11-01", "2026-12-31", 14}});
    for (auto [id, patient, amends] :
         {std::tuple{"rsp_1", "pat_1", ""}, std::tuple{"rsp_2", "pat_1", "rsp_1"}, std::tuple{"rsp_3", "pat_2", ""}}) {
      app::ResponseRow r;
      r.id = id;
      r.clinic_id = "cln_a";
      r.patient_id = patient;
      r.instrument = "phq9";
      r.source = "staff";
      r.status = "submitted";
      r.total = 3;
      r.submitted_ms = 100;
      r.amends = amends;
      tx->insert_response(r);
    }
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto schedule = tx->schedule(a, "pat_1");
  ASSERT_EQ(schedule.size(), 2u);
  EXPECT_EQ(schedule[0].rule, "baseline");
  EXPECT_EQ(schedule[1].instrument, "gad7");
  EXPECT_EQ(schedule[1].end_on, "2026-12-31");
  EXPECT_EQ(schedule[1].interval_days, 14);
  EXPECT_TRUE(tx->schedule(b, "pat_1").empty());
  EXPECT_EQ(tx->schedules(a).size(), 2u);
  auto done = tx->scheduled_completions(a);
  ASSERT_EQ(done.size(), 1u) << "rsp_2 is an amendment, not a completion; pat_2 has no schedule";
  EXPECT_EQ(done[0].patient_id, "pat_1");
  EXPECT_EQ(done[0].submitted_ms, 100);
  EXPECT_TRUE(tx->scheduled_completions(b).empty());
}

TEST_F(StoreContract, TasksEscalateOnceAndStayInTheirClinic) {
  add_patient("pat_1", "cln_a", "Ana", "Silva");
  app::TaskRow t;
  t.id = "tsk_1";
  t.clinic_id = "cln_a";
  t.patient_id = "pat_1";
  t.kind = "suicide_risk";
  t.priority = "high";
  t.reasons = {"PHQ-9 question 9 answered \"Several days\".", "PHQ-9 rose from 8 to 15."};
  t.instrument = "phq9";
  t.response_id = "rsp_1";
  t.created_ms = 10;
  t.escalate_at_ms = 100;
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_task(t);
    tx->set_responsible_clinician(a, "pat_1", "usr_9");
    tx->commit();
  }
  {
    auto tx = store->begin(Store::Mode::write);
    EXPECT_TRUE(tx->tasks_to_escalate(a, 99).empty());
    auto due = tx->tasks_to_escalate(a, 100);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].reasons, t.reasons);
    EXPECT_TRUE(tx->tasks_to_escalate(b, 100).empty());
    due[0].escalated_ms = 100;
    tx->update_task(a, due[0]);
    tx->commit();
  }
  {
    auto tx = store->begin(Store::Mode::write);
    EXPECT_TRUE(tx->tasks_to_escalate(a, 200).empty()) << "escalated once";
    auto task = tx->task(a, "tsk_1");
    ASSERT_TRUE(task);
    task->acknowledged_ms = 150;
    task->acknowledged_by = "usr_9";
    task->action = "Phoned; safety plan reviewed.";
    tx->update_task(a, *task);
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  EXPECT_TRUE(tx->tasks(a, true).empty());
  auto all = tx->tasks(a, false);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].escalated_ms, 100);
  EXPECT_EQ(all[0].action, "Phoned; safety plan reviewed.");
  EXPECT_FALSE(tx->task(b, "tsk_1"));
  EXPECT_EQ(tx->responsible_clinician(a, "pat_1"), "usr_9");
  EXPECT_EQ(tx->responsible_clinician(b, "pat_1"), "");
}

TEST_F(StoreContract, ReopeningAppliesNoMigrationTwice) {
  store.reset();
  auto again = open_store(url, 1);
  EXPECT_TRUE(again->migration_report().applied.empty());
  EXPECT_EQ(again->migration_report().to_version, again->migration_report().from_version);
  EXPECT_GE(again->migration_report().to_version, 1);
}

TEST_F(StoreContract, DatabaseNewerThanTheBinaryIsRefused) {
  store.reset();
  *raw_session() << "INSERT INTO schema_migrations (version, name, applied_ms) VALUES (999, 'future', 0)";
  try {
    open_store(url, 1);
    FAIL() << "a newer database must be refused";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
  }
}

TEST_F(StoreContract, PingAnswersAndPoolReportsItsSize) {
  EXPECT_TRUE(store->ping());
  EXPECT_EQ(store->pool_stats().size, 4);
  EXPECT_EQ(store->pool_stats().in_use, 0);
  auto tx = store->begin(Store::Mode::read);
  EXPECT_EQ(store->pool_stats().in_use, 1);
}

}  // namespace
}  // namespace kc::test
