#include "app/research_export.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "app/ids.h"
#include "domain/dose.h"

namespace kc::app {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kKeepMs = 60 * 60'000;  // a finished export is kept an hour
constexpr int kMaxShiftDays = 365;             // dates move back 1 to 365 days per subject

std::string csv_field(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::uint64_t random_number(Crypto& crypto) {
  const std::string hex = crypto.random_hex20().substr(0, 15);
  return std::stoull(hex, nullptr, 16);
}

struct Row {
  std::int64_t at_ms = 0;
  std::map<std::string_view, std::string> values;
};

}  // namespace

const std::vector<ExportColumn>& research_columns() {
  static const std::vector<ExportColumn> columns = {
      {"subject", "text",
       "The subject: S0001, S0002, ... numbered in a random order for this export; not linked to "
       "any record."},
      {"event", "text",
       "session (a dosing session that dosed), response (a scored questionnaire), effect (a side "
       "effect or adverse event in a session), check_in (a clinician's follow-up check-in)."},
      {"day", "integer", "Days from the subject's first dosing session (negative: before it)."},
      {"date_shifted", "date",
       "The event's date moved back by a random 1 to 365 days, the same for all of a "
       "subject's rows; intervals between a subject's events are true."},
      {"age_at_first_session", "integer",
       "Whole years at the first dosing session; 90 for 90 and above (HIPAA "
       "Safe Harbor)."},
      {"indication_group", "text",
       "The indication groups of the subject's latest treatment plan (depression, "
       "bipolar_depression, ptsd, anxiety, ocd, chronic_pain, other), joined with ';'."},
      {"route", "text", "session: the dose route (iv, im, sc, intranasal_esketamine, sublingual, oral)."},
      {"given_mg", "decimal",
       "session: the ketamine or esketamine given, mg (pump-delivered for infusions, devices "
       "used for esketamine, the ordered dose otherwise)."},
      {"given_mg_per_kg", "decimal", "session: given_mg over the weight on the dose order; empty without a weight."},
      {"instrument", "text", "response: the questionnaire (phq9, gad7, pcl5, ...; docs/clinical-defaults.md)."},
      {"total", "integer", "response: the total score (an amended response replaces the original)."},
      {"effect_kind", "text",
       "effect: dissociation, sedation, nausea, vomiting, dizziness, anxiety_agitation, "
       "headache, raised_bp, fast_heart_rate, respiratory_depression, emergence_reaction, "
       "other."},
      {"severity", "text", "effect: mild, moderate or severe."},
      {"serious", "boolean", "effect: 1 for a serious adverse event, else 0."},
      {"mme_per_day", "decimal",
       "check_in: the daily opioid dose in morphine milligram equivalents; empty when not "
       "asked."},
      {"memory_attention", "boolean", "check_in: 1 when the patient reported memory or attention problems."},
  };
  return columns;
}

std::string research_dictionary_csv() {
  std::string out = "column,type,description\r\n";
  for (const auto& c : research_columns())
    out += csv_field(c.name) + "," + csv_field(c.type) + "," + csv_field(c.description) + "\r\n";
  return out;
}

ResearchExports::ResearchExports(Store& store, Crypto& crypto, const Clock& clock, OutcomeService& outcomes)
    : store_(store), crypto_(crypto), clock_(clock), outcomes_(outcomes) {}

ResearchExports::~ResearchExports() {
  for (auto& t : threads_)
    if (t.joinable()) t.join();
}

void ResearchExports::forget_expired() {
  const std::int64_t now = clock_.now_ms();
  for (auto it = jobs_.begin(); it != jobs_.end();)
    if (it->second->status.state != "running" && now - it->second->status.created_ms > kKeepMs)
      it = jobs_.erase(it);
    else
      ++it;
}

Result<ExportStatus> ResearchExports::start(const Caller& caller, const DashboardQuery& query) {
  if (!caller.can(Action::research_export)) {
    audit_.record_denied(store_, caller, "research_export.start", "clinic", caller.clinic.value);
    return Error::forbidden("Only an admin may export research data.");
  }
  auto filter = dashboard_filter(query, date_of(clock_.now_ms()));
  if (!filter) return filter.error();
  auto job = std::make_shared<Job>();
  job->status.id = new_id(crypto_, "exp");
  job->status.clinic_id = caller.clinic.value;
  job->status.created_ms = clock_.now_ms();
  job->status.filter = *filter;
  {
    std::lock_guard lock(mu_);
    forget_expired();
    for (const auto& [id, j] : jobs_)
      if (j->status.clinic_id == caller.clinic.value && j->status.state == "running")
        return Error::conflict("export_running", "An export is already running for this clinic; wait for it.");
    jobs_[job->status.id] = job;
  }
  {
    auto tx = store_.begin(Store::Mode::write);
    audit_.record(*tx, caller, "research_export.start", "research_export", job->status.id);
    tx->commit();
  }
  ExportStatus first = job->status;
  std::lock_guard lock(mu_);
  threads_.emplace_back([this, job, caller] { run(job, caller); });
  return first;
}

void ResearchExports::run(std::shared_ptr<Job> job, Caller caller) {
  try {
    const auto filter = job->status.filter;
    const ClinicId clinic = caller.clinic;
    const std::int64_t from_ms = static_cast<std::int64_t>(days_between(Date{}, filter.from)) * kDayMs;
    const std::int64_t to_ms = static_cast<std::int64_t>(days_between(Date{}, add_days(filter.to, 1))) * kDayMs;

    // The patients the filter selects: a dosed session in the range (of the route), of the indication.
    std::vector<std::string> selected;
    std::map<std::string, std::string> indications;
    {
      auto tx = store_.begin(Store::Mode::read);
      auto rows = tx->dashboard_rows(clinic, "phq9", to_ms);
      std::map<std::string, std::vector<std::string>> groups;
      for (const auto& p : rows.facts.patients) {
        std::vector<std::string> g;
        for (const auto& code : p.indication_groups) {
          std::string name(indication_group(code));
          if (std::find(g.begin(), g.end(), name) == g.end()) g.push_back(name);
        }
        std::string joined;
        for (const auto& n : g) joined += (joined.empty() ? "" : ";") + n;
        indications[p.id] = joined;
        groups[p.id] = std::move(g);
      }
      std::set<std::string> chosen;
      for (const auto& s : rows.facts.sessions) {
        if (s.dose_started_ms < from_ms || s.dose_started_ms >= to_ms) continue;
        if (filter.route && s.route != *filter.route) continue;
        if (filter.indication) {
          const auto& g = groups[s.patient_id];
          if (std::find(g.begin(), g.end(), *filter.indication) == g.end()) continue;
        }
        chosen.insert(s.patient_id);
      }
      selected.assign(chosen.begin(), chosen.end());
    }
    // A random order, so that subject numbers say nothing about the records.
    for (std::size_t i = selected.size(); i > 1; --i) std::swap(selected[i - 1], selected[random_number(crypto_) % i]);
    {
      std::lock_guard lock(mu_);
      job->status.total = static_cast<int>(selected.size());
    }

    std::string csv;
    for (std::size_t c = 0; c < research_columns().size(); ++c)
      csv += (c ? "," : "") + std::string(research_columns()[c].name);
    csv += "\r\n";
    int rows_written = 0;
    for (std::size_t n = 0; n < selected.size(); ++n) {
      auto tx = store_.begin(Store::Mode::read);
      auto patient = tx->patient(clinic, selected[n]);
      if (!patient) continue;
      const auto v = outcomes_.progress_of(*tx, clinic, *patient);
      tx.reset();
      if (!v.first_session_ms) continue;
      char subject[16];
      std::snprintf(subject, sizeof subject, "S%04zu", n + 1);
      const Date first = date_of(*v.first_session_ms);
      const int shift = 1 + static_cast<int>(random_number(crypto_) % kMaxShiftDays);
      std::string age;
      if (auto dob = parse_date(patient->date_of_birth)) age = std::to_string(capped_age(age_in_years(*dob, first)));

      std::vector<Row> events;
      for (const auto& s : v.sessions) {
        Row r{s.at_ms, {{"event", "session"}, {"route", s.session.route}}};
        if (s.given.ug) r.values["given_mg"] = format_milli(*s.given.ug);
        if (s.given.ug_per_kg) r.values["given_mg_per_kg"] = format_milli(*s.given.ug_per_kg);
        events.push_back(std::move(r));
      }
      for (const auto& i : v.instruments)
        for (const auto& p : i.points)
          events.push_back({p.at_ms,
                            {{"event", "response"},
                             {"instrument", std::string(i.instrument->code)},
                             {"total", std::to_string(p.total)}}});
      for (const auto& e : v.side_effects)
        events.push_back({e.at_ms,
                          {{"event", "effect"},
                           {"effect_kind", e.kind},
                           {"severity", e.severity},
                           {"serious", e.serious ? "1" : "0"}}});
      for (const auto& c : v.check_ins) {
        Row r{c.at_ms, {{"event", "check_in"}, {"memory_attention", c.memory_attention ? "1" : "0"}}};
        if (c.mme_milli >= 0) r.values["mme_per_day"] = format_milli(c.mme_milli);
        events.push_back(std::move(r));
      }
      std::stable_sort(events.begin(), events.end(), [](const Row& a, const Row& b) { return a.at_ms < b.at_ms; });
      for (auto& r : events) {
        const Date on = date_of(r.at_ms);
        r.values["subject"] = subject;
        r.values["day"] = std::to_string(days_between(first, on));
        r.values["date_shifted"] = format_date(add_days(on, -shift));
        r.values["age_at_first_session"] = age;
        r.values["indication_group"] = indications[patient->id];
        std::string line;
        for (std::size_t c = 0; c < research_columns().size(); ++c) {
          auto it = r.values.find(research_columns()[c].name);
          line += (c ? "," : "") + (it == r.values.end() ? std::string() : csv_field(it->second));
        }
        csv += line + "\r\n";
        ++rows_written;
      }
      std::lock_guard lock(mu_);
      job->status.done = static_cast<int>(n + 1);
      job->status.rows = rows_written;
    }
    std::lock_guard lock(mu_);
    job->csv = std::move(csv);
    job->status.done = job->status.total;
    job->status.state = "done";
  } catch (const std::exception& e) {
    std::lock_guard lock(mu_);
    job->status.state = "failed";
    job->status.error = "The export could not be completed; try again.";
  }
  changed_.notify_all();
}

Result<ExportStatus> ResearchExports::status(const Caller& caller, const std::string& id) {
  if (!caller.can(Action::research_export)) return Error::forbidden("Only an admin may export research data.");
  std::lock_guard lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second->status.clinic_id != caller.clinic.value)
    return Error::not_found("No such export (finished exports are kept for an hour).");
  return it->second->status;
}

