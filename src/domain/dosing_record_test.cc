#include "domain/dosing_record.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

constexpr std::int64_t kMin = 60'000;

InfusionEvent ev(InfusionEventKind k, std::int64_t min, double rate = 0, std::string reason = {}) {
  return {k, min * kMin, rate, std::move(reason)};
}

TEST(DosingRecord, DeliveredIsRateTimesRunningTimeWithPausesLeftOut) {
  // 0.5 mg/kg at 70 kg = 35 mg = 3.5 mL of 10 mg/mL over 40 min = 5.25 mL/h.
  std::vector<InfusionEvent> e = {ev(InfusionEventKind::start, 0, 5.25)};
  auto half = delivered(e, 10, 20 * kMin);
  EXPECT_NEAR(half.volume_ml, 1.75, 1e-9);
  EXPECT_NEAR(half.dose_mg, 17.5, 1e-9);
  e.push_back(ev(InfusionEventKind::pause, 20, 0, "nausea"));
  e.push_back(ev(InfusionEventKind::resume, 25));
  e.push_back(ev(InfusionEventKind::stop, 45));
  auto all = delivered(e, 10, 60 * kMin);
  EXPECT_NEAR(all.volume_ml, 3.5, 1e-9);
  EXPECT_NEAR(all.dose_mg, 35, 1e-9);
  EXPECT_EQ(all.running_ms, 40 * kMin);
}

TEST(DosingRecord, RateChangesApplyFromTheirTime) {
  std::vector<InfusionEvent> e = {ev(InfusionEventKind::start, 0, 6), ev(InfusionEventKind::rate_change, 10, 3, "BP")};
  EXPECT_NEAR(delivered(e, 10, 30 * kMin).volume_ml, 1.0 + 1.0, 1e-9);
  EXPECT_NEAR(delivered(e, 10, 5 * kMin).volume_ml, 0.5, 1e-9) << "an event after `until` is not counted";
  EXPECT_EQ(delivered({}, 10, 30 * kMin).volume_ml, 0);
}

TEST(DosingRecord, EventsMustFollowThePump) {
  std::vector<InfusionEvent> e;
  EXPECT_EQ(check_infusion_event(e, ev(InfusionEventKind::pause, 0, 0, "x")).error().field, "kind");
  EXPECT_EQ(check_infusion_event(e, ev(InfusionEventKind::start, 0, 0)).error().field, "rate_ml_per_h");
  ASSERT_TRUE(check_infusion_event(e, ev(InfusionEventKind::start, 0, 5)));
  e.push_back(ev(InfusionEventKind::start, 0, 5));
  EXPECT_EQ(check_infusion_event(e, ev(InfusionEventKind::start, 1, 5)).error().field, "kind");
  EXPECT_EQ(check_infusion_event(e, ev(InfusionEventKind::rate_change, 1, 4)).error().field, "reason");
  EXPECT_EQ(check_infusion_event(e, ev(InfusionEventKind::pause, 1)).error().field, "reason");
  EXPECT_EQ(check_infusion_event(e, ev(InfusionEventKind::resume, 1)).error().field, "kind");
  e.push_back(ev(InfusionEventKind::pause, 5, 0, "agitation"));
  EXPECT_EQ(check_infusion_event(e, ev(InfusionEventKind::rate_change, 6, 4, "x")).error().field, "kind");
  EXPECT_EQ(check_infusion_event(e, ev(InfusionEventKind::resume, 4)).error().field, "at");
  EXPECT_TRUE(check_infusion_event(e, ev(InfusionEventKind::stop, 6)));
  e.push_back(ev(InfusionEventKind::stop, 6));
  EXPECT_EQ(check_infusion_event(e, ev(InfusionEventKind::resume, 7)).error().field, "kind");
}

TEST(DosingRecord, AnExpiredLotIsRefused) {
  const Date day{2026, 11, 21};
  EXPECT_TRUE(check_drug_lot("KX123", "2026-11-21", day));
  EXPECT_EQ(check_drug_lot("KX123", "2026-11-20", day).error().code, "drug_expired");
  EXPECT_EQ(check_drug_lot("", "2027-01-01", day).error().field, "lot");
  EXPECT_EQ(check_drug_lot("KX123", "2027-02-30", day).error().field, "expiry_date");
}

TEST(DosingRecord, EsketamineDevicesFiveMinutesApart) {
  std::vector<std::int64_t> given;
  EXPECT_TRUE(check_device_time(given, 0, 5));
  given.push_back(0);
  EXPECT_EQ(check_device_time(given, 4 * kMin + 59'000, 5).error().code, "device_too_soon");
  EXPECT_TRUE(check_device_time(given, 5 * kMin, 5));
}

TEST(DosingRecord, RescueMedicinesNeedEveryField) {
  RescueMedicine m{"ondansetron", "IV", "nausea", 4, 0};
  EXPECT_TRUE(check_rescue_medicine(m));
  m.reason.clear();
  EXPECT_EQ(check_rescue_medicine(m).error().field, "reason");
  m = {"ondansetron", "IV", "nausea", 0, 0};
  EXPECT_EQ(check_rescue_medicine(m).error().field, "dose_mg");
}

}  // namespace
}  // namespace kc
