// The monitored session's part of the Store contract, on both engines: a session
// round-trips every field; one session per appointment; lists filter by activity,
// patient and route; the dosing record, effects, scores, notes and readings keep
// their values and order; an alarm is saved again on every change; and another
// clinic sees none of it.
#include "contract/contract_fixture.h"

namespace kc::test {
namespace {

using app::AldreteRow;
using app::AppointmentRow;
using app::EffectRow;
using app::RescueMedicineRow;
using app::SessionAlarmRow;
using app::SessionEventRow;
using app::SessionNoteRow;
using app::TreatmentSessionQuery;
using app::TreatmentSessionRow;
using app::VitalRow;

constexpr std::int64_t kT = 1'800'000'000'000;
const app::ClinicId kA{"cln_a"}, kB{"cln_b"};

class SessionsContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    add_patient("pat_1", "cln_a", "Ana", "Lima");
    add_patient("pat_2", "cln_a", "Ben", "Ode");
    auto tx = store->begin(Store::Mode::write);
    tx->insert_room({"room_1", "cln_a", "Room 1", "room", true, 1});
    for (int i = 1; i <= 3; ++i) {
      AppointmentRow a;
      a.id = "apt_" + std::to_string(i);
      a.clinic_id = "cln_a";
      a.patient_id = i == 3 ? "pat_2" : "pat_1";
      a.type = "dosing_session";
      a.route = i == 2 ? "intranasal_esketamine" : "iv";
      a.room_id = "room_1";
      a.start_ms = kT + i * 86'400'000LL;
      a.end_ms = a.start_ms + 7'200'000;
      tx->insert_appointment(a);
    }
    tx->commit();
  }

  TreatmentSessionRow session(std::string id, std::string appointment, std::string patient, std::string route,
                              std::int64_t created) {
    TreatmentSessionRow s;
    s.id = std::move(id);
    s.clinic_id = "cln_a";
    s.patient_id = std::move(patient);
    s.appointment_id = std::move(appointment);
    s.route = std::move(route);
    s.room_id = "room_1";
    s.created_by = "usr_1";
    s.created_ms = s.updated_ms = created;
    return s;
  }
};

