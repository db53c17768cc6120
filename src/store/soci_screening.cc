// The clinical-history and eligibility part of SociTransaction (see soci_transaction.h).
#include "store/entered_in_error.h"
#include "store/query.h"
#include "store/soci_transaction.h"

namespace kc::store {
namespace {

using app::ClinicId;

/// Runs `sql` with `args` bound in order, reading each row through `bind`/`take`.
template <class Row, class Bind, class Take>
std::vector<Row> rows(soci::session& s, const std::vector<std::string>& args, const std::string& sql, Bind bind,
                      Take take) {
  DynamicQuery q(s);
  for (const auto& a : args) q.arg(a);
  bind(q);
  q.run(sql);
  return q.collect(take);
}

}  // namespace

void SociTransaction::insert_history_answer(const ClinicId& clinic, std::string_view patient_id,
                                            const app::HistoryAnswerRow& a) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  q.arg(a.question);
  q.arg(a.answer);
  q.arg(static_cast<long long>(a.recorded_ms));
  q.arg(a.recorded_by);
  q.run(
      "INSERT INTO patient_history_answers (clinic_id, patient_id, question, answer, recorded_ms, recorded_by) "
      "VALUES (:c, :p, :q, :a, :t, :u)");
}

std::vector<app::HistoryAnswerRow> SociTransaction::history_answers(const ClinicId& clinic,
                                                                    std::string_view patient_id) {
  app::HistoryAnswerRow r;
  long long at = 0;
  auto all = rows<app::HistoryAnswerRow>(
      sql(), {clinic.value, std::string(patient_id)},
      "SELECT a.question, a.answer, a.recorded_ms, COALESCE(u.email, a.recorded_by) FROM patient_history_answers a "
      "LEFT JOIN users u ON u.id = a.recorded_by WHERE a.clinic_id = :c AND a.patient_id = :p "
      "ORDER BY a.question, a.recorded_ms",
      [&](DynamicQuery& q) {
        q.into(r.question);
        q.into(r.answer);
        q.into(at);
        q.into(r.recorded_by);
      },
      [&] {
        auto copy = r;
        copy.recorded_ms = at;
        return copy;
      });
  std::vector<app::HistoryAnswerRow> latest;  // the last row of each question
  for (auto& a : all) {
    if (!latest.empty() && latest.back().question == a.question)
      latest.back() = std::move(a);
    else
      latest.push_back(std::move(a));
  }
  return latest;
}

void SociTransaction::insert_medication(const ClinicId& clinic, const app::MedicationRow& m) {
  DynamicQuery q(sql());
  q.arg(m.id);
  q.arg(clinic.value);
  q.arg(m.patient_id);
  q.arg(m.name);
  q.arg(m.medication_class);
  q.arg(m.dose);
  q.arg(static_cast<long long>(m.started_ms));
  q.arg(static_cast<long long>(m.stopped_ms));
  q.arg(m.recorded_by);
  q.run(
      "INSERT INTO patient_medications (id, clinic_id, patient_id, name, medication_class, dose, started_ms, "
      "stopped_ms, recorded_by) VALUES (:id, :c, :p, :n, :k, :d, :s, :e, :u)");
}

void SociTransaction::stop_medication(const ClinicId& clinic, std::string_view patient_id, std::string_view id,
                                      std::int64_t now_ms) {
  DynamicQuery q(sql());
  q.arg(static_cast<long long>(now_ms));
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  q.arg(std::string(id));
  q.run(
      "UPDATE patient_medications SET stopped_ms = :t WHERE clinic_id = :c AND patient_id = :p AND id = :id "
      "AND stopped_ms = 0");
}

std::vector<app::MedicationRow> SociTransaction::medications(const ClinicId& clinic, std::string_view patient_id,
                                                             app::Entries which) {
  app::MedicationRow m;
  long long started = 0, stopped = 0;
  EnteredInErrorFields error;
  return rows<app::MedicationRow>(
      sql(), {clinic.value, std::string(patient_id)},
      std::string("SELECT r.id, r.patient_id, r.name, r.medication_class, r.dose, r.started_ms, r.stopped_ms, "
                  "r.recorded_by, ") +
          kEnteredInErrorColumns + " FROM patient_medications r" + kEnteredInErrorJoin +
          " WHERE r.clinic_id = :c AND r.patient_id = :p" + entered_in_error_filter(which) +
          " ORDER BY r.started_ms, r.id",
      [&](DynamicQuery& q) {
        q.into(m.id);
        q.into(m.patient_id);
        q.into(m.name);
        q.into(m.medication_class);
        q.into(m.dose);
        q.into(started);
        q.into(stopped);
        q.into(m.recorded_by);
        error.bind(q);
      },
      [&] {
        auto copy = m;
        copy.started_ms = started;
        copy.stopped_ms = stopped;
        copy.entered_in_error = error.take();
        return copy;
      });
}

