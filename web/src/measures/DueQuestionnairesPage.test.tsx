// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClinicDueQuestionnaire, Role } from '../api';
import { buttonNamed, click, container, settle, text } from '../chart/chart_test_server';
import { RoutedPage } from '../shell/RoutedPage';
import { measuresServer } from './measures_test_server';

afterEach(() => render(null, container));

const due = (name: string, instrument: string, due_on: string, overdue: boolean, missed = 0): ClinicDueQuestionnaire => ({
  patient: { id: `pat_${name.length}`, name }, instrument, rule: 'weekly', due_on, overdue, missed,
});

async function openDue(roles: Role[], items: ClinicDueQuestionnaire[]) {
  const server = measuresServer({ due: items });
  await act(() => render(<RoutedPage path="/measures" roles={roles} clinicId="cln_1" api={server.api} />, container));
  await settle();
  return server;
}

describe('Due questionnaires', () => {
  it('lists every patient’s due questionnaires, overdue first, linked to the chart', async () => {
    const server = await openDue(['therapist'], [due('Lee, Sam', 'gad7', '2026-11-20', false), due('Okafor, Maya', 'phq9', '2026-11-21', true, 2)]);
    expect(server.calls().sort()).toEqual(['GET /api/v1/instruments', 'GET /api/v1/measures/due']);
    expect(text('h1')).toBe('Due questionnaires');
    expect(text('#due-heading')).toBe('2 due, 1 overdue');
    expect([...container.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Patient', 'Questionnaire', 'Rule', 'Due on', 'Status', 'Missed']);
    const rows = [...container.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Okafor, Maya', 'PHQ-9', 'Weekly', '2026-11-21', 'Overdue', '2'],
      ['Lee, Sam', 'GAD-7', 'Weekly', '2026-11-20', 'Due', '0'],
    ]);
    expect(container.querySelector('tbody tr a')?.getAttribute('href')).toBe('/patients/pat_12');
    await click(buttonNamed('Refresh'));
    expect(server.calls().at(-1)).toBe('GET /api/v1/measures/due');
  });

  it('says when nothing is due', async () => {
    await openDue(['nurse'], []);
    expect(text('.list-status')).toBe('No questionnaires are due.');
    expect(container.querySelector('table')).toBeNull();
  });

  it('keeps the page from the front desk', async () => {
    const server = await openDue(['front_desk'], []);
    expect(text('h1')).toBe('You do not have access to this page');
    expect(server.calls()).toEqual([]);
  });
});
