// The Store contract for informed consent, on SQLite and PostgreSQL: documents keep
// their published text, one published version per kind, signed consents round-trip
// every field, their state changes happen once, and another clinic sees nothing.
#include <gtest/gtest.h>

#include "contract/contract_fixture.h"

namespace kc::test {
namespace {

using app::ConsentDocumentRow;
using app::ConsentRow;

ConsentDocumentRow document(std::string id, std::string clinic, std::string kind, int major, int minor) {
  ConsentDocumentRow d;
  d.id = std::move(id);
  d.clinic_id = std::move(clinic);
  d.kind = std::move(kind);
  d.major = major;
  d.minor = minor;
  d.title = "IV consent";
  d.body_markdown = "## Nature\nText with é and \"quotes\".\n";
  d.content_sha256 = "hash-" + d.id;
  d.created_by = "usr_author";
  d.created_ms = 1'000;
  d.updated_ms = 1'000;
  return d;
}

ConsentRow consent(std::string id, std::string clinic, std::string patient, std::string document_id,
                   std::int64_t signed_ms) {
  ConsentRow c;
  c.id = std::move(id);
  c.clinic_id = std::move(clinic);
  c.patient_id = std::move(patient);
  c.document_id = std::move(document_id);
  c.kind = "iv";
  c.major = 1;
  c.minor = 0;
  c.title = "IV consent";
  c.body_markdown = "## Nature\nExact text.\n";
  c.content_sha256 = "abc123";
  c.typed_name = "Ana Silva";
  c.acknowledged_sections = {"Nature", "Risks, side effects", "Benefits"};
  c.signed_ms = signed_ms;
  c.client_address = "10.1.2.3";
  c.handed_over_by = "usr_nurse";
  return c;
}

class ConsentContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    add_patient("pat_1", "cln_a", "Ana", "Silva");
    auto tx = store->begin(Store::Mode::write);
    tx->insert_user(user("usr_nurse", "cln_a", "nurse@a.test"));
    tx->commit();
  }
};

