// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, type Fetch } from '../api';
import { Root } from '../shell/Root';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

const CLINIC = {
  id: 'cln_1',
  name: 'Demo Clinic',
  conditions: [{ code: 'depression', label: 'Depression' }],
  contact_methods: ['email', 'phone', 'text'],
  programs: [
    { id: 'wlp_1', name: 'In-clinic IV' },
    { id: 'wlp_2', name: 'At-home sublingual' },
  ],
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

async function openPage(clinic: unknown, ...answers: Response[]) {
  const fetchFn = vi.fn<Fetch>(() => Promise.resolve(answers.shift() ?? json(500, {})));
  fetchFn.mockResolvedValueOnce(json(200, clinic));
  await act(() => render(<Root api={new ApiClient(fetchFn)} path="/request/cln_1" />, container));
  await act(() => new Promise((r) => setTimeout(r, 0)));
  return fetchFn;
}

const joinForm = () => {
  const form = container.querySelector<HTMLFormElement>('#join-waiting-list');
  if (!form) throw new Error('no join form');
  return form;
};

function control(label: string): HTMLInputElement {
  const found = [...joinForm().querySelectorAll('label')].find((l) => l.textContent.trim().startsWith(label));
  const input = found?.htmlFor ? document.getElementById(found.htmlFor) : found?.querySelector('input');
  if (!(input instanceof HTMLInputElement)) throw new Error(`no control labelled ${label}`);
  return input;
}

async function type(label: string, value: string) {
  await act(() => {
    const input = control(label);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Ticks the choice labelled `label` inside the fieldset whose legend starts with `legend` (or anywhere in the form). */
async function tick(label: string, legend?: string) {
  const scope = legend ? [...joinForm().querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent.startsWith(legend)) : joinForm();
  const box = [...(scope?.querySelectorAll('label.checkbox') ?? [])].find((l) => l.textContent.trim().startsWith(label))?.querySelector('input');
  if (!box) throw new Error(`no choice ${label} in ${legend ?? 'the form'}`);
  await act(() => box.click());
}

async function submit() {
  await act(() => {
    joinForm().dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await act(() => new Promise((r) => setTimeout(r, 0)));
}

const errorOf = (el: Element) => document.getElementById(el.getAttribute('aria-describedby')?.split(' ').pop() ?? '')?.textContent;

async function fillJane() {
  await tick('At-home sublingual', 'Which waiting list');
  await type('Given name', ' Jane ');
  await type('Family name', 'Doe');
  await type('Phone', '+44 20 7946 0958');
  await tick('Text message', 'How would you like');
  await tick('No', 'Are you pregnant');
  await tick('Not sure', 'Have you ever had problems');
  await tick('No', 'Have you been told');
  await type('Your age in years', '34');
  await tick('I agree that Demo Clinic may contact me');
}

describe('joining a waiting list from the public page', () => {
  it('offers the second form only when the clinic has programs', async () => {
    await openPage({ ...CLINIC, programs: [] });
    expect(container.querySelector('#join-waiting-list')).toBeNull();
    expect(container.querySelector('.join-link')).toBeNull();
    render(null, container);
    await openPage(CLINIC);
    expect(container.querySelector('.join-link a')?.getAttribute('href')).toBe('#join-waiting-list');
    expect(joinForm().querySelector('h2')?.textContent).toBe('Join a waiting list');
    const legends = [...joinForm().querySelectorAll('legend')].map((l) => l.textContent);
    expect(legends).toEqual([
      'Which waiting list would you like to join?',
      'How would you like us to contact you?',
      'Are you pregnant, or could you be?',
      'Have you ever had problems with alcohol or drug use?',
      'Have you been told you have high blood pressure?',
    ]);
    const honeypot = joinForm().querySelector('input[name="website"]');
    expect(honeypot?.closest('.honeypot')?.getAttribute('aria-hidden')).toBe('true');
    expect(honeypot?.getAttribute('tabindex')).toBe('-1');
  });

  it('shows every problem by its field, focuses the first, and sends nothing', async () => {
    const fetchFn = await openPage(CLINIC);
    await type('Given name', 'Jane');
    await submit();
    expect(fetchFn).toHaveBeenCalledTimes(1);
    const firstRadio = joinForm().querySelector('input[name="program_id"]');
    expect(document.activeElement).toBe(firstRadio);
    const groups = [...joinForm().querySelectorAll('fieldset')];
    expect(groups.map((g) => errorOf(g))).toEqual([
      'Choose the waiting list you would like to join.',
      'Choose how you would like to be contacted.',
      'Choose yes, no or not sure.',
      'Choose yes, no or not sure.',
      'Choose yes, no or not sure.',
    ]);
    expect(control('Given name').getAttribute('aria-invalid')).toBeNull();
    expect(errorOf(control('Family name'))).toBe('Enter a family name.');
    expect(container.querySelector('#join-consent-error')?.getAttribute('role')).toBe('alert');
  });

  it('sends the trimmed answers to the chosen list and confirms with focus', async () => {
    const fetchFn = await openPage(CLINIC, json(202, { status: 'received', message: 'Thank you. You are on the clinic’s waiting list.' }));
    await fillJane();
    await submit();
    const [url, init] = fetchFn.mock.calls[1] ?? [];
    expect(url).toBe('/api/v1/public/clinics/cln_1/waiting-lists/wlp_2/entries');
    expect(JSON.parse(init?.body as string)).toEqual({
      given_name: 'Jane',
      family_name: 'Doe',
      email: '',
      phone: '+44 20 7946 0958',
      preferred_contact: 'text',
      prescreen: { pregnant: 'no', substance_use: 'unknown', high_blood_pressure: 'no' },
      age_years: 34,
      consent_to_contact: true,
      website: '',
    });
    const confirmation = container.querySelector('#join-waiting-list.confirmation');
    expect(confirmation?.textContent).toContain('Thank you. You are on the clinic’s waiting list.');
    expect(document.activeElement).toBe(confirmation);
    // The consultation request form is still there.
    expect(container.querySelector('h1')?.textContent).toBe('Request a consultation');
  });

  it('needs no choice of list when there is only one', async () => {
    const fetchFn = await openPage({ ...CLINIC, programs: [{ id: 'wlp_1', name: 'In-clinic IV' }] }, json(202, { status: 'received', message: 'Thanks.' }));
    expect(joinForm().querySelector('.join-program')?.textContent).toBe('Waiting list: In-clinic IV');
    expect(joinForm().querySelector('input[name="program_id"]')).toBeNull();
    await type('Given name', 'Jane');
    await type('Family name', 'Doe');
    await type('E-mail', 'jane@example.org');
    await tick('E-mail', 'How would you like');
    for (const legend of ['Are you pregnant', 'Have you ever had problems', 'Have you been told']) await tick('No', legend);
    await tick('I agree');
    await submit();
    expect(fetchFn.mock.calls[1]?.[0]).toBe('/api/v1/public/clinics/cln_1/waiting-lists/wlp_1/entries');
  });

  it("puts the server's message next to the pre-screen question it names", async () => {
    await openPage(CLINIC, json(400, { error: { code: 'validation_failed', message: 'Answer with yes, no or unknown.', field: 'prescreen.substance_use' } }));
    await fillJane();
    await submit();
    const group = [...joinForm().querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent.startsWith('Have you ever had problems'));
    expect(group && errorOf(group)).toBe('Answer with yes, no or unknown.');
    expect(document.activeElement?.getAttribute('name')).toBe('prescreen.substance_use');
  });

  it('asks to try again later when rate limited', async () => {
    const limited = new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many.' } }), { status: 429, headers: { 'Retry-After': '3600' } });
    await openPage(CLINIC, limited);
    await fillJane();
    await submit();
    const alert = joinForm().querySelector('.form-error');
    expect(alert?.textContent).toBe('We have had several requests from here in a short time. Please try again in an hour.');
    expect(document.activeElement).toBe(alert);
  });
});