void SociTransaction::insert_diagnosis(const ClinicId& clinic, const app::DiagnosisRow& d) {
  DynamicQuery q(sql());
  q.arg(d.id);
  q.arg(clinic.value);
  q.arg(d.patient_id);
  q.arg(d.code);
  q.arg(static_cast<long long>(d.recorded_ms));
  q.arg(d.recorded_by);
  q.run(
      "INSERT INTO patient_diagnoses (id, clinic_id, patient_id, code, recorded_ms, recorded_by) "
      "VALUES (:id, :c, :p, :code, :t, :u)");
}

std::vector<app::DiagnosisRow> SociTransaction::diagnoses(const ClinicId& clinic, std::string_view patient_id,
                                                          app::Entries which) {
  app::DiagnosisRow d;
  long long at = 0;
  EnteredInErrorFields error;
  return rows<app::DiagnosisRow>(
      sql(), {clinic.value, std::string(patient_id)},
      std::string("SELECT r.id, r.patient_id, r.code, r.recorded_ms, r.recorded_by, ") + kEnteredInErrorColumns +
          " FROM patient_diagnoses r" + kEnteredInErrorJoin + " WHERE r.clinic_id = :c AND r.patient_id = :p" +
          entered_in_error_filter(which) + " ORDER BY r.recorded_ms, r.id",
      [&](DynamicQuery& q) {
        q.into(d.id);
        q.into(d.patient_id);
        q.into(d.code);
        q.into(at);
        q.into(d.recorded_by);
        error.bind(q);
      },
      [&] {
        auto copy = d;
        copy.recorded_ms = at;
        copy.entered_in_error = error.take();
        return copy;
      });
}

void SociTransaction::insert_trial(const ClinicId& clinic, const app::TrialRow& t) {
  DynamicQuery q(sql());
  q.arg(t.id);
  q.arg(clinic.value);
  q.arg(t.patient_id);
  q.arg(t.drug);
  q.arg(t.dose);
  q.arg(static_cast<long long>(t.weeks));
  q.arg(t.response);
  q.arg(static_cast<long long>(t.recorded_ms));
  q.arg(t.recorded_by);
  q.run(
      "INSERT INTO patient_trials (id, clinic_id, patient_id, drug, dose, weeks, response, recorded_ms, "
      "recorded_by) VALUES (:id, :c, :p, :d, :dose, :w, :r, :t, :u)");
}

std::vector<app::TrialRow> SociTransaction::trials(const ClinicId& clinic, std::string_view patient_id,
                                                   app::Entries which) {
  app::TrialRow t;
  long long weeks = 0, at = 0;
  EnteredInErrorFields error;
  return rows<app::TrialRow>(
      sql(), {clinic.value, std::string(patient_id)},
      std::string("SELECT r.id, r.patient_id, r.drug, r.dose, r.weeks, r.response, r.recorded_ms, r.recorded_by, ") +
          kEnteredInErrorColumns + " FROM patient_trials r" + kEnteredInErrorJoin +
          " WHERE r.clinic_id = :c AND r.patient_id = :p" + entered_in_error_filter(which) +
          " ORDER BY r.recorded_ms, r.id",
      [&](DynamicQuery& q) {
        q.into(t.id);
        q.into(t.patient_id);
        q.into(t.drug);
        q.into(t.dose);
        q.into(weeks);
        q.into(t.response);
        q.into(at);
        q.into(t.recorded_by);
        error.bind(q);
      },
      [&] {
        auto copy = t;
        copy.weeks = static_cast<int>(weeks);
        copy.recorded_ms = at;
        copy.entered_in_error = error.take();
        return copy;
      });
}

