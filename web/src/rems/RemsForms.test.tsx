// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, type Fetch, type RemsForm } from '../api';
import { buttonNamed, click, container, settle, text } from '../chart/chart_test_server';
import { RoutedPage } from '../shell/RoutedPage';

afterEach(() => render(null, container));

const FORM: RemsForm = {
  session_id: 'ses_1', patient: { name: 'Ana Lima', date_of_birth: '1985-02-01', sex_at_birth: 'female' },
  concomitant: { benzodiazepines: true, non_benzodiazepine_sedative_hypnotics: false, psychostimulants: false, maois: false, opioids: false },
  monitoring_clinician: 'Noah Nurse', setting: 'Demo Clinic, Room 1', date: '2026-11-20', dose_mg: 56, devices: 2, lot: 'S998', minutes_monitored: 125,
  vitals_acceptable_before: true, vitals_acceptable_after: true, bp_readings: [{ at: '2026-11-20T09:00:00Z', systolic_mmhg: 128, diastolic_mmhg: 80 }],
  sedation: true, dissociation: true, respiratory_depression: false, serious_adverse_events: [], due_on: '2026-11-27', submitted_on: '',
};

function server() {
  let form = FORM;
  const fetchFn = vi.fn<Fetch>((url, init) => {
    const answer = (status: number, body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
    if (url === '/api/v1/rems-forms?pending=true')
      return answer(200, { items: [
        { session_id: 'ses_2', patient: { id: 'p2', display_name: 'Ben Ortiz' }, date: '2026-11-20', due_on: '2026-11-27', overdue: false },
        { session_id: 'ses_1', patient: { id: 'p1', display_name: 'Ana Lima' }, date: '2026-11-10', due_on: '2026-11-17', overdue: true },
      ] });
    if (url === '/api/v1/sessions/ses_1/rems-form') return answer(200, form);
    if (url === '/api/v1/sessions/ses_9/rems-form') return answer(409, { error: { code: 'not_esketamine', message: 'Not esketamine.' } });
    if (url === '/api/v1/sessions/ses_1/rems-form/submitted' && init.method === 'POST') {
      form = { ...form, submitted_on: (JSON.parse(init.body as string) as { submitted_on: string }).submitted_on };
      return answer(200, {});
    }
    return answer(404, { error: { code: 'not_found', message: 'No such route.' } });
  });
  return { api: new ApiClient(fetchFn), fetchFn };
}

async function openPath(path: string, s: ReturnType<typeof server>) {
  await act(() => render(<RoutedPage path={path} roles={['nurse']} clinicId="cln_1" api={s.api} />, container));
  await settle();
}

describe('REMS forms', () => {
  it('lists the forms not submitted, overdue first and said in words', async () => {
    await openPath('/rems-forms', server());
    const rows = [...container.querySelectorAll('.rems-pending tbody tr')];
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual(['Ana Lima', 'Ben Ortiz']);
    expect(rows[0]?.textContent).toContain('2026-11-17 Overdue');
    expect(rows[1]?.textContent).not.toContain('Overdue');
    expect(rows[0]?.querySelector('a')?.getAttribute('href')).toBe('/sessions/ses_1/rems-form');
  });

  it('shows the form for review and marks it submitted', async () => {
    const s = server();
    await openPath('/sessions/ses_1/rems-form', s);
    expect(text('h1')).toBe('Spravato REMS Patient Monitoring Form');
    const facts = text('.facts');
    expect(facts).toContain('Concomitant benzodiazepinesYes');
    expect(facts).toContain('56 mg (2 devices)');
    expect(facts).toContain('Total minutes monitored125');
    await click(buttonNamed('Mark submitted'));
    expect(s.fetchFn.mock.calls.some(([url, init]) => url.endsWith('/rems-form/submitted') && init.method === 'POST')).toBe(true);
    await settle();
    expect(text('.rems-form .muted')).toMatch(/Submitted on \d{4}-\d{2}-\d{2}\./);
    expect(buttonNamed('Mark submitted')).toBeUndefined();
  });

  it('says no form applies to a session that was not esketamine', async () => {
    await openPath('/sessions/ses_9/rems-form', server());
    expect(text('[role="alert"] p')).toBe('This session was not an esketamine session: no REMS form applies.');
  });
});