Result<std::string> ResearchExports::data(const Caller& caller, const std::string& id) {
  if (!caller.can(Action::research_export)) {
    audit_.record_denied(store_, caller, "research_export.download", "research_export", id);
    return Error::forbidden("Only an admin may export research data.");
  }
  std::string csv;
  {
    std::lock_guard lock(mu_);
    auto it = jobs_.find(id);
    if (it == jobs_.end() || it->second->status.clinic_id != caller.clinic.value)
      return Error::not_found("No such export (finished exports are kept for an hour).");
    if (it->second->status.state == "failed") return Error::conflict("export_failed", it->second->status.error);
    if (it->second->status.state != "done")
      return Error::conflict("not_ready", "The export is still running; wait until it is done.");
    csv = it->second->csv;
  }
  auto tx = store_.begin(Store::Mode::write);
  audit_.record(*tx, caller, "research_export.download", "research_export", id);
  tx->commit();
  return csv;
}

Result<std::string> ResearchExports::dictionary(const Caller& caller) {
  if (!caller.can(Action::research_export)) return Error::forbidden("Only an admin may export research data.");
  return research_dictionary_csv();
}

void ResearchExports::wait(const std::string& id) {
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] {
    auto it = jobs_.find(id);
    return it == jobs_.end() || it->second->status.state != "running";
  });
}

}  // namespace kc::app
