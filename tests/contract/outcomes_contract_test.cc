// The follow-up and outcomes part of the Store contract, on both engines: the
// clinic's outcome settings round-trip (unset limits stay unset); check-ins keep
// their values, newest first; the dashboard reads only dosed sessions before the
// range's end with their effects and alarms, each patient's latest plan's
// indications, and one instrument's submitted responses; another clinic sees none.
#include "contract/contract_fixture.h"

namespace kc::test {
namespace {

using app::AppointmentRow;
using app::CheckInRow;
using app::OutcomeSettingsRow;
using app::PlanRow;
using app::ResponseRow;
using app::TreatmentSessionRow;

constexpr std::int64_t kT = 1'800'000'000'000;
constexpr std::int64_t kDay = 86'400'000;
const app::ClinicId kA{"cln_a"}, kB{"cln_b"};

class OutcomesContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    add_patient("pat_1", "cln_a", "Ana", "Lima");
    add_patient("pat_2", "cln_a", "Ben", "Ode");
    add_patient("pat_9", "cln_b", "Cy", "Other");
  }

  void dosed_session(const std::string& id, const std::string& clinic, const std::string& patient, std::int64_t started,
                     bool discharged_with_override = false) {
    auto tx = store->begin(Store::Mode::write);
    AppointmentRow a;
    a.id = "apt_" + id;
    a.clinic_id = clinic;
    a.patient_id = patient;
    a.type = "dosing_session";
    a.route = "iv";
    a.start_ms = started;
    a.end_ms = started + 7'200'000;
    tx->insert_appointment(a);
    TreatmentSessionRow s;
    s.id = id;
    s.clinic_id = clinic;
    s.patient_id = patient;
    s.appointment_id = a.id;
    s.route = "iv";
    s.created_by = "usr_1";
    s.created_ms = s.updated_ms = started - 3'600'000;
    tx->insert_treatment_session(s);
    if (started > 0) {
      s.state = "discharged";
      s.dose_started_ms = started;
      s.dose_ended_ms = started + 2'400'000;
      s.discharged_ms = started + 5'400'000;
      if (discharged_with_override) {
        s.override_reason = "Escort waiting";
        s.override_by = "usr_p";
      }
      tx->update_treatment_session(ClinicId{clinic}, s);
    }
    tx->commit();
  }
};

