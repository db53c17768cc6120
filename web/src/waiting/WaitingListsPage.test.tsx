// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, type Fetch, type Role, type WaitingEntry, type WaitingProgram } from '../api';
import { RoutedPage } from '../shell/RoutedPage';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

const INTAKE: WaitingProgram = { id: 'wlp_1', name: 'Intake group', capacity: 1, offer_hours: 48, places_in_use: 1, waiting_count: 1, created_at: '2026-03-01T09:00:00Z' };
const ENTRY: WaitingEntry = {
  id: 'wle_1',
  program_id: 'wlp_1',
  given_name: 'Jane',
  family_name: 'Doe',
  email: 'jane@example.org',
  phone: '',
  preferred_contact: 'email',
  prescreen: { pregnant: 'no', substance_use: 'unknown', high_blood_pressure: 'no' },
  age_years: 34,
  status: 'waiting',
  urgent: false,
  urgent_reason: '',
  cleared_for_offer: true,
  joined_at: '2026-03-01T09:00:00Z',
  offered_at: null,
  offer_expires_at: null,
  removed_reason: '',
  source: 'web',
  allowed_actions: [],
};
const OFFERED: WaitingEntry = {
  ...ENTRY,
  id: 'wle_2',
  given_name: 'Sam',
  family_name: 'Lee',
  status: 'offered',
  urgent: true,
  urgent_reason: 'Deteriorating since February',
  offered_at: '2026-03-02T10:00:00Z',
  offer_expires_at: '2026-03-04T10:00:00Z',
  source: 'staff',
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A fake server with one program; `entries` is what the list answers (changed by actions). */
function fakeServer(initial: WaitingEntry[], onAction?: (body: { action: string; reason: string }) => Response) {
  let entries = initial;
  const fetchFn = vi.fn<Fetch>((url, init) => {
    if (url === '/api/v1/waiting-programs') return Promise.resolve(json(200, { items: [INTAKE] }));
    if (url.startsWith('/api/v1/waiting-programs/wlp_1/entries?')) return Promise.resolve(json(200, { items: entries }));
    if (url.endsWith('/actions') && onAction) return Promise.resolve(onAction(JSON.parse(init.body as string) as { action: string; reason: string }));
    return Promise.resolve(json(404, { error: { code: 'not_found', message: 'No such route.' } }));
  });
  return {
    api: new ApiClient(fetchFn),
    setEntries: (next: WaitingEntry[]) => (entries = next),
    calls: () => fetchFn.mock.calls.map(([url, init]) => `${init.method ?? 'GET'} ${url}`),
    bodies: () => fetchFn.mock.calls.filter(([, init]) => init.method === 'POST').map(([, init]) => JSON.parse(init.body as string) as unknown),
  };
}

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));
async function open(roles: Role[], server: ReturnType<typeof fakeServer>) {
  await act(() => render(<RoutedPage path="/waiting" roles={roles} clinicId="cln_1" api={server.api} />, container));
  await settle();
  await settle();
}
const buttons = (root: ParentNode = container) => [...root.querySelectorAll('button')].map((b) => b.textContent);
const entryCards = () => [...container.querySelectorAll('li.waiting-entry')];
async function click(text: string, root: ParentNode = container) {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!button) throw new Error(`no button ${text}; have ${buttons(root).join(', ')}`);
  await act(() => button.click());
  await settle();
  await settle();
}

