// The measurement-based-care part of SociTransaction (see soci_transaction.h):
// settings, questionnaire responses and links, schedules, clinical tasks, and the
// patient's responsible clinician.
#include <string>

#include "store/query.h"
#include "store/soci_transaction.h"

namespace kc::store {
namespace {

using app::ClinicId;
using app::CompletionRow;
using app::LinkRow;
using app::MeasureSettingsRow;
using app::ResponseRow;
using app::ScheduleRow;
using app::TaskRow;

constexpr const char* kResponseColumns =
    "r.id, r.clinic_id, r.patient_id, r.instrument, r.status, r.source, r.link_id, r.answers, r.total, r.band, "
    "r.started_ms, r.updated_ms, r.submitted_ms, COALESCE(u.email, r.entered_by), r.amends, r.amendment_reason, "
    "COALESCE((SELECT a.id FROM questionnaire_responses a WHERE a.clinic_id = r.clinic_id AND a.amends = r.id), '')";
constexpr const char* kResponseFrom =
    " FROM questionnaire_responses r LEFT JOIN users u ON u.clinic_id = r.clinic_id AND u.id = r.entered_by";

struct ResponseFields {
  ResponseRow row;
  long long total = 0, started = 0, updated = 0, submitted = 0;
  void bind(DynamicQuery& q) {
    q.into(row.id);
    q.into(row.clinic_id);
    q.into(row.patient_id);
    q.into(row.instrument);
    q.into(row.status);
    q.into(row.source);
    q.into(row.link_id);
    q.into(row.answers);
    q.into(total);
    q.into(row.band);
    q.into(started);
    q.into(updated);
    q.into(submitted);
    q.into(row.entered_by);
    q.into(row.amends);
    q.into(row.amendment_reason);
    q.into(row.amended_by);
  }
  ResponseRow take() const {
    ResponseRow r = row;
    r.total = static_cast<int>(total);
    r.started_ms = started;
    r.updated_ms = updated;
    r.submitted_ms = submitted;
    return r;
  }
};

constexpr const char* kLinkColumns =
    "id, token_hash, clinic_id, patient_id, instruments, created_ms, expires_ms, used_ms, created_by";

struct LinkFields {
  LinkRow row;
  std::string instruments;
  long long created = 0, expires = 0, used = 0;
  void bind(DynamicQuery& q) {
    q.into(row.id);
    q.into(row.token_hash);
    q.into(row.clinic_id);
    q.into(row.patient_id);
    q.into(instruments);
    q.into(created);
    q.into(expires);
    q.into(used);
    q.into(row.created_by);
  }
  LinkRow take() const {
    LinkRow r = row;
    r.instruments = split_list(instruments, ',');
    r.created_ms = created;
    r.expires_ms = expires;
    r.used_ms = used;
    return r;
  }
};

constexpr const char* kTaskColumns =
    "id, clinic_id, patient_id, kind, priority, reasons, instrument, response_id, assigned_to, created_ms, "
    "escalate_at_ms, escalated_ms, acknowledged_ms, acknowledged_by, action";

struct TaskFields {
  TaskRow row;
  std::string reasons;
  long long created = 0, escalate_at = 0, escalated = 0, acknowledged = 0;
  void bind(DynamicQuery& q) {
    q.into(row.id);
    q.into(row.clinic_id);
    q.into(row.patient_id);
    q.into(row.kind);
    q.into(row.priority);
    q.into(reasons);
    q.into(row.instrument);
    q.into(row.response_id);
    q.into(row.assigned_to);
    q.into(created);
    q.into(escalate_at);
    q.into(escalated);
    q.into(acknowledged);
    q.into(row.acknowledged_by);
    q.into(row.action);
  }
  TaskRow take() const {
    TaskRow r = row;
    r.reasons = split_list(reasons, '\n');
    r.created_ms = created;
    r.escalate_at_ms = escalate_at;
    r.escalated_ms = escalated;
    r.acknowledged_ms = acknowledged;
    return r;
  }
};

struct ScheduleFields {
  ScheduleRow row;
  long long interval = 0;
  void bind(DynamicQuery& q) {
    q.into(row.patient_id);
    q.into(row.instrument);
    q.into(row.rule);
    q.into(row.start_on);
    q.into(row.end_on);
    q.into(interval);
  }
  ScheduleRow take() const {
    ScheduleRow r = row;
    r.interval_days = static_cast<int>(interval);
    return r;
  }
};

}  // namespace

std::optional<MeasureSettingsRow> SociTransaction::measure_settings(const ClinicId& clinic) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  MeasureSettingsRow r;
  long long hours = 0, minutes = 0, rise = 0, level = 0, updated = 0;
  q.into(r.clinic_id);
  q.into(hours);
  q.into(minutes);
  q.into(rise);
  q.into(level);
  q.into(r.crisis_message);
  q.into(updated);
  q.into(r.updated_by);
  q.run(
      "SELECT s.clinic_id, s.link_lifetime_hours, s.escalation_minutes, s.phq9_rise_points, s.cssrs_min_level, "
      "s.crisis_message, s.updated_ms, COALESCE(u.email, s.updated_by) FROM measure_settings s "
      "LEFT JOIN users u ON u.clinic_id = s.clinic_id AND u.id = s.updated_by WHERE s.clinic_id = :c");
  if (!q.fetch()) return std::nullopt;
  r.link_lifetime_hours = static_cast<int>(hours);
  r.escalation_minutes = static_cast<int>(minutes);
  r.phq9_rise_points = static_cast<int>(rise);
  r.cssrs_min_level = static_cast<int>(level);
  r.updated_ms = updated;
  return r;
}