TEST_F(OutcomesContract, SettingsRoundTripAndUnsetLimitsStayUnset) {
  {
    auto tx = store->begin(Store::Mode::read);
    EXPECT_FALSE(tx->outcome_settings(kA)) << "no row until the director changes a value";
  }
  OutcomeSettingsRow row;
  row.clinic_id = "cln_a";
  row.version = 1;
  row.settings.follow_up_interval_days = 14;
  row.settings.follow_up_instruments = {"phq9", "gad7", "urinary"};
  row.settings.max_ug_per_kg_per_30_days = 4'500;
  row.settings.liver_test_interval_days = 90;
  row.updated_ms = kT;
  row.updated_by = "usr_md";
  {
    auto tx = store->begin(Store::Mode::write);
    tx->save_outcome_settings(row);
    tx->commit();
  }
  row.version = 2;
  row.settings.liver_test_interval_days.reset();
  {
    auto tx = store->begin(Store::Mode::write);
    tx->save_outcome_settings(row);
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto got = tx->outcome_settings(kA);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->version, 2);
  EXPECT_EQ(got->settings.follow_up_interval_days, 14);
  EXPECT_EQ(got->settings.follow_up_instruments, (std::vector<std::string>{"phq9", "gad7", "urinary"}));
  EXPECT_EQ(got->settings.max_ug_per_kg_per_30_days, 4'500);
  EXPECT_FALSE(got->settings.max_sessions_per_30_days);
  EXPECT_FALSE(got->settings.liver_test_interval_days) << "removed in version 2";
  EXPECT_EQ(got->updated_ms, kT);
  EXPECT_EQ(got->updated_by, "usr_md");
  EXPECT_FALSE(tx->outcome_settings(kB));
}

TEST_F(OutcomesContract, CheckInsKeepTheirValuesNewestFirst) {
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_check_in({"chk_1", "cln_a", "pat_1", kT, 60'500, false, "", "usr_n", kT + 1});
    tx->insert_check_in({"chk_2", "cln_a", "pat_1", kT + kDay, -1, true, "Forgets words", "usr_n", kT + kDay});
    tx->insert_check_in({"chk_3", "cln_a", "pat_2", kT, -1, false, "Well", "usr_n", kT});
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto list = tx->check_ins(kA, "pat_1");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, "chk_2");
  EXPECT_TRUE(list[0].memory_attention);
  EXPECT_EQ(list[0].mme_milli, -1);
  EXPECT_EQ(list[0].note, "Forgets words");
  EXPECT_EQ(list[1].mme_milli, 60'500);
  EXPECT_EQ(list[1].recorded_ms, kT + 1);
  EXPECT_EQ(tx->check_ins(kA, "").size(), 3u) << "every patient of the clinic";
  EXPECT_TRUE(tx->check_ins(kB, "pat_1").empty());
}

TEST_F(OutcomesContract, TheDashboardReadsDosedSessionsBeforeTheEndAndTheirFacts) {
  dosed_session("ses_1", "cln_a", "pat_1", kT, true);
  dosed_session("ses_2", "cln_a", "pat_2", kT + 10 * kDay);
  dosed_session("ses_3", "cln_a", "pat_2", 0);  // opened, never dosed
  dosed_session("ses_9", "cln_b", "pat_9", kT);
  {
    auto tx = store->begin(Store::Mode::write);
    app::EffectRow e;
    e.id = "eff_1";
    e.clinic_id = "cln_a";
    e.session_id = "ses_1";
    e.kind = "nausea";
    e.severity = "mild";
    e.serious = true;
    e.narrative = "Vomited twice";
    e.by = "usr_n";
    e.at_ms = e.recorded_ms = kT + 60'000;
    tx->insert_effect(e);
    app::SessionAlarmRow a;
    a.clinic_id = "cln_a";
    a.session_id = "ses_2";
    a.number = 1;
    a.rule_code = "bp_severe";
    a.priority = "high";
    a.state = "cleared";
    a.raised_ms = kT + 10 * kDay;
    tx->save_session_alarm(a);
    PlanRow p;
    p.id = "pln_1";
    p.clinic_id = "cln_a";
    p.patient_id = "pat_1";
    p.version = 1;
    p.plan.indications = {"F33.2"};
    p.plan.route = Route::iv;
    p.plan.dose_rule.mg_per_kg = 0.5;
    p.plan.dose_rule.infusion_minutes = 40;
    p.plan.induction = {6, 3, 2};
    p.signed_by = "usr_p";
    tx->insert_plan(kA, p);
    p.id = "pln_2";
    p.version = 2;
    p.plan.indications = {"F33.2", "G90.50"};
    p.reason = "Pain added";
    tx->insert_plan(kA, p);
    ResponseRow r;
    r.clinic_id = "cln_a";
    r.patient_id = "pat_1";
    r.instrument = "phq9";
    r.status = "submitted";
    r.source = "staff";
    r.total = 20;
    r.id = "rsp_1";
    r.submitted_ms = kT - kDay;
    tx->insert_response(r);
    r.id = "rsp_2";
    r.total = 18;
    r.amends = "rsp_1";
    r.amendment_reason = "Typo";
    r.submitted_ms = kT;
    tx->insert_response(r);
    r.id = "rsp_3";
    r.amends.clear();
    r.status = "in_progress";
    r.total = -1;
    tx->insert_response(r);
    r.id = "rsp_4";
    r.instrument = "gad7";
    r.status = "submitted";
    r.total = 9;
    tx->insert_response(r);
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto rows = tx->dashboard_rows(kA, "phq9", kT + 5 * kDay);
  ASSERT_EQ(rows.facts.sessions.size(), 1u) << "ses_2 starts after the end; ses_3 never dosed";
  const auto& s = rows.facts.sessions[0];
  EXPECT_EQ(s.id, "ses_1");
  EXPECT_EQ(s.patient_id, "pat_1");
  EXPECT_EQ(s.route, "iv");
  EXPECT_EQ(s.dose_started_ms, kT);
  EXPECT_EQ(s.dose_ended_ms, kT + 2'400'000);
  EXPECT_EQ(s.discharged_ms, kT + 5'400'000);
  EXPECT_TRUE(s.overridden);
  ASSERT_EQ(rows.facts.effects.size(), 1u);
  EXPECT_EQ(rows.facts.effects[0].kind, "nausea");
  EXPECT_TRUE(rows.facts.effects[0].serious);
  EXPECT_TRUE(rows.facts.alarms.empty()) << "ses_2's alarm is after the end";
  ASSERT_EQ(rows.facts.patients.size(), 1u);
  EXPECT_EQ(rows.facts.patients[0].indication_groups, (std::vector<std::string>{"F33.2", "G90.50"}))
      << "the latest version's codes";
  ASSERT_EQ(rows.responses.size(), 2u) << "submitted PHQ-9 only, amendments included";

  auto later = tx->dashboard_rows(kA, "phq9", kT + 20 * kDay);
  EXPECT_EQ(later.facts.sessions.size(), 2u);
  ASSERT_EQ(later.facts.alarms.size(), 1u);
  EXPECT_EQ(later.facts.alarms[0].rule_code, "bp_severe");
  auto other = tx->dashboard_rows(kB, "phq9", kT + 20 * kDay);
  ASSERT_EQ(other.facts.sessions.size(), 1u);
  EXPECT_EQ(other.facts.sessions[0].id, "ses_9");
  EXPECT_TRUE(other.responses.empty());
}

}  // namespace
}  // namespace kc::test
