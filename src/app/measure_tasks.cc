// MeasureService: clinical tasks raised by risk signals, the inbox, acknowledgement,
// and escalation to the medical director.
#include <algorithm>

#include "app/ids.h"
#include "app/measure_internal.h"
#include "app/measure_service.h"
#include "domain/time.h"
#include "domain/validation.h"

namespace kc::app {

std::string MeasureService::raise_risk_task(Transaction& tx, const Caller& caller, const ResponseRow& response,
                                            const std::vector<RiskSignal>& signals,
                                            const MeasureSettingsRow& settings) {
  const std::int64_t now = clock_.now_ms();
  TaskRow task;
  task.id = new_id(crypto_, "tsk");
  task.clinic_id = caller.clinic.value;
  task.patient_id = response.patient_id;
  task.kind = "suicide_risk";
  task.priority = "high";
  for (const auto& s : signals) task.reasons.push_back(s.reason);
  task.instrument = response.instrument;
  task.response_id = response.id;
  // The responsible clinician, while still an active prescriber; otherwise any prescriber.
  if (auto id = tx.responsible_clinician(caller.clinic, response.patient_id); !id.empty())
    if (auto u = tx.user(caller.clinic, id); u && !u->disabled && has_role(u->roles, Role::prescriber))
      task.assigned_to = id;
  task.created_ms = now;
  task.escalate_at_ms = now + settings.escalation_minutes * kMinuteMs;
  tx.insert_task(task);
  audit_.record(tx, caller, "task.create", "task", task.id);
  return task.id;
}

void MeasureService::announce(const ClinicId& clinic, std::string_view type, const std::string& task_id) {
  if (!events_) return;
  // Ids only: the inbox reads the task through the API, which checks who may see it.
  events_->publish(clinic,
                   {std::string(type), "{\"task_id\":\"" + task_id + "\"}", Action::measures_read, clock_.now_ms()});
}

std::vector<std::string> MeasureService::escalate_due(Transaction& tx, const ClinicId& clinic) {
  const std::int64_t now = clock_.now_ms();
  auto due = tx.tasks_to_escalate(clinic, now);
  std::vector<std::string> escalated;
  if (due.empty()) return escalated;
  const auto settings = settings_of(tx, clinic);
  const auto admins = active_users_with(tx, clinic, Role::admin);
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
    escalated.push_back(task.id);
  }
  return escalated;
}

void MeasureService::sweep() {
  std::vector<ClinicRow> clinics;
  {
    auto tx = store_.begin(Store::Mode::read);
    clinics = tx->clinics();
  }
  for (const auto& c : clinics) {
    auto tx = store_.begin(Store::Mode::write);
    auto escalated = escalate_due(*tx, ClinicId{c.id});
    tx->commit();
    for (const auto& id : escalated) announce(ClinicId{c.id}, "task.escalated", id);
  }
}

namespace {

bool may_act_on(const Caller& caller, const TaskRow& task) {
  if (caller.can(Action::settings_manage)) return true;  // the medical director sees and acts on every task
  if (!task.assigned_to.empty()) return task.assigned_to == caller.user_id;
  return has_role(caller.roles, Role::prescriber);
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
  auto escalated = escalate_due(*tx, caller.clinic);
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
  for (const auto& id : escalated) announce(caller.clinic, "task.escalated", id);
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
  announce(caller.clinic, "task.acknowledged", task_id);
  return view;
}

}  // namespace kc::app