void SociTransaction::save_measure_settings(const MeasureSettingsRow& s) {
  DynamicQuery q(sql());
  q.arg(s.clinic_id);
  q.arg(static_cast<long long>(s.link_lifetime_hours));
  q.arg(static_cast<long long>(s.escalation_minutes));
  q.arg(static_cast<long long>(s.phq9_rise_points));
  q.arg(static_cast<long long>(s.cssrs_min_level));
  q.arg(s.crisis_message);
  q.arg(static_cast<long long>(s.updated_ms));
  q.arg(s.updated_by);
  q.run(
      "INSERT INTO measure_settings (clinic_id, link_lifetime_hours, escalation_minutes, phq9_rise_points, "
      "cssrs_min_level, crisis_message, updated_ms, updated_by) VALUES (:c, :h, :m, :r, :l, :cm, :u, :ub) "
      "ON CONFLICT (clinic_id) DO UPDATE SET link_lifetime_hours = excluded.link_lifetime_hours, "
      "escalation_minutes = excluded.escalation_minutes, phq9_rise_points = excluded.phq9_rise_points, "
      "cssrs_min_level = excluded.cssrs_min_level, crisis_message = excluded.crisis_message, "
      "updated_ms = excluded.updated_ms, updated_by = excluded.updated_by");
}

void SociTransaction::insert_response(const ResponseRow& r) {
  DynamicQuery q(sql());
  q.arg(r.id);
  q.arg(r.clinic_id);
  q.arg(r.patient_id);
  q.arg(r.instrument);
  q.arg(r.status);
  q.arg(r.source);
  q.arg(r.link_id);
  q.arg(r.answers);
  q.arg(static_cast<long long>(r.total));
  q.arg(r.band);
  q.arg(static_cast<long long>(r.started_ms));
  q.arg(static_cast<long long>(r.updated_ms));
  q.arg(static_cast<long long>(r.submitted_ms));
  q.arg(r.entered_by);
  q.arg(r.amends);
  q.arg(r.amendment_reason);
  q.run(
      "INSERT INTO questionnaire_responses (id, clinic_id, patient_id, instrument, status, source, link_id, answers, "
      "total, band, started_ms, updated_ms, submitted_ms, entered_by, amends, amendment_reason) VALUES (:id, :c, "
      ":p, :i, :st, :src, :l, :a, :t, :b, :s, :u, :sub, :e, :am, :ar)");
}

bool SociTransaction::update_response(const ClinicId& clinic, const ResponseRow& r) {
  DynamicQuery q(sql());
  q.arg(r.status);
  q.arg(r.answers);
  q.arg(static_cast<long long>(r.total));
  q.arg(r.band);
  q.arg(static_cast<long long>(r.updated_ms));
  q.arg(static_cast<long long>(r.submitted_ms));
  q.arg(r.entered_by);
  q.arg(clinic.value);
  q.arg(r.id);
  q.run(
      "UPDATE questionnaire_responses SET status = :st, answers = :a, total = :t, band = :b, updated_ms = :u, "
      "submitted_ms = :sub, entered_by = :e WHERE clinic_id = :c AND id = :id AND status = 'in_progress'");
  return q.affected_rows() == 1;
}

