// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, type Fetch } from '../api';
import { CATALOGUE } from '../measures/measures_fixtures';
import { RoutedPage } from '../shell/RoutedPage';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const MISSED = {
  check_ins: [{ patient: { id: 'pat_1', name: 'Okafor, Maya' }, instrument: 'phq9', due_on: '2026-10-01', missed: 2 }],
  liver_tests: [{ patient: { id: 'pat_2', name: 'Delgado, Rosa' }, last_test_on: null, due_on: '2026-11-01' }],
};

describe('the Missed follow-up page', () => {
  it('lists overdue check-ins and liver tests, each linked to the patient’s chart', async () => {
    const fetchFn = vi.fn<Fetch>((url) => Promise.resolve(json(url === '/api/v1/instruments' ? { instruments: CATALOGUE } : MISSED)));
    await act(() => render(<RoutedPage path="/follow-up" roles={['therapist']} clinicId="cln_1" api={new ApiClient(fetchFn)} />, container));
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(container.querySelector('h1')?.textContent).toBe('Missed follow-up');
    const rows = [...container.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual([['Okafor, Maya', 'PHQ-9', '2026-10-01', '2'], ['Delgado, Rosa', 'Never', '2026-11-01']]);
    expect([...container.querySelectorAll('tbody a')].map((a) => a.getAttribute('href'))).toEqual(['/patients/pat_1', '/patients/pat_2']);
    expect([...container.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Overdue check-ins (1)', 'Liver tests overdue (1)']);
  });
});
