#include "app/consent_demo.h"

#include <array>
#include <string>
#include <string_view>

#include "app/ids.h"
#include "domain/consent.h"

namespace kc::app {
namespace {

constexpr std::string_view kDemoNote =
    "*For demonstration only. The clinic's medical director must write the clinic's own consent text.*\n\n";

// Side effects and long-term risks as the clinical reference lists them (§5); the
// esketamine points follow its prescribing information (§1, §3).
constexpr std::string_view kCommonRisks =
    "Common effects during and soon after a session, which usually pass within about an hour and a half:\n\n"
    "- feeling detached or unreal (dissociation)\n"
    "- nausea, dizziness, a strange taste, sleepiness\n"
    "- a rise in blood pressure and heart rate\n\n"
    "With repeated use: bladder problems (needing to pass urine often or urgently, pain), liver strain, and "
    "tolerance or dependence. Tell us at every visit about any bladder symptoms.\n\n"
    "Do not drive or operate machinery until the next day after a night's sleep.\n";

struct DemoDocument {
  std::string_view kind, title, nature, benefits, alternatives;
};

constexpr std::array kDocuments = {
    DemoDocument{"iv", "Consent to intravenous (IV) ketamine treatment",
                 "Ketamine is given through a small tube in a vein (an infusion), usually over about 40 minutes, "
                 "while staff watch your blood pressure, heart rate and oxygen level. You stay until you are "
                 "ready to go home with an adult escort.",
                 "Ketamine may ease symptoms of depression within hours to days. It does not help everyone, and "
                 "any benefit may fade; further sessions may be needed.",
                 "Other antidepressant medicines, talking therapies, electroconvulsive therapy (ECT), "
                 "transcranial magnetic stimulation (TMS), or no treatment."},
    DemoDocument{"im", "Consent to intramuscular (IM) ketamine treatment",
                 "Ketamine is given as an injection into a muscle, usually of the upper arm. Staff watch your "
                 "blood pressure, heart rate and oxygen level until you are ready to go home with an adult escort.",
                 "Ketamine may ease symptoms of depression within hours to days. It does not help everyone, and "
                 "any benefit may fade.",
                 "Ketamine by infusion, other medicines, talking therapies, ECT, TMS, or no treatment."},
    DemoDocument{"intranasal_esketamine", "Consent to esketamine nasal spray treatment",
                 "Esketamine is a nasal spray you give yourself under supervision in the clinic. You stay at least "
                 "two hours afterwards, until staff agree you are stable. Do not eat for two hours or drink for 30 "
                 "minutes before a dose.",
                 "Esketamine, taken with an oral antidepressant, may ease symptoms of depression that other "
                 "treatments have not.",
                 "Ketamine by other routes, other medicines, talking therapies, ECT, TMS, or no treatment."},
    DemoDocument{"sublingual", "Consent to the at-home sublingual ketamine program",
                 "You take ketamine under your tongue at home, on the days and in the amounts your prescriber sets. "
                 "An adult should be with you for the first doses. Keep the medicine locked away from others.",
                 "Treatment at home may ease symptoms of depression between or instead of clinic sessions.",
                 "Ketamine given in the clinic, other medicines, talking therapies, or no treatment."},
    DemoDocument{"research", "Consent to research use of your data",
                 "With your permission, the clinic may use your questionnaire scores, session records and outcomes, "
                 "with your name and contact details removed, for research and to improve care.",
                 "Research helps clinics learn which treatments work for whom. It will not change your own care.",
                 "You may say no. Your care is the same either way, and you may withdraw this consent at any time."},
};

std::string body_of(const DemoDocument& d) {
  std::string body(kDemoNote);
  body.append("## Nature of the treatment\n\n").append(d.nature).append("\n\n");
  body.append("## Risks and side effects\n\n");
  if (d.kind == "research")
    body.append(
        "Data could be linked back to you if it were mishandled. The clinic keeps research data apart, "
        "removes names and contact details, and shares it only under agreements that forbid re-identifying "
        "anyone.\n\n");
  else
    body.append(kCommonRisks).append("\n");
  body.append("## Benefits\n\n").append(d.benefits).append("\n\n");
  body.append("## Alternatives\n\n").append(d.alternatives).append("\n\n");
  body.append(
      "## Your right to withdraw\n\nYou may withdraw this consent at any time by telling any member of "
      "staff.\n");
  return body;
}

}  // namespace

void seed_demo_consents(Transaction& tx, Crypto& crypto, AuditLog& audit, const Caller& system, std::int64_t now_ms) {
  for (const auto& d : kDocuments) {
    ConsentDocumentRow row;
    row.id = new_id(crypto, "cdoc");
    row.clinic_id = system.clinic.value;
    row.kind = std::string(d.kind);
    row.title = std::string(d.title);
    row.body_markdown = body_of(d);
    row.content_sha256 = crypto.sha256_hex(consent_hash_input(row.title, row.body_markdown));
    row.created_ms = now_ms;
    row.updated_ms = now_ms;
    tx.insert_consent_document(row);
    audit.record(tx, system, "consent.document.create", "consent_document", row.id);
    tx.publish_consent_document(system.clinic, row.id, "", now_ms);
    audit.record(tx, system, "consent.document.publish", "consent_document", row.id);
  }
}

}  // namespace kc::app
