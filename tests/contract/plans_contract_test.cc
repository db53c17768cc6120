// Store contract for treatment plans: versions round-trip every field, newest first,
// a version number is unique per patient, clinics never see each other's plans, and
// plan settings (with their per-route rows) replace as a whole.
#include "contract/contract_fixture.h"

namespace kc::test {
namespace {

using app::PlanRow;
using app::PlanSettingsRow;

PlanRow iv_plan(std::string id, std::string clinic, int version) {
  PlanRow r;
  r.id = std::move(id);
  r.clinic_id = std::move(clinic);
  r.patient_id = "pat_1";
  r.version = version;
  r.plan.indications = {"F33.2", "F43.10"};
  r.plan.goals = {{"Remission: PHQ-9 below 5", "phq9", 4}, {"Back at work", "", std::nullopt}};
  r.plan.route = Route::iv;
  r.plan.dose_rule.mg_per_kg = 0.5;
  r.plan.dose_rule.infusion_minutes = 40;
  r.plan.induction = {6, 3, 2};
  r.plan.maintenance_interval_days = 21;
  r.plan.titration = Titration{0.125, 0.75};
  r.reason = version > 1 ? "Titrated after session 3" : "";
  r.settings_version = 2;
  r.signed_by = "usr_p";
  r.signed_ms = 1000 + version;
  return r;
}

class PlansContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    add_patient("pat_1", "cln_a", "Ada", "Lovelace");
    auto tx = store->begin(Store::Mode::write);
    auto u = user("usr_p", "cln_a", "p@a.test");
    u.display_name = "Dr Prescriber";
    tx->insert_user(u);
    tx->commit();
  }
};

TEST_F(PlansContract, VersionsRoundTripEveryFieldNewestFirst) {
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_plan(a, iv_plan("pln_1", "cln_a", 1));
    PlanRow esk = iv_plan("pln_2", "cln_a", 2);
    esk.plan.route = Route::intranasal_esketamine;
    esk.plan.dose_rule = {};
    esk.plan.dose_rule.first_dose_mg = 56;
    esk.plan.dose_rule.dose_mg = 84;
    esk.plan.titration.reset();
    tx->insert_plan(a, esk);
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto list = tx->plans(a, "pat_1");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].version, 2);
  EXPECT_EQ(list[0].plan.route, Route::intranasal_esketamine);
  EXPECT_EQ(list[0].plan.dose_rule.first_dose_mg, 56.0);
  EXPECT_EQ(list[0].plan.dose_rule.dose_mg, 84.0);
  EXPECT_FALSE(list[0].plan.dose_rule.mg_per_kg);
  EXPECT_FALSE(list[0].plan.titration);
  EXPECT_EQ(list[0].reason, "Titrated after session 3");

  const auto& v1 = list[1];
  EXPECT_EQ(v1.id, "pln_1");
  EXPECT_EQ(v1.version, 1);
  EXPECT_EQ(v1.plan.indications, (std::vector<std::string>{"F33.2", "F43.10"}));
  ASSERT_EQ(v1.plan.goals.size(), 2u);
  EXPECT_EQ(v1.plan.goals[0].text, "Remission: PHQ-9 below 5");
  EXPECT_EQ(v1.plan.goals[0].instrument, "phq9");
  EXPECT_EQ(v1.plan.goals[0].target_score, 4);
  EXPECT_EQ(v1.plan.goals[1].instrument, "");
  EXPECT_FALSE(v1.plan.goals[1].target_score);
  EXPECT_EQ(v1.plan.route, Route::iv);
  EXPECT_EQ(v1.plan.dose_rule.mg_per_kg, 0.5);
  EXPECT_EQ(v1.plan.dose_rule.infusion_minutes, 40);
  EXPECT_FALSE(v1.plan.dose_rule.dose_mg);
  EXPECT_EQ(v1.plan.induction.sessions, 6);
  EXPECT_EQ(v1.plan.induction.max_per_week, 3);
  EXPECT_EQ(v1.plan.induction.weeks, 2);
  EXPECT_EQ(v1.plan.maintenance_interval_days, 21);
  ASSERT_TRUE(v1.plan.titration);
  EXPECT_EQ(v1.plan.titration->step, 0.125);
  EXPECT_EQ(v1.plan.titration->ceiling, 0.75);
  EXPECT_EQ(v1.settings_version, 2);
  EXPECT_EQ(v1.signed_by, "usr_p");
  EXPECT_EQ(v1.signed_by_name, "Dr Prescriber");
  EXPECT_EQ(v1.signed_ms, 1001);
}

TEST_F(PlansContract, AVersionNumberIsTakenOncePerPatient) {
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_plan(a, iv_plan("pln_1", "cln_a", 1));
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::write);
  EXPECT_ANY_THROW(tx->insert_plan(a, iv_plan("pln_2", "cln_a", 1)));
}

TEST_F(PlansContract, AnotherClinicSeesNoPlans) {
  auto tx = store->begin(Store::Mode::write);
  tx->insert_plan(a, iv_plan("pln_1", "cln_a", 1));
  tx->commit();
  auto read = store->begin(Store::Mode::read);
  EXPECT_TRUE(read->plans(b, "pat_1").empty());
  EXPECT_EQ(read->plans(a, "pat_1").size(), 1u);
  EXPECT_FALSE(read->plan_settings(b));
}

TEST_F(PlansContract, SettingsReplaceAsAWholeWithEveryRoute) {
  PlanSettingsRow s;
  s.clinic_id = "cln_a";
  s.version = 1;
  s.max_mg_per_kg = 1.0;
  s.pk_model = "clements";
  s.updated_ms = 77;
  s.updated_by = "usr_p";
  for (Route r : all_routes()) s.routes.push_back({r, std::nullopt, std::nullopt});
  s.routes[1].bioavailability = 0.93;
  s.routes[3].bioavailability = 0.48;
  s.routes[3].absorption_per_h = 2.5;
  {
    auto tx = store->begin(Store::Mode::write);
    tx->save_plan_settings(a, s);
    tx->commit();
  }
  {
    auto tx = store->begin(Store::Mode::read);
    auto got = tx->plan_settings(a);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->version, 1);
    EXPECT_EQ(got->max_mg_per_kg, 1.0);
    EXPECT_EQ(got->pk_model, "clements");
    EXPECT_EQ(got->updated_by, "p@a.test");  // the e-mail on read
    ASSERT_EQ(got->routes.size(), all_routes().size());
    EXPECT_EQ(got->routes[1].bioavailability, 0.93);
    EXPECT_FALSE(got->routes[1].absorption_per_h);
    EXPECT_EQ(got->routes[3].absorption_per_h, 2.5);
    EXPECT_FALSE(got->routes[5].bioavailability);
  }
  s.version = 2;
  s.max_mg_per_kg = 0.75;
  s.pk_model = "domino";
  s.routes[3].absorption_per_h.reset();
  {
    auto tx = store->begin(Store::Mode::write);
    tx->save_plan_settings(a, s);
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto got = tx->plan_settings(a);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->version, 2);
  EXPECT_EQ(got->max_mg_per_kg, 0.75);
  EXPECT_EQ(got->pk_model, "domino");
  EXPECT_FALSE(got->routes[3].absorption_per_h);
  EXPECT_EQ(got->routes[3].bioavailability, 0.48);
}

}  // namespace
}  // namespace kc::test