void SociTransaction::insert_decision(const ClinicId& clinic, const app::DecisionRow& d) {
  DynamicQuery q(sql());
  q.arg(d.id);
  q.arg(clinic.value);
  q.arg(d.patient_id);
  q.arg(d.decision);
  q.arg(d.reason);
  q.arg(d.override_reason);
  q.arg(d.rule_version);
  q.arg(d.snapshot);
  q.arg(static_cast<long long>(d.decided_ms));
  q.arg(d.decided_by);
  q.arg(static_cast<long long>(d.needs_rescreen ? 1 : 0));
  q.arg(d.rescreen_reason);
  q.run(
      "INSERT INTO eligibility_decisions (id, clinic_id, patient_id, decision, reason, override_reason, "
      "rule_version, snapshot, decided_ms, decided_by, needs_rescreen, rescreen_reason) VALUES (:id, :c, :p, :d, "
      ":r, :o, :v, :s, :t, :u, :n, :nr)");
}

std::optional<app::DecisionRow> SociTransaction::latest_decision(const ClinicId& clinic, std::string_view patient_id) {
  app::DecisionRow d;
  long long at = 0;
  int rescreen = 0;
  auto found = rows<app::DecisionRow>(
      sql(), {clinic.value, std::string(patient_id)},
      "SELECT d.id, d.patient_id, d.decision, d.reason, d.override_reason, d.rule_version, d.snapshot, d.decided_ms, "
      "COALESCE(u.email, d.decided_by), d.needs_rescreen, d.rescreen_reason FROM eligibility_decisions d "
      "LEFT JOIN users u ON u.id = d.decided_by WHERE d.clinic_id = :c AND d.patient_id = :p "
      "ORDER BY d.decided_ms DESC, d.id DESC LIMIT 1",
      [&](DynamicQuery& q) {
        q.into(d.id);
        q.into(d.patient_id);
        q.into(d.decision);
        q.into(d.reason);
        q.into(d.override_reason);
        q.into(d.rule_version);
        q.into(d.snapshot);
        q.into(at);
        q.into(d.decided_by);
        q.into(rescreen);
        q.into(d.rescreen_reason);
      },
      [&] {
        auto copy = d;
        copy.decided_ms = at;
        copy.needs_rescreen = rescreen != 0;
        return copy;
      });
  if (found.empty()) return std::nullopt;
  return found.front();
}

void SociTransaction::mark_rescreen(const ClinicId& clinic, std::string_view patient_id, std::string_view reason) {
  auto latest = latest_decision(clinic, patient_id);
  if (!latest || latest->needs_rescreen) return;
  DynamicQuery q(sql());
  q.arg(std::string(reason));
  q.arg(clinic.value);
  q.arg(latest->id);
  q.run("UPDATE eligibility_decisions SET needs_rescreen = 1, rescreen_reason = :r WHERE clinic_id = :c AND id = :id");
}

std::vector<app::EligibilityRulesRow> SociTransaction::eligibility_rule_versions(const ClinicId& clinic) {
  app::EligibilityRulesRow r;
  long long version = 0, at = 0;
  return rows<app::EligibilityRulesRow>(
      sql(), {clinic.value},
      "SELECT r.clinic_id, r.version, r.settings, r.reason, COALESCE(u.email, r.published_by), r.published_ms FROM "
      "eligibility_rule_versions r LEFT JOIN users u ON u.id = r.published_by WHERE r.clinic_id = :c "
      "ORDER BY r.version DESC",
      [&](DynamicQuery& q) {
        q.into(r.clinic_id);
        q.into(version);
        q.into(r.settings);
        q.into(r.reason);
        q.into(r.published_by);
        q.into(at);
      },
      [&] {
        auto copy = r;
        copy.version = static_cast<int>(version);
        copy.published_ms = at;
        return copy;
      });
}

bool SociTransaction::insert_eligibility_rules(const app::EligibilityRulesRow& r) {
  DynamicQuery q(sql());
  q.arg(r.clinic_id);
  q.arg(static_cast<long long>(r.version));
  q.arg(r.settings);
  q.arg(r.reason);
  q.arg(r.published_by);
  q.arg(static_cast<long long>(r.published_ms));
  q.run(
      "INSERT INTO eligibility_rule_versions (clinic_id, version, settings, reason, published_by, published_ms) "
      "VALUES (:c, :v, :s, :r, :u, :t) ON CONFLICT (clinic_id, version) DO NOTHING");
  return q.affected_rows() == 1;
}

}  // namespace kc::store