describe('WaitingListsPage', () => {
  it('shows the programs and opens the first program’s active list', async () => {
    const server = fakeServer([ENTRY]);
    await open(['front_desk'], server);
    expect(server.calls()).toEqual(['GET /api/v1/waiting-programs', 'GET /api/v1/waiting-programs/wlp_1/entries?status=active']);
    const row = container.querySelector('.program-table tbody tr');
    expect([...(row?.children ?? [])].map((c) => c.textContent)).toEqual(['Intake group', '1', '1 (full)', '1', '48 hours']);
    expect(container.querySelector('#entries-heading')?.textContent).toBe('Intake group');
    const card = entryCards()[0];
    expect(card?.querySelector('h3')?.textContent).toBe('Doe, Jane');
    expect(card?.querySelector('.badge')?.textContent).toBe('Waiting');
    expect(card?.querySelector('.prescreen-answers')?.textContent).toBe('PregnantNoSubstance use historyUnknownKnown high blood pressureNoAge34 years');
    expect(card?.querySelector('.urgent-marker')).toBeNull();
    expect(card?.querySelector('.review-needed')).toBeNull();
    expect(card?.querySelector('.entry-contact')?.textContent).toMatch(/\(from the public page\)Contactjane@example\.orgPrefers: E-mail$/);
    expect(container.querySelector('#add-person-heading')?.textContent).toBe('Add person to Intake group');
    expect(container.querySelector('#add-program-heading')).toBeNull();
    expect(buttons()).not.toContain('Change places');

    await click('Refresh');
    expect(server.calls().slice(2).sort()).toEqual(['GET /api/v1/waiting-programs', 'GET /api/v1/waiting-programs/wlp_1/entries?status=active']);
  });

  it('marks urgent entries in words with the reason, and shows when an offer expires', async () => {
    await open(['nurse'], fakeServer([OFFERED, { ...ENTRY, cleared_for_offer: false }]));
    const [urgent, plain] = entryCards();
    expect(urgent?.classList.contains('is-urgent')).toBe(true);
    expect(urgent?.querySelector('.urgent-marker')?.textContent).toBe('!Urgent: Deteriorating since February');
    expect(urgent?.querySelector('.urgent-icon')?.getAttribute('aria-hidden')).toBe('true');
    expect(urgent?.querySelector('.badge')?.textContent).toBe('Offered');
    const expiry = urgent?.querySelector('.offer-expiry time');
    expect(expiry?.getAttribute('datetime')).toBe('2026-03-04T10:00:00Z');
    expect(expiry?.textContent).toMatch(/^2026-03-0[45] \d\d:00:00$/);
    expect(plain?.querySelector('.review-needed')?.textContent).toBe('Needs clinician review before an offer');
    expect(plain?.querySelector('.offer-expiry')).toBeNull();
    // A nurse neither adds people nor programs.
    expect(container.querySelector('form')).toBeNull();
  });

  it('offers exactly the actions the server allows on each entry', async () => {
    const entries = [
      { ...OFFERED, allowed_actions: ['accept', 'decline', 'remove'] as WaitingEntry['allowed_actions'] },
      { ...ENTRY, allowed_actions: [] },
    ];
    await open(['front_desk'], fakeServer(entries));
    const [offered, waiting] = entryCards();
    expect(buttons(offered ?? container)).toEqual(['Record acceptance', 'Record decline', 'Remove from list']);
    expect(waiting?.querySelector('.entry-actions')).toBeNull();
    expect(offered?.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Actions for Sam Lee');
  });

  it('records an action, says so, reads the list again and returns focus to the entry', async () => {
    const server = fakeServer([{ ...OFFERED, allowed_actions: ['accept', 'decline', 'remove'] }, ENTRY], (body) => {
      const declined = { ...OFFERED, status: 'declined' as const, allowed_actions: ['requeue', 'remove'] as WaitingEntry['allowed_actions'] };
      server.setEntries([declined, { ...ENTRY, status: 'offered', offer_expires_at: '2026-03-06T10:00:00Z' }]);
      expect(body).toEqual({ action: 'decline', reason: '' });
      return json(200, declined);
    });
    await open(['front_desk'], server);
    await click('Record decline', entryCards()[0]);
    expect(server.calls().filter((c) => c.startsWith('POST'))).toEqual(['POST /api/v1/waiting-entries/wle_2/actions']);
    expect(container.querySelector('.notice-line')?.textContent).toMatch(/^Sam Lee: decline recorded\./);
    expect(entryCards().map((c) => c.querySelector('.badge')?.textContent)).toEqual(['Declined', 'Offered']);
    expect(buttons(entryCards()[0])).toEqual(['Return to waiting', 'Remove from list']);
    expect(document.activeElement?.id).toBe('waiting-entry-wle_2');
  });

  it('asks for a reason before marking urgent, and sends it', async () => {
    const server = fakeServer([{ ...ENTRY, allowed_actions: ['mark_urgent'] }], (body) => json(200, { ...ENTRY, urgent: true, urgent_reason: body.reason }));
    await open(['nurse'], server);
    await click('Mark urgent', entryCards()[0]);
    const dialog = container.querySelector('dialog');
    expect(dialog?.querySelector('h2')?.textContent).toBe('Mark urgent: Jane Doe');
    await click('Mark urgent', dialog ?? container);
    expect(dialog?.querySelector('.field-error')?.textContent).toBe('Enter a reason: it is kept with the entry.');
    expect(server.calls().filter((c) => c.startsWith('POST'))).toEqual([]);
    await act(() => {
      const reason = dialog?.querySelector('textarea');
      if (!reason) throw new Error('no reason box');
      reason.value = '  Deteriorating since February ';
      reason.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click('Mark urgent', dialog ?? container);
    expect(server.bodies()).toEqual([{ action: 'mark_urgent', reason: 'Deteriorating since February' }]);
    expect(container.querySelector('dialog')).toBeNull();
  });

  it('gives an admin "Add program" and "Change places"', async () => {
    await open(['admin'], fakeServer([]));
    expect(container.querySelector('#add-program-heading')?.textContent).toBe('Add program');
    expect(buttons()).toContain('Change places');
    expect(container.querySelector('.list-status [role="status"]')?.textContent).toBe('');
    expect(container.querySelector('.program-entries .list-status')?.textContent).toBe('Nobody is on this list.');
  });

  it('checks "Add person" before sending and moves focus to the first problem', async () => {
    const server = fakeServer([]);
    await open(['front_desk'], server);
    const form = container.querySelector<HTMLFormElement>('form[aria-labelledby="add-person-heading"]');
    await act(() => {
      form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await settle();
    expect(server.calls().filter((c) => c.startsWith('POST'))).toEqual([]);
    expect(document.activeElement?.getAttribute('name')).toBe('given_name');
    const errors = [...(form?.querySelectorAll('.field-error') ?? [])].map((e) => e.textContent);
    expect(errors).toEqual([
      'Enter a given name.',
      'Enter a family name.',
      'Give an e-mail address or a phone number so that we can reply.',
      'Choose how you would like to be contacted.',
      'Choose yes, no or unknown.',
      'Choose yes, no or unknown.',
      'Choose yes, no or unknown.',
    ]);
    const legends = [...(form?.querySelectorAll('legend') ?? [])].map((l) => l.textContent);
    expect(legends).toEqual(['Preferred contact', 'Pregnant', 'Substance use history', 'Known high blood pressure']);
  });

  it('refuses the page to a therapist without calling the API', async () => {
    const server = fakeServer([]);
    await open(['therapist'], server);
    expect(container.querySelector('[role="alert"] h1')?.textContent).toBe('You do not have access to this page');
    expect(server.calls()).toEqual([]);
  });
});
