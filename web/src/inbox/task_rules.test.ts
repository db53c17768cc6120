import { describe, expect, it } from 'vitest';
import { durationText, escalationState, inboxLinkText, openTaskCount, priorityLabel, TASK_KIND_LABELS } from './task_rules';

const NOW = Date.UTC(2026, 10, 21, 10, 0);
const task = (escalate_at: string, changes: { escalated?: boolean; acknowledged_at?: string | null } = {}) => ({ kind: 'suicide_risk' as const, escalate_at, escalated: false, acknowledged_at: null, ...changes });

describe('the inbox', () => {
  it('counts only the tasks nobody has acknowledged', () => {
    expect(openTaskCount([{ acknowledged_at: null }, { acknowledged_at: '2026-11-21T10:00:00Z' }, { acknowledged_at: null }])).toBe(2);
  });

  it('shows the count on the Inbox link and speaks it in words', () => {
    expect(inboxLinkText(2)).toEqual({ text: 'Inbox (2)', label: 'Inbox, 2 open tasks' });
    expect(inboxLinkText(1)).toEqual({ text: 'Inbox (1)', label: 'Inbox, 1 open task' });
    expect(inboxLinkText(0)).toEqual({ text: 'Inbox', label: 'Inbox, no open tasks' });
    expect(inboxLinkText(null)).toEqual({ text: 'Inbox', label: undefined });
  });

  it('says durations in minutes, hours and days', () => {
    expect(durationText(30_000)).toBe('less than a minute');
    expect(durationText(45 * 60_000)).toBe('45 min');
    expect(durationText(65 * 60_000)).toBe('1 h 5 min');
    expect(durationText(120 * 60_000)).toBe('2 h');
    expect(durationText(72 * 3_600_000)).toBe('3 days');
  });

  it('counts down to escalation, then says it is due', () => {
    expect(escalationState(task('2026-11-21T10:42:30Z'), NOW)).toEqual({ kind: 'pending', text: 'Escalates in 42 min', due: false });
    expect(escalationState(task('2026-11-21T09:59:00Z'), NOW)).toEqual({ kind: 'pending', text: 'Escalation due now', due: true });
  });

  it('tells an escalated task, and an acknowledged one before anything else', () => {
    expect(escalationState(task('2026-11-21T09:00:00Z', { escalated: true }), NOW)).toEqual({ kind: 'escalated' });
    expect(escalationState(task('2026-11-21T09:00:00Z', { escalated: true, acknowledged_at: '2026-11-21T09:30:00Z' }), NOW)).toEqual({ kind: 'acknowledged' });
  });

  it('says that relapse and bladder-symptom tasks never escalate', () => {
    expect(escalationState({ kind: 'relapse', escalate_at: null, escalated: false, acknowledged_at: null }, NOW)).toEqual({ kind: 'never' });
    expect(escalationState({ kind: 'bladder_symptoms', escalate_at: '1970-01-01T00:00:00.000Z', escalated: false, acknowledged_at: null }, NOW)).toEqual({ kind: 'never' });
    expect(escalationState({ kind: 'relapse', escalate_at: null, escalated: false, acknowledged_at: '2026-11-21T09:30:00Z' }, NOW)).toEqual({ kind: 'acknowledged' });
  });

  it('names each kind of task and its priority in words', () => {
    expect(TASK_KIND_LABELS).toEqual({ suicide_risk: 'Suicide risk', relapse: 'Relapse', bladder_symptoms: 'Bladder symptoms' });
    expect(priorityLabel('high')).toBe('High priority');
    expect(priorityLabel('medium')).toBe('Medium priority');
  });
});
