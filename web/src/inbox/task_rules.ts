// How the inbox tells a task's kind and urgency: how long until it goes to the
// medical director, or that it already has (relapse and bladder-symptom tasks
// never escalate); and the navigation's count of open tasks.
import type { EscalationTask, TaskKind } from '../api';

/** A task's kind in words, as its badge reads. */
export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  suicide_risk: 'Suicide risk',
  relapse: 'Relapse',
  bladder_symptoms: 'Bladder symptoms',
};

/** "High priority", "Medium priority". */
export function priorityLabel(priority: EscalationTask['priority']): string {
  return priority === 'high' ? 'High priority' : 'Medium priority';
}

/** Tasks nobody has acknowledged yet. */
export function openTaskCount(tasks: readonly Pick<EscalationTask, 'acknowledged_at'>[]): number {
  return tasks.filter((t) => t.acknowledged_at === null).length;
}

/** The Inbox link's visible text and its spoken name: "Inbox (2)", "Inbox, 2 open tasks". */
export function inboxLinkText(count: number | null): { text: string; label: string | undefined } {
  if (count === null || count === 0) return { text: 'Inbox', label: count === 0 ? 'Inbox, no open tasks' : undefined };
  return { text: `Inbox (${count})`, label: `Inbox, ${count} open ${count === 1 ? 'task' : 'tasks'}` };
}

/** "1 h 5 min", "45 min", "less than a minute". */
export function durationText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes} min`;
  if (hours >= 48) return `${Math.floor(hours / 24)} days`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export type EscalationState =
  | { kind: 'acknowledged' }
  | { kind: 'never' }
  | { kind: 'escalated' }
  | { kind: 'pending'; text: string; due: boolean };

/**
 * Where an unacknowledged task stands against its escalation time at `nowMs`. Only
 * suicide-risk tasks escalate (relapse and bladder-symptom tasks never do, whatever
 * escalate_at says: the server sends the epoch for them).
 */
export function escalationState(task: Pick<EscalationTask, 'kind' | 'acknowledged_at' | 'escalated' | 'escalate_at'>, nowMs: number): EscalationState {
  if (task.acknowledged_at !== null) return { kind: 'acknowledged' };
  if (task.escalated) return { kind: 'escalated' };
  if (task.kind !== 'suicide_risk' || task.escalate_at === null) return { kind: 'never' };
  const left = new Date(task.escalate_at).getTime() - nowMs;
  if (left <= 0) return { kind: 'pending', text: 'Escalation due now', due: true };
  return { kind: 'pending', text: `Escalates in ${durationText(left)}`, due: false };
}
