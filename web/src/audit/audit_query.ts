// Turns the audit filter form into GET /audit query parameters.
// - Dates are the clinic's local calendar days: "from" is the start of that day,
//   "to" the start of the day after (the server reads from inclusive, to exclusive),
//   so a one-day range shows the whole day.
// - The user filter takes an email (looked up among known users) or a user id.
import type { AuditQuery, User } from '../api';
import type { FormProblem } from '../ui/form_problem';

export interface AuditFilterValues {
  action: string;
  user: string;
  entity_type: string;
  /** YYYY-MM-DD from <input type="date">, or empty. */
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { action: '', user: '', entity_type: '', from: '', to: '' };

export type AuditQueryResult = { query: AuditQuery } | { problem: FormProblem };

export function toAuditQuery(values: AuditFilterValues, users: readonly Pick<User, 'id' | 'email'>[]): AuditQueryResult {
  const query: AuditQuery = {};
  const action = values.action.trim();
  const entityType = values.entity_type.trim();
  const user = values.user.trim();
  if (action) query.action = action;
  if (entityType) query.entity_type = entityType;
  if (user.includes('@')) {
    const match = users.find((u) => u.email.toLowerCase() === user.toLowerCase());
    if (!match) return { problem: { field: 'user', message: 'No user has this email.' } };
    query.user_id = match.id;
  } else if (user) {
    query.user_id = user;
  }
  if (values.from) query.from = startOfLocalDay(values.from, 0);
  if (values.to) query.to = startOfLocalDay(values.to, 1);
  if (values.from && values.to && values.to < values.from) {
    return { problem: { field: 'to', message: 'The end date is before the start date.' } };
  }
  return { query };
}

/** ISO 8601 UTC instant of local midnight, `addDays` after the given YYYY-MM-DD. */
function startOfLocalDay(date: string, addDays: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + addDays).toISOString();
}
