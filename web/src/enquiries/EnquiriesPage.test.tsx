// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, type Enquiry, type Fetch } from '../api';
import { RoutedPage } from '../shell/RoutedPage';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

const JANE: Enquiry = {
  id: 'enq_1',
  created_at: '2026-03-01T09:00:00Z',
  updated_at: '2026-03-01T09:00:00Z',
  source: 'web',
  status: 'new',
  given_name: 'Jane',
  family_name: 'Doe',
  email: 'jane@example.org',
  phone: '',
  preferred_contact: 'email',
  conditions: ['ptsd'],
  reason_text: 'Evenings are best.',
  heard_from: 'GP',
  consent_to_contact: true,
  close_reason: '',
  duplicate_of: null,
  linked_count: 1,
  patient_id: null,
};
const CLINIC = { id: 'cln_1', name: 'Demo Clinic', conditions: [{ code: 'ptsd', label: 'PTSD' }], contact_methods: ['email', 'phone', 'text'] };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A fake server with one enquiry that moves on, and registers as a patient, when asked. */
function fakeServer(start: Enquiry = JANE) {
  let jane = start;
  const fetchFn = vi.fn<Fetch>((url, init) => {
    if (url.startsWith('/api/v1/public/clinics/')) return Promise.resolve(json(200, CLINIC));
    if (url.startsWith('/api/v1/enquiries?')) return Promise.resolve(json(200, { items: [jane], next_cursor: null }));
    if (url === '/api/v1/enquiries/enq_1/status') {
      jane = { ...jane, status: (JSON.parse(init.body as string) as { status: Enquiry['status'] }).status };
      return Promise.resolve(json(200, jane));
    }
    if (url === '/api/v1/enquiries/enq_1/register') {
      const { date_of_birth } = JSON.parse(init.body as string) as { date_of_birth: string };
      if (date_of_birth === '1999-09-09') {
        jane = { ...jane, patient_id: 'pat_8' }; // a colleague was quicker
        return Promise.resolve(json(409, { error: { code: 'already_registered', message: "This enquiry's person is registered already.", field: 'id' } }));
      }
      if (date_of_birth > '2026-12-31') {
        return Promise.resolve(json(400, { error: { code: 'validation_failed', message: 'The date of birth is in the future.', field: 'date_of_birth' } }));
      }
      jane = { ...jane, patient_id: 'pat_7' };
      return Promise.resolve(json(201, jane));
    }
    if (url === '/api/v1/enquiries/enq_1') {
      const later = { ...JANE, id: 'enq_2', created_at: '2026-03-02T10:00:00Z', duplicate_of: 'enq_1', reason_text: 'Asking again' };
      return Promise.resolve(json(200, { ...jane, linked: [later], history: [{ status: 'new', at: JANE.created_at, user_email: '', reason: '' }] }));
    }
    return Promise.resolve(json(404, { error: { code: 'not_found', message: 'No such route.' } }));
  });
  return { api: new ApiClient(fetchFn), calls: () => fetchFn.mock.calls.map(([url, init]) => `${init.method ?? 'GET'} ${url}`) };
}

const dateInput = () => container.querySelector<HTMLInputElement>('input[name="date_of_birth"]');
const chartLink = () => container.querySelector<HTMLAnchorElement>('.enquiry-patient a');
const typeDate = (value: string) =>
  act(() => {
    const input = dateInput();
    if (!input) throw new Error('no date of birth input');
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));
const buttons = () => [...container.querySelectorAll('button')].map((b) => b.textContent);
const click = async (text: string) => {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!button) throw new Error(`no button ${text}; have ${buttons().join(', ')}`);
  await act(() => button.click());
  await settle();
};

