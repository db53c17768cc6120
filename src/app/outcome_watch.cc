// The tasks a submitted response raises for follow-up and long-term safety: a relapse
// confirmed by this check (the clinic's rule) and a positive urinary screen.
#include <string>

#include "app/ids.h"
#include "app/outcome_service.h"

namespace kc::app {
namespace {

TaskRow task_for(Transaction& tx, const Caller& caller, const ResponseRow& response, Crypto& crypto, std::int64_t now) {
  TaskRow task;
  task.id = new_id(crypto, "tsk");
  task.clinic_id = caller.clinic.value;
  task.patient_id = response.patient_id;
  task.priority = "medium";
  task.instrument = response.instrument;
  task.response_id = response.id;
  // The responsible clinician, while still an active prescriber; otherwise any prescriber.
  if (auto id = tx.responsible_clinician(caller.clinic, response.patient_id); !id.empty())
    if (auto u = tx.user(caller.clinic, id); u && !u->disabled && has_role(u->roles, Role::prescriber))
      task.assigned_to = id;
  task.created_ms = now;
  task.escalate_at_ms = 0;  // these tasks do not escalate
  return task;
}

std::string day_text(std::int64_t ms) { return format_date(date_of(ms)); }

}  // namespace

std::vector<std::string> watch_response(Transaction& tx, const Caller& caller, const ResponseRow& response,
                                        Crypto& crypto, const Clock& clock, AuditLog& audit) {
  std::vector<std::string> raised;
  const Instrument* inst = find_instrument(response.instrument);
  if (!inst || response.status != "submitted") return raised;
  const std::int64_t now = clock.now_ms();

  if (inst->code == "urinary" && urinary_screen_positive(response.total)) {
    TaskRow task = task_for(tx, caller, response, crypto, now);
    task.kind = "bladder_symptoms";
    task.reasons.push_back("Bladder screen positive: " + std::to_string(response.total) +
                           " of 4 symptoms. Review for ketamine-related cystitis (frequency, urgency, pain, blood).");
    tx.insert_task(task);
    audit.record(tx, caller, "task.create", "task", task.id);
    raised.push_back(task.id);
  }

  if (inst->response_applies) {
    const auto settings = OutcomeService::settings_of(tx, caller.clinic).settings;
    const RelapseRule rule{settings.relapse_consecutive_checks};
    auto series = standing_points(tx.responses(caller.clinic, response.patient_id), inst->code);
    const auto& points = series[response.patient_id];
    // Only when this response is the newest check (an amendment corrects an old one).
    if (response.amends.empty() && !points.empty() && points.back().at_ms == response.submitted_ms &&
        relapse_confirmed_by_latest(*inst, points, rule)) {
      const auto t = trajectory_of(*inst, points, rule);
      TaskRow task = task_for(tx, caller, response, crypto, now);
      task.kind = "relapse";
      std::string checks;
      const int n = std::max(1, rule.consecutive_checks);
      for (std::size_t i = points.size() - static_cast<std::size_t>(n); i < points.size(); ++i)
        checks += (checks.empty() ? "" : ", ") + std::to_string(points[i].total) + " on " + day_text(points[i].at_ms);
      task.reasons.push_back(std::string(inst->name) + " rose back above the response threshold on " +
                             std::to_string(n) + (n == 1 ? " check" : " checks in a row") + " (" + checks +
                             ") after a response on " + day_text(*t.response_ms) + ": review the plan.");
      tx.insert_task(task);
      audit.record(tx, caller, "task.create", "task", task.id);
      raised.push_back(task.id);
    }
  }
  return raised;
}

}  // namespace kc::app
