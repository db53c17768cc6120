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
  conditions: [
    { code: 'depression', label: 'Depression' },
    { code: 'ptsd', label: 'Post-traumatic stress (PTSD)' },
  ],
  contact_methods: ['email', 'phone', 'text'],
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The public page at /request/cln_1 over a fake server that answers `answers` in turn. */
async function openPage(...answers: Response[]) {
  const fetchFn = vi.fn<Fetch>(() => Promise.resolve(answers.shift() ?? json(500, {})));
  await act(() => render(<Root api={new ApiClient(fetchFn)} path="/request/cln_1" />, container));
  await act(() => new Promise((r) => setTimeout(r, 0)));
  return { fetchFn, urls: () => fetchFn.mock.calls.map(([url]) => url) };
}

function control(label: string): HTMLInputElement | HTMLTextAreaElement {
  const found = [...container.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith(label));
  const input = found?.htmlFor ? document.getElementById(found.htmlFor) : found?.querySelector('input');
  if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) throw new Error(`no control labelled ${label}`);
  return input;
}

async function type(label: string, value: string) {
  await act(() => {
    const input = control(label);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Clicks the radio button or checkbox whose label starts with `label`. */
async function tick(label: string) {
  const box = [...container.querySelectorAll('label.checkbox')].find((l) => l.textContent.trim().startsWith(label))?.querySelector('input');
  if (!box) throw new Error(`no choice labelled ${label}`);
  await act(() => {
    box.click();
  });
}

async function submit() {
  await act(() => {
    container.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await act(() => new Promise((r) => setTimeout(r, 0)));
}

const errorOf = (input: Element) => document.getElementById(input.getAttribute('aria-describedby')?.split(' ').pop() ?? '')?.textContent;

describe('the public consultation request page', () => {
  it('loads the clinic without asking who is signed in', async () => {
    const { urls } = await openPage(json(200, CLINIC));
    expect(urls()).toEqual(['/api/v1/public/clinics/cln_1']);
    expect(container.querySelector('h1')?.textContent).toBe('Request a consultation');
    expect(container.querySelector('.clinic-name')?.textContent).toBe('Demo Clinic');
    const legends = [...container.querySelectorAll('legend')].map((l) => l.textContent);
    expect(legends).toEqual(['How would you like us to contact you?', 'What would you like help with? (optional)']);
    expect(container.querySelectorAll('input[name="conditions"]')).toHaveLength(2);
  });

  it("shows the clinic's crisis message as soon as thoughts of suicide are ticked", async () => {
    const clinic = {
      ...CLINIC,
      conditions: [...CLINIC.conditions, { code: 'suicidal_thoughts', label: 'Thoughts of suicide that need quick help' }],
      crisis_message: 'Call the Harbour crisis line on 0800 000 000, day or night.',
    };
    await openPage(json(200, clinic));
    expect(container.querySelector('.crisis-message')).toBeNull();
    await tick('Thoughts of suicide');
    const alert = container.querySelector('.crisis-message');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toContain('Call the Harbour crisis line on 0800 000 000, day or night.');
    await tick('Thoughts of suicide');
    expect(container.querySelector('.crisis-message')).toBeNull();
  });

  it('keeps the honeypot away from people and assistive technology', async () => {
    await openPage(json(200, CLINIC));
    const honeypot = container.querySelector('input[name="website"]');
    expect(honeypot?.closest('.honeypot')).not.toBeNull();
    expect(honeypot?.getAttribute('tabindex')).toBe('-1');
    expect(honeypot?.getAttribute('autocomplete')).toBe('off');
    expect(honeypot?.getAttribute('aria-hidden')).toBe('true');
    expect(honeypot?.getAttribute('style')).toBeNull();
  });

  it('shows every problem next to its field and moves focus to the first, sending nothing', async () => {
    const { urls } = await openPage(json(200, CLINIC));
    await type('Family name', 'Doe');
    await submit();
    expect(urls()).toHaveLength(1);
    const given = control('Given name');
    expect(document.activeElement).toBe(given);
    expect(given.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(given)).toBe('Enter a given name.');
    expect(control('Family name').getAttribute('aria-invalid')).toBeNull();
    const group = container.querySelector('fieldset');
    expect(group && errorOf(group)).toBe('Choose how you would like to be contacted.');
    expect(container.querySelector('#request-consent-error')?.getAttribute('role')).toBe('alert');
  });

  it('sends the trimmed answers and confirms calmly, with focus on the confirmation', async () => {
    const { fetchFn } = await openPage(json(200, CLINIC), json(202, { status: 'received', message: 'Thank you. Your request has reached the clinic.' }));
    await type('Given name', ' Jane ');
    await type('Family name', 'Doe');
    await type('Phone', '+44 20 7946 0958');
    await tick('Text message');
    await tick('Post-traumatic stress (PTSD)');
    await type("Anything else you'd like us to know", 'Evenings are best.');
    await type('How did you hear about us?', 'My GP');
    await tick('I agree that Demo Clinic may contact me');
    await submit();

    const [url, init] = fetchFn.mock.calls[1] ?? [];
    expect(url).toBe('/api/v1/public/clinics/cln_1/consultation-requests');
    expect(JSON.parse(init?.body as string)).toEqual({
      given_name: 'Jane',
      family_name: 'Doe',
      email: '',
      phone: '+44 20 7946 0958',
      preferred_contact: 'text',
      conditions: ['ptsd'],
      reason_text: 'Evenings are best.',
      heard_from: 'My GP',
      consent_to_contact: true,
      website: '',
    });
    const confirmation = container.querySelector('.confirmation');
    expect(confirmation?.textContent).toContain('Thank you. Your request has reached the clinic.');
    expect(document.activeElement).toBe(confirmation);
    expect(container.querySelector('form')).toBeNull();
  });

  it("shows the server's message next to the field it names", async () => {
    await openPage(json(200, CLINIC), json(400, { error: { code: 'validation_failed', message: 'A phone number has 7 to 15 digits.', field: 'phone' } }));
    await type('Given name', 'Jane');
    await type('Family name', 'Doe');
    await type('E-mail', 'jane@example.org');
    await type('Phone', '1234567');
    await tick('E-mail');
    await tick('I agree');
    await submit();
    const phone = control('Phone');
    expect(errorOf(phone)).toBe('A phone number has 7 to 15 digits.');
    expect(document.activeElement).toBe(phone);
  });

  it('says to try again later when the server is rate limiting', async () => {
    const limited = new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many.' } }), { status: 429, headers: { 'Retry-After': '3600' } });
    await openPage(json(200, CLINIC), limited);
    await type('Given name', 'Jane');
    await type('Family name', 'Doe');
    await type('E-mail', 'jane@example.org');
    await tick('E-mail');
    await tick('I agree');
    await submit();
    const alert = container.querySelector('.form-error');
    expect(alert?.textContent).toBe('We have had several requests from here in a short time. Please try again in an hour.');
    expect(document.activeElement).toBe(alert);
  });

  it('says so clearly when the clinic is unknown', async () => {
    await openPage(json(404, { error: { code: 'not_found', message: 'No such clinic.' } }));
    expect(container.querySelector('[role="alert"] h1')?.textContent).toBe("This clinic's request page was not found.");
    expect(container.querySelector('form')).toBeNull();
  });
});
