// The one typed client for the KetaClinic server API (base /api/v1).
//
// Every server call the UI makes goes through ApiClient. Contract:
// - Cookies are same-origin only; the session cookie is HttpOnly, so the client
//   never sees it. The CSRF token from the last login/me response is sent as
//   X-CSRF-Token on every non-GET request.
// - Failures throw ApiError (status, code, message, field) parsed from the body
//   {"error": {"code", "message", "field"?}}. A network failure is status 0.
// - A 401 from any call except login calls onUnauthorized (the session is gone).
// - Times are ISO 8601 UTC strings; dates of birth are YYYY-MM-DD.

export const ROLES = ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk'] as const;
export type Role = (typeof ROLES)[number];

/** A staff account, as GET /users and the user routes return it. */
export interface User {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  disabled: boolean;
  locked: boolean;
  created_at: string;
}

/** Sign-in and /auth/me add the user's clinic. */
export interface SignedInUser extends User {
  clinic: { id: string; name: string };
}

export interface Session {
  user: SignedInUser;
  csrf_token: string;
  idle_timeout_s: number;
  absolute_expires_at: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface NewUser {
  email: string;
  display_name: string;
  roles: Role[];
  password: string;
}

/** One audit event. Text fields that do not apply are "" (no actor for the system, no entity id for a list). */
export interface AuditEntry {
  seq: number;
  at: string;
  user_id: string;
  user_email: string;
  /** The actor's roles joined with commas, or "system". */
  role: string;
  action: string;
  entity_type: string;
  entity_id: string;
  outcome: 'success' | 'denied';
  client_address: string;
}

export interface AuditQuery {
  action?: string;
  user_id?: string;
  entity_type?: string;
  entity_id?: string;
  from?: string;
  to?: string;
}

export interface Patient {
  id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  created_at: string;
}

export type NewPatient = Pick<Patient, 'given_name' | 'family_name' | 'date_of_birth'>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The part of fetch() the client uses; tests pass a fake. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

type Query = Record<string, string | number | undefined>;

/** The server refuses shorter passwords (validation_failed, field password). */
export const MIN_PASSWORD_LENGTH = 12;

/** Page size for list calls (the server's default page size). */
export const PAGE_SIZE = 50;

export class ApiClient {
  /** Called after a 401 from any call except login. */
  onUnauthorized: () => void = () => {};
  private csrfToken = '';

  constructor(
    private readonly fetchFn: Fetch = (url, init) => fetch(url, init),
    private readonly baseUrl = '/api/v1',
  ) {}

  async login(email: string, password: string): Promise<Session> {
    return this.remember(await this.request<Session>('POST', '/auth/login', { email, password }));
  }
  async me(): Promise<Session> {
    return this.remember(await this.request<Session>('GET', '/auth/me'));
  }
  async logout(): Promise<void> {
    try {
      await this.request<undefined>('POST', '/auth/logout');
    } finally {
      this.csrfToken = '';
    }
  }
  changePassword(current_password: string, new_password: string): Promise<void> {
    return this.request('POST', '/auth/password', { current_password, new_password });
  }

  listUsers(cursor?: string): Promise<Page<User>> {
    return this.request('GET', '/users' + queryString({ limit: PAGE_SIZE, cursor }));
  }
  /** Every user of the clinic, reading all pages. */
  async allUsers(): Promise<User[]> {
    const users: User[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listUsers(cursor);
      users.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return users;
  }
  createUser(user: NewUser): Promise<User> {
    return this.request('POST', '/users', user);
  }
  disableUser(id: string): Promise<User> {
    return this.request('POST', `/users/${encodeURIComponent(id)}/disable`);
  }
  enableUser(id: string): Promise<User> {
    return this.request('POST', `/users/${encodeURIComponent(id)}/enable`);
  }
  resetPassword(id: string, new_password: string): Promise<void> {
    return this.request('POST', `/users/${encodeURIComponent(id)}/reset-password`, { new_password });
  }

  listAudit(query: AuditQuery, cursor?: string): Promise<Page<AuditEntry>> {
    return this.request('GET', '/audit' + queryString({ ...query, limit: PAGE_SIZE, cursor }));
  }

  listPatients(q: string, cursor?: string): Promise<Page<Patient>> {
    return this.request('GET', '/patients' + queryString({ q, limit: PAGE_SIZE, cursor }));
  }
  createPatient(patient: NewPatient): Promise<Patient> {
    return this.request('POST', '/patients', patient);
  }
  getPatient(id: string): Promise<Patient> {
    return this.request('GET', `/patients/${encodeURIComponent(id)}`);
  }

  private remember(session: Session): Session {
    this.csrfToken = session.csrf_token;
    return session;
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    let response: Response;
    try {
      response = await this.fetchFn(this.baseUrl + path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError(0, 'network_error', 'Cannot reach the server. Check the connection and try again.');
    }
    if (response.status === 401 && path !== '/auth/login') {
      this.csrfToken = '';
      this.onUnauthorized();
    }
    if (!response.ok) throw await errorFrom(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  const fallback = `The server could not complete the request (HTTP ${response.status}).`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; field?: string } };
    const e = body.error;
    if (e?.code) return new ApiError(response.status, e.code, e.message || fallback, e.field || undefined);
  } catch {
    // Not JSON (e.g. a proxy's error page): fall through to the generic error.
  }
  return new ApiError(response.status, `http_${response.status}`, fallback);
}

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
