// OutcomeService: settings, a patient's progress, the follow-up plan, check-ins and
// the missed follow-up list. The dashboard is in outcome_dashboard.cc, the tasks that
// submitted responses raise in outcome_watch.cc.
#include "app/outcome_service.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/ids.h"
#include "app/session_internal.h"
#include "domain/dosing_record.h"
#include "domain/route.h"
#include "domain/session_protocol.h"
#include "domain/time.h"
#include "domain/validation.h"

namespace kc::app {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr int kLiverWatchDays = 180;  // the missed list looks at patients dosed in this many days

OutcomeSettingsRow default_row(const ClinicId& clinic) {
  OutcomeSettingsRow row;
  row.clinic_id = clinic.value;
  return row;
}

std::string email_of(Transaction& tx, const ClinicId& clinic, const std::string& user_id) {
  if (user_id.empty()) return {};
  auto u = tx.user(clinic, user_id);
  return u ? u->email : user_id;
}

bool is_pain_code(const std::string& code) { return indication_group(code) == "chronic_pain"; }

void add_open_tasks(Transaction& tx, const ClinicId& clinic, ProgressView& v) {
  for (auto& t : tx.tasks(clinic, true))
    if (t.patient_id == v.patient.id) v.open_tasks.push_back(std::move(t));
}

}  // namespace

std::map<std::string, std::vector<ScoredPoint>> standing_points(const std::vector<ResponseRow>& responses,
                                                                std::string_view instrument) {
  std::map<std::string, const ResponseRow*> by_id;
  std::set<std::string> replaced;
  for (const auto& r : responses) {
    if (r.instrument != instrument || r.status != "submitted") continue;
    by_id[r.id] = &r;
    if (!r.amends.empty()) replaced.insert(r.amends);
  }
  std::map<std::string, std::vector<ScoredPoint>> out;
  for (const auto& [id, r] : by_id) {
    if (replaced.count(id)) continue;
    const ResponseRow* root = r;
    for (int hops = 0; !root->amends.empty() && hops < 1000; ++hops) {
      auto it = by_id.find(root->amends);
      if (it == by_id.end()) break;
      root = it->second;
    }
    out[r->patient_id].push_back({root->submitted_ms, r->total});
  }
  for (auto& [patient, points] : out)
    std::stable_sort(points.begin(), points.end(), [](const auto& a, const auto& b) { return a.at_ms < b.at_ms; });
  return out;
}

GivenDoseView given_dose(Transaction& tx, const ClinicId& clinic, const TreatmentSessionRow& s, std::int64_t now_ms) {
  GivenDoseView g;
  if (s.dose_started_ms <= 0 || s.dose_order_id.empty()) return g;
  auto order = tx.dose_order(clinic, s.dose_order_id);
  if (!order) return g;
  auto route = parse_route(s.route);
  if (route == Route::intranasal_esketamine) {
    int devices = 0;
    for (const auto& e : tx.session_events(clinic, s.id))
      if (e.kind == "device") ++devices;
    g.ug = devices * DoseProtocol{}.esketamine_device_ug;
  } else if (route && is_infusion(*route)) {
    std::vector<InfusionEvent> infusion;
    for (const auto& e : tx.session_events(clinic, s.id))
      if (auto k = session_detail::infusion_kind(e.kind))
        infusion.push_back({*k, e.at_ms, static_cast<double>(e.rate_ul_per_h) / 1000.0, e.reason});
    if (infusion.empty()) return g;
    const auto d = delivered(infusion, static_cast<double>(order->concentration_ug_per_ml) / 1000.0,
                             s.dose_ended_ms > 0 ? s.dose_ended_ms : now_ms);
    g.ug = static_cast<std::int64_t>(d.dose_mg * 1000.0 + 0.5);
  } else {
    g.ug = order->dose_ug;
  }
  if (g.ug && order->weight_g > 0) g.ug_per_kg = (*g.ug * 1000 + order->weight_g / 2) / order->weight_g;
  return g;
}

