// Store contract for a clinic's eligibility rule versions: added, never changed;
// newest first with the publisher's e-mail; a version number is taken once per
// clinic (a second publication of it writes nothing); clinics never see each other's.
#include "contract/contract_fixture.h"

namespace kc::test {
namespace {

TEST_F(StoreContract, EligibilityRuleVersionsNewestFirstOncePerNumberPerClinic) {
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_user(user("usr_md", "cln_a", "md@a.test"));
    EXPECT_TRUE(tx->insert_eligibility_rules({"cln_a", 1, "", "Seeded from the release", "system", 10}));
    EXPECT_TRUE(tx->insert_eligibility_rules({"cln_a", 2, "cystitis=exclude", "Bladder harm seen", "usr_md", 20}));
    EXPECT_FALSE(tx->insert_eligibility_rules({"cln_a", 2, "age=off", "A second publication", "usr_md", 30}));
    EXPECT_TRUE(tx->insert_eligibility_rules({"cln_b", 1, "", "Seeded", "system", 40}));
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto versions = tx->eligibility_rule_versions(a);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].version, 2);
  EXPECT_EQ(versions[0].settings, "cystitis=exclude") << "the first publication of a number stays";
  EXPECT_EQ(versions[0].reason, "Bladder harm seen");
  EXPECT_EQ(versions[0].published_by, "md@a.test");
  EXPECT_EQ(versions[0].published_ms, 20);
  EXPECT_EQ(versions[1].published_by, "system") << "no such user: the stored id";
  EXPECT_EQ(tx->eligibility_rule_versions(b).size(), 1u);
}

}  // namespace
}  // namespace kc::test
