// One task in the inbox (suicide risk, relapse, bladder symptoms): the patient
// (linked to the chart), its kind and priority in words, the reasons,
// when it was raised, who it is for, and how urgent it is now: time left before it
// goes to the medical director, or that it already has. Acknowledged tasks show
// who acknowledged them and what was done.
import type { EscalationTask } from '../api';
import { patientChartPath } from '../navigation';
import { Link } from '../router';
import { formatDateTime } from '../ui/format';
import { escalationState, priorityLabel, TASK_KIND_LABELS } from './task_rules';

interface TaskCardProps {
  task: EscalationTask;
  nowMs: number;
  onAcknowledge: (task: EscalationTask) => void;
}

export const taskHeadingId = (taskId: string) => `task-${taskId}-heading`;

export function TaskCard({ task, nowMs, onAcknowledge }: TaskCardProps) {
  const state = escalationState(task, nowMs);
  const open = state.kind !== 'acknowledged';
  return (
    <li class={`task-card${open ? ' is-open' : ' is-acknowledged'}${state.kind === 'escalated' ? ' is-escalated' : ''}${task.priority === 'medium' ? ' is-medium' : ''}`} aria-labelledby={taskHeadingId(task.id)}>
      <div class="entry-head">
        <h2 id={taskHeadingId(task.id)} tabIndex={-1}>
          <Link href={patientChartPath(task.patient.id)}>{task.patient.name}</Link>
        </h2>
        <span class={task.priority === 'high' ? 'badge badge-override' : 'badge badge-warn'}>{priorityLabel(task.priority)}</span>
        <span class={task.kind === 'suicide_risk' ? 'badge badge-danger' : 'badge badge-warn'}>{TASK_KIND_LABELS[task.kind]}</span>
        {state.kind === 'escalated' && <span class="badge badge-escalated">Escalated to the medical director</span>}
        {state.kind === 'pending' && <span class={state.due ? 'escalation-due' : 'escalation-time'}>{state.text}</span>}
        {state.kind === 'acknowledged' && <span class="badge eligibility-ok">Acknowledged</span>}
      </div>
      <ul class="task-reasons">
        {task.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <dl class="task-facts">
        <div>
          <dt>Raised</dt>
          <dd>
            <time dateTime={task.created_at}>{formatDateTime(task.created_at)}</time>
          </dd>
        </div>
        <div>
          <dt>For</dt>
          <dd>{task.assigned_to ? task.assigned_to.display_name : 'Any prescriber'}</dd>
        </div>
        {task.escalated_at && (
          <div>
            <dt>Escalated</dt>
            <dd>
              <time dateTime={task.escalated_at}>{formatDateTime(task.escalated_at)}</time>
            </dd>
          </div>
        )}
        {task.acknowledged_at && (
          <div>
            <dt>Acknowledged</dt>
            <dd>
              <time dateTime={task.acknowledged_at}>{formatDateTime(task.acknowledged_at)}</time>
              {task.acknowledged_by && ` by ${task.acknowledged_by}`}
            </dd>
          </div>
        )}
      </dl>
      {task.action && <p class="task-action preserve-lines">Action: {task.action}</p>}
      {open && task.can_acknowledge && (
        <div class="actions">
          <button type="button" onClick={() => onAcknowledge(task)}>
            Acknowledge<span class="visually-hidden"> the task for {task.patient.name}</span>
          </button>
        </div>
      )}
    </li>
  );
}
