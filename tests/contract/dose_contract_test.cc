// Store contract: dose settings, dose orders and their double checks, on both engines.
#include "contract/contract_fixture.h"

namespace kc::test {
namespace {

app::DoseOrderRow order(const std::string& id, const std::string& clinic, const std::string& patient,
                        const std::string& planned_for, std::int64_t ordered_ms) {
  app::DoseOrderRow o;
  o.id = id;
  o.clinic_id = clinic;
  o.patient_id = patient;
  o.plan_id = "pln_given";
  o.planned_for = planned_for;
  o.route = "iv";
  o.rule_ug_per_kg = 500;
  o.infusion_minutes = 40;
  o.weight_g = 69'000;
  o.weight_on = "2026-11-20";
  o.concentration_ug_per_ml = 10'000;
  o.unrounded_dose_ug = 34'500;
  o.dose_ug = 35'000;
  o.given_ug_per_kg = 507;
  o.volume_ul = 3'500;
  o.rate_ul_per_h = 5'300;
  o.device_minutes = {0, 5};
  o.devices = 2;
  o.dose_rounding = "34.5 mg rounded to 35 mg (nearest 1 mg)";
  o.volume_rounding = "v";
  o.rate_rounding = "r";
  o.verdict = "above_soft";
  o.soft_limit = 1'000;
  o.hard_limit = 4'500;
  o.limit_text = "text";
  o.override_reason = "because";
  o.override_by = "usr_p";
  o.ordered_by = "usr_p";
  o.ordered_ms = ordered_ms;
  o.settings_version = 3;
  return o;
}

TEST_F(StoreContract, DoseSettingsSaveReplaceAndStayInTheirClinic) {
  {
    auto tx = store->begin(Store::Mode::write);
    EXPECT_FALSE(tx->dose_settings(a));
    tx->insert_user(user("usr_admin", "cln_a", "admin@a.test"));
    app::DoseSettingsRow s;
    s.clinic_id = "cln_a";
    s.version = 1;
    for (int i = 0; i < 6; ++i) {
      s.soft[i] = 1'000 + i;
      s.hard[i] = 4'500 + i;
    }
    s.max_weight_age_days = 30;
    s.dose_rounding_ug = 1'000;
    s.volume_rounding_ul = 100;
    s.rate_rounding_ul_per_h = 100;
    s.min_infusion_minutes = 2;
    s.max_infusion_minutes = 100;
    s.max_concentration_ug_per_ml = 100'000;
    s.updated_ms = 10;
    s.updated_by = "usr_admin";
    tx->save_dose_settings(s);
    s.version = 2;
    s.soft[5] = 250'000;
    s.max_weight_age_days = 14;
    s.updated_ms = 20;
    tx->save_dose_settings(s);
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto s = tx->dose_settings(a);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->version, 2);
  EXPECT_EQ(s->soft[0], 1'000);
  EXPECT_EQ(s->hard[3], 4'503);
  EXPECT_EQ(s->soft[5], 250'000);
  EXPECT_EQ(s->max_weight_age_days, 14);
  EXPECT_EQ(s->max_concentration_ug_per_ml, 100'000);
  EXPECT_EQ(s->max_infusion_minutes, 100);
  EXPECT_EQ(s->updated_ms, 20);
  EXPECT_EQ(s->updated_by, "admin@a.test");  // the e-mail on read
  EXPECT_FALSE(tx->dose_settings(b));
}

TEST_F(StoreContract, DoseOrdersRoundTripEveryFieldAndUpdateTheirStatus) {
  add_patient("pat_1", "cln_a", "Ada", "Lovelace");
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_dose_order(order("dor_1", "cln_a", "pat_1", "2026-11-23", 100));
    tx->commit();
  }
  {
    auto tx = store->begin(Store::Mode::write);
    auto o = tx->dose_order(a, "dor_1");
    ASSERT_TRUE(o);
    auto want = order("dor_1", "cln_a", "pat_1", "2026-11-23", 100);
    EXPECT_EQ(o->plan_id, want.plan_id);
    EXPECT_EQ(o->planned_for, want.planned_for);
    EXPECT_EQ(o->route, "iv");
    EXPECT_EQ(o->rule_ug_per_kg, 500);
    EXPECT_EQ(o->infusion_minutes, 40);
    EXPECT_EQ(o->weight_g, 69'000);
    EXPECT_EQ(o->weight_on, "2026-11-20");
    EXPECT_EQ(o->concentration_ug_per_ml, 10'000);
    EXPECT_EQ(o->unrounded_dose_ug, 34'500);
    EXPECT_EQ(o->dose_ug, 35'000);
    EXPECT_EQ(o->given_ug_per_kg, 507);
    EXPECT_EQ(o->volume_ul, 3'500);
    EXPECT_EQ(o->rate_ul_per_h, 5'300);
    EXPECT_EQ(o->devices, 2);
    EXPECT_EQ(o->device_minutes, (std::vector<int>{0, 5}));
    EXPECT_EQ(o->dose_rounding, want.dose_rounding);
    EXPECT_EQ(o->verdict, "above_soft");
    EXPECT_EQ(o->soft_limit, 1'000);
    EXPECT_EQ(o->hard_limit, 4'500);
    EXPECT_EQ(o->override_reason, "because");
    EXPECT_EQ(o->override_by, "usr_p");
    EXPECT_EQ(o->status, "ordered");
    EXPECT_EQ(o->ordered_ms, 100);
    EXPECT_EQ(o->settings_version, 3);
    o->status = "verified";
    o->verified_by = "usr_n";
    o->verified_ms = 200;
    tx->update_dose_order(a, *o);
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto o = tx->dose_order(a, "dor_1");
  ASSERT_TRUE(o);
  EXPECT_EQ(o->status, "verified");
  EXPECT_EQ(o->verified_by, "usr_n");
  EXPECT_EQ(o->verified_ms, 200);
  EXPECT_EQ(o->dose_ug, 35'000);  // the calculation is never rewritten
}

TEST_F(StoreContract, DoseOrdersListNewestPlannedFirstAndAwaitingChecksOldestFirst) {
  add_patient("pat_1", "cln_a", "Ada", "Lovelace");
  add_patient("pat_2", "cln_a", "Bob", "Babbage");
  add_patient("pat_b", "cln_b", "Cy", "Other");
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_dose_order(order("dor_1", "cln_a", "pat_1", "2026-11-23", 300));
    tx->insert_dose_order(order("dor_2", "cln_a", "pat_1", "2026-11-26", 100));
    auto verified = order("dor_3", "cln_a", "pat_2", "2026-11-24", 50);
    verified.status = "verified";
    tx->insert_dose_order(verified);
    auto blocked = order("dor_4", "cln_a", "pat_2", "2026-11-25", 200);
    blocked.status = "blocked";
    tx->insert_dose_order(blocked);
    tx->insert_dose_order(order("dor_b", "cln_b", "pat_b", "2026-11-23", 10));
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto list = tx->dose_orders(a, "pat_1");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, "dor_2");
  EXPECT_EQ(list[1].id, "dor_1");
  auto awaiting = tx->dose_orders_awaiting_check(a);
  ASSERT_EQ(awaiting.size(), 3u);  // ordered and blocked, not verified, not clinic B's
  EXPECT_EQ(awaiting[0].id, "dor_2");
  EXPECT_EQ(awaiting[1].id, "dor_4");
  EXPECT_EQ(awaiting[2].id, "dor_1");
  EXPECT_FALSE(tx->dose_order(a, "dor_b"));  // another clinic's order is invisible
  EXPECT_TRUE(tx->dose_orders(a, "pat_b").empty());
  EXPECT_EQ(tx->dose_orders_awaiting_check(b).size(), 1u);
}

TEST_F(StoreContract, DoseChecksKeepEveryAttemptOldestFirst) {
  add_patient("pat_1", "cln_a", "Ada", "Lovelace");
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_dose_order(order("dor_1", "cln_a", "pat_1", "2026-11-23", 100));
    tx->insert_dose_check(
        {"dck_2", "cln_a", "dor_1", "usr_n", 300, 69'000, 10'000, 0, "match", std::vector<std::string>{}});
    tx->insert_dose_check({"dck_1", "cln_a", "dor_1", "usr_n", 200, 69'000, 50'000, 0, "mismatch",
                           std::vector<std::string>{"concentration_mg_per_ml"}});
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto checks = tx->dose_checks(a, "dor_1");
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_EQ(checks[0].id, "dck_1");
  EXPECT_EQ(checks[0].result, "mismatch");
  EXPECT_EQ(checks[0].concentration_ug_per_ml, 50'000);
  EXPECT_EQ(checks[0].mismatched, (std::vector<std::string>{"concentration_mg_per_ml"}));
  EXPECT_EQ(checks[1].result, "match");
  EXPECT_TRUE(checks[1].mismatched.empty());
  EXPECT_TRUE(tx->dose_checks(b, "dor_1").empty());
}

}  // namespace
}  // namespace kc::test
