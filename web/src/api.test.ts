import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, type Fetch, type Session } from './api';

const SESSION: Session = {
  user: {
    id: 'u1',
    email: 'admin@demo.test',
    display_name: 'Ada Admin',
    roles: ['admin'],
    disabled: false,
    locked: false,
    created_at: '2026-01-01T00:00:00Z',
    clinic: { id: 'c1', name: 'Demo Clinic' },
  },
  csrf_token: 'csrf-123',
  idle_timeout_s: 900,
  absolute_expires_at: '2026-01-01T12:00:00Z',
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A client whose fetch answers with the given responses in turn and records each request. */
function clientAnswering(...responses: Response[]) {
  const fetchFn = vi.fn<Fetch>(() => Promise.resolve(responses.shift() ?? new Response(null, { status: 500 })));
  const client = new ApiClient(fetchFn);
  const request = (i: number) => {
    const [url = '', init = {}] = fetchFn.mock.calls[i] ?? [];
    return { url, init, headers: new Headers(init.headers) };
  };
  return { client, fetchFn, request };
}

describe('ApiClient errors', () => {
  it('carries status, code, message and field from the error body', async () => {
    const { client } = clientAnswering(
      json(409, { error: { code: 'email_taken', message: 'This email is already in use.', field: 'email' } }),
    );
    const error = await client.createUser({ email: 'a@b.c', display_name: 'A', roles: ['nurse'], password: 'x'.repeat(12) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'email_taken', message: 'This email is already in use.', field: 'email' });
  });

  it('turns a body that is not JSON into a generic error with the status', async () => {
    const { client } = clientAnswering(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(client.listPatients('')).rejects.toMatchObject({ status: 502, code: 'http_502', field: undefined });
  });

  it('reports a network failure as status 0', async () => {
    const client = new ApiClient(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(client.me()).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});

describe('ApiClient requests', () => {
  it('sends the CSRF token from login on POST, and not on GET', async () => {
    const { client, request } = clientAnswering(json(200, SESSION), json(200, { items: [], next_cursor: null }), json(201, {}));
    await client.login('admin@demo.test', 'demo-clinic-2026');
    await client.listUsers();
    await client.createPatient({ given_name: 'Jane', family_name: 'Doe', date_of_birth: '1980-02-29' });

    expect(request(0).headers.has('X-CSRF-Token')).toBe(false);
    expect(request(1).init.method).toBe('GET');
    expect(request(1).headers.has('X-CSRF-Token')).toBe(false);
    expect(request(2).init.method).toBe('POST');
    expect(request(2).headers.get('X-CSRF-Token')).toBe('csrf-123');
    expect(request(2).headers.get('Content-Type')).toBe('application/json');
    expect(request(2).init.credentials).toBe('same-origin');
    expect(JSON.parse(request(2).init.body as string)).toEqual({ given_name: 'Jane', family_name: 'Doe', date_of_birth: '1980-02-29' });
  });

  it('uses the token from the latest me response', async () => {
    const { client, request } = clientAnswering(json(200, SESSION), json(200, { ...SESSION, csrf_token: 'csrf-456' }), new Response(null, { status: 204 }));
    await client.login('admin@demo.test', 'pw');
    await client.me();
    await expect(client.logout()).resolves.toBeUndefined();
    expect(request(2).headers.get('X-CSRF-Token')).toBe('csrf-456');
  });

  it('puts only the filters that are set in the query string', async () => {
    const { client, request } = clientAnswering(json(200, { items: [], next_cursor: null }));
    await client.listAudit({ action: 'user.create', user_id: '', entity_type: 'user' }, 'cursor 2');
    expect(request(0).url).toBe('/api/v1/audit?action=user.create&entity_type=user&limit=50&cursor=cursor+2');
  });
});

describe('ApiClient sign-out notification', () => {
  it('tells the app when a call gets 401', async () => {
    const { client } = clientAnswering(json(401, { error: { code: 'unauthenticated', message: 'Sign in again.' } }));
    const onUnauthorized = vi.fn();
    client.onUnauthorized = onUnauthorized;
    await expect(client.listPatients('do')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('does not treat a failed login as a lost session', async () => {
    const { client } = clientAnswering(json(401, { error: { code: 'invalid_credentials', message: 'Email or password is wrong.' } }));
    const onUnauthorized = vi.fn();
    client.onUnauthorized = onUnauthorized;
    await expect(client.login('a@b.c', 'nope')).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('forgets the CSRF token after a 401', async () => {
    const { client, request } = clientAnswering(
      json(200, SESSION),
      json(401, { error: { code: 'unauthenticated', message: 'Sign in again.' } }),
      json(201, {}),
    );
    await client.login('admin@demo.test', 'pw');
    await client.me().catch(() => undefined);
    await client.createPatient({ given_name: 'A', family_name: 'B', date_of_birth: '2000-01-01' });
    expect(request(2).headers.has('X-CSRF-Token')).toBe(false);
  });
});

const REQUEST = {
  given_name: 'Jane',
  family_name: 'Doe',
  email: 'jane@example.org',
  phone: '',
  preferred_contact: 'email' as const,
  conditions: ['depression'],
  reason_text: '',
  heard_from: 'GP',
  consent_to_contact: true,
  website: '',
};

describe('ApiClient public consultation requests', () => {
  it('loads the clinic and posts the request without a session or CSRF token', async () => {
    const clinic = { id: 'cln_1', name: 'Demo Clinic', conditions: [{ code: 'ptsd', label: 'PTSD' }], contact_methods: ['email', 'phone', 'text'] };
    const { client, request } = clientAnswering(json(200, clinic), json(202, { status: 'received', message: 'Thank you.' }));
    await expect(client.getPublicClinic('cln_1')).resolves.toEqual(clinic);
    await expect(client.submitConsultationRequest('cln_1', REQUEST)).resolves.toEqual({ status: 'received', message: 'Thank you.' });

    expect(request(0).url).toBe('/api/v1/public/clinics/cln_1');
    expect(request(0).init.method).toBe('GET');
    expect(request(1).url).toBe('/api/v1/public/clinics/cln_1/consultation-requests');
    expect(request(1).init.method).toBe('POST');
    expect(request(1).headers.has('X-CSRF-Token')).toBe(false);
    expect(JSON.parse(request(1).init.body as string)).toEqual(REQUEST);
  });

  it('still sends the token when staff are signed in, which the public route ignores', async () => {
    const { client, request } = clientAnswering(json(200, SESSION), json(202, { status: 'received', message: 'Thank you.' }));
    await client.login('admin@demo.test', 'pw');
    await client.submitConsultationRequest('cln_1', REQUEST);
    expect(request(1).headers.get('X-CSRF-Token')).toBe('csrf-123');
  });

  it('escapes the clinic id in the path', async () => {
    const { client, request } = clientAnswering(json(404, { error: { code: 'not_found', message: 'No such clinic.' } }));
    await expect(client.getPublicClinic('a/b?c')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(request(0).url).toBe('/api/v1/public/clinics/a%2Fb%3Fc');
  });

  it('names the field the server refused', async () => {
    const { client } = clientAnswering(json(400, { error: { code: 'validation_failed', message: 'A phone number has 7 to 15 digits.', field: 'phone' } }));
    await expect(client.submitConsultationRequest('cln_1', REQUEST)).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'A phone number has 7 to 15 digits.',
      field: 'phone',
      retryAfterS: undefined,
    });
  });

  it('reads Retry-After from a 429', async () => {
    const limited = new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests.' } }), {
      status: 429,
      headers: { 'Content-Type': 'application/json', 'Retry-After': '3600' },
    });
    const { client } = clientAnswering(limited);
    await expect(client.submitConsultationRequest('cln_1', REQUEST)).rejects.toMatchObject({ status: 429, code: 'rate_limited', retryAfterS: 3600 });
  });

  it('ignores a Retry-After that is not a number of seconds', async () => {
    const { client } = clientAnswering(new Response('busy', { status: 503, headers: { 'Retry-After': 'Wed, 21 Oct 2026 07:28:00 GMT' } }));
    await expect(client.getPublicClinic('cln_1')).rejects.toMatchObject({ status: 503, code: 'http_503', retryAfterS: undefined });
  });
});

describe('ApiClient enquiries', () => {
  it('lists a status page by page', async () => {
    const { client, request } = clientAnswering(json(200, { items: [], next_cursor: null }));
    await client.listEnquiries('consultation_booked', 'c 2');
    expect(request(0).url).toBe('/api/v1/enquiries?status=consultation_booked&limit=50&cursor=c+2');
  });

  it('moves an enquiry on with the CSRF token and an empty reason by default', async () => {
    const { client, request } = clientAnswering(json(200, SESSION), json(200, {}), json(200, {}));
    await client.login('frontdesk@demo.test', 'pw');
    await client.setEnquiryStatus('enq_1', 'contacted');
    await client.setEnquiryStatus('enq_1', 'closed', 'Chose another clinic');
    expect(request(1).url).toBe('/api/v1/enquiries/enq_1/status');
    expect(request(1).headers.get('X-CSRF-Token')).toBe('csrf-123');
    expect(JSON.parse(request(1).init.body as string)).toEqual({ status: 'contacted', reason: '' });
    expect(JSON.parse(request(2).init.body as string)).toEqual({ status: 'closed', reason: 'Chose another clinic' });
  });

  it('reports a step the server refuses as invalid_transition', async () => {
    const { client } = clientAnswering(json(409, { error: { code: 'invalid_transition', message: 'This enquiry is closed.', field: 'status' } }));
    await expect(client.setEnquiryStatus('enq_1', 'contacted')).rejects.toMatchObject({ status: 409, code: 'invalid_transition', field: 'status' });
  });

  it('reads one enquiry and posts a phone enquiry', async () => {
    const { client, request } = clientAnswering(json(200, { id: 'enq_1', linked: [], history: [] }), json(201, { id: 'enq_2' }));
    await client.getEnquiry('enq_1');
    const { given_name, family_name, email, phone, preferred_contact, conditions, reason_text, heard_from } = REQUEST;
    const details = { given_name, family_name, email, phone, preferred_contact, conditions, reason_text, heard_from };
    await client.createPhoneEnquiry(details);
    expect(request(0).url).toBe('/api/v1/enquiries/enq_1');
    expect(request(1).url).toBe('/api/v1/enquiries');
    expect(JSON.parse(request(1).init.body as string)).toEqual(details);
  });
});

describe('ApiClient patient chart', () => {
  const HISTORY = {
    questions: [{ code: 'pregnant', label: 'Pregnant' }],
    answers: [],
    medications: [],
    diagnoses: [],
    trials: [],
    diagnosis_choices: [{ code: 'F33.2', label: 'Major depressive disorder, recurrent, severe without psychotic features' }],
    medication_classes: ['none', 'benzodiazepine'],
  };

  it('reads the history and the screening with GET, escaping the id', async () => {
    const screening = { rule_version: 'v1', findings: [], latest_decision: null };
    const { client, request } = clientAnswering(json(200, HISTORY), json(200, screening));
    await expect(client.getPatientHistory('pat/1')).resolves.toEqual(HISTORY);
    await expect(client.getScreening('pat_1')).resolves.toEqual(screening);
    expect(request(0).url).toBe('/api/v1/patients/pat%2F1/history');
    expect(request(0).init.method).toBe('GET');
    expect(request(1).url).toBe('/api/v1/patients/pat_1/screening');
  });

  it('posts each change to its route with the CSRF token and the contract’s body', async () => {
    const { client, request } = clientAnswering(
      json(200, SESSION),
      json(200, HISTORY),
      json(201, {}),
      json(200, {}),
      json(201, {}),
      json(201, {}),
      json(201, {}),
    );
    await client.login('nurse@demo.test', 'pw');
    await client.saveHistoryAnswers('pat_1', { aneurysmal_vascular_disease: 'yes', pregnant: 'unknown' });
    await client.addMedication('pat_1', { name: 'Lorazepam', class: 'benzodiazepine', dose: '1 mg' });
    await client.stopMedication('pat_1', 'med_9');
    await client.addDiagnosis('pat_1', 'F33.2');
    await client.addTreatmentTrial('pat_1', { drug: 'Sertraline', dose: '100 mg', weeks: 8, response: 'none' });
    await client.recordEligibilityDecision('pat_1', { decision: 'eligible', reason: 'Discussed', override_reason: 'Aneurysm repaired' });

    const sent = [1, 2, 3, 4, 5, 6].map((i) => ({
      method: request(i).init.method,
      url: request(i).url,
      csrf: request(i).headers.get('X-CSRF-Token'),
      body: request(i).init.body === undefined ? undefined : (JSON.parse(request(i).init.body as string) as unknown),
    }));
    expect(sent).toEqual([
      { method: 'POST', url: '/api/v1/patients/pat_1/history', csrf: 'csrf-123', body: { answers: { aneurysmal_vascular_disease: 'yes', pregnant: 'unknown' } } },
      { method: 'POST', url: '/api/v1/patients/pat_1/medications', csrf: 'csrf-123', body: { name: 'Lorazepam', class: 'benzodiazepine', dose: '1 mg' } },
      { method: 'POST', url: '/api/v1/patients/pat_1/medications/med_9/stop', csrf: 'csrf-123', body: undefined },
      { method: 'POST', url: '/api/v1/patients/pat_1/diagnoses', csrf: 'csrf-123', body: { code: 'F33.2' } },
      { method: 'POST', url: '/api/v1/patients/pat_1/trials', csrf: 'csrf-123', body: { drug: 'Sertraline', dose: '100 mg', weeks: 8, response: 'none' } },
      {
        method: 'POST',
        url: '/api/v1/patients/pat_1/eligibility-decisions',
        csrf: 'csrf-123',
        body: { decision: 'eligible', reason: 'Discussed', override_reason: 'Aneurysm repaired' },
      },
    ]);
  });

  it('carries the field of a refused decision', async () => {
    const { client } = clientAnswering(json(400, { error: { code: 'validation_failed', message: 'Give the override reason.', field: 'override_reason' } }));
    await expect(client.recordEligibilityDecision('pat_1', { decision: 'eligible', reason: 'x', override_reason: '' })).rejects.toMatchObject({
      status: 400,
      field: 'override_reason',
    });
  });
});