std::optional<ResponseRow> SociTransaction::response(const ClinicId& clinic, std::string_view id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(id));
  ResponseFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kResponseColumns + kResponseFrom + " WHERE r.clinic_id = :c AND r.id = :id");
  if (!q.fetch()) return std::nullopt;
  return f.take();
}

std::vector<ResponseRow> SociTransaction::responses(const ClinicId& clinic, std::string_view patient_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  ResponseFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kResponseColumns + kResponseFrom +
        " WHERE r.clinic_id = :c AND r.patient_id = :p ORDER BY r.started_ms DESC, r.id DESC");
  return q.collect([&] { return f.take(); });
}

std::vector<ResponseRow> SociTransaction::link_responses(const ClinicId& clinic, std::string_view link_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(link_id));
  ResponseFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kResponseColumns + kResponseFrom +
        " WHERE r.clinic_id = :c AND r.link_id = :l ORDER BY r.started_ms, r.id");
  return q.collect([&] { return f.take(); });
}

std::vector<CompletionRow> SociTransaction::scheduled_completions(const ClinicId& clinic) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  CompletionRow row;
  long long submitted = 0;
  q.into(row.patient_id);
  q.into(row.instrument);
  q.into(submitted);
  q.run(
      "SELECT r.patient_id, r.instrument, r.submitted_ms FROM questionnaire_responses r WHERE r.clinic_id = :c AND "
      "r.status = 'submitted' AND r.patient_id IN (SELECT DISTINCT s.patient_id FROM measure_schedules s WHERE "
      "s.clinic_id = r.clinic_id) AND r.amends = '' ORDER BY r.patient_id, r.submitted_ms");
  return q.collect([&] {
    CompletionRow out = row;
    out.submitted_ms = submitted;
    return out;
  });
}

void SociTransaction::insert_link(const LinkRow& l) {
  DynamicQuery q(sql());
  q.arg(l.id);
  q.arg(l.token_hash);
  q.arg(l.clinic_id);
  q.arg(l.patient_id);
  q.arg(join_list(l.instruments, ','));
  q.arg(static_cast<long long>(l.created_ms));
  q.arg(static_cast<long long>(l.expires_ms));
  q.arg(static_cast<long long>(l.used_ms));
  q.arg(l.created_by);
  q.run(std::string("INSERT INTO questionnaire_links (") + kLinkColumns +
        ") VALUES (:id, :th, :c, :p, :i, :cr, :ex, :u, :by)");
}

std::optional<LinkRow> SociTransaction::link_by_token_hash(std::string_view token_hash) {
  DynamicQuery q(sql());
  q.arg(std::string(token_hash));
  LinkFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kLinkColumns + " FROM questionnaire_links WHERE token_hash = :th" + lock_clause());
  if (!q.fetch()) return std::nullopt;
  return f.take();
}

void SociTransaction::mark_link_used(const ClinicId& clinic, std::string_view id, std::int64_t now_ms) {
  DynamicQuery q(sql());
  q.arg(static_cast<long long>(now_ms));
  q.arg(clinic.value);
  q.arg(std::string(id));
  q.run("UPDATE questionnaire_links SET used_ms = :u WHERE clinic_id = :c AND id = :id");
}

std::vector<LinkRow> SociTransaction::links(const ClinicId& clinic, std::string_view patient_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  LinkFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kLinkColumns +
        " FROM questionnaire_links WHERE clinic_id = :c AND patient_id = :p ORDER BY created_ms DESC, id DESC");
  return q.collect([&] { return f.take(); });
}

void SociTransaction::replace_schedule(const ClinicId& clinic, std::string_view patient_id,
                                       const std::vector<ScheduleRow>& schedule) {
  {
    DynamicQuery del(sql());
    del.arg(clinic.value);
    del.arg(std::string(patient_id));
    del.run("DELETE FROM measure_schedules WHERE clinic_id = :c AND patient_id = :p");
  }
  long long position = 0;
  for (const auto& s : schedule) {
    DynamicQuery q(sql());
    q.arg(clinic.value);
    q.arg(std::string(patient_id));
    q.arg(position++);
    q.arg(s.instrument);
    q.arg(s.rule);
    q.arg(s.start_on);
    q.arg(s.end_on);
    q.arg(static_cast<long long>(s.interval_days));
    q.run(
        "INSERT INTO measure_schedules (clinic_id, patient_id, position, instrument, rule, start_on, end_on, "
        "interval_days) VALUES (:c, :p, :pos, :i, :r, :s, :e, :d)");
  }
}

