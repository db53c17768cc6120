// Dosing through the use case, on a real store with a fake clock: orders from the
// latest weight, limits and overrides, the blind double check (mismatch blocks, the
// orderer cannot check), cancelling, exposure, settings, and tenancy.
#include "app/dose_service.h"

#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

class DoseServiceTest : public test::ClinicFixture {
 protected:
  void SetUp() override {
    home = clinic("Harbour Clinic");
    admin = sign_in(staff(home, "md@harbour.test", Role::admin).email);
    prescriber = sign_in(staff(home, "rx@harbour.test", Role::prescriber).email);
    other_prescriber = sign_in(staff(home, "rx2@harbour.test", Role::prescriber).email);
    nurse = sign_in(staff(home, "nurse@harbour.test", Role::nurse).email);
    therapist = sign_in(staff(home, "talk@harbour.test", Role::therapist).email);
    patient = *patients.create(nurse, {"Ana", "Silva", "1980-05-01"});
  }

  void weigh(std::int64_t grams, const std::string& on, const std::string& patient_id = "") {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_measurement(ClinicId{home.id}, {"msr_" + std::to_string(++seq),
                                               patient_id.empty() ? patient.id : patient_id,
                                               "weight",
                                               grams,
                                               0,
                                               on,
                                               clock.now_ms(),
                                               "test",
                                               {}});
    tx->commit();
  }

  static DoseRequest iv(double mg_per_kg, double conc = 10, std::string reason = "") {
    DoseRequest r;
    r.route = "iv";
    r.mg_per_kg = mg_per_kg;
    r.infusion_minutes = 40;
    r.concentration_mg_per_ml = conc;
    r.planned_for = "2026-11-23";
    r.plan_id = "pln_from_plans";
    r.override_reason = std::move(reason);
    return r;
  }

  int count_audit(const std::string& action) {
    int n = 0;
    for (const auto& e : audit_of(home))
      if (e.event.action == action && e.event.outcome != "denied") ++n;
    return n;
  }

  DoseService doses{*store, crypto, clock};
  ClinicRow home;
  Caller admin, prescriber, other_prescriber, nurse, therapist;
  PatientRow patient;
  int seq = 0;
};

