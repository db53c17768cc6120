// Informed consent through the use case, on a real store with a fake clock: the
// library (drafts, publishing refused without the required sections, versions),
// signing by the patient on a staff session, countersigning, withdrawal, an older
// major version accepted by a prescriber, the guardian of a minor, roles, audit, and
// nothing half-written on bad input.
#include "app/consent_service.h"

#include <algorithm>

#include "support/clinic_fixture.h"

namespace kc::app {
namespace {

constexpr std::string_view kBody =
    "Read each part with the clinician.\n\n"
    "## Nature of the treatment\nKetamine by infusion over about 40 minutes.\n\n"
    "## Risks\nDissociation, nausea, raised blood pressure.\n\n"
    "## Benefits\nPossible relief of depression.\n\n"
    "## Alternatives\nOther medicines, psychotherapy, ECT.\n";

const std::vector<std::string> kHeadings = {"Nature of the treatment", "Risks", "Benefits", "Alternatives"};

class ConsentServiceTest : public test::ClinicFixture {
 protected:
  void SetUp() override {
    home = clinic("Harbour Clinic");
    admin = sign_in(staff(home, "md@harbour.test", Role::admin).email);
    prescriber = sign_in(staff(home, "rx@harbour.test", Role::prescriber).email);
    nurse = sign_in(staff(home, "nurse@harbour.test", Role::nurse).email);
    desk = sign_in(staff(home, "desk@harbour.test", Role::front_desk).email);
    therapist = sign_in(staff(home, "t@harbour.test", Role::therapist).email);
    patient = *patients.create(nurse, {"Ana", "Silva", "1980-05-01"});
  }

  ConsentDocumentRow published(const std::string& kind = "iv", const std::string& revision = "minor",
                               std::string_view body = kBody) {
    auto d = consent.create_draft(prescriber, {kind, "IV ketamine consent", std::string(body), revision});
    EXPECT_TRUE(d) << d.error().message;
    auto p = consent.publish(prescriber, d->id);
    EXPECT_TRUE(p) << p.error().message;
    return *p;
  }

  Result<ConsentRow> sign_by(const Caller& who, const ConsentDocumentRow& doc, std::string name = "Ana Silva") {
    return consent.sign(who, patient.id, {doc.id, std::move(name), kHeadings, "", ""});
  }

  std::size_t audit_count(std::string_view action) {
    auto events = audit_of(home);
    return static_cast<std::size_t>(std::count_if(events.begin(), events.end(), [&](const AuditListItem& e) {
      return e.event.action == action && e.event.outcome == "success";
    }));
  }

  ConsentService consent{*store, crypto, clock};
  ClinicRow home;
  Caller admin, prescriber, nurse, desk, therapist;
  PatientRow patient;
};

TEST_F(ConsentServiceTest, PublishingNeedsTheFourSectionsAndFixesTheText) {
  auto draft = consent.create_draft(prescriber, {"iv", "IV consent", "## Nature\nx\n## Benefits\ny\n", "minor"});
  ASSERT_TRUE(draft);
  EXPECT_EQ(draft->status, "draft");
  EXPECT_EQ(draft->major, 1);
  EXPECT_EQ(draft->minor, 0);
  EXPECT_EQ(draft->content_sha256, crypto.sha256_hex("IV consent\n## Nature\nx\n## Benefits\ny\n"));
  auto refused = consent.publish(prescriber, draft->id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "consent_sections_missing");
  EXPECT_NE(refused.error().message.find("risks and alternatives"), std::string::npos);
  EXPECT_EQ(consent.document(prescriber, draft->id)->status, "draft") << "nothing written";

  ASSERT_TRUE(consent.edit_draft(prescriber, draft->id, "IV consent", std::string(kBody)));
  auto p = consent.publish(prescriber, draft->id);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->status, "published");
  EXPECT_EQ(p->published_by, "rx@harbour.test");
  auto edit = consent.edit_draft(prescriber, draft->id, "IV consent", "## Nature\nchanged");
  ASSERT_FALSE(edit);
  EXPECT_EQ(edit.error().code, "consent_document_published");
  EXPECT_EQ(consent.document(nurse, draft->id)->body_markdown, kBody);
  EXPECT_EQ(audit_count("consent.document.publish"), 1u);
  EXPECT_EQ(audit_count("consent.document.edit"), 1u);
}

TEST_F(ConsentServiceTest, NewVersionsAreMinorOrMajorRevisionsOfTheLatestPublished) {
  published();
  auto minor = consent.create_draft(admin, {"iv", "IV consent", std::string(kBody), "minor"});
  ASSERT_TRUE(minor);
  EXPECT_EQ(minor->minor, 1);
  auto again = consent.create_draft(admin, {"iv", "IV consent", std::string(kBody), "minor"});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "consent_draft_exists");
  auto major = consent.create_draft(admin, {"iv", "IV consent", std::string(kBody), "major"});
  ASSERT_TRUE(major);
  EXPECT_EQ(major->major, 2);
  EXPECT_EQ(major->minor, 0);
  ASSERT_TRUE(consent.publish(admin, major->id));
  auto stale = consent.publish(admin, minor->id);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, "consent_version_taken");
  EXPECT_EQ(consent.create_draft(admin, {"iv", "T", "b", "sideways"}).error().field, "revision");
  EXPECT_EQ(consent.create_draft(admin, {"nasal", "T", "b", "minor"}).error().field, "kind");
}