std::vector<ScheduleRow> SociTransaction::schedule(const ClinicId& clinic, std::string_view patient_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  ScheduleFields f;
  f.bind(q);
  q.run(
      "SELECT patient_id, instrument, rule, start_on, end_on, interval_days FROM measure_schedules "
      "WHERE clinic_id = :c AND patient_id = :p ORDER BY position");
  return q.collect([&] { return f.take(); });
}

std::vector<ScheduleRow> SociTransaction::schedules(const ClinicId& clinic) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  ScheduleFields f;
  f.bind(q);
  q.run(
      "SELECT patient_id, instrument, rule, start_on, end_on, interval_days FROM measure_schedules "
      "WHERE clinic_id = :c ORDER BY patient_id, position");
  return q.collect([&] { return f.take(); });
}

void SociTransaction::insert_task(const TaskRow& t) {
  DynamicQuery q(sql());
  q.arg(t.id);
  q.arg(t.clinic_id);
  q.arg(t.patient_id);
  q.arg(t.kind);
  q.arg(t.priority);
  q.arg(join_list(t.reasons, '\n'));
  q.arg(t.instrument);
  q.arg(t.response_id);
  q.arg(t.assigned_to);
  q.arg(static_cast<long long>(t.created_ms));
  q.arg(static_cast<long long>(t.escalate_at_ms));
  q.arg(static_cast<long long>(t.escalated_ms));
  q.arg(static_cast<long long>(t.acknowledged_ms));
  q.arg(t.acknowledged_by);
  q.arg(t.action);
  q.run(std::string("INSERT INTO clinical_tasks (") + kTaskColumns +
        ") VALUES (:id, :c, :p, :k, :pr, :rs, :i, :r, :a, :cr, :ea, :es, :ak, :ab, :ac)");
}

void SociTransaction::update_task(const ClinicId& clinic, const TaskRow& t) {
  DynamicQuery q(sql());
  q.arg(static_cast<long long>(t.escalated_ms));
  q.arg(static_cast<long long>(t.acknowledged_ms));
  q.arg(t.acknowledged_by);
  q.arg(t.action);
  q.arg(clinic.value);
  q.arg(t.id);
  q.run(
      "UPDATE clinical_tasks SET escalated_ms = :es, acknowledged_ms = :ak, acknowledged_by = :ab, action = :ac "
      "WHERE clinic_id = :c AND id = :id");
}

std::optional<TaskRow> SociTransaction::task(const ClinicId& clinic, std::string_view id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(id));
  TaskFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kTaskColumns + " FROM clinical_tasks WHERE clinic_id = :c AND id = :id" +
        lock_clause());
  if (!q.fetch()) return std::nullopt;
  return f.take();
}

std::vector<TaskRow> SociTransaction::tasks(const ClinicId& clinic, bool open_only) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  TaskFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kTaskColumns + " FROM clinical_tasks WHERE clinic_id = :c" +
        (open_only ? " AND acknowledged_ms = 0" : "") + " ORDER BY created_ms, id");
  return q.collect([&] { return f.take(); });
}

std::vector<TaskRow> SociTransaction::tasks_to_escalate(const ClinicId& clinic, std::int64_t now_ms) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(static_cast<long long>(now_ms));
  TaskFields f;
  f.bind(q);
  q.run(std::string("SELECT ") + kTaskColumns +
        " FROM clinical_tasks WHERE clinic_id = :c AND acknowledged_ms = 0 AND escalated_ms = 0 AND "
        "escalate_at_ms > 0 AND escalate_at_ms <= :now ORDER BY created_ms, id" +
        lock_clause());
  return q.collect([&] { return f.take(); });
}

std::string SociTransaction::responsible_clinician(const ClinicId& clinic, std::string_view patient_id) {
  DynamicQuery q(sql());
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  std::string user_id;
  q.into(user_id);
  q.run("SELECT responsible_clinician_id FROM patients WHERE clinic_id = :c AND id = :p");
  if (!q.fetch()) return {};
  return user_id;
}

void SociTransaction::set_responsible_clinician(const ClinicId& clinic, std::string_view patient_id,
                                                std::string_view user_id) {
  DynamicQuery q(sql());
  q.arg(std::string(user_id));
  q.arg(clinic.value);
  q.arg(std::string(patient_id));
  q.run("UPDATE patients SET responsible_clinician_id = :u WHERE clinic_id = :c AND id = :p");
}

}  // namespace kc::store