TEST_F(DoseServiceTest, AnOrderUsesTheLatestWeightAndStoresTheCalculation) {
  weigh(80'000, "2026-10-01");
  weigh(69'000, "2026-11-20");  // the latest
  auto o = doses.order(prescriber, patient.id, iv(0.5));
  ASSERT_TRUE(o) << o.error().message;
  EXPECT_EQ(o->order.weight_g, 69'000);
  EXPECT_EQ(o->order.weight_on, "2026-11-20");
  EXPECT_EQ(o->order.dose_ug, 35'000);
  EXPECT_EQ(o->order.dose_rounding, "34.5 mg rounded to 35 mg (nearest 1 mg)");
  EXPECT_EQ(o->order.volume_ul, 3'500);
  EXPECT_EQ(o->order.rate_ul_per_h, 5'300);
  EXPECT_EQ(o->order.status, "ordered");
  EXPECT_EQ(o->order.plan_id, "pln_from_plans");
  EXPECT_EQ(o->order.settings_version, 0);  // the defaults
  EXPECT_FALSE(o->blinded);                 // the orderer sees their own order
  EXPECT_EQ(count_audit("dose.order"), 1);
}

TEST_F(DoseServiceTest, AStaleOrMissingWeightIsRefusedAndNothingIsWritten) {
  auto missing = doses.order(prescriber, patient.id, iv(0.5));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "weight_missing");
  weigh(70'000, "2026-10-23");  // 31 days before the planned 2026-11-23
  auto stale = doses.order(prescriber, patient.id, iv(0.5));
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, "weight_stale");
  EXPECT_EQ(stale.error().field, "weight");
  EXPECT_TRUE(doses.orders(prescriber, patient.id)->empty());
}

TEST_F(DoseServiceTest, AboveSoftNeedsTheReasonAboveHardIsRefused) {
  weigh(70'000, "2026-11-20");
  auto no_reason = doses.order(prescriber, patient.id, iv(1.2));
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, "override_reason_required");
  auto with_reason = doses.order(prescriber, patient.id, iv(1.2, 10, "Partial response at 1.0 mg/kg."));
  ASSERT_TRUE(with_reason);
  EXPECT_EQ(with_reason->order.verdict, "above_soft");
  EXPECT_EQ(with_reason->order.override_reason, "Partial response at 1.0 mg/kg.");
  EXPECT_EQ(with_reason->override_by_email, "rx@harbour.test");
  EXPECT_EQ(count_audit("dose.order.override"), 1);
  auto hard = doses.order(prescriber, patient.id, iv(4.6, 10, "reason"));
  ASSERT_FALSE(hard);
  EXPECT_EQ(hard.error().code, "dose_above_limit");
  EXPECT_EQ(doses.orders(prescriber, patient.id)->size(), 1u);
}

TEST_F(DoseServiceTest, OnlyAPrescriberOrdersAndTheRefusalIsAudited) {
  weigh(70'000, "2026-11-20");
  auto by_nurse = doses.order(nurse, patient.id, iv(0.5));
  ASSERT_FALSE(by_nurse);
  EXPECT_EQ(by_nurse.error().kind, ErrorKind::forbidden);
  EXPECT_FALSE(doses.orders(therapist, patient.id));
  int denied = 0;
  for (const auto& e : audit_of(home))
    if (e.event.action == "dose.order" && e.event.outcome == "denied") ++denied;
  EXPECT_EQ(denied, 1);
}

TEST_F(DoseServiceTest, TheCheckerSeesABlindOrderAndAMismatchBlocksIt) {
  weigh(70'000, "2026-11-20");
  auto o = doses.order(prescriber, patient.id, iv(0.5));
  ASSERT_TRUE(o);
  auto blind = doses.get(nurse, o->order.id);
  ASSERT_TRUE(blind);
  EXPECT_TRUE(blind->blinded);
  EXPECT_TRUE(blind->can_check);
  EXPECT_EQ(blind->order.weight_g, 0);
  EXPECT_EQ(blind->order.concentration_ug_per_ml, 0);
  EXPECT_EQ(blind->order.dose_ug, 0);
  EXPECT_EQ(blind->order.volume_ul, 0);
  EXPECT_EQ(blind->order.rate_ul_per_h, 0);
  EXPECT_EQ(blind->order.rule_ug_per_kg, 500);  // the rule is shown

  auto wrong = doses.double_check(nurse, o->order.id, {70.0, 50.0, std::nullopt});
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, "double_check_mismatch");
  EXPECT_EQ(wrong.error().field, "concentration_mg_per_ml");
  EXPECT_EQ(wrong.error().message.find("10"), std::string::npos);  // the order's value is not revealed
  auto after = doses.get(nurse, o->order.id);
  EXPECT_EQ(after->order.status, "blocked");
  EXPECT_TRUE(after->blinded);
  ASSERT_EQ(after->checks.size(), 1u);
  EXPECT_EQ(after->checks[0].result, "mismatch");
  EXPECT_EQ(count_audit("dose.double_check.mismatch"), 1);
  {
    auto tx = store->begin(Store::Mode::read);
    EXPECT_FALSE(verified_order_for(*tx, ClinicId{home.id}, patient.id, Route::iv, {2026, 11, 23}));
  }

  auto right = doses.double_check(nurse, o->order.id, {70.04, 10.0, std::nullopt});  // 70.0 to 0.1 kg
  ASSERT_TRUE(right) << right.error().message;
  EXPECT_EQ(right->order.status, "verified");
  EXPECT_FALSE(right->blinded);
  EXPECT_EQ(right->order.concentration_ug_per_ml, 10'000);
  EXPECT_EQ(right->verified_by_email, "nurse@harbour.test");
  auto tx = store->begin(Store::Mode::read);
  auto verified = verified_order_for(*tx, ClinicId{home.id}, patient.id, Route::iv, {2026, 11, 23});
  ASSERT_TRUE(verified);
  EXPECT_EQ(verified->id, o->order.id);
  EXPECT_FALSE(verified_order_for(*tx, ClinicId{home.id}, patient.id, Route::im, {2026, 11, 23}));
  EXPECT_FALSE(verified_order_for(*tx, ClinicId{home.id}, patient.id, Route::iv, {2026, 11, 24}));
}

TEST_F(DoseServiceTest, TheOrdererCannotCheckTheirOwnOrderButAnotherPrescriberCan) {
  weigh(70'000, "2026-11-20");
  auto o = doses.order(prescriber, patient.id, iv(0.5));
  ASSERT_TRUE(o);
  auto own = doses.double_check(prescriber, o->order.id, {70.0, 10.0, std::nullopt});
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().code, "double_check_by_orderer");
  EXPECT_EQ(doses.get(prescriber, o->order.id)->order.status, "ordered");
  EXPECT_FALSE(doses.double_check(therapist, o->order.id, {70.0, 10.0, std::nullopt}));
  auto other = doses.double_check(other_prescriber, o->order.id, {70.0, 10.0, std::nullopt});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->order.status, "verified");
  auto again = doses.double_check(nurse, o->order.id, {70.0, 10.0, std::nullopt});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "dose_order_not_awaiting_check");
}

TEST_F(DoseServiceTest, EsketamineIsCheckedByDeviceCountAndTheFirstDoseIs56) {
  weigh(70'000, "2026-11-20");  // kept for mg/kg, not part of the check
  DoseRequest r;
  r.route = "intranasal_esketamine";
  r.dose_mg = 84;
  EXPECT_EQ(doses.order(prescriber, patient.id, r).error().field, "dose_rule.dose_mg");  // first dose
  r.dose_mg = 56;
  auto o = doses.order(prescriber, patient.id, r);
  ASSERT_TRUE(o) << o.error().message;
  EXPECT_EQ(o->order.devices, 2);
  EXPECT_EQ(o->order.weight_g, 70'000);
  EXPECT_EQ(o->order.given_ug_per_kg, 800);
  EXPECT_EQ(o->order.device_minutes, (std::vector<int>{0, 5}));
  EXPECT_EQ(doses.get(nurse, o->order.id)->order.devices, 0);  // hidden from the checker
  EXPECT_EQ(doses.double_check(nurse, o->order.id, {std::nullopt, std::nullopt, 3}).error().field, "devices");
  EXPECT_TRUE(doses.double_check(nurse, o->order.id, {std::nullopt, std::nullopt, 2}));
  r.dose_mg = 84;
  EXPECT_TRUE(doses.order(prescriber, patient.id, r));  // a later dose may be 84 mg
}

TEST_F(DoseServiceTest, CancelNeedsAReasonAndTakesTheOrderOutOfExposure) {
  weigh(70'000, "2026-11-20");
  auto first = doses.order(prescriber, patient.id, iv(0.5));
  auto second = doses.order(prescriber, patient.id, iv(0.75));
  ASSERT_TRUE(first && second);
  auto e = doses.exposure(prescriber, patient.id, "2026-11-23");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->exposure.sessions, 2);
  EXPECT_EQ(e->exposure.total_ug, 35'000 + 53'000);  // 52.5 -> 53
  EXPECT_EQ(e->exposure.total_ug_per_kg, 500 + 757);
  EXPECT_EQ(doses.cancel(prescriber, second->order.id, " ").error().field, "reason");
  ASSERT_TRUE(doses.cancel(prescriber, second->order.id, "Patient unwell."));
  EXPECT_EQ(doses.cancel(prescriber, second->order.id, "again").error().code, "dose_order_cancelled");
  EXPECT_EQ(doses.exposure(prescriber, patient.id, "2026-11-23")->exposure.sessions, 1);
  EXPECT_FALSE(doses.cancel(nurse, first->order.id, "no"));
}

TEST_F(DoseServiceTest, SettingsChangeTheLimitsAndEachOrderKeepsItsVersion) {
  weigh(70'000, "2026-11-20");
  DoseSettingsPatch bad;
  bad.soft[0] = 5.0;  // above the hard 4.5
  EXPECT_EQ(doses.update_settings(admin, bad).error().field, "limits.iv.soft");
  EXPECT_FALSE(doses.update_settings(prescriber, {}));
  DoseSettingsPatch patch;
  patch.soft[0] = 0.75;
  patch.dose_rounding_mg = 0.5;
  auto s = doses.update_settings(admin, patch);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->version, 1);
  EXPECT_EQ(s->soft[0], 750);
  EXPECT_EQ(count_audit("settings.dose.update"), 1);
  auto o = doses.order(prescriber, patient.id, iv(0.8));
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().code, "override_reason_required");
  auto ok = doses.order(prescriber, patient.id, iv(0.5));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->order.settings_version, 1);
}

TEST_F(DoseServiceTest, AnotherClinicsOrdersAndPatientsAreNotFound) {
  weigh(70'000, "2026-11-20");
  auto o = doses.order(prescriber, patient.id, iv(0.5));
  ASSERT_TRUE(o);
  auto away = clinic("Other Clinic");
  auto their_nurse = sign_in(staff(away, "nurse@other.test", Role::nurse).email);
  EXPECT_EQ(doses.get(their_nurse, o->order.id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(doses.double_check(their_nurse, o->order.id, {70.0, 10.0, std::nullopt}).error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(doses.orders(their_nurse, patient.id).error().kind, ErrorKind::not_found);
  EXPECT_TRUE(doses.awaiting_checks(their_nurse)->empty());
  EXPECT_EQ(doses.awaiting_checks(nurse)->size(), 1u);
}

}  // namespace
}  // namespace kc::app
