// MeasureService: single-use questionnaire links, from sending one to the patient's
// page that opens, saves and submits it.
#include <algorithm>
#include <set>

#include "app/ids.h"
#include "app/measure_internal.h"
#include "app/measure_service.h"
#include "domain/time.h"

namespace kc::app {
namespace {

constexpr std::size_t kMaxLinkInstruments = 6;

}  // namespace

bool MeasureService::close_link_if_complete(Transaction& tx, const Caller& caller, const std::string& patient_id,
                                            const std::string& link_id) {
  std::optional<LinkRow> link;
  for (auto& l : tx.links(caller.clinic, patient_id))
    if (l.id == link_id) link = std::move(l);
  if (!link) return false;
  if (link->used_ms != 0) return true;
  std::set<std::string> submitted;
  for (const auto& r : tx.link_responses(caller.clinic, link_id))
    if (r.status == "submitted") submitted.insert(r.instrument);
  for (const auto& code : link->instruments)
    if (!submitted.count(code)) return false;
  tx.mark_link_used(caller.clinic, link_id, clock_.now_ms());
  audit_.record(tx, caller, "questionnaire.link.used", "questionnaire_link", link_id);
  return true;
}

Result<CreatedLink> MeasureService::create_link(const Caller& caller, const std::string& patient_id,
                                                const std::vector<std::string>& codes, const std::string& origin) {
  if (codes.empty() || codes.size() > kMaxLinkInstruments)
    return Error::invalid("instruments", "Choose from 1 to 6 questionnaires for the link.");
  std::set<std::string> seen;
  std::string names;
  for (const auto& code : codes) {
    const Instrument* inst = find_instrument(code);
    if (!inst) return Error::invalid("instruments", "Unknown questionnaire \"" + code + "\".");
    if (inst->completion != Completion::patient)
      return Error::invalid("instruments",
                            std::string(inst->name) + " is entered by a clinician; it cannot be sent to a patient.");
    if (!seen.insert(code).second) return Error::invalid("instruments", std::string(inst->name) + " is listed twice.");
    names += (names.empty() ? "" : ", ") + std::string(inst->name);
  }
  auto tx_result = open(caller, Action::measures_write, "questionnaire.link.create", patient_id);
  if (!tx_result) return tx_result.error();
  auto& tx = **tx_result;
  const auto settings = settings_of(tx, caller.clinic);
  const std::int64_t now = clock_.now_ms();

  CreatedLink out;
  out.token = crypto_.random_token();
  out.link = {new_id(crypto_, "lnk"),
              crypto_.sha256_hex(out.token),
              caller.clinic.value,
              patient_id,
              codes,
              now,
              now + settings.link_lifetime_hours * kHourMs,
              0,
              caller.user_id};
  tx.insert_link(out.link);
  out.path = "/q/" + caller.clinic.value + "/" + out.token;

  auto patient = tx.patient(caller.clinic, patient_id);
  auto demographics = tx.patient_demographics(caller.clinic, patient_id);
  auto clinic = tx.clinic(caller.clinic);
  const std::string clinic_name = clinic ? clinic->name : "Your clinic";
  std::string name = demographics && !demographics->preferred_name.empty() ? demographics->preferred_name
                                                                           : (patient ? patient->given_name : "");
  out.message.id = new_id(crypto_, "msg");
  out.message.clinic_id = caller.clinic.value;
  if (demographics && !demographics->email.empty()) {
    out.message.channel = "email";
    out.message.recipient = demographics->email;
  } else if (demographics && !demographics->phone.empty()) {
    out.message.channel = "text";
    out.message.recipient = demographics->phone;
  }
  out.message.subject = clinic_name + ": a short questionnaire before your next visit";
  out.message.body = "Hello " + name + ",\n\n" + clinic_name + " asks you to answer " +
                     (codes.size() == 1 ? "a short questionnaire" : "some short questionnaires") + " (" + names +
                     "). Open your private link:\n" + origin + out.path +
                     "\n\nThe link is for you only, can be used once and works until " +
                     format_iso8601(out.link.expires_ms).substr(0, 16) +
                     " UTC. You can stop and come back to it before then.\n";
  out.message.entity_type = "questionnaire_link";
  out.message.entity_id = out.link.id;
  out.message.created_ms = now;
  if (!out.message.recipient.empty()) tx.insert_outbox(out.message);  // no contact: staff hand the link over
  audit_.record(tx, caller, "questionnaire.link.create", "questionnaire_link", out.link.id);
  tx.commit();
  return out;
}

Result<LinkRow> MeasureService::usable_link(Transaction& tx, const std::string& clinic_id, const std::string& token) {
  auto link = token.empty() ? std::nullopt : tx.link_by_token_hash(crypto_.sha256_hex(token));
  if (!link || link->clinic_id != clinic_id)
    return Error{ErrorKind::not_found, "link_not_found", "This link is not valid. Check the address.", {}};
  if (link->used_ms != 0)
    return Error::gone("link_used", "These questionnaires have already been completed with this link.");
  if (clock_.now_ms() >= link->expires_ms)
    return Error::gone("link_expired", "This link has expired. Ask the clinic for a new one.");
  return *link;
}

Result<PublicLinkView> MeasureService::open_link(const std::string& clinic_id, const std::string& token,
                                                 const std::string& client_address) {
  auto tx = store_.begin(Store::Mode::write);
  auto link = usable_link(*tx, clinic_id, token);
  if (!link) return link.error();
  PublicLinkView view;
  view.link = *link;
  if (auto clinic = tx->clinic(ClinicId{clinic_id})) view.clinic_name = clinic->name;
  for (const auto& r : tx->link_responses(ClinicId{clinic_id}, link->id)) {
    if (r.status == "submitted")
      view.submitted.push_back(r.instrument);
    else
      view.answers[r.instrument] = decode_answers(r.answers);
  }
  Caller visitor = Caller::system(ClinicId{clinic_id}, client_address);
  visitor.roles.clear();
  audit_.record(*tx, visitor, "questionnaire.link.open", "questionnaire_link", link->id);
  tx->commit();
  return view;
}

Result<PublicAnswerResult> MeasureService::answer_link(const std::string& clinic_id, const std::string& token,
                                                       const std::string& instrument,
                                                       const std::map<std::string, int>& answers, bool submit_now,
                                                       const std::string& client_address) {
  auto tx = store_.begin(Store::Mode::write);
  auto link = usable_link(*tx, clinic_id, token);
  if (!link) return link.error();
  if (std::find(link->instruments.begin(), link->instruments.end(), instrument) == link->instruments.end())
    return Error::invalid("instrument", "This link does not include that questionnaire.");
  const Instrument* inst = find_instrument(instrument);
  if (!inst) return Error::invalid("instrument", "Unknown questionnaire.");
  if (auto ok = check_answers(*inst, answers); !ok) return ok.error();

  const ClinicId clinic{clinic_id};
  Caller visitor = Caller::system(clinic, client_address);
  visitor.roles.clear();
  const std::int64_t now = clock_.now_ms();
  std::optional<ResponseRow> existing;
  std::vector<std::string> submitted;
  for (const auto& r : tx->link_responses(clinic, link->id)) {
    if (r.status == "submitted") submitted.push_back(r.instrument);
    if (r.instrument == instrument) existing = r;
  }
  if (existing && existing->status == "submitted")
    return Error::conflict("already_submitted", "This questionnaire has already been submitted.");

  ResponseRow row;
  const bool insert = !existing;
  if (existing) {
    row = *existing;
    auto merged = decode_answers(row.answers);
    for (const auto& [item, value] : answers) merged[item] = value;
    row.answers = encode_answers(merged);
  } else {
    row.id = new_id(crypto_, "rsp");
    row.clinic_id = clinic_id;
    row.patient_id = link->patient_id;
    row.instrument = instrument;
    row.source = "link";
    row.link_id = link->id;
    row.answers = encode_answers(answers);
    row.started_ms = now;
  }

  PublicAnswerResult out;
  if (!submit_now) {
    row.updated_ms = now;
    if (insert)
      tx->insert_response(row);
    else if (!tx->update_response(clinic, row))
      return Error::conflict("already_submitted", "This questionnaire has already been submitted.");
    audit_.record(*tx, visitor, "questionnaire.response.save", "questionnaire_response", row.id);
    out.submitted = submitted;
    tx->commit();
    return out;
  }

  auto recorded = submit(*tx, visitor, row, insert);  // closes the link when this was its last questionnaire
  if (!recorded) return recorded.error();
  submitted.push_back(instrument);
  out.submitted = submitted;
  out.complete = std::all_of(link->instruments.begin(), link->instruments.end(), [&](const std::string& code) {
    return std::find(submitted.begin(), submitted.end(), code) != submitted.end();
  });
  if (!recorded->risk.empty()) out.crisis_message = settings_of(*tx, clinic).crisis_message;
  tx->commit();
  if (!recorded->task_id.empty()) announce(clinic, "task.raised", recorded->task_id);
  for (const auto& id : recorded->follow_up_task_ids) announce(clinic, "task.raised", id);
  return out;
}

}  // namespace kc::app
