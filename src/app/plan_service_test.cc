// Treatment plans through the use case, on a real store with a fake clock: a
// prescriber signs, others may not; a change needs a reason and makes a new version;
// a stale edit is refused; bad input writes nothing; another clinic sees nothing;
// the proposal and the PK simulation read the clinic's settings.
#include "app/plan_service.h"

#include "app/screening_service.h"
#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

TreatmentPlan iv_plan() {
  TreatmentPlan p;
  p.indications = {"F33.2"};
  p.goals = {{"  Remission  ", "phq9", 4}};
  p.route = Route::iv;
  p.dose_rule.mg_per_kg = 0.5;
  p.dose_rule.infusion_minutes = 40;
  p.induction = {6, 3, 2};
  return p;
}

class PlanServiceTest : public test::ClinicFixture {
 protected:
  void SetUp() override {
    home = clinic("Harbour Clinic");
    admin = sign_in(staff(home, "md@harbour.test", Role::admin).email);
    prescriber = sign_in(staff(home, "rx@harbour.test", Role::prescriber).email);
    nurse = sign_in(staff(home, "nurse@harbour.test", Role::nurse).email);
    desk = sign_in(staff(home, "desk@harbour.test", Role::front_desk).email);
    patient = *patients.create(nurse, {"Ana", "Silva", "1980-05-01"});
    ASSERT_TRUE(screening.add_diagnosis(prescriber, patient.id, "F33.2"));
  }

  std::size_t events(std::string_view action) {
    std::size_t n = 0;
    for (const auto& e : audit_of(home))
      if (e.event.action == action) ++n;
    return n;
  }

  PlanService plans{*store, crypto, clock};
  ScreeningService screening{*store, crypto, clock};
  ClinicRow home;
  Caller admin, prescriber, nurse, desk;
  PatientRow patient;
};

TEST_F(PlanServiceTest, APrescriberSignsThenAChangeIsANewVersionWithAReason) {
  auto v1 = plans.sign(prescriber, patient.id, {iv_plan(), "", std::nullopt});
  ASSERT_TRUE(v1) << v1.error().message;
  EXPECT_EQ(v1->version, 1);
  EXPECT_EQ(v1->plan.goals[0].text, "Remission");
  EXPECT_EQ(v1->signed_by, prescriber.user_id);
  EXPECT_EQ(v1->signed_ms, clock.now_ms());
  EXPECT_EQ(v1->settings_version, 0);

  auto changed = iv_plan();
  changed.dose_rule.mg_per_kg = 0.75;
  auto no_reason = plans.sign(prescriber, patient.id, {changed, "  ", 1});
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().field, "reason");

  clock.advance_ms(60'000);
  auto v2 = plans.sign(prescriber, patient.id, {changed, "Partial response at 0.5 mg/kg", 1});
  ASSERT_TRUE(v2) << v2.error().message;
  EXPECT_EQ(v2->version, 2);

  auto view = plans.plans(nurse, patient.id);
  ASSERT_TRUE(view);
  ASSERT_EQ(view->versions.size(), 2u);
  EXPECT_EQ(view->current->version, 2);
  EXPECT_EQ(view->current->plan.dose_rule.mg_per_kg, 0.75);
  EXPECT_EQ(view->current->signed_by_name, "Staff rx@harbour.test");
  EXPECT_EQ(view->versions[1].plan.dose_rule.mg_per_kg, 0.5);  // version 1 unchanged
  EXPECT_EQ(view->diagnoses, std::vector<std::string>{"F33.2"});
  EXPECT_EQ(events("plan.sign"), 2u);
  EXPECT_EQ(events("patient.plans.read"), 1u);

  auto current = [&] {
    auto tx = store->begin(Store::Mode::read);
    return PlanService::current(*tx, ClinicId{home.id}, patient.id);
  }();
  ASSERT_TRUE(current);
  EXPECT_EQ(current->id, v2->id);
}

TEST_F(PlanServiceTest, OnlyAPrescriberSignsAndTheRefusalIsAudited) {
  for (const Caller* who : {&nurse, &admin, &desk}) {
    auto out = plans.sign(*who, patient.id, {iv_plan(), "", std::nullopt});
    ASSERT_FALSE(out);
    EXPECT_EQ(out.error().kind, ErrorKind::forbidden);
  }
  EXPECT_EQ(events("plan.sign"), 3u);  // three denied events
  EXPECT_FALSE(plans.plans(desk, patient.id));
  EXPECT_TRUE(plans.plans(nurse, patient.id)->versions.empty());
}

TEST_F(PlanServiceTest, BadInputAndStaleEditsWriteNothing) {
  auto bad = iv_plan();
  bad.route = Route::intranasal_esketamine;
  auto out = plans.sign(prescriber, patient.id, {bad, "", std::nullopt});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().field, "dose_rule.mg_per_kg");
  auto not_diagnosed = iv_plan();
  not_diagnosed.indications = {"F41.1"};
  EXPECT_EQ(plans.sign(prescriber, patient.id, {not_diagnosed, "", std::nullopt}).error().field, "indications[0]");
  EXPECT_EQ(events("plan.sign"), 0u);

  ASSERT_TRUE(plans.sign(prescriber, patient.id, {iv_plan(), "", 0}));
  auto stale = plans.sign(prescriber, patient.id, {iv_plan(), "Changed", 0});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, "stale_plan");
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  EXPECT_EQ(plans.plans(nurse, patient.id)->versions.size(), 1u);
}