TEST_F(ConsentServiceTest, OnlyAdminAndPrescribersAuthor) {
  for (const Caller* who : {&nurse, &desk, &therapist}) {
    auto r = consent.create_draft(*who, {"iv", "T", std::string(kBody), "minor"});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::forbidden);
  }
  EXPECT_TRUE(consent.documents(therapist)->empty());
}

TEST_F(ConsentServiceTest, SignedCopyIsTheExactTextWithTimeAddressAndStaff) {
  auto doc = published();
  clock.advance_ms(60'000);
  auto signed_consent = sign_by(desk, doc, "  ana   SILVA ");
  ASSERT_TRUE(signed_consent) << signed_consent.error().message;
  EXPECT_EQ(signed_consent->body_markdown, kBody);
  EXPECT_EQ(signed_consent->title, "IV ketamine consent");
  EXPECT_EQ(signed_consent->content_sha256, doc.content_sha256);
  EXPECT_EQ(signed_consent->typed_name, "ana   SILVA");
  EXPECT_EQ(signed_consent->acknowledged_sections, kHeadings);
  EXPECT_EQ(signed_consent->signed_ms, clock.now_ms());
  EXPECT_EQ(signed_consent->client_address, "10.0.0.1");
  EXPECT_EQ(signed_consent->handed_over_by, desk.user_id);
  EXPECT_EQ(signed_consent->handed_over_by_name, "Staff desk@harbour.test");
  EXPECT_EQ(audit_count("consent.sign"), 1u);
}

TEST_F(ConsentServiceTest, BadSignaturesNameTheFieldAndWriteNothing) {
  auto doc = published();
  auto r = sign_by(nurse, doc, "Ana Santos");
  EXPECT_EQ(r.error().code, "consent_name_mismatch");
  EXPECT_EQ(r.error().field, "typed_name");
  r = consent.sign(nurse, patient.id, {doc.id, "Ana Silva", {"Nature of the treatment", "Risks"}, "", ""});
  EXPECT_EQ(r.error().code, "consent_section_not_acknowledged");
  r = consent.sign(nurse, patient.id, {"cdoc_missing", "Ana Silva", kHeadings, "", ""});
  EXPECT_EQ(r.error().kind, ErrorKind::not_found);
  auto draft = consent.create_draft(prescriber, {"im", "IM", std::string(kBody), "minor"});
  r = consent.sign(nurse, patient.id, {draft->id, "Ana Silva", kHeadings, "", ""});
  EXPECT_EQ(r.error().code, "consent_document_not_current");
  EXPECT_EQ(sign_by(therapist, doc).error().kind, ErrorKind::forbidden);
  EXPECT_TRUE(consent.patient_consents(nurse, patient.id)->consents.empty());
  EXPECT_EQ(audit_count("consent.sign"), 0u);
}

TEST_F(ConsentServiceTest, ValidOnlyOnceCountersignedAndUntilWithdrawn) {
  auto doc = published();
  auto c = sign_by(nurse, doc);
  ASSERT_TRUE(c);
  auto check = consent.check(nurse, patient.id, Route::iv);
  EXPECT_FALSE(check->valid);
  EXPECT_EQ(check->code, "consent_not_countersigned");
  EXPECT_EQ(consent.check(nurse, patient.id, Route::im)->code, "consent_missing");

  EXPECT_EQ(consent.countersign(desk, c->id).error().kind, ErrorKind::forbidden);
  auto cs = consent.countersign(nurse, c->id);
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->countersigned_by, nurse.user_id);
  EXPECT_EQ(consent.countersign(prescriber, c->id).error().code, "consent_already_countersigned");
  check = consent.check(desk, patient.id, Route::iv);
  EXPECT_TRUE(check->valid);
  EXPECT_EQ(check->consent_id, c->id);
  EXPECT_EQ(check->version, "1.0");

  // The integrator's check inside another transaction agrees.
  {
    auto tx = store->begin(Store::Mode::read);
    EXPECT_TRUE(consent_check(*tx, ClinicId{home.id}, patient.id, Route::iv, clock.now_ms()).valid);
    EXPECT_EQ(require_consent(*tx, ClinicId{home.id}, patient.id, Route::im, clock.now_ms()).error().code,
              "consent_missing");
  }

  EXPECT_EQ(consent.withdraw(nurse, c->id, "  ").error().field, "reason");
  EXPECT_EQ(consent.withdraw(desk, c->id, "asked").error().kind, ErrorKind::forbidden);
  auto w = consent.withdraw(nurse, c->id, "Patient asked to stop.");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->withdrawal_reason, "Patient asked to stop.");
  EXPECT_EQ(consent.check(nurse, patient.id, Route::iv)->code, "consent_withdrawn");
  EXPECT_EQ(consent.withdraw(nurse, c->id, "again").error().code, "consent_withdrawn");
  EXPECT_EQ(consent.countersign(nurse, c->id).error().code, "consent_withdrawn");
  EXPECT_EQ(audit_count("consent.countersign"), 1u);
  EXPECT_EQ(audit_count("consent.withdraw"), 1u);
}

