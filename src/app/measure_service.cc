#include "app/measure_service.h"

#include <algorithm>
#include <set>

#include "app/ids.h"
#include "domain/time.h"
#include "domain/validation.h"

namespace kc::app {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;
constexpr std::size_t kMaxLinkInstruments = 6;
constexpr std::size_t kMaxScheduleEntries = 50;

/// The crisis text a clinic starts with, until it sets its own with local numbers.
constexpr const char* kDefaultCrisisMessage =
    "If you are thinking about ending your life or harming yourself, or you are in danger now, call your local "
    "emergency number or go to the nearest emergency department now. Tell someone you trust how you feel.";

bool has_role(const UserRow& u, Role role) { return std::find(u.roles.begin(), u.roles.end(), role) != u.roles.end(); }

/// The time a response stands for on a trajectory: an amendment takes its original's.
std::int64_t point_time(const std::map<std::string, const ResponseRow*>& by_id, const ResponseRow& r) {
  const ResponseRow* root = &r;
  for (int hops = 0; !root->amends.empty() && hops < 1000; ++hops) {
    auto it = by_id.find(root->amends);
    if (it == by_id.end()) break;
    root = it->second;
  }
  return root->submitted_ms;
}

/// Submitted responses that no amendment replaces.
bool effective(const ResponseRow& r) { return r.status == "submitted" && r.amended_by.empty(); }

}  // namespace

std::string encode_answers(const std::map<std::string, int>& answers) {
  std::string out;
  for (const auto& [item, value] : answers) out += (out.empty() ? "" : ",") + item + "=" + std::to_string(value);
  return out;
}

std::map<std::string, int> decode_answers(const std::string& text) {
  std::map<std::string, int> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    auto pair = text.substr(start, end - start);
    auto eq = pair.find('=');
    if (eq != std::string::npos) {
      try {
        out[pair.substr(0, eq)] = std::stoi(pair.substr(eq + 1));
      } catch (const std::exception&) {
        // a malformed pair is skipped; the store only ever holds what encode_answers wrote
      }
    }
    start = end + 1;
  }
  return out;
}

MeasureSettingsRow default_measure_settings(const ClinicId& clinic) {
  MeasureSettingsRow s;
  s.clinic_id = clinic.value;
  s.link_lifetime_hours = 72;
  s.escalation_minutes = 60;
  RiskSettings risk;
  s.phq9_rise_points = risk.phq9_rise_points;
  s.cssrs_min_level = risk.cssrs_min_level;
  s.crisis_message = kDefaultCrisisMessage;
  return s;
}