OutcomeSettingsRow OutcomeService::settings_of(Transaction& tx, const ClinicId& clinic) {
  if (auto s = tx.outcome_settings(clinic)) return *s;
  return default_row(clinic);
}

Result<OutcomeSettingsRow> OutcomeService::settings(const Caller& caller) {
  if (!caller.can(Action::outcomes_read) && !caller.can(Action::settings_manage)) return Error::forbidden();
  auto tx = store_.begin(Store::Mode::read);
  return settings_of(*tx, caller.clinic);
}

Result<OutcomeSettingsRow> OutcomeService::update_settings(const Caller& caller, const OutcomeSettingsPatch& p) {
  if (!caller.can(Action::settings_manage)) {
    audit_.record_denied(store_, caller, "outcome_settings.update", "clinic", caller.clinic.value);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto row = settings_of(*tx, caller.clinic);
  auto& s = row.settings;
  if (p.follow_up_interval_days) s.follow_up_interval_days = *p.follow_up_interval_days;
  if (p.relapse_consecutive_checks) s.relapse_consecutive_checks = *p.relapse_consecutive_checks;
  if (p.induction_days) s.induction_days = *p.induction_days;
  if (p.tolerance_rising_doses) s.tolerance_rising_doses = *p.tolerance_rising_doses;
  if (p.follow_up_instruments) s.follow_up_instruments = *p.follow_up_instruments;
  if (p.max_sessions_per_30_days) s.max_sessions_per_30_days = *p.max_sessions_per_30_days;
  if (p.liver_test_interval_days) s.liver_test_interval_days = *p.liver_test_interval_days;
  if (p.max_ug_per_kg_per_30_days) s.max_ug_per_kg_per_30_days = *p.max_ug_per_kg_per_30_days;
  if (auto ok = check_outcome_settings(s); !ok) return ok.error();
  row.version += 1;
  row.updated_ms = clock_.now_ms();
  row.updated_by = caller.user_id;
  tx->save_outcome_settings(row);
  audit_.record(*tx, caller, "outcome_settings.update", "clinic", caller.clinic.value);
  tx->commit();
  return row;
}

ProgressView OutcomeService::progress_of(Transaction& tx, const ClinicId& clinic, const PatientRow& patient) {
  const std::int64_t now = clock_.now_ms();
  const Date today = date_of(now);
  ProgressView v;
  v.patient = patient;
  if (auto c = tx.clinic(clinic)) v.clinic_name = c->name;
  v.settings = settings_of(tx, clinic).settings;

  // Sessions that dosed, with the dose each gave, and their side effects.
  TreatmentSessionQuery q;
  q.patient_id = patient.id;
  for (auto& s : tx.treatment_sessions(clinic, q)) {
    if (s.dose_started_ms <= 0) continue;
    ProgressSession ps{s, s.dose_started_ms, given_dose(tx, clinic, s, now)};
    for (auto& e : tx.effects(clinic, s.id)) v.side_effects.push_back(std::move(e));
    v.sessions.push_back(std::move(ps));
  }
  std::sort(v.sessions.begin(), v.sessions.end(), [](const auto& a, const auto& b) { return a.at_ms < b.at_ms; });
  std::sort(v.side_effects.begin(), v.side_effects.end(),
            [](const auto& a, const auto& b) { return a.at_ms < b.at_ms; });
  if (!v.sessions.empty()) v.first_session_ms = v.sessions.front().at_ms;

  // Trajectories.
  const auto responses = tx.responses(clinic, patient.id);
  const RelapseRule rule{v.settings.relapse_consecutive_checks};
  for (const auto& inst : instruments()) {
    auto series = standing_points(responses, inst.code);
    auto it = series.find(patient.id);
    if (it == series.end() || it->second.empty()) continue;
    ProgressInstrument pi;
    pi.instrument = &inst;
    pi.points = it->second;
    pi.outcome = outcome_of(inst, pi.points);
    pi.trajectory = trajectory_of(inst, pi.points, rule, v.first_session_ms);
    pi.status = std::string(progress_status(pi.points, pi.outcome, pi.trajectory));
    pi.response_at_most = response_threshold(inst, pi.points.front().total);
    if (inst.code == "pain_nrs") v.pain_scores = pi.points;
    if (inst.code == "urinary") {
      v.safety.last_urinary_ms = pi.points.back().at_ms;
      v.safety.last_urinary_total = pi.points.back().total;
      for (const auto& p : pi.points) v.safety.positive_urinary_screens += urinary_screen_positive(p.total);
    }
    v.instruments.push_back(std::move(pi));
  }

  // Check-ins: the pain pathway's opioid dose and memory or attention problems.
  v.check_ins = tx.check_ins(clinic, patient.id);
  for (auto& c : v.check_ins) c.recorded_by = email_of(tx, clinic, c.recorded_by);
  for (auto it = v.check_ins.rbegin(); it != v.check_ins.rend(); ++it) {
    if (it->mme_milli >= 0) v.mme.emplace_back(it->at_ms, it->mme_milli);
    if (it->memory_attention) v.safety.memory_attention.push_back(*it);
  }
  bool pain_diagnosis = false;
  for (const auto& d : tx.diagnoses(clinic, patient.id, Entries::valid)) pain_diagnosis |= is_pain_code(d.code);
  v.pain = pain_diagnosis || !v.pain_scores.empty() || !v.mme.empty();

  // Exposure of the doses given, against the clinic's limits: the 30 days ending
  // today (exposure_over counts the sessions and mg; mg/kg is summed from each
  // session's own mg/kg, which already used the order's weight).
  std::vector<ExposureDose> exposure_doses;
  auto& safety = v.safety;
  for (const auto& s : v.sessions) {
    if (!s.given.ug) continue;
    exposure_doses.push_back({date_of(s.at_ms), *s.given.ug, std::nullopt});
    safety.doses.push_back({s.at_ms, s.session.route, s.given.ug_per_kg});
    ++safety.running_sessions;
    safety.running_ug += *s.given.ug;
  }
  safety.exposure = exposure_over(exposure_doses, today);
  safety.exposure.total_ug_per_kg = 0;
  safety.exposure.without_weight = 0;
  for (const auto& s : v.sessions) {
    if (!s.given.ug) continue;
    const int age = days_between(date_of(s.at_ms), today);
    if (age < 0 || age >= 30) continue;
    if (s.given.ug_per_kg)
      safety.exposure.total_ug_per_kg += *s.given.ug_per_kg;
    else
      ++safety.exposure.without_weight;
  }
  for (auto& w : exposure_warnings(safety.exposure, v.settings)) safety.warnings.push_back({w.code, w.message});

  if (safety.positive_urinary_screens > 0 && safety.last_urinary_total &&
      urinary_screen_positive(*safety.last_urinary_total))
    safety.warnings.push_back({"bladder_symptoms", "The latest bladder screen was positive (" +
                                                       std::to_string(*safety.last_urinary_total) +
                                                       " of 4 symptoms): review for ketamine-related cystitis."});

  for (const auto& t : tx.baseline_tests(clinic, patient.id, Entries::valid)) {
    if (t.kind != "liver") continue;
    if (auto d = parse_date(t.taken_on); d && (!safety.last_liver_test || compare(*d, *safety.last_liver_test) > 0))
      safety.last_liver_test = d;
  }
  std::optional<Date> first_day;
  if (v.first_session_ms) first_day = date_of(*v.first_session_ms);
  safety.liver = liver_due(safety.last_liver_test, v.settings.liver_test_interval_days, first_day, today);
  if (safety.liver.never_tested)
    safety.warnings.push_back({"liver_tests_never", "No liver test is on record, and the clinic checks them every " +
                                                        std::to_string(*v.settings.liver_test_interval_days) +
                                                        " days during treatment."});
  else if (safety.liver.overdue)
    safety.warnings.push_back({"liver_tests_overdue", "Liver tests were due on " + format_date(*safety.liver.due_on) +
                                                          " (last on " + format_date(*safety.last_liver_test) + ")."});

  safety.tolerance = tolerance_signal(safety.doses, v.settings.tolerance_rising_doses);
  if (safety.tolerance)
    safety.warnings.push_back(
        {"tolerance_signal", "The last " + std::to_string(v.settings.tolerance_rising_doses) + " " +
                                 std::string(route_label(*parse_route(safety.doses.back().route))) +
                                 " doses each rose in mg/kg: a possible sign of tolerance."});
  if (!safety.memory_attention.empty())
    safety.warnings.push_back({"memory_attention", "Memory or attention problems reported on " +
                                                       format_date(date_of(safety.memory_attention.back().at_ms)) +
                                                       ": " + safety.memory_attention.back().note});

  // The follow-up plan: the schedule's follow_up entries still running.
  std::vector<ScheduleEntry> entries;
  for (const auto& r : tx.schedule(clinic, patient.id)) {
    if (r.rule != "follow_up") continue;
    auto start = parse_date(r.start_on);
    if (!start) continue;
    std::optional<Date> end;
    if (!r.end_on.empty()) end = parse_date(r.end_on);
    if (end && compare(*end, today) < 0) continue;
    if (!v.follow_up) v.follow_up = FollowUpPlanView{*start, r.interval_days, {}};
    v.follow_up->instruments.push_back(r.instrument);
    entries.push_back({r.instrument, ScheduleRule::follow_up, *start, end, r.interval_days});
  }
  std::vector<CompletedOn> completed;
  for (const auto& r : responses)
    if (r.status == "submitted" && r.amends.empty()) completed.push_back({r.instrument, date_of(r.submitted_ms)});
  v.follow_up_due = due_items(entries, {}, completed, today);
  return v;
}

Result<ProgressView> OutcomeService::progress(const Caller& caller, const std::string& patient_id) {
  if (!caller.can(Action::outcomes_read)) {
    audit_.record_denied(store_, caller, "progress.read", "patient", patient_id);
    return Error::forbidden();
  }
  auto tx = store_.begin(Store::Mode::write);
  auto patient = tx->patient(caller.clinic, patient_id);
  if (!patient) return Error::not_found("No such patient.");
  auto v = progress_of(*tx, caller.clinic, *patient);
  add_open_tasks(*tx, caller.clinic, v);
  audit_.record(*tx, caller, "progress.read", "patient", patient_id);
  tx->commit();
  return v;
}

Result<ProgressView> OutcomeService::start_follow_up(const Caller& caller, const std::string& patient_id,
                                                     const FollowUpInput& in) {
  if (!caller.can(Action::follow_up_write)) {
    audit_.record_denied(store_, caller, "follow_up.start", "patient", patient_id);
    return Error::forbidden();
  }
  auto start = parse_date(in.start);
  if (!start) return Error::invalid("start", "Give the first check-in's day as YYYY-MM-DD.");
  auto tx = store_.begin(Store::Mode::write);
  auto patient = tx->patient(caller.clinic, patient_id);
  if (!patient) return Error::not_found("No such patient.");
  const auto settings = settings_of(*tx, caller.clinic).settings;
  const int interval = in.interval_days.value_or(settings.follow_up_interval_days);
  const auto codes = in.instruments.value_or(settings.follow_up_instruments);
  if (codes.empty()) return Error::invalid("instruments", "Choose at least one questionnaire for the check-ins.");
  if (codes.size() > 10) return Error::invalid("instruments", "Choose at most 10 questionnaires.");
  std::vector<ScheduleRow> rows;
  for (auto& r : tx->schedule(caller.clinic, patient_id))
    if (r.rule != "follow_up") rows.push_back(std::move(r));
  std::set<std::string> seen;
  for (const auto& code : codes) {
    if (!seen.insert(code).second) return Error::invalid("instruments", "\"" + code + "\" is listed twice.");
    ScheduleEntry e{code, ScheduleRule::follow_up, *start, std::nullopt, interval};
    if (auto ok = check_schedule_entry(e); !ok) {
      auto err = ok.error();
      err.field = err.field == "instrument" ? "instruments" : err.field;
      return err;
    }
    rows.push_back({patient_id, code, "follow_up", format_date(*start), "", interval});
  }
  tx->replace_schedule(caller.clinic, patient_id, rows);
  audit_.record(*tx, caller, "follow_up.start", "patient", patient_id);
  auto v = progress_of(*tx, caller.clinic, *patient);
  add_open_tasks(*tx, caller.clinic, v);
  tx->commit();
  return v;
}

Result<ProgressView> OutcomeService::end_follow_up(const Caller& caller, const std::string& patient_id,
                                                   const std::string& reason_text) {
  if (!caller.can(Action::follow_up_write)) {
    audit_.record_denied(store_, caller, "follow_up.end", "patient", patient_id);
    return Error::forbidden();
  }
  auto reason = required_text("reason", reason_text, 500);
  if (!reason) return reason.error();
  auto tx = store_.begin(Store::Mode::write);
  auto patient = tx->patient(caller.clinic, patient_id);
  if (!patient) return Error::not_found("No such patient.");
  const Date today = date_of(clock_.now_ms());
  // The plan ends yesterday: nothing is due from today. Entries that had not begun
  // before today are removed (a schedule keeps no range that ends before it starts).
  const Date yesterday = add_days(today, -1);
  std::vector<ScheduleRow> rows;
  bool any = false;
  for (auto& r : tx->schedule(caller.clinic, patient_id)) {
    auto end = r.end_on.empty() ? std::nullopt : parse_date(r.end_on);
    if (r.rule == "follow_up" && !(end && compare(*end, today) < 0)) {
      any = true;
      auto start = parse_date(r.start_on);
      if (!start || compare(*start, yesterday) > 0) continue;
      r.end_on = format_date(yesterday);
    }
    rows.push_back(std::move(r));
  }
  if (!any) return Error::conflict("no_follow_up", "This patient has no follow-up plan running.");
  tx->replace_schedule(caller.clinic, patient_id, rows);
  audit_.record(*tx, caller, "follow_up.end", "patient", patient_id);
  auto v = progress_of(*tx, caller.clinic, *patient);
  add_open_tasks(*tx, caller.clinic, v);
  tx->commit();
  return v;
}

Result<CheckInRow> OutcomeService::record_check_in(const Caller& caller, const std::string& patient_id,
                                                   const FollowUpCheckInInput& in) {
  if (!caller.can(Action::follow_up_write)) {
    audit_.record_denied(store_, caller, "check_in.create", "patient", patient_id);
    return Error::forbidden();
  }
  const std::int64_t now = clock_.now_ms();
  CheckInRow row;
  row.at_ms = now;
  if (!in.at.empty()) {
    auto at = parse_iso8601(in.at);
    if (!at) return Error::invalid("at", "Give the check-in's time as ISO 8601, e.g. 2026-11-21T10:00:00Z.");
    if (*at > now + 5 * 60'000) return Error::invalid("at", "A check-in cannot be in the future.");
    row.at_ms = *at;
  }
  if (in.mme_milli) {
    if (*in.mme_milli < 0 || *in.mme_milli > 10'000'000)
      return Error::invalid("mme_per_day", "The daily opioid dose must be between 0 and 10000 MME.");
    row.mme_milli = *in.mme_milli;
  }
  row.memory_attention = in.memory_attention;
  if (!in.note.empty() || in.memory_attention) {
    auto note = required_text("note", in.note, 2000);
    if (!note) {
      if (in.memory_attention)
        return Error::invalid("note", "Describe the memory or attention problems the patient reports.");
      return note.error();
    }
    row.note = *note;
  }
  if (!in.mme_milli && !in.memory_attention && row.note.empty())
    return Error::invalid("note", "A check-in needs an opioid dose, a reported problem or a note.");
  auto tx = store_.begin(Store::Mode::write);
  if (!tx->patient(caller.clinic, patient_id)) return Error::not_found("No such patient.");
  row.id = new_id(crypto_, "chk");
  row.clinic_id = caller.clinic.value;
  row.patient_id = patient_id;
  row.recorded_by = caller.user_id;
  row.recorded_ms = now;
  tx->insert_check_in(row);
  audit_.record(*tx, caller, "check_in.create", "check_in", row.id);
  tx->commit();
  row.recorded_by = caller.email;
  return row;
}

Result<MissedView> OutcomeService::missed(const Caller& caller) {
  if (!caller.can(Action::outcomes_read)) return Error::forbidden();
  auto tx = store_.begin(Store::Mode::read);
  const std::int64_t now = clock_.now_ms();
  const Date today = date_of(now);
  MissedView v;
  std::map<std::string, std::vector<ScheduleEntry>> entries;
  for (const auto& r : tx->schedules(caller.clinic)) {
    if (r.rule != "follow_up") continue;
    auto start = parse_date(r.start_on);
    if (!start) continue;
    std::optional<Date> end;
    if (!r.end_on.empty()) end = parse_date(r.end_on);
    if (end && compare(*end, today) < 0) continue;  // an ended plan misses nothing more
    entries[r.patient_id].push_back({r.instrument, ScheduleRule::follow_up, *start, end, r.interval_days});
  }
  std::map<std::string, std::vector<CompletedOn>> completed;
  for (const auto& c : tx->scheduled_completions(caller.clinic))
    completed[c.patient_id].push_back({c.instrument, date_of(c.submitted_ms)});
  std::map<std::string, PatientRow> patients;
  auto patient = [&](const std::string& id) -> const PatientRow* {
    auto it = patients.find(id);
    if (it != patients.end()) return &it->second;
    auto p = tx->patient(caller.clinic, id);
    if (!p) return nullptr;
    return &patients.emplace(id, *p).first->second;
  };
  for (const auto& [id, list] : entries)
    for (const auto& item : due_items(list, {}, completed[id], today))
      if (item.overdue)
        if (auto p = patient(id)) v.check_ins.push_back({*p, item});
  std::sort(v.check_ins.begin(), v.check_ins.end(),
            [](const auto& a, const auto& b) { return compare(a.item.due_on, b.item.due_on) < 0; });

  const auto settings = settings_of(*tx, caller.clinic).settings;
  if (settings.liver_test_interval_days) {
    TreatmentSessionQuery q;
    q.from_ms = now - kLiverWatchDays * kDayMs;
    q.to_ms = now + kDayMs;
    std::map<std::string, std::int64_t> first_dose;
    for (const auto& s : tx->treatment_sessions(caller.clinic, q))
      if (s.dose_started_ms > 0) {
        auto [it, inserted] = first_dose.try_emplace(s.patient_id, s.dose_started_ms);
        if (!inserted) it->second = std::min(it->second, s.dose_started_ms);
      }
    for (const auto& [id, first] : first_dose) {
      std::optional<Date> last;
      for (const auto& t : tx->baseline_tests(caller.clinic, id, Entries::valid))
        if (auto d = parse_date(t.taken_on); t.kind == "liver" && d && (!last || compare(*d, *last) > 0)) last = d;
      const auto due = liver_due(last, settings.liver_test_interval_days, date_of(first), today);
      if (due.overdue)
        if (auto p = patient(id)) v.liver_tests.push_back({*p, last, due.due_on});
    }
  }
  return v;
}

}  // namespace kc::app