TEST_F(ConsentServiceTest, AnOlderMajorVersionIsOutdatedUntilAPrescriberAcceptsIt) {
  auto v1 = published();
  auto c = sign_by(nurse, v1);
  ASSERT_TRUE(consent.countersign(nurse, c->id));
  EXPECT_EQ(consent.accept_version(prescriber, c->id, "n/a").error().code, "consent_not_outdated");
  auto minor = published("iv", "minor");
  EXPECT_EQ(minor.minor, 1);
  EXPECT_TRUE(consent.check(nurse, patient.id, Route::iv)->valid) << "a minor revision keeps it valid";
  auto signable = consent.sign(nurse, patient.id, {v1.id, "Ana Silva", kHeadings, "", ""});
  EXPECT_EQ(signable.error().code, "consent_document_not_current") << "a retired version cannot be signed";

  published("iv", "major");
  auto check = consent.check(nurse, patient.id, Route::iv);
  EXPECT_EQ(check->code, "consent_outdated");
  EXPECT_EQ(consent.accept_version(nurse, c->id, "Reviewed").error().kind, ErrorKind::forbidden);
  EXPECT_EQ(consent.accept_version(prescriber, c->id, "").error().field, "reason");
  auto accepted = consent.accept_version(prescriber, c->id, "Changes reviewed with the patient.");
  ASSERT_TRUE(accepted);
  EXPECT_TRUE(consent.check(nurse, patient.id, Route::iv)->valid);
  EXPECT_EQ(consent.accept_version(prescriber, c->id, "again").error().code, "consent_already_accepted");
}

TEST_F(ConsentServiceTest, AMinorSignsWithTheRecordedGuardian) {
  auto doc = published();
  auto teen = *patients.create(nurse, {"Tom", "Reed", "2012-02-01"});
  {
    auto tx = store->begin(Store::Mode::write);
    Demographics d;
    d.guardian_name = "Jane Reed";
    d.guardian_relationship = "mother";
    d.guardian_phone = "+15550100";
    tx->update_patient(ClinicId{home.id}, teen, d);
    tx->commit();
  }
  auto r = consent.sign(nurse, teen.id, {doc.id, "Tom Reed", kHeadings, "", ""});
  EXPECT_EQ(r.error().code, "consent_guardian_required");
  r = consent.sign(nurse, teen.id, {doc.id, "Tom Reed", kHeadings, "Someone Else", "aunt"});
  EXPECT_EQ(r.error().code, "consent_guardian_mismatch");
  r = consent.sign(nurse, teen.id, {doc.id, "Tom Reed", kHeadings, "Jane Reed", "mother"});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->guardian_signed_ms, clock.now_ms());
  ASSERT_TRUE(consent.countersign(prescriber, r->id));
  EXPECT_TRUE(consent.check(nurse, teen.id, Route::iv)->valid);
  auto view = consent.patient_consents(nurse, teen.id);
  EXPECT_TRUE(view->minor);
  EXPECT_EQ(view->recorded_guardian_name, "Jane Reed");
}

TEST_F(ConsentServiceTest, AnotherClinicSeesNothing) {
  auto doc = published();
  auto c = sign_by(nurse, doc);
  auto other = clinic("Other Clinic");
  auto outsider = sign_in(staff(other, "rx@other.test", Role::prescriber).email);
  EXPECT_EQ(consent.consent(outsider, c->id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(consent.countersign(outsider, c->id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(consent.document(outsider, doc.id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(consent.patient_consents(outsider, patient.id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(consent.sign(outsider, patient.id, {doc.id, "Ana Silva", kHeadings, "", ""}).error().kind,
            ErrorKind::not_found);
  EXPECT_TRUE(consent.documents(outsider)->empty());
  auto record = consent.consent(nurse, c->id);
  EXPECT_EQ(record->consent.countersigned_ms, 0);
  EXPECT_EQ(record->patient.id, patient.id);
}

TEST_F(ConsentServiceTest, StatusListsEveryRouteAndThePublishedDocuments) {
  published("iv");
  published("research");
  auto view = consent.patient_consents(therapist, patient.id);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->status.size(), all_routes().size());
  EXPECT_EQ(view->status[0].route, "iv");
  EXPECT_EQ(view->status[0].code, "consent_missing");
  EXPECT_EQ(view->published.size(), 2u);
  EXPECT_FALSE(view->minor);
  EXPECT_EQ(audit_count("patient.consents.read"), 1u);
}

}  // namespace
}  // namespace kc::app
