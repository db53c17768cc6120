// The Outcomes page's pure rules: the filters read from and written to the URL
// query (so a link reopens the same view), checked before asking the server; and
// how proportions, confidence intervals and rates read on screen.
import type { DashboardFilters, DoseRoute, Indication, Proportion } from '../api';
import { INDICATIONS } from '../api';
import { ROUTE_CHOICES } from '../dose/dose_form';
import type { FormProblem } from '../ui/form_problem';

export const INDICATION_LABELS: Record<Indication, string> = {
  depression: 'Depression',
  bipolar_depression: 'Bipolar depression',
  ptsd: 'PTSD',
  anxiety: 'Anxiety',
  ocd: 'OCD',
  chronic_pain: 'Chronic pain',
  other: 'Other',
};

export const INDICATION_CHOICES = INDICATIONS.map((value) => ({ value, label: INDICATION_LABELS[value] }));

/** The filter fields, in the order the URL and the form list them. */
export const FILTER_FIELDS = ['from', 'to', 'route', 'indication', 'instrument'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

const isRoute = (v: string): v is DoseRoute => ROUTE_CHOICES.some((c) => c.value === v);
const isIndication = (v: string): v is Indication => (INDICATIONS as readonly string[]).includes(v);

/** The filters in a URL query ("?from=…&route=iv"); unknown parameters, routes and indications are left out. */
export function filtersFromQuery(search: string): DashboardFilters {
  const params = new URLSearchParams(search);
  const filters: DashboardFilters = {};
  const text = (name: FilterField) => params.get(name)?.trim() ?? '';
  if (text('from')) filters.from = text('from');
  if (text('to')) filters.to = text('to');
  const route = text('route');
  if (isRoute(route)) filters.route = route;
  const indication = text('indication');
  if (isIndication(indication)) filters.indication = indication;
  if (text('instrument')) filters.instrument = text('instrument');
  return filters;
}

/** The URL query for `filters`: "" when there are none. */
export function queryFromFilters(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  for (const name of FILTER_FIELDS) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface FilterDraft {
  from: string;
  to: string;
  route: string;
  indication: string;
  instrument: string;
}

export function draftFromFilters(filters: DashboardFilters): FilterDraft {
  return { from: filters.from ?? '', to: filters.to ?? '', route: filters.route ?? '', indication: filters.indication ?? '', instrument: filters.instrument ?? '' };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters the form asks for, or the first problem (the server checks the same and more). */
export function readFilterDraft(draft: FilterDraft): { filters: DashboardFilters } | { problem: FormProblem } {
  for (const field of ['from', 'to'] as const) {
    if (draft[field] && (!DAY.test(draft[field]) || Number.isNaN(Date.parse(draft[field])))) {
      return { problem: { field, message: field === 'from' ? 'Enter the first day as a date, or leave it empty.' : 'Enter the last day as a date, or leave it empty.' } };
    }
  }
  if (draft.from && draft.to && draft.to < draft.from) return { problem: { field: 'to', message: 'The last day is before the first day: swap them or change one.' } };
  return { filters: filtersFromQuery(queryFromFilters(draft as DashboardFilters)) };
}

/** "57.1 %"; "—" without a rate. */
export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)} %`;
}

/** "20 of 35 (57.1 %)". */
export function proportionText(p: Proportion): string {
  return p.total === 0 ? 'none assessed' : `${p.count} of ${p.total} (${percentText(p.rate)})`;
}

/** "95 % CI 40.5–72.3 %"; "" when there is no interval (nobody counted: the server sends zeros then). */
export function intervalText(p: Pick<Proportion, 'total' | 'lower' | 'upper'>): string {
  if (p.total === 0 || p.lower === null || p.upper === null) return '';
  return `95 % CI ${(Math.round(p.lower * 1000) / 10).toFixed(1)}–${(Math.round(p.upper * 1000) / 10).toFixed(1)} %`;
}

/** A figure with at most `digits` decimals ("13.5", "0.17"); "—" for null. */
export function figureText(n: number | null, digits = 1): string {
  if (n === null) return '—';
  const factor = 10 ** digits;
  return String(Math.round(n * factor) / factor);
}

/** Minutes in words ("12 min"), "—" for null. */
export function minutesText(n: number | null): string {
  return n === null ? '—' : `${figureText(n)} min`;
}