TEST_F(ConsentContract, DocumentsRoundTripAndDraftsChangeUntilPublished) {
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_consent_document(document("d1", "cln_a", "iv", 1, 0));
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::write);
  auto d = tx->consent_document(a, "d1");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->body_markdown, "## Nature\nText with é and \"quotes\".\n");
  EXPECT_EQ(d->status, "draft");
  EXPECT_EQ(d->created_by, "usr_author") << "an unknown user id is kept as it is";
  EXPECT_EQ(d->published_ms, 0);

  d->title = "IV consent, edited";
  d->body_markdown = "## Nature\nNew.\n";
  d->content_sha256 = "h2";
  d->updated_ms = 2'000;
  EXPECT_TRUE(tx->update_consent_draft(a, *d));
  EXPECT_TRUE(tx->publish_consent_document(a, "d1", "usr_nurse", 3'000));
  auto published = tx->consent_document(a, "d1");
  EXPECT_EQ(published->status, "published");
  EXPECT_EQ(published->published_by, "nurse@a.test") << "the e-mail is filled on read";
  EXPECT_EQ(published->published_ms, 3'000);
  EXPECT_EQ(published->title, "IV consent, edited");

  // Published text never changes, and publishing twice writes nothing.
  auto attempt = *published;
  attempt.body_markdown = "## Nature\nTampered.\n";
  EXPECT_FALSE(tx->update_consent_draft(a, attempt));
  EXPECT_FALSE(tx->publish_consent_document(a, "d1", "usr_nurse", 4'000));
  EXPECT_EQ(tx->consent_document(a, "d1")->body_markdown, "## Nature\nNew.\n");
  EXPECT_EQ(tx->consent_document(a, "d1")->published_ms, 3'000);
}

TEST_F(ConsentContract, PublishingRetiresThePreviousVersionOfTheKindOnly) {
  auto tx = store->begin(Store::Mode::write);
  tx->insert_consent_document(document("d1", "cln_a", "iv", 1, 0));
  tx->insert_consent_document(document("d2", "cln_a", "iv", 1, 1));
  tx->insert_consent_document(document("m1", "cln_a", "im", 1, 0));
  ASSERT_TRUE(tx->publish_consent_document(a, "d1", "usr_nurse", 10));
  ASSERT_TRUE(tx->publish_consent_document(a, "m1", "usr_nurse", 11));
  ASSERT_TRUE(tx->publish_consent_document(a, "d2", "usr_nurse", 12));
  EXPECT_EQ(tx->consent_document(a, "d1")->status, "retired");
  EXPECT_EQ(tx->consent_document(a, "d2")->status, "published");
  EXPECT_EQ(tx->consent_document(a, "m1")->status, "published");
  auto all = tx->consent_documents(a);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, "m1") << "by kind";
  EXPECT_EQ(all[1].id, "d2") << "then newest version first";
  EXPECT_EQ(all[2].id, "d1");
}

TEST_F(ConsentContract, AStaleDraftIsNotPublishedOverANewerVersion) {
  auto tx = store->begin(Store::Mode::write);
  tx->insert_consent_document(document("d11", "cln_a", "iv", 1, 1));
  tx->insert_consent_document(document("d20", "cln_a", "iv", 2, 0));
  tx->insert_consent_document(document("d20b", "cln_b", "iv", 1, 0));
  ASSERT_TRUE(tx->publish_consent_document(a, "d20", "usr_nurse", 10));
  EXPECT_FALSE(tx->publish_consent_document(a, "d11", "usr_nurse", 11)) << "1.1 after 2.0";
  EXPECT_EQ(tx->consent_document(a, "d11")->status, "draft");
  EXPECT_EQ(tx->consent_document(a, "d20")->status, "published");
  EXPECT_TRUE(tx->publish_consent_document(b, "d20b", "usr_x", 12)) << "another clinic's versions do not count";
}

TEST_F(ConsentContract, AVersionOfAKindExistsOnce) {
  auto tx = store->begin(Store::Mode::write);
  tx->insert_consent_document(document("d1", "cln_a", "iv", 1, 0));
  EXPECT_ANY_THROW(tx->insert_consent_document(document("d1b", "cln_a", "iv", 1, 0)));
}

TEST_F(ConsentContract, DocumentsOfAnotherClinicAreInvisibleAndUnchangeable) {
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_consent_document(document("d1", "cln_a", "iv", 1, 0));
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::write);
  EXPECT_FALSE(tx->consent_document(b, "d1"));
  EXPECT_TRUE(tx->consent_documents(b).empty());
  auto d = *tx->consent_document(a, "d1");
  d.title = "Hijacked";
  EXPECT_FALSE(tx->update_consent_draft(b, d));
  EXPECT_FALSE(tx->publish_consent_document(b, "d1", "usr_x", 5));
  EXPECT_EQ(tx->consent_document(a, "d1")->title, "IV consent");
  EXPECT_EQ(tx->consent_document(a, "d1")->status, "draft");
}

TEST_F(ConsentContract, ConsentsRoundTripEveryFieldNewestFirst) {
  {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_consent_document(document("d1", "cln_a", "iv", 1, 0));
    auto c = consent("c1", "cln_a", "pat_1", "d1", 100);
    c.guardian_name = "Jane Silva";
    c.guardian_relationship = "mother";
    c.guardian_signed_ms = 100;
    tx->insert_consent(c);
    tx->insert_consent(consent("c2", "cln_a", "pat_1", "d1", 200));
    tx->commit();
  }
  auto tx = store->begin(Store::Mode::read);
  auto list = tx->consents(a, "pat_1");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, "c2");
  const auto& c = list[1];
  EXPECT_EQ(c.document_id, "d1");
  EXPECT_EQ(c.kind, "iv");
  EXPECT_EQ(c.body_markdown, "## Nature\nExact text.\n");
  EXPECT_EQ(c.content_sha256, "abc123");
  EXPECT_EQ(c.typed_name, "Ana Silva");
  EXPECT_EQ(c.acknowledged_sections, (std::vector<std::string>{"Nature", "Risks, side effects", "Benefits"}));
  EXPECT_EQ(c.signed_ms, 100);
  EXPECT_EQ(c.client_address, "10.1.2.3");
  EXPECT_EQ(c.handed_over_by, "usr_nurse");
  EXPECT_EQ(c.handed_over_by_name, "Name");
  EXPECT_EQ(c.guardian_name, "Jane Silva");
  EXPECT_EQ(c.guardian_relationship, "mother");
  EXPECT_EQ(c.guardian_signed_ms, 100);
  EXPECT_EQ(c.countersigned_ms, 0);
  EXPECT_EQ(tx->consent(a, "c1")->typed_name, "Ana Silva");
  EXPECT_FALSE(tx->consent(b, "c1"));
  EXPECT_TRUE(tx->consents(b, "pat_1").empty());
}

TEST_F(ConsentContract, CountersignWithdrawAndAcceptHappenOnce) {
  auto tx = store->begin(Store::Mode::write);
  tx->insert_consent_document(document("d1", "cln_a", "iv", 1, 0));
  tx->insert_consent(consent("c1", "cln_a", "pat_1", "d1", 100));
  EXPECT_FALSE(tx->countersign_consent(b, "c1", "usr_nurse", 150)) << "another clinic";
  EXPECT_TRUE(tx->countersign_consent(a, "c1", "usr_nurse", 150));
  EXPECT_FALSE(tx->countersign_consent(a, "c1", "usr_other", 160));
  EXPECT_TRUE(tx->accept_consent_version(a, "c1", "usr_nurse", 170, "Reviewed with patient"));
  EXPECT_FALSE(tx->accept_consent_version(a, "c1", "usr_nurse", 175, "again"));
  EXPECT_FALSE(tx->withdraw_consent(b, "c1", "usr_nurse", 180, "x"));
  EXPECT_TRUE(tx->withdraw_consent(a, "c1", "usr_nurse", 180, "Patient changed mind"));
  EXPECT_FALSE(tx->withdraw_consent(a, "c1", "usr_nurse", 190, "again"));
  auto c = tx->consent(a, "c1");
  EXPECT_EQ(c->countersigned_by, "usr_nurse");
  EXPECT_EQ(c->countersigned_by_name, "Name");
  EXPECT_EQ(c->countersigned_ms, 150);
  EXPECT_EQ(c->accepted_ms, 170);
  EXPECT_EQ(c->acceptance_reason, "Reviewed with patient");
  EXPECT_EQ(c->withdrawn_ms, 180);
  EXPECT_EQ(c->withdrawal_reason, "Patient changed mind");
  EXPECT_EQ(c->withdrawn_by_name, "Name");

  // Once withdrawn, nothing more is written.
  tx->insert_consent(consent("c2", "cln_a", "pat_1", "d1", 200));
  ASSERT_TRUE(tx->withdraw_consent(a, "c2", "usr_nurse", 210, "stop"));
  EXPECT_FALSE(tx->countersign_consent(a, "c2", "usr_nurse", 220));
  EXPECT_FALSE(tx->accept_consent_version(a, "c2", "usr_nurse", 220, "r"));
}

}  // namespace
}  // namespace kc::test
