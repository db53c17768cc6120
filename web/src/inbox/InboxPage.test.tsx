// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../api';
import { buttonNamed, click, container, settle, text, type } from '../chart/chart_test_server';
import { riskTask } from '../measures/measures_fixtures';
import { measuresServer, type MeasuresFakeOptions } from '../measures/measures_test_server';
import { RoutedPage } from '../shell/RoutedPage';
import { MainNav } from '../shell/MainNav';

afterEach(() => {
  render(null, container);
  vi.useRealTimers();
});

async function openInbox(roles: Role[], options: MeasuresFakeOptions) {
  const server = measuresServer(options);
  await act(() => render(<RoutedPage path="/inbox" roles={roles} clinicId="cln_1" api={server.api} />, container));
  await settle();
  return server;
}
const cards = () => [...container.querySelectorAll('.task-card')];

describe('the inbox', () => {
  it('shows each open risk task with its patient, reasons, clinician and time until escalation', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-21T10:15:00.000Z'), toFake: ['Date'] });
    const escalated = riskTask({ id: 'tsk_0', patient: { id: 'pat_2', name: 'Lee, Sam' }, escalated: true, escalated_at: '2026-11-21T09:00:00.000Z', assigned_to: null });
    const server = await openInbox(['prescriber'], { tasks: [escalated, riskTask()] });
    expect(server.calls()).toEqual(['GET /api/v1/tasks?state=open']);
    expect(text('h1')).toBe('Inbox');
    expect(text('.inbox-summary')).toBe('2 open tasks.');
    const [first, second] = cards();
    expect(first?.querySelector('h2 a')?.getAttribute('href')).toBe('/patients/pat_2');
    expect(first?.textContent).toContain('Escalated to the medical director');
    expect(first?.querySelector('.task-facts')?.textContent).toContain('ForAny prescriber');
    expect(second?.querySelector('h2')?.textContent).toBe('Okafor, Maya');
    expect(second?.querySelector('.escalation-time')?.textContent).toBe('Escalates in 45 min');
    expect(second?.querySelector('.task-reasons')?.textContent).toBe('PHQ-9 question 9 (thoughts of self-harm) answered "Several days".');
    expect(second?.querySelector('.task-facts')?.textContent).toContain('ForDr Priya Shah');
    expect([...(second?.querySelectorAll('.badge') ?? [])].map((b) => b.textContent)).toEqual(['High priority', 'Suicide risk']);
  });

  it('shows relapse and bladder-symptom tasks as medium priority, with no escalation countdown', async () => {
    const relapse = riskTask({ id: 'tsk_r', kind: 'relapse', priority: 'medium', escalate_at: null, reasons: ['PHQ-9 rose back above the response threshold on 2 checks in a row.'] });
    const bladder = riskTask({ id: 'tsk_b', kind: 'bladder_symptoms', priority: 'medium', escalate_at: '1970-01-01T00:00:00.000Z', reasons: ['Bladder screen positive (2 of 4).'] });
    await openInbox(['nurse'], { tasks: [relapse, bladder] });
    const [first, second] = cards();
    expect([...(first?.querySelectorAll('.badge') ?? [])].map((b) => b.textContent)).toEqual(['Medium priority', 'Relapse']);
    expect([...(second?.querySelectorAll('.badge') ?? [])].map((b) => b.textContent)).toEqual(['Medium priority', 'Bladder symptoms']);
    expect(container.querySelector('.escalation-time, .escalation-due')).toBeNull();
  });

  it('acknowledges a task only with the action documented, then moves it out of the open list', async () => {
    const server = await openInbox(['prescriber'], { tasks: [riskTask()] });
    await click(buttonNamed('Acknowledge the task for Okafor, Maya'));
    expect(text('dialog h2')).toBe('Acknowledge: Okafor, Maya');
    await click(container.querySelector('dialog button[type="submit"]'));
    expect(text('dialog .field-error')).toBe('Describe what was done, e.g. who called the patient and the outcome.');
    expect(document.activeElement?.getAttribute('name')).toBe('action');
    expect(server.bodies('/api/v1/tasks/tsk_1/acknowledge')).toEqual([]);
    await type('action', '  Phoned patient; safety plan reviewed; no current intent. ');
    await click(container.querySelector('dialog button[type="submit"]'));
    expect(server.bodies('/api/v1/tasks/tsk_1/acknowledge')).toEqual([{ action: 'Phoned patient; safety plan reviewed; no current intent.' }]);
    expect(container.querySelector('dialog')).toBeNull();
    expect(text('.notice-line')).toBe('Acknowledged the task for Okafor, Maya.');
    expect(cards()).toHaveLength(0);
    expect(text('.list-status')).toContain('Nothing to acknowledge.');

    await click(container.querySelector('.entries-toolbar input[type="checkbox"]'));
    expect(server.calls().at(-1)).toBe('GET /api/v1/tasks?state=all');
    expect(cards()[0]?.textContent).toContain('Action: Phoned patient; safety plan reviewed; no current intent.');
    expect(cards()[0]?.textContent).toContain('by prescriber@demo.test');
    expect(buttonNamed('Acknowledge the task for Okafor, Maya')).toBeUndefined();
  });

  it('offers no Acknowledge to someone the server says may not', async () => {
    await openInbox(['nurse'], { tasks: [riskTask({ can_acknowledge: false })] });
    expect(cards()).toHaveLength(1);
    expect(cards()[0]?.querySelector('button')).toBeNull();
  });

  it('keeps the inbox from the front desk', async () => {
    const server = await openInbox(['front_desk'], { tasks: [riskTask()] });
    expect(text('h1')).toBe('You do not have access to this page');
    expect(server.calls()).toEqual([]);
  });
});

