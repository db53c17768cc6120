// MeasureService: responses and their results, schedules and the due list, the
// responsible clinician, and the clinic's measurement settings. Links are in
// measure_links.cc, clinical tasks and their escalation in measure_tasks.cc.
#include <algorithm>

#include "app/ids.h"
#include "app/measure_internal.h"
#include "app/measure_service.h"
#include "app/outcome_service.h"
#include "domain/time.h"
#include "domain/validation.h"

namespace kc::app {
namespace {

constexpr std::size_t kMaxScheduleEntries = 50;
constexpr int kUserPage = 200;

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

std::vector<UserRow> active_users_with(Transaction& tx, const ClinicId& clinic, Role role) {
  std::vector<UserRow> out;
  std::string after;
  for (;;) {
    auto page = tx.users(clinic, after, kUserPage);
    if (!page.empty()) after = page.back().email;
    for (auto& u : page)
      if (!u.disabled && has_role(u.roles, role)) out.push_back(std::move(u));
    if (page.size() < static_cast<std::size_t>(kUserPage)) break;
  }
  return out;
}

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
  s.link_lifetime_hours = kDefaultLinkLifetimeHours;
  s.escalation_minutes = kDefaultEscalationMinutes;
  RiskSettings risk;
  s.phq9_rise_points = risk.phq9_rise_points;
  s.cssrs_min_level = risk.cssrs_min_level;
  s.crisis_message = std::string(kDefaultCrisisMessage);
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

namespace {

/// The days of the patient's dosing sessions, oldest first, one per day: those
/// booked or held (a cancelled session, or one the patient did not attend, is none).
std::vector<Date> dosing_days(Transaction& tx, const ClinicId& clinic, const std::string& patient_id) {
  std::vector<Date> days;
  for (const auto& a : tx.patient_appointments(clinic, patient_id))
    if (a.type == "dosing_session" && (a.status == "booked" || a.status == "completed"))
      days.push_back(date_of(a.start_ms));
  std::sort(days.begin(), days.end(), [](const Date& x, const Date& y) { return compare(x, y) < 0; });
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

}  // namespace

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
  for (const auto& l : view.links) view.link_submitted[l.id];                 // every link has an entry, if empty
  for (auto it = view.responses.rbegin(); it != view.responses.rend(); ++it)  // oldest first
    if (!it->link_id.empty() && it->status == "submitted") view.link_submitted[it->link_id].push_back(it->instrument);

  view.schedule = tx.schedule(clinic, patient_id);
  std::vector<ScheduleEntry> entries;
  for (const auto& s : view.schedule) {
    auto rule = parse_schedule_rule(s.rule);
    auto start = parse_date(s.start_on);
    if (!rule || !start) continue;  // never written so: replace_schedule validates
    entries.push_back({s.instrument, *rule, *start, parse_date(s.end_on), s.interval_days});
  }
  const auto sessions = dosing_days(tx, clinic, patient_id);
  for (const auto& d : sessions) view.session_days.push_back(format_date(d));
  view.due = due_items(entries, sessions, completed, date_of(clock_.now_ms()));

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

  RecordedResponse out{row, risk_signals(*inst, answers, row.total, previous, risk_settings), {}, {}};
  if (!out.risk.empty()) out.task_id = raise_risk_task(tx, caller, row, out.risk, settings);
  out.follow_up_task_ids = watch_response(tx, caller, row, crypto_, clock_, audit_);
  return out;
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
    return RecordedResponse{saved.value_or(row), {}, {}, {}};
  }

  auto out = submit(tx, caller, row, insert);
  if (!out) return out.error();
  if (!row.amends.empty())
    audit_.record(tx, caller, "questionnaire.response.amended", "questionnaire_response", row.amends);
  tx.commit();
  if (!out->task_id.empty()) announce(caller.clinic, "task.raised", out->task_id);
  for (const auto& id : out->follow_up_task_ids) announce(caller.clinic, "task.raised", id);
  if (auto saved = store_.begin(Store::Mode::read)->response(caller.clinic, row.id)) out->response = *saved;
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
    if (!user || user->disabled || !has_role(user->roles, Role::prescriber))
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
  auto out = active_users_with(*tx, caller.clinic, Role::prescriber);
  for (auto& u : out) u.password_hash.clear();
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
    auto items = due_items(entries, dosing_days(*tx, caller.clinic, patient_id), completed[patient_id], today);
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

}  // namespace kc::app