Result<std::unique_ptr<Transaction>> MeasureService::open(const Caller& caller, Action action,
                                                          std::string_view audit_action,
                                                          const std::string& patient_id) {
  if (!caller.can(action)) {
    audit_.record_denied(store_, caller, audit_action, "patient", patient_id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  if (!tx->patient(caller.clinic, patient_id)) return Error::not_found("No such patient.");
  return tx;
}

MeasureSettingsRow MeasureService::settings_of(Transaction& tx, const ClinicId& clinic) {
  if (auto s = tx.measure_settings(clinic)) return *s;
  return default_measure_settings(clinic);
}

MeasuresView MeasureService::view_of(Transaction& tx, const ClinicId& clinic, const std::string& patient_id) {
  MeasuresView view;
  view.responses = tx.responses(clinic, patient_id);
  std::map<std::string, const ResponseRow*> by_id;
  for (const auto& r : view.responses) by_id[r.id] = &r;

  std::vector<CompletedOn> completed;
  for (const auto& inst : instruments()) {
    SeriesView series{std::string(inst.code), {}, {}};
    for (const auto& r : view.responses) {
      if (r.instrument != inst.code || !effective(r)) continue;
      ResponseRow point = r;
      point.submitted_ms = point_time(by_id, r);
      series.points.push_back(point);
    }
    if (series.points.empty()) continue;
    std::sort(series.points.begin(), series.points.end(), [](const ResponseRow& a, const ResponseRow& b) {
      return a.submitted_ms != b.submitted_ms ? a.submitted_ms < b.submitted_ms : a.id < b.id;
    });
    std::vector<ScoredPoint> scored;
    for (const auto& p : series.points) scored.push_back({p.submitted_ms, p.total});
    series.outcome = outcome_of(inst, scored);
    view.series.push_back(std::move(series));
  }

  // A questionnaire counts as done on the day it was first submitted; an amendment
  // corrects it but is not a new completion.
  for (const auto& r : view.responses)
    if (r.status == "submitted" && r.amends.empty()) completed.push_back({r.instrument, date_of(r.submitted_ms)});

  view.links = tx.links(clinic, patient_id);
  for (const auto& l : view.links) {
    auto& submitted = view.link_submitted[l.id];
    for (const auto& r : tx.link_responses(clinic, l.id))
      if (r.status == "submitted") submitted.push_back(r.instrument);
  }

  view.schedule = tx.schedule(clinic, patient_id);
  std::vector<ScheduleEntry> entries;
  for (const auto& s : view.schedule) {
    auto rule = parse_schedule_rule(s.rule);
    auto start = parse_date(s.start_on);
    if (!rule || !start) continue;  // never written so: replace_schedule validates
    entries.push_back({s.instrument, *rule, *start, parse_date(s.end_on), s.interval_days});
  }
  view.due = due_items(entries, {}, completed, date_of(clock_.now_ms()));

  auto responsible = tx.responsible_clinician(clinic, patient_id);
  if (!responsible.empty()) view.responsible = tx.user(clinic, responsible);
  return view;
}

Result<MeasuresView> MeasureService::patient_measures(const Caller& caller, const std::string& patient_id) {
  auto tx = open(caller, Action::measures_read, "patient.measures.read", patient_id);
  if (!tx) return tx.error();
  auto view = view_of(**tx, caller.clinic, patient_id);
  audit_.record(**tx, caller, "patient.measures.read", "patient", patient_id);
  (*tx)->commit();
  return view;
}

Result<RecordedResponse> MeasureService::submit(Transaction& tx, const Caller& caller, ResponseRow row, bool insert) {
  const Instrument* inst = find_instrument(row.instrument);
  if (!inst) return Error::invalid("instrument", "Unknown instrument.");
  const auto answers = decode_answers(row.answers);
  auto scored = score(*inst, answers);
  if (!scored) return scored.error();

  // The previous result this one is compared with: the latest that stands, other than
  // this response and the one it replaces.
  std::optional<int> previous;
  std::int64_t previous_ms = -1;
  for (const auto& r : tx.responses(caller.clinic, row.patient_id)) {
    if (r.instrument != row.instrument || !effective(r) || r.id == row.id || r.id == row.amends) continue;
    if (r.submitted_ms > previous_ms) {
      previous_ms = r.submitted_ms;
      previous = r.total;
    }
  }
  const auto settings = settings_of(tx, caller.clinic);
  RiskSettings risk_settings{settings.phq9_rise_points, settings.cssrs_min_level};

  const std::int64_t now = clock_.now_ms();
  row.status = "submitted";
  row.total = scored->total;
  row.band = scored->band;
  row.updated_ms = now;
  row.submitted_ms = now;
  if (insert) {
    tx.insert_response(row);
  } else if (!tx.update_response(caller.clinic, row)) {
    return Error::conflict("already_submitted", "This questionnaire has already been submitted.");
  }
  audit_.record(tx, caller, "questionnaire.response.submit", "questionnaire_response", row.id);
  if (!row.link_id.empty()) close_link_if_complete(tx, caller, row.patient_id, row.link_id);

  RecordedResponse out{row, risk_signals(*inst, answers, row.total, previous, risk_settings), {}};
  if (!out.risk.empty()) {
    TaskRow task;
    task.id = new_id(crypto_, "tsk");
    task.clinic_id = caller.clinic.value;
    task.patient_id = row.patient_id;
    task.kind = "suicide_risk";
    task.priority = "high";
    for (const auto& s : out.risk) task.reasons.push_back(s.reason);
    task.instrument = row.instrument;
    task.response_id = row.id;
    // The responsible clinician, while still an active prescriber; otherwise any prescriber.
    if (auto id = tx.responsible_clinician(caller.clinic, row.patient_id); !id.empty())
      if (auto u = tx.user(caller.clinic, id); u && !u->disabled && has_role(*u, Role::prescriber))
        task.assigned_to = id;
    task.created_ms = now;
    task.escalate_at_ms = now + settings.escalation_minutes * kMinuteMs;
    tx.insert_task(task);
    audit_.record(tx, caller, "task.create", "task", task.id);
    out.task_id = task.id;
  }
  return out;
}

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

Result<RecordedResponse> MeasureService::record(const Caller& caller, const std::string& patient_id,
                                                const ResponseInput& input) {
  const Instrument* inst = find_instrument(input.instrument);
  if (!inst) return Error::invalid("instrument", "Choose an instrument from the list.");
  if (auto ok = check_answers(*inst, input.answers); !ok) return ok.error();
  std::string reason;
  if (!input.amends.empty()) {
    auto r = required_text("amendment_reason", input.amendment_reason, 500);
    if (!r) return r.error();
    reason = *r;
    if (!input.submit) return Error::invalid("submit", "An amendment is submitted at once: send submit true.");
    if (!input.response_id.empty())
      return Error::invalid("response_id", "An amendment is a new response: do not send response_id with amends.");
  }
  auto tx_result = open(caller, Action::measures_write, "questionnaire.response.record", patient_id);
  if (!tx_result) return tx_result.error();
  auto& tx = **tx_result;
  const std::int64_t now = clock_.now_ms();

  ResponseRow row;
  bool insert = true;
  if (!input.response_id.empty()) {
    auto existing = tx.response(caller.clinic, input.response_id);
    if (!existing || existing->patient_id != patient_id) return Error::not_found("No such response.");
    if (existing->status != "in_progress")
      return Error::conflict("already_submitted", "This questionnaire has already been submitted.");
    if (existing->instrument != input.instrument)
      return Error::invalid("instrument", "This response is for another instrument.");
    row = *existing;
    auto merged = decode_answers(row.answers);
    for (const auto& [item, value] : input.answers) merged[item] = value;
    row.answers = encode_answers(merged);
    row.entered_by = caller.user_id;
    insert = false;
  } else {
    row.id = new_id(crypto_, "rsp");
    row.clinic_id = caller.clinic.value;
    row.patient_id = patient_id;
    row.instrument = input.instrument;
    row.source = "staff";
    row.answers = encode_answers(input.answers);
    row.started_ms = now;
    row.entered_by = caller.user_id;
  }

  if (!input.amends.empty()) {
    auto original = tx.response(caller.clinic, input.amends);
    if (!original || original->patient_id != patient_id)
      return Error::invalid("amends", "There is no such response to amend.");
    if (original->status != "submitted")
      return Error::conflict("not_submitted", "Only a submitted response can be amended; continue it instead.",
                             "amends");
    if (!original->amended_by.empty())
      return Error::conflict("already_amended", "This response has already been amended; amend the newer one.",
                             "amends");
    if (original->instrument != input.instrument)
      return Error::invalid("instrument", "An amendment is for the same instrument as the response it replaces.");
    row.amends = original->id;
    row.amendment_reason = reason;
  }

  if (!input.submit) {
    row.updated_ms = now;
    if (insert)
      tx.insert_response(row);
    else if (!tx.update_response(caller.clinic, row))
      return Error::conflict("already_submitted", "This questionnaire has already been submitted.");
    audit_.record(tx, caller, "questionnaire.response.save", "questionnaire_response", row.id);
    tx.commit();
    auto saved = store_.begin(Store::Mode::read)->response(caller.clinic, row.id);
    return RecordedResponse{saved.value_or(row), {}, {}};
  }

  auto out = submit(tx, caller, row, insert);
  if (!out) return out.error();
  if (!row.amends.empty())
    audit_.record(tx, caller, "questionnaire.response.amended", "questionnaire_response", row.amends);
  tx.commit();
  if (auto saved = store_.begin(Store::Mode::read)->response(caller.clinic, row.id)) out->response = *saved;
  return out;
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

Result<MeasuresView> MeasureService::replace_schedule(const Caller& caller, const std::string& patient_id,
                                                      const std::vector<ScheduleInput>& entries) {
  if (entries.size() > kMaxScheduleEntries) return Error::invalid("entries", "A schedule has at most 50 entries.");
  std::vector<ScheduleRow> rows;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    const std::string at = "entries[" + std::to_string(i) + "].";
    auto rule = parse_schedule_rule(e.rule);
    if (!rule)
      return Error::invalid(at + "rule", "rule must be baseline, before_session, weekly, monthly or follow_up.");
    auto start = parse_date(e.start);
    if (!start) return Error::invalid(at + "start", "start must be a date (YYYY-MM-DD).");
    std::optional<Date> end;
    if (!e.end.empty()) {
      end = parse_date(e.end);
      if (!end) return Error::invalid(at + "end", "end must be a date (YYYY-MM-DD) or left empty.");
    }
    ScheduleEntry entry{e.instrument, *rule, *start, end, *rule == ScheduleRule::follow_up ? e.interval_days : 0};
    if (auto ok = check_schedule_entry(entry); !ok) {
      Error err = ok.error();
      err.field = at + err.field;
      return err;
    }
    rows.push_back({patient_id, e.instrument, e.rule, e.start, e.end, entry.interval_days});
  }
  auto tx_result = open(caller, Action::measures_write, "measure.schedule.update", patient_id);
  if (!tx_result) return tx_result.error();
  auto& tx = **tx_result;
  tx.replace_schedule(caller.clinic, patient_id, rows);
  audit_.record(tx, caller, "measure.schedule.update", "patient", patient_id);
  auto view = view_of(tx, caller.clinic, patient_id);
  tx.commit();
  return view;
}

Result<std::optional<UserRow>> MeasureService::set_responsible(const Caller& caller, const std::string& patient_id,
                                                               const std::string& user_id) {
  auto tx_result = open(caller, Action::measures_write, "patient.responsible_clinician.update", patient_id);
  if (!tx_result) return tx_result.error();
  auto& tx = **tx_result;
  std::optional<UserRow> user;
  if (!user_id.empty()) {
    user = tx.user(caller.clinic, user_id);
    if (!user || user->disabled || !has_role(*user, Role::prescriber))
      return Error::invalid("user_id", "Choose an active prescriber of this clinic.");
    user->password_hash.clear();
  }
  tx.set_responsible_clinician(caller.clinic, patient_id, user_id);
  audit_.record(tx, caller, "patient.responsible_clinician.update", "patient", patient_id);
  tx.commit();
  return user;
}

Result<std::vector<UserRow>> MeasureService::clinicians(const Caller& caller) {
  if (!caller.can(Action::measures_read)) {
    audit_.record_denied(store_, caller, "clinicians.read", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::read);
  std::vector<UserRow> out;
  std::string after;
  for (;;) {
    auto page = tx->users(caller.clinic, after, 200);
    for (auto& u : page)
      if (!u.disabled && has_role(u, Role::prescriber)) {
        u.password_hash.clear();
        out.push_back(u);
      }
    if (page.size() < 200) break;
    after = page.back().email;
  }
  return out;
}

Result<std::vector<DueListItem>> MeasureService::due_list(const Caller& caller) {
  if (!caller.can(Action::measures_read)) {
    audit_.record_denied(store_, caller, "measures.due.read", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  std::map<std::string, std::vector<ScheduleEntry>> schedules;
  for (const auto& s : tx->schedules(caller.clinic)) {
    auto rule = parse_schedule_rule(s.rule);
    auto start = parse_date(s.start_on);
    if (rule && start)
      schedules[s.patient_id].push_back({s.instrument, *rule, *start, parse_date(s.end_on), s.interval_days});
  }
  std::map<std::string, std::vector<CompletedOn>> completed;
  for (const auto& c : tx->scheduled_completions(caller.clinic))
    completed[c.patient_id].push_back({c.instrument, date_of(c.submitted_ms)});
  const Date today = date_of(clock_.now_ms());
  std::vector<DueListItem> out;
  for (const auto& [patient_id, entries] : schedules) {
    auto items = due_items(entries, {}, completed[patient_id], today);
    if (items.empty()) continue;
    auto patient = tx->patient(caller.clinic, patient_id);
    if (!patient) continue;
    for (auto& item : items) out.push_back({*patient, std::move(item)});
  }
  std::sort(out.begin(), out.end(), [](const DueListItem& a, const DueListItem& b) {
    if (a.item.overdue != b.item.overdue) return a.item.overdue;
    if (int c = compare(a.item.due_on, b.item.due_on); c != 0) return c < 0;
    if (a.patient.family_name != b.patient.family_name) return a.patient.family_name < b.patient.family_name;
    return a.item.instrument < b.item.instrument;
  });
  audit_.record(*tx, caller, "measures.due.read", "clinic", caller.clinic.value);
  tx->commit();
  return out;
}

Result<MeasureSettingsRow> MeasureService::settings(const Caller& caller) {
  if (!caller.can(Action::measures_read)) {
    audit_.record_denied(store_, caller, "settings.measures.read", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::read);
  return settings_of(*tx, caller.clinic);
}

std::string MeasureService::crisis_message(const std::string& clinic_id) {
  auto tx = store_.begin(Store::Mode::read);
  return settings_of(*tx, ClinicId{clinic_id}).crisis_message;
}

Result<MeasureSettingsRow> MeasureService::update_settings(const Caller& caller, const SettingsPatch& patch) {
  if (!caller.can(Action::settings_manage)) {
    audit_.record_denied(store_, caller, "settings.measures.update", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto in_range = [](std::string_view field, const std::optional<int>& v, int lo, int hi) -> Result<bool> {
    if (v && (*v < lo || *v > hi))
      return Error::invalid(std::string(field), std::string(field) + " must be from " + std::to_string(lo) + " to " +
                                                    std::to_string(hi) + ".");
    return true;
  };
  for (auto check : {in_range("link_lifetime_hours", patch.link_lifetime_hours, 1, 720),
                     in_range("escalation_minutes", patch.escalation_minutes, 5, 10080),
                     in_range("phq9_rise_points", patch.phq9_rise_points, 1, 27),
                     in_range("cssrs_min_level", patch.cssrs_min_level, 1, 3)})
    if (!check) return check.error();
  std::string crisis;
  if (patch.crisis_message) {
    auto text = required_text("crisis_message", *patch.crisis_message, 2000);
    if (!text) return text.error();
    crisis = *text;
  }
  auto tx = store_.begin(Store::Mode::write);
  auto s = settings_of(*tx, caller.clinic);
  if (patch.link_lifetime_hours) s.link_lifetime_hours = *patch.link_lifetime_hours;
  if (patch.escalation_minutes) s.escalation_minutes = *patch.escalation_minutes;
  if (patch.phq9_rise_points) s.phq9_rise_points = *patch.phq9_rise_points;
  if (patch.cssrs_min_level) s.cssrs_min_level = *patch.cssrs_min_level;
  if (patch.crisis_message) s.crisis_message = crisis;
  s.updated_ms = clock_.now_ms();
  s.updated_by = caller.user_id;
  tx->save_measure_settings(s);
  audit_.record(*tx, caller, "settings.measures.update", "clinic", caller.clinic.value);
  auto saved = settings_of(*tx, caller.clinic);
  tx->commit();
  return saved;
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
  return out;
}

void MeasureService::escalate_due(Transaction& tx, const ClinicId& clinic) {
  const std::int64_t now = clock_.now_ms();
  auto due = tx.tasks_to_escalate(clinic, now);
  if (due.empty()) return;
  const auto settings = settings_of(tx, clinic);
  std::vector<UserRow> admins;
  std::string after;
  for (;;) {
    auto page = tx.users(clinic, after, 200);
    for (const auto& u : page)
      if (!u.disabled && has_role(u, Role::admin)) admins.push_back(u);
    if (page.size() < 200) break;
    after = page.back().email;
  }
  const Caller system = Caller::system(clinic, "escalation");
  for (auto& task : due) {
    task.escalated_ms = now;
    tx.update_task(clinic, task);
    audit_.record(tx, system, "task.escalate", "task", task.id);
    // The message names no patient: it only sends the medical director to the inbox.
    for (const auto& admin : admins) {
      OutboxRow m;
      m.id = new_id(crypto_, "msg");
      m.clinic_id = clinic.value;
      m.channel = "email";
      m.recipient = admin.email;
      m.subject = "Unacknowledged suicide-risk task";
      m.body = "A high-priority suicide-risk task raised at " + format_iso8601(task.created_ms).substr(0, 16) +
               " UTC has not been acknowledged within " + std::to_string(settings.escalation_minutes) +
               " minutes. It is now yours as medical director: open the KetaClinic inbox to act on it.\n";
      m.entity_type = "task";
      m.entity_id = task.id;
      m.created_ms = now;
      tx.insert_outbox(m);
    }
  }
}

void MeasureService::sweep() {
  std::vector<ClinicRow> clinics;
  {
    auto tx = store_.begin(Store::Mode::read);
    clinics = tx->clinics();
  }
  for (const auto& c : clinics) {
    auto tx = store_.begin(Store::Mode::write);
    escalate_due(*tx, ClinicId{c.id});
    tx->commit();
  }
}

namespace {

bool may_act_on(const Caller& caller, const TaskRow& task) {
  if (caller.can(Action::settings_manage)) return true;  // the medical director sees and acts on every task
  if (!task.assigned_to.empty()) return task.assigned_to == caller.user_id;
  return std::find(caller.roles.begin(), caller.roles.end(), Role::prescriber) != caller.roles.end();
}

}  // namespace

TaskView MeasureService::task_view(Transaction& tx, const Caller& caller, const TaskRow& task) {
  TaskView v;
  v.task = task;
  v.patient = tx.patient(caller.clinic, task.patient_id).value_or(PatientRow{});
  if (!task.assigned_to.empty()) {
    v.assigned = tx.user(caller.clinic, task.assigned_to);
    if (v.assigned) v.assigned->password_hash.clear();
  }
  if (!task.acknowledged_by.empty())
    if (auto u = tx.user(caller.clinic, task.acknowledged_by)) v.acknowledged_by_email = u->email;
  v.can_acknowledge = task.acknowledged_ms == 0 && may_act_on(caller, task);
  return v;
}

Result<std::vector<TaskView>> MeasureService::tasks(const Caller& caller, bool open_only) {
  if (!caller.can(Action::measures_read)) {
    audit_.record_denied(store_, caller, "tasks.read", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  escalate_due(*tx, caller.clinic);
  std::vector<TaskRow> rows;
  for (auto& t : tx->tasks(caller.clinic, open_only))
    if (may_act_on(caller, t)) rows.push_back(std::move(t));
  std::stable_sort(rows.begin(), rows.end(), [](const TaskRow& a, const TaskRow& b) {
    const bool a_open = a.acknowledged_ms == 0, b_open = b.acknowledged_ms == 0;
    if (a_open != b_open) return a_open;
    if (a_open) {
      if ((a.escalated_ms != 0) != (b.escalated_ms != 0)) return a.escalated_ms != 0;
      return a.created_ms < b.created_ms;
    }
    return a.acknowledged_ms > b.acknowledged_ms;
  });
  std::vector<TaskView> out;
  for (const auto& t : rows) out.push_back(task_view(*tx, caller, t));
  audit_.record(*tx, caller, "tasks.read", "clinic", caller.clinic.value);
  tx->commit();
  return out;
}

Result<TaskView> MeasureService::acknowledge(const Caller& caller, const std::string& task_id,
                                             const std::string& action_in) {
  if (!caller.can(Action::measures_read)) {
    audit_.record_denied(store_, caller, "task.acknowledge", "task", task_id);
    return Error::forbidden();
  }
  auto action = required_text("action", action_in, 2000);
  if (!action) return action.error();
  auto tx = store_.begin(Store::Mode::write);
  auto task = tx->task(caller.clinic, task_id);
  if (!task) return Error::not_found("No such task.");
  if (!may_act_on(caller, *task)) {
    tx.reset();
    audit_.record_denied(store_, caller, "task.acknowledge", "task", task_id);
    return Error::forbidden("This task is for its assigned clinician or the medical director.");
  }
  if (task->acknowledged_ms != 0)
    return Error::conflict("already_acknowledged", "This task has already been acknowledged.");
  task->acknowledged_ms = clock_.now_ms();
  task->acknowledged_by = caller.user_id;
  task->action = *action;
  tx->update_task(caller.clinic, *task);
  audit_.record(*tx, caller, "task.acknowledge", "task", task_id);
  auto view = task_view(*tx, caller, *task);
  tx->commit();
  return view;
}

}  // namespace kc::app
