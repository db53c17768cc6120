// Store contract for entries entered in error: a mark is written once, only on the
// patient's own entry of the caller's clinic; `valid` reads leave marked entries out
// (what every rule reads), `all` reads keep them with who, when and why.
#include "contract/contract_fixture.h"

namespace kc::test {
namespace {

using app::EnteredInError;
using app::Entries;
using app::RecordEntryKind;

class EnteredInErrorContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    add_patient("pat_1", "cln_a", "Maya", "Okafor");
    add_patient("pat_2", "cln_a", "Rhea", "Lindqvist");
    auto tx = store->begin(Store::Mode::write);
    tx->insert_user(user("usr_n", "cln_a", "nurse@a.test"));
    tx->insert_measurement(a, {"msr_1", "pat_1", "weight", 72500, 0, "2026-10-01", 10, "usr_n", {}});
    tx->insert_measurement(a, {"msr_2", "pat_1", "weight", 7250, 0, "2026-11-20", 20, "usr_n", {}});
    tx->insert_allergy(a, {"alg_1", "pat_1", "Penicillin", "Hives", 10, "usr_n", {}});
    tx->insert_baseline_test(a, {"bst_1", "pat_1", "ecg", "2026-11-01", "Sinus rhythm", 10, "usr_n", {}});
    tx->insert_medication(a, {"med_1", "pat_1", "Lorazepam", "benzodiazepine", "1 mg", 30, 0, "usr_n", {}});
    tx->insert_diagnosis(a, {"dgn_1", "pat_1", "F33.2", 50, "usr_n", {}});
    tx->insert_trial(a, {"trl_1", "pat_1", "sertraline", "150 mg", 8, "none", 60, "usr_n", {}});
    tx->commit();
  }

  bool mark(const app::ClinicId& clinic, RecordEntryKind kind, const std::string& patient, const std::string& id) {
    auto tx = store->begin(Store::Mode::write);
    bool written = tx->mark_entered_in_error(clinic, kind, patient, id, {500, "usr_n", "Typed in pounds"});
    tx->commit();
    return written;
  }
};

TEST_F(EnteredInErrorContract, AMarkedEntryIsKeptWithWhoWhenAndWhyButLeftOutOfValidReads) {
  ASSERT_TRUE(mark(a, RecordEntryKind::measurement, "pat_1", "msr_2"));
  auto tx = store->begin(Store::Mode::read);
  auto all = tx->measurements(a, "pat_1", Entries::all);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, "msr_2");
  EXPECT_TRUE(all[0].entered_in_error.marked());
  EXPECT_EQ(all[0].entered_in_error.at_ms, 500);
  EXPECT_EQ(all[0].entered_in_error.by, "nurse@a.test") << "the marking user's e-mail is filled on read";
  EXPECT_EQ(all[0].entered_in_error.reason, "Typed in pounds");
  EXPECT_FALSE(all[1].entered_in_error.marked());
  auto valid = tx->measurements(a, "pat_1", Entries::valid);
  ASSERT_EQ(valid.size(), 1u);
  EXPECT_EQ(valid[0].id, "msr_1");
}

TEST_F(EnteredInErrorContract, EveryKindOfEntryCanBeMarked) {
  ASSERT_TRUE(mark(a, RecordEntryKind::allergy, "pat_1", "alg_1"));
  ASSERT_TRUE(mark(a, RecordEntryKind::baseline_test, "pat_1", "bst_1"));
  ASSERT_TRUE(mark(a, RecordEntryKind::medication, "pat_1", "med_1"));
  ASSERT_TRUE(mark(a, RecordEntryKind::diagnosis, "pat_1", "dgn_1"));
  ASSERT_TRUE(mark(a, RecordEntryKind::trial, "pat_1", "trl_1"));
  auto tx = store->begin(Store::Mode::read);
  EXPECT_TRUE(tx->allergies(a, "pat_1", Entries::valid).empty());
  EXPECT_TRUE(tx->baseline_tests(a, "pat_1", Entries::valid).empty());
  EXPECT_TRUE(tx->medications(a, "pat_1", Entries::valid).empty());
  EXPECT_TRUE(tx->diagnoses(a, "pat_1", Entries::valid).empty());
  EXPECT_TRUE(tx->trials(a, "pat_1", Entries::valid).empty());
  EXPECT_EQ(tx->allergies(a, "pat_1", Entries::all).at(0).entered_in_error.reason, "Typed in pounds");
  EXPECT_EQ(tx->baseline_tests(a, "pat_1", Entries::all).at(0).entered_in_error.at_ms, 500);
  EXPECT_EQ(tx->medications(a, "pat_1", Entries::all).at(0).entered_in_error.by, "nurse@a.test");
  EXPECT_TRUE(tx->diagnoses(a, "pat_1", Entries::all).at(0).entered_in_error.marked());
  EXPECT_TRUE(tx->trials(a, "pat_1", Entries::all).at(0).entered_in_error.marked());
}

TEST_F(EnteredInErrorContract, AMarkIsWrittenOnceAndOnlyOnThePatientsOwnEntryOfTheClinic) {
  EXPECT_FALSE(mark(b, RecordEntryKind::allergy, "pat_1", "alg_1")) << "another clinic";
  EXPECT_FALSE(mark(a, RecordEntryKind::allergy, "pat_2", "alg_1")) << "another patient";
  EXPECT_FALSE(mark(a, RecordEntryKind::diagnosis, "pat_1", "alg_1")) << "another kind";
  EXPECT_FALSE(mark(a, RecordEntryKind::allergy, "pat_1", "alg_none"));
  {
    auto tx = store->begin(Store::Mode::read);
    EXPECT_EQ(tx->allergies(a, "pat_1", Entries::valid).size(), 1u) << "nothing was written";
  }
  ASSERT_TRUE(mark(a, RecordEntryKind::allergy, "pat_1", "alg_1"));
  {
    auto tx = store->begin(Store::Mode::write);
    EXPECT_FALSE(tx->mark_entered_in_error(a, RecordEntryKind::allergy, "pat_1", "alg_1", {900, "usr_x", "again"}));
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto kept = tx->allergies(a, "pat_1", Entries::all).at(0).entered_in_error;
  EXPECT_EQ(kept.at_ms, 500) << "the first mark stays";
  EXPECT_EQ(kept.reason, "Typed in pounds");
}

}  // namespace
}  // namespace kc::test