describe('EnquiriesPage', () => {
  it('lets the front desk open an enquiry and move it on', async () => {
    const { api, calls } = fakeServer();
    await act(() => render(<RoutedPage path="/enquiries" roles={['front_desk']} clinicId="cln_1" api={api} />, container));
    await settle();
    expect(calls()).toEqual(['GET /api/v1/enquiries?status=open&limit=50', 'GET /api/v1/public/clinics/cln_1']);
    const row = container.querySelector('tbody tr');
    expect([...(row?.children ?? [])].map((cell) => cell.textContent)).toEqual([
      expect.stringMatching(/^2026-03-01 \d\d:00:00$/),
      'Doe, Jane',
      'jane@example.org',
      'E-mail',
      'PTSD',
      'Web',
      'New',
      '1',
    ]);
    expect(buttons()).toContain('Add phone enquiry');
    expect((container.querySelector('#public-link-url') as HTMLInputElement).value).toMatch(/\/request\/cln_1$/);

    await click('Doe, Jane');
    expect(document.activeElement?.id).toBe('enquiry-heading');
    expect(container.querySelector('.linked-requests')?.textContent).toContain('Asking again');
    expect(container.querySelector('.enquiry-history')?.textContent).toContain('from the request page');
    expect(buttons()).toEqual(expect.arrayContaining(['Mark contacted', 'Close enquiry']));

    await click('Mark contacted');
    expect(calls()).toContain('POST /api/v1/enquiries/enq_1/status');
    expect(container.querySelector('.notice-line')?.textContent).toBe('Jane Doe: now contacted.');
    expect(container.querySelector('tbody tr .badge')?.textContent).toBe('Contacted');
    expect(buttons()).toEqual(expect.arrayContaining(['Mark consultation booked', 'Close enquiry']));
    expect(buttons()).not.toContain('Mark contacted');
  });

  it('shows a nurse the enquiry without any way to change it', async () => {
    const { api, calls } = fakeServer();
    await act(() => render(<RoutedPage path="/enquiries" roles={['nurse']} clinicId="cln_1" api={api} />, container));
    await settle();
    await click('Doe, Jane');
    expect(container.querySelector('.enquiry-detail h2')?.textContent).toBe('Doe, Jane');
    expect(buttons()).toEqual(['Doe, Jane', 'Copy link']);
    expect(container.querySelector('form')).toBeNull();
    expect(dateInput()).toBeNull();
    expect(calls().filter((c) => c.startsWith('POST'))).toEqual([]);
  });

  it('lets the front desk register the person as a patient, showing the server\'s field error', async () => {
    const { api, calls } = fakeServer();
    await act(() => render(<RoutedPage path="/enquiries" roles={['front_desk']} clinicId="cln_1" api={api} />, container));
    await settle();
    await click('Doe, Jane');
    const input = dateInput();
    expect(input?.type).toBe('date');
    expect(container.querySelector(`label[for="${input?.id}"]`)?.textContent).toBe('Date of birth');
    expect(chartLink()).toBeNull();

    // Nothing entered: asked for, without calling the server.
    await click('Register as patient');
    expect(calls()).not.toContain('POST /api/v1/enquiries/enq_1/register');
    expect(container.querySelector('.enquiry-patient .field-error')?.textContent).toBe('Enter the date of birth.');

    // The server refuses the date: its message sits next to the input.
    await typeDate('2999-01-01');
    await click('Register as patient');
    expect(calls()).toContain('POST /api/v1/enquiries/enq_1/register');
    const fieldError = container.querySelector('.enquiry-patient .field-error');
    expect(fieldError?.textContent).toBe('The date of birth is in the future.');
    expect(dateInput()?.getAttribute('aria-invalid')).toBe('true');
    expect(dateInput()?.getAttribute('aria-describedby')).toContain(fieldError?.id);
    expect(chartLink()).toBeNull();

    const loadsBefore = calls().filter((c) => c === 'GET /api/v1/enquiries/enq_1').length;
    await typeDate('1980-05-17');
    await click('Register as patient');
    expect(container.querySelector('.enquiry-patient [role="status"]')?.textContent).toContain('Registered as a patient');
    expect(chartLink()?.getAttribute('href')).toBe('/patients/pat_7');
    expect(dateInput()).toBeNull();
    expect(buttons()).not.toContain('Register as patient');
    expect(calls().filter((c) => c === 'GET /api/v1/enquiries/enq_1').length).toBe(loadsBefore + 1);
    expect(container.querySelector('.notice-line')?.textContent).toBe('Jane Doe: registered as a patient.');
  });

  it('says so when a colleague registered the person first, and links to their chart', async () => {
    const { api } = fakeServer();
    await act(() => render(<RoutedPage path="/enquiries" roles={['front_desk']} clinicId="cln_1" api={api} />, container));
    await settle();
    await click('Doe, Jane');
    await typeDate('1999-09-09');
    await click('Register as patient');
    await settle();
    const status = container.querySelector('.enquiry-patient [role="status"]');
    expect(status?.textContent).toContain("This enquiry's person is registered already.");
    expect(chartLink()?.getAttribute('href')).toBe('/patients/pat_8');
    expect(dateInput()).toBeNull();
  });

  it('offers the admin the form too', async () => {
    const { api } = fakeServer();
    await act(() => render(<RoutedPage path="/enquiries" roles={['admin']} clinicId="cln_1" api={api} />, container));
    await settle();
    await click('Doe, Jane');
    expect(dateInput()).not.toBeNull();
    expect(buttons()).toContain('Register as patient');
  });

  it('shows only the chart link once the person is a patient', async () => {
    for (const role of ['front_desk', 'nurse'] as const) {
      const { api } = fakeServer({ ...JANE, patient_id: 'pat_3' });
      await act(() => render(<RoutedPage path="/enquiries" roles={[role]} clinicId="cln_1" api={api} />, container));
      await settle();
      await click('Doe, Jane');
      expect(chartLink()?.getAttribute('href')).toBe('/patients/pat_3');
      expect(container.querySelector('.enquiry-patient')?.textContent).not.toContain('Registered as a patient');
      expect(dateInput()).toBeNull();
      expect(buttons()).not.toContain('Register as patient');
      await act(() => render(null, container));
    }
  });

  it('refuses the page to a therapist without calling the API', async () => {
    const { api, calls } = fakeServer();
    await act(() => render(<RoutedPage path="/enquiries" roles={['therapist']} clinicId="cln_1" api={api} />, container));
    expect(container.querySelector('[role="alert"] h1')?.textContent).toBe('You do not have access to this page');
    expect(calls()).toEqual([]);
  });
});