TEST_F(SessionsContract, ASessionRoundTripsEveryField) {
  auto s = session("ses_1", "apt_1", "pat_1", "iv", kT);
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_treatment_session(s);
    tx->commit();
  }
  s.state = "dosing";
  s.dose_order_id = "dos_1";
  s.escort_confirmed = s.pregnancy_status_current = s.questionnaire_done = true;
  s.fasting_confirmed = false;
  s.questionnaire_skip_reason = "";
  s.checked_in_ms = kT + 1;
  s.checked_in_by = "usr_1";
  s.bp_decision = "proceed";
  s.bp_decision_reason = "Anxious";
  s.bp_decision_by = "usr_2";
  s.drug_lot = "K1";
  s.drug_expiry = "2099-12-31";
  s.dose_started_ms = kT + 2;
  s.dose_ended_ms = kT + 3;
  s.pre_dose_systolic = 150'000;
  s.pre_dose_diastolic = 95'000;
  s.pre_dose_heart_rate = 80'000;
  s.pre_dose_spo2 = 98'000;
  s.pre_dose_bp_ms = kT + 4;
  s.last_systolic = 185'500;
  s.last_diastolic = 113'000;
  s.last_heart_rate = 96'000;
  s.last_spo2 = 97'000;
  s.last_respiratory_rate = 14'000;
  s.last_bp_ms = kT + 5;
  s.last_reading_ms = kT + 6;
  s.escort_present = s.instructions_given = true;
  s.override_reason = "Prescriber saw";
  s.override_by = "usr_3";
  s.discharged_ms = kT + 7;
  s.discharged_by = "usr_1";
  s.abort_reason = "";
  s.follow_up_appointment_id = "apt_9";
  s.rems_submitted_on = "2027-01-20";
  s.updated_ms = kT + 8;
  {
    auto tx = store->begin(Store::Mode::write);
    tx->update_treatment_session(kA, s);
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto got = tx->treatment_session(kA, "ses_1");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->state, "dosing");
  EXPECT_EQ(got->dose_order_id, "dos_1");
  EXPECT_TRUE(got->escort_confirmed);
  EXPECT_FALSE(got->fasting_confirmed);
  EXPECT_TRUE(got->pregnancy_status_current);
  EXPECT_TRUE(got->questionnaire_done);
  EXPECT_EQ(got->checked_in_ms, kT + 1);
  EXPECT_EQ(got->bp_decision, "proceed");
  EXPECT_EQ(got->bp_decision_reason, "Anxious");
  EXPECT_EQ(got->bp_decision_by, "usr_2");
  EXPECT_EQ(got->drug_lot, "K1");
  EXPECT_EQ(got->drug_expiry, "2099-12-31");
  EXPECT_EQ(got->dose_started_ms, kT + 2);
  EXPECT_EQ(got->dose_ended_ms, kT + 3);
  EXPECT_EQ(got->pre_dose_systolic, 150'000);
  EXPECT_EQ(got->pre_dose_spo2, 98'000);
  EXPECT_EQ(got->pre_dose_bp_ms, kT + 4);
  EXPECT_EQ(got->last_systolic, 185'500);
  EXPECT_EQ(got->last_respiratory_rate, 14'000);
  EXPECT_EQ(got->last_bp_ms, kT + 5);
  EXPECT_EQ(got->last_reading_ms, kT + 6);
  EXPECT_TRUE(got->escort_present);
  EXPECT_TRUE(got->instructions_given);
  EXPECT_EQ(got->override_reason, "Prescriber saw");
  EXPECT_EQ(got->override_by, "usr_3");
  EXPECT_EQ(got->discharged_ms, kT + 7);
  EXPECT_EQ(got->discharged_by, "usr_1");
  EXPECT_EQ(got->follow_up_appointment_id, "apt_9");
  EXPECT_EQ(got->rems_submitted_on, "2027-01-20");
  EXPECT_EQ(got->created_ms, kT);
  EXPECT_EQ(got->updated_ms, kT + 8);
  EXPECT_EQ(tx->treatment_session_for_appointment(kA, "apt_1")->id, "ses_1");
  EXPECT_FALSE(tx->treatment_session(kB, "ses_1")) << "another clinic sees nothing";
  EXPECT_FALSE(tx->treatment_session_for_appointment(kB, "apt_1"));
}

TEST_F(SessionsContract, OneSessionPerAppointment) {
  auto tx = store->begin(Store::Mode::write);
  tx->insert_treatment_session(session("ses_1", "apt_1", "pat_1", "iv", kT));
  EXPECT_ANY_THROW(tx->insert_treatment_session(session("ses_2", "apt_1", "pat_1", "iv", kT + 1)));
}

TEST_F(SessionsContract, ListsFilterByActivityPatientAndRoute) {
  {
    auto tx = store->begin(Store::Mode::write);
    auto done = session("ses_1", "apt_1", "pat_1", "iv", kT);
    done.state = "discharged";
    tx->insert_treatment_session(done);
    tx->insert_treatment_session(session("ses_2", "apt_2", "pat_1", "intranasal_esketamine", kT + 1));
    auto aborted = session("ses_3", "apt_3", "pat_2", "iv", kT + 2);
    aborted.state = "aborted";
    tx->insert_treatment_session(aborted);
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto ids = [](const std::vector<TreatmentSessionRow>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.id);
    return out;
  };
  EXPECT_EQ(ids(tx->treatment_sessions(kA, {})), (std::vector<std::string>{"ses_1", "ses_2", "ses_3"}));
  TreatmentSessionQuery active;
  active.active_only = true;
  EXPECT_EQ(ids(tx->treatment_sessions(kA, active)), (std::vector<std::string>{"ses_2"}));
  TreatmentSessionQuery patient;
  patient.patient_id = "pat_1";
  EXPECT_EQ(ids(tx->treatment_sessions(kA, patient)), (std::vector<std::string>{"ses_1", "ses_2"}));
  TreatmentSessionQuery route;
  route.route = "intranasal_esketamine";
  EXPECT_EQ(ids(tx->treatment_sessions(kA, route)), (std::vector<std::string>{"ses_2"}));
  TreatmentSessionQuery window;
  window.from_ms = kT + 1;
  window.to_ms = kT + 2;
  EXPECT_EQ(ids(tx->treatment_sessions(kA, window)), (std::vector<std::string>{"ses_2"}));
  EXPECT_TRUE(tx->treatment_sessions(kB, {}).empty());
}

TEST_F(SessionsContract, TheRecordKeepsItsValuesAndOrder) {
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_treatment_session(session("ses_1", "apt_1", "pat_1", "iv", kT));
    tx->insert_session_event({"sev_2", "cln_a", "ses_1", "rate_change", kT + 600'000, 30'000, "BP", "usr_1"});
    tx->insert_session_event({"sev_1", "cln_a", "ses_1", "start", kT, 52'500, "", "usr_1"});
    tx->insert_rescue_medicine({"srm_1", "cln_a", "ses_1", "labetalol", "iv", "BP 205/121", "usr_1", 10'000, kT + 5});
    EffectRow e;
    e.id = "sef_1";
    e.clinic_id = "cln_a";
    e.session_id = "ses_1";
    e.kind = "raised_bp";
    e.severity = "severe";
    e.description = "";
    e.intervention = "labetalol";
    e.outcome = "resolved_with_intervention";
    e.narrative = "BP 205/121 at 20 min";
    e.by = "usr_1";
    e.serious = true;
    e.at_ms = kT + 6;
    e.recorded_ms = kT + 7;
    tx->insert_effect(e);
    tx->insert_aldrete({"sal_1", "cln_a", "ses_1", "usr_1", kT + 8, 2, 2, 1, 2, 2, 9, -6'667});
    tx->insert_session_note({"snt_1", "cln_a", "ses_1", "integration", "Felt calm", "usr_4", kT + 9});
    VitalRow v;
    v.clinic_id = "cln_a";
    v.session_id = "ses_1";
    v.source = "monitor-1";
    v.recorded_by = "usr_5";
    v.recorded_ms = kT + 20;
    std::vector<VitalRow> rows;
    for (int i = 0; i < 3; ++i) {
      v.at_ms = kT + 10 - i;  // inserted newest first
      v.heart_rate = 80'000 + i * 1000;
      v.spo2 = i == 1 ? 0 : 97'500;
      rows.push_back(v);
    }
    tx->insert_vitals(rows);
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto events = tx->session_events(kA, "ses_1");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, "start");
  EXPECT_EQ(events[0].rate_ul_per_h, 52'500);
  EXPECT_EQ(events[1].reason, "BP");
  auto rescue = tx->rescue_medicines(kA, "ses_1");
  ASSERT_EQ(rescue.size(), 1u);
  EXPECT_EQ(rescue[0].dose_ug, 10'000);
  EXPECT_EQ(rescue[0].route, "iv");
  auto effects = tx->effects(kA, "ses_1");
  ASSERT_EQ(effects.size(), 1u);
  EXPECT_TRUE(effects[0].serious);
  EXPECT_EQ(effects[0].narrative, "BP 205/121 at 20 min");
  EXPECT_EQ(effects[0].recorded_ms, kT + 7);
  auto scores = tx->aldrete_scores(kA, "ses_1");
  ASSERT_EQ(scores.size(), 1u);
  EXPECT_EQ(scores[0].total, 9);
  EXPECT_EQ(scores[0].circulation, 1);
  EXPECT_EQ(scores[0].bp_change_milli_pct, -6'667);
  EXPECT_EQ(tx->session_notes(kA, "ses_1").at(0).text, "Felt calm");
  auto readings = tx->vitals(kA, "ses_1", 0);
  ASSERT_EQ(readings.size(), 3u);
  EXPECT_EQ(readings[0].at_ms, kT + 8) << "oldest first";
  EXPECT_EQ(readings[0].heart_rate, 82'000);
  EXPECT_EQ(readings[1].spo2, 0) << "not measured stays 0";
  EXPECT_EQ(readings[2].source, "monitor-1");
  EXPECT_EQ(tx->vitals(kA, "ses_1", kT + 9).size(), 2u) << "since is inclusive";
  for (const auto& none : {tx->session_events(kB, "ses_1").size(), tx->rescue_medicines(kB, "ses_1").size(),
                           tx->effects(kB, "ses_1").size(), tx->aldrete_scores(kB, "ses_1").size(),
                           tx->session_notes(kB, "ses_1").size(), tx->vitals(kB, "ses_1", 0).size()})
    EXPECT_EQ(none, 0u) << "another clinic sees nothing";
}

// The vitals writer stores a group of batches in one transaction, a savepoint
// around each, so that one failing batch is undone alone (app/vitals_writer.h).
TEST_F(SessionsContract, ARolledBackSavepointUndoesOnlyWhatCameAfterItEvenAFailedStatement) {
  auto reading = [](std::string session_id, std::int64_t at_ms) {
    VitalRow v;
    v.clinic_id = "cln_a";
    v.session_id = std::move(session_id);
    v.at_ms = at_ms;
    v.heart_rate = 80'000;
    v.source = "monitor-1";
    v.recorded_by = "usr_5";
    v.recorded_ms = at_ms;
    return v;
  };
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_treatment_session(session("ses_1", "apt_1", "pat_1", "iv", kT));
    tx->savepoint("vitals_batch");
    tx->insert_vitals({reading("ses_1", kT + 1)});
    tx->release_savepoint("vitals_batch");

    tx->savepoint("vitals_batch");
    tx->insert_vitals({reading("ses_1", kT + 2)});
    // A reading of no session breaks the foreign key: the statement fails (on
    // PostgreSQL the transaction is then refused until the rollback to the savepoint).
    EXPECT_ANY_THROW(tx->insert_vitals({reading("ses_none", kT + 3)}));
    tx->rollback_to_savepoint("vitals_batch");

    tx->savepoint("vitals_batch");
    tx->insert_vitals({reading("ses_1", kT + 4)});  // the insert works again after its failure
    tx->release_savepoint("vitals_batch");
    tx->commit();
  }
  {
    auto tx = store->begin(Store::Mode::write);  // and in the next transaction on the connection
    tx->insert_vitals({reading("ses_1", kT + 5), reading("ses_1", kT + 6)});
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  std::vector<std::int64_t> times;
  for (const auto& r : tx->vitals(kA, "ses_1", 0)) times.push_back(r.at_ms);
  EXPECT_EQ(times, (std::vector<std::int64_t>{kT + 1, kT + 4, kT + 5, kT + 6}));
}

TEST_F(SessionsContract, AnAlarmIsSavedAgainOnEveryChange) {
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_treatment_session(session("ses_1", "apt_1", "pat_1", "iv", kT));
    SessionAlarmRow a{"cln_a", "ses_1", 2, "bp_severe", "high", "raised", true, false, kT, 0, 0, 0, "", true, 205'000};
    tx->save_session_alarm(a);
    SessionAlarmRow b{"cln_a", "ses_1", 1, "bp_high", "medium", "raised", true, false, kT - 1, 0, 0, 0, "", true, 0};
    tx->save_session_alarm(b);
    tx->commit();
  }
  {
    auto tx = store->begin(Store::Mode::write);
    SessionAlarmRow a{"cln_a", "ses_1", 2,      "bp_severe", "high",  "cleared", false,  true,
                      kT,      kT + 1,  kT + 2, kT + 3,      "usr_1", true,      205'000};
    tx->save_session_alarm(a);
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto alarms = tx->session_alarms(kA, "ses_1");
  ASSERT_EQ(alarms.size(), 2u);
  EXPECT_EQ(alarms[0].number, 1);
  const auto& a = alarms[1];
  EXPECT_EQ(a.state, "cleared");
  EXPECT_FALSE(a.condition_active);
  EXPECT_TRUE(a.escalated);
  EXPECT_EQ(a.raised_ms, kT);
  EXPECT_EQ(a.acknowledged_ms, kT + 1);
  EXPECT_EQ(a.cleared_ms, kT + 2);
  EXPECT_EQ(a.escalated_ms, kT + 3);
  EXPECT_EQ(a.acknowledged_by, "usr_1");
  EXPECT_TRUE(a.has_value);
  EXPECT_EQ(a.value_milli, 205'000);
  EXPECT_TRUE(tx->session_alarms(kB, "ses_1").empty());
}

TEST_F(SessionsContract, TheSessionProtocolRoundTripsEveryField) {
  {
    auto tx = store->begin(Store::Mode::read);
    EXPECT_FALSE(tx->session_settings(kA)) << "no row: the starting values";
  }
  app::SessionSettingsRow row;
  row.clinic_id = "cln_a";
  row.version = 1;
  int n = 0;
  for (const auto& f : session_protocol_fields()) row.protocol.*f.member = f.min + (n++ % 2);  // distinct per field
  row.updated_ms = kT;
  row.updated_by = "usr_1";
  for (int save = 0; save < 2; ++save) {  // the second save replaces the first
    auto tx = store->begin(Store::Mode::write);
    tx->save_session_settings(row);
    tx->commit();
    ++row.version;
  }
  auto tx = store->begin(Store::Mode::read);
  auto got = tx->session_settings(kA);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->version, 2);
  EXPECT_EQ(got->updated_ms, kT);
  EXPECT_EQ(got->updated_by, "usr_1");
  for (const auto& f : session_protocol_fields()) EXPECT_EQ(got->protocol.*f.member, row.protocol.*f.member) << f.name;
  EXPECT_FALSE(tx->session_settings(kB));
}

}  // namespace
}  // namespace kc::test