TEST_F(PlanServiceTest, AnotherClinicsPatientIsNotFound) {
  auto away = clinic("Other Clinic");
  auto their_rx = sign_in(staff(away, "rx@other.test", Role::prescriber).email);
  EXPECT_EQ(plans.sign(their_rx, patient.id, {iv_plan(), "", std::nullopt}).error().kind, ErrorKind::not_found);
  EXPECT_EQ(plans.plans(their_rx, patient.id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(plans.proposal(their_rx, patient.id, "2026-11-23", 4).error().kind, ErrorKind::not_found);
}

TEST_F(PlanServiceTest, TheProposalComesFromTheCurrentPlan) {
  EXPECT_EQ(plans.proposal(nurse, patient.id, "2026-11-23", 4).error().code, "no_plan");
  ASSERT_TRUE(plans.sign(prescriber, patient.id, {iv_plan(), "", std::nullopt}));
  auto p = plans.proposal(nurse, patient.id, "2026-11-23", 4);
  ASSERT_TRUE(p);
  ASSERT_EQ(p->sessions.size(), 6u);
  EXPECT_LE(max_in_any_seven_days(p->sessions), 3);
  EXPECT_EQ(plans.proposal(nurse, patient.id, "2026-02-30", 4).error().field, "start");
  EXPECT_EQ(plans.proposal(nurse, patient.id, "2026-11-23", 0).error().field, "horizon_weeks");
}

TEST_F(PlanServiceTest, SettingsChangeTheLimitAndThePkInputsAndAreAudited) {
  auto over = iv_plan();
  over.dose_rule.mg_per_kg = 1.2;
  EXPECT_EQ(plans.sign(prescriber, patient.id, {over, "", std::nullopt}).error().field, "dose_rule.mg_per_kg");

  EXPECT_EQ(plans.update_settings(prescriber, {1.5, {}, {}}).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(plans.update_settings(admin, {9.0, {}, {}}).error().field, "max_mg_per_kg");
  EXPECT_EQ(plans.update_settings(admin, {{}, {}, {{Route::iv, 0.5, std::nullopt}}}).error().field,
            "routes[0].bioavailability");
  auto saved = plans.update_settings(admin, {1.5, std::string("domino"), {{Route::sc, 0.9, 4.0}}});
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->version, 1);
  EXPECT_EQ(saved->updated_by, "md@harbour.test");
  EXPECT_EQ(route_pk(*saved, Route::sc).bioavailability, 0.9);
  EXPECT_EQ(route_pk(*saved, Route::im).bioavailability, 0.93);  // untouched
  EXPECT_EQ(events("settings.plans.update"), 2u);                // one denied, one done

  auto v1 = plans.sign(prescriber, patient.id, {over, "", std::nullopt});
  ASSERT_TRUE(v1);
  EXPECT_EQ(v1->settings_version, 1);

  SimulationRequest iv{Route::iv, 70, "", 360, {{0, 35, 40}}};
  auto sim = plans.simulate(nurse, iv);
  ASSERT_TRUE(sim);
  EXPECT_EQ(sim->model->code, "domino");  // the clinic's default now
  EXPECT_EQ(sim->result.time_to_peak_minute, 40);
  SimulationRequest oral{Route::oral, 70, "clements", 360, {{0, 150, 0}}};
  auto needs_ka = plans.simulate(nurse, oral);
  ASSERT_FALSE(needs_ka);
  EXPECT_EQ(needs_ka.error().code, "absorption_rate_needed");
  SimulationRequest nasal{Route::intranasal_esketamine, 70, "clements", 360, {{0, 56, 0}}};
  auto n = plans.simulate(nurse, nasal);
  ASSERT_TRUE(n);
  EXPECT_EQ(n->bioavailability, 0.48);
  EXPECT_NEAR(n->result.time_to_peak_minute, 30, 2);  // the derived default ka
  EXPECT_EQ(plans.simulate(desk, nasal).error().kind, ErrorKind::forbidden);
}

TEST_F(PlanServiceTest, ThePlansDoseIsSimulatedAtTheLatestWeight) {
  EXPECT_EQ(plans.simulate_plan(nurse, patient.id, 1).error().code, "no_plan");
  ASSERT_TRUE(plans.sign(prescriber, patient.id, {iv_plan(), "", std::nullopt}));
  EXPECT_EQ(plans.simulate_plan(nurse, patient.id, 1).error().code, "weight_needed");
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_measurement(ClinicId{home.id},
                           {"msr_1", patient.id, "weight", 80000, 0, "2026-11-20", 1, nurse.user_id, {}});
    tx->commit();
  }
  auto one = plans.simulate_plan(nurse, patient.id, 1);
  ASSERT_TRUE(one) << one.error().message;
  EXPECT_EQ(one->result.time_to_peak_minute, 40);
  SimulationRequest same{Route::iv, 80, "", 360, {{0, 40, 40}}};  // 0.5 mg/kg x 80 kg
  EXPECT_DOUBLE_EQ(plans.simulate(nurse, same)->result.peak_ng_per_ml, one->result.peak_ng_per_ml);
  auto two = plans.simulate_plan(nurse, patient.id, 1, 120);
  ASSERT_TRUE(two);
  EXPECT_GT(two->result.peak_ng_per_ml, one->result.peak_ng_per_ml);
  EXPECT_EQ(events("patient.plan.simulation.read"), 2u);
  EXPECT_EQ(plans.simulate_plan(desk, patient.id, 1).error().kind, ErrorKind::forbidden);
}

}  // namespace
}  // namespace kc::app
