import { describe, expect, it } from 'vitest';
import { NO_FILTERS, toAuditQuery } from './audit_query';

const users = [
  { id: 'u-admin', email: 'admin@demo.test' },
  { id: 'u-nurse', email: 'nurse@demo.test' },
];

describe('toAuditQuery', () => {
  it('sends nothing when no filter is set', () => {
    expect(toAuditQuery(NO_FILTERS, users)).toEqual({ query: {} });
  });

  it('maps a known email to its user id, ignoring case and spaces', () => {
    expect(toAuditQuery({ ...NO_FILTERS, user: ' Nurse@Demo.test ' }, users)).toEqual({ query: { user_id: 'u-nurse' } });
  });

  it('passes anything that is not an email through as a user id', () => {
    expect(toAuditQuery({ ...NO_FILTERS, user: 'u-42' }, users)).toEqual({ query: { user_id: 'u-42' } });
  });

  it('reports an unknown email on the user field', () => {
    expect(toAuditQuery({ ...NO_FILTERS, user: 'ghost@demo.test' }, users)).toEqual({
      problem: { field: 'user', message: 'No user has this email.' },
    });
  });

  it('turns a local date range into whole local days', () => {
    const result = toAuditQuery({ ...NO_FILTERS, from: '2026-03-01', to: '2026-03-01', action: 'auth.login' }, users);
    expect(result).toEqual({
      query: {
        action: 'auth.login',
        from: new Date(2026, 2, 1).toISOString(),
        to: new Date(2026, 2, 2).toISOString(),
      },
    });
  });

  it('refuses an end date before the start date', () => {
    const result = toAuditQuery({ ...NO_FILTERS, from: '2026-03-02', to: '2026-03-01' }, users);
    expect(result).toEqual({ problem: { field: 'to', message: 'The end date is before the start date.' } });
  });
});
