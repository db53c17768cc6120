import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, type Fetch, type WaitingListJoin, type WaitingPerson } from '../api';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function clientAnswering(...responses: Response[]) {
  const fetchFn = vi.fn<Fetch>(() => Promise.resolve(responses.shift() ?? json(500, {})));
  const request = (i: number) => {
    const [url = '', init = {}] = fetchFn.mock.calls[i] ?? [];
    return { url, method: init.method, body: init.body === undefined ? undefined : (JSON.parse(init.body as string) as unknown), headers: new Headers(init.headers) };
  };
  return { client: new ApiClient(fetchFn), request };
}

const PERSON: WaitingPerson = {
  given_name: 'Jane',
  family_name: 'Doe',
  email: '',
  phone: '+44 20 7946 0958',
  preferred_contact: 'phone',
  prescreen: { pregnant: 'no', substance_use: 'unknown', high_blood_pressure: 'no' },
  age_years: 34,
};

describe('ApiClient waiting lists', () => {
  it('reads the programs and unwraps the items', async () => {
    const program = { id: 'wp_1', name: 'Intake', capacity: 2, offer_hours: 48, places_in_use: 1, waiting_count: 3, created_at: '2026-03-01T09:00:00Z' };
    const { client, request } = clientAnswering(json(200, { items: [program] }));
    await expect(client.listWaitingPrograms()).resolves.toEqual([program]);
    expect(request(0)).toMatchObject({ url: '/api/v1/waiting-programs', method: 'GET' });
  });

  it('adds a program and changes its places', async () => {
    const { client, request } = clientAnswering(json(201, {}), json(200, {}));
    await client.createWaitingProgram({ name: 'Intake', capacity: 0, offer_hours: 48 });
    await client.updateWaitingProgram('wp 1', { capacity: 1, offer_hours: 24 });
    expect(request(0)).toMatchObject({ url: '/api/v1/waiting-programs', method: 'POST', body: { name: 'Intake', capacity: 0, offer_hours: 48 } });
    expect(request(1)).toMatchObject({ url: '/api/v1/waiting-programs/wp%201', method: 'POST', body: { capacity: 1, offer_hours: 24 } });
  });

  it('lists entries with the filter and adds a person', async () => {
    const { client, request } = clientAnswering(json(200, { items: [] }), json(200, { items: [] }), json(201, {}));
    await expect(client.listWaitingEntries('wp_1', 'active')).resolves.toEqual([]);
    await client.listWaitingEntries('wp_1', 'all');
    await client.addWaitingEntry('wp_1', PERSON);
    expect(request(0).url).toBe('/api/v1/waiting-programs/wp_1/entries?status=active');
    expect(request(1).url).toBe('/api/v1/waiting-programs/wp_1/entries?status=all');
    expect(request(2)).toMatchObject({ url: '/api/v1/waiting-programs/wp_1/entries', method: 'POST', body: PERSON });
  });

  it('sends an action with its reason, and carries the refusal', async () => {
    const { client, request } = clientAnswering(
      json(200, {}),
      json(200, {}),
      json(409, { error: { code: 'invalid_transition', message: 'This entry has no open offer.' } }),
      json(400, { error: { code: 'validation_failed', message: 'Give a reason.', field: 'reason' } }),
    );
    await client.takeWaitingAction('we_1', 'mark_urgent', 'Deteriorating');
    await client.takeWaitingAction('we_1', 'clear');
    expect(request(0)).toMatchObject({ url: '/api/v1/waiting-entries/we_1/actions', method: 'POST', body: { action: 'mark_urgent', reason: 'Deteriorating' } });
    expect(request(1).body).toEqual({ action: 'clear', reason: '' });
    await expect(client.takeWaitingAction('we_1', 'decline')).rejects.toMatchObject({ status: 409, code: 'invalid_transition' });
    const refused = await client.takeWaitingAction('we_1', 'remove').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 400, field: 'reason' });
  });

  it('joins a list from the public page without a session', async () => {
    const join: WaitingListJoin = { ...PERSON, consent_to_contact: true, website: '' };
    const { client, request } = clientAnswering(json(202, { status: 'received', message: 'Thank you.' }));
    await expect(client.joinWaitingList('cln_1', 'wp_1', join)).resolves.toEqual({ status: 'received', message: 'Thank you.' });
    expect(request(0)).toMatchObject({ url: '/api/v1/public/clinics/cln_1/waiting-lists/wp_1/entries', method: 'POST', body: join });
    expect(request(0).headers.has('X-CSRF-Token')).toBe(false);
  });
});