describe('the Inbox link', () => {
  const nav = (roles: Role[], path: string, server: ReturnType<typeof measuresServer>) => act(() => render(<MainNav roles={roles} path={path} api={server.api} />, container));
  const inboxLink = () => [...container.querySelectorAll('a')].find((a) => a.getAttribute('href') === '/inbox');

  it('shows the number of open tasks and says it in words', async () => {
    const server = measuresServer({ tasks: [riskTask(), riskTask({ id: 'tsk_2' }), riskTask({ id: 'tsk_3', acknowledged_at: '2026-11-21T10:30:00.000Z' })] });
    await nav(['nurse'], '/patients', server);
    await settle();
    expect(inboxLink()?.textContent).toBe('Inbox (2)');
    expect(inboxLink()?.getAttribute('aria-label')).toBe('Inbox, 2 open tasks');
  });

  it('reads the count again on navigation, every minute, and after an acknowledgement', async () => {
    vi.useFakeTimers();
    const server = measuresServer({ tasks: [riskTask()] });
    const reads = () => server.calls().filter((c) => c === 'GET /api/v1/tasks?state=open').length;
    await nav(['prescriber'], '/patients', server);
    expect(reads()).toBe(1);
    await nav(['prescriber'], '/measures', server);
    expect(reads()).toBe(2);
    await act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(reads()).toBe(3);
    const { notifyTasksChanged } = await import('./open_task_count');
    await act(() => notifyTasksChanged());
    expect(reads()).toBe(4);
  });

  it('is not there for the front desk, and nothing is read', async () => {
    const server = measuresServer({ tasks: [riskTask()] });
    await nav(['front_desk'], '/patients', server);
    await settle();
    expect(inboxLink()).toBeUndefined();
    expect(server.calls()).toEqual([]);
  });

  it('shows plain "Inbox" when the count cannot be read', async () => {
    const server = measuresServer({ tasks: [riskTask()] });
    server.api.listTasks = () => Promise.reject(new Error('offline'));
    await nav(['nurse'], '/patients', server);
    await settle();
    expect(inboxLink()?.textContent).toBe('Inbox');
    expect(inboxLink()?.hasAttribute('aria-label')).toBe(false);
  });
});
