import { describe, expect, it } from 'vitest';
import { draftFromFilters, figureText, filtersFromQuery, intervalText, minutesText, percentText, proportionText, queryFromFilters, readFilterDraft } from './dashboard_rules';

describe('the dashboard filters in the URL', () => {
  it('reads the known filters and leaves out the rest', () => {
    expect(filtersFromQuery('?from=2026-01-01&to=2026-06-30&route=iv&indication=ptsd&instrument=pcl5&x=1')).toEqual({ from: '2026-01-01', to: '2026-06-30', route: 'iv', indication: 'ptsd', instrument: 'pcl5' });
    expect(filtersFromQuery('?route=teleport&indication=boredom&from=')).toEqual({});
    expect(filtersFromQuery('')).toEqual({});
  });

  it('writes them back in a fixed order, so a link reopens the same view', () => {
    const filters = { route: 'im' as const, from: '2026-01-01' };
    expect(queryFromFilters(filters)).toBe('?from=2026-01-01&route=im');
    expect(filtersFromQuery(queryFromFilters(filters))).toEqual(filters);
    expect(queryFromFilters({})).toBe('');
  });
});

describe('the filter form', () => {
  it('sends what was chosen, leaving empty fields to the server’s defaults', () => {
    expect(readFilterDraft({ from: '', to: '', route: 'iv', indication: '', instrument: '' })).toEqual({ filters: { route: 'iv' } });
    expect(readFilterDraft(draftFromFilters({ from: '2026-01-01', to: '2026-01-01' }))).toEqual({ filters: { from: '2026-01-01', to: '2026-01-01' } });
  });

  it('names the date at fault: a malformed date, or an end before the start', () => {
    expect(readFilterDraft({ from: '2026-13-45', to: '', route: '', indication: '', instrument: '' })).toEqual({ problem: { field: 'from', message: 'Enter the first day as a date, or leave it empty.' } });
    expect(readFilterDraft({ from: '2026-06-01', to: '2026-05-31', route: '', indication: '', instrument: '' })).toEqual({ problem: { field: 'to', message: 'The last day is before the first day: swap them or change one.' } });
  });
});

describe('figures', () => {
  it('reads proportions with their 95 % interval', () => {
    const p = { count: 20, total: 35, rate: 0.5714, lower: 0.405, upper: 0.7234 };
    expect(percentText(p.rate)).toBe('57.1 %');
    expect(percentText(0)).toBe('0.0 %');
    expect(percentText(null)).toBe('—');
    expect(proportionText(p)).toBe('20 of 35 (57.1 %)');
    expect(proportionText({ count: 0, total: 0, rate: null, lower: null, upper: null })).toBe('none assessed');
    expect(intervalText(p)).toBe('95 % CI 40.5–72.3 %');
    expect(intervalText({ total: 4, lower: null, upper: null })).toBe('');
    expect(intervalText({ total: 0, lower: 0, upper: 0 })).toBe('');
  });

  it('rounds rates and minutes', () => {
    expect(figureText(13.46)).toBe('13.5');
    expect(figureText(0.1666, 2)).toBe('0.17');
    expect(figureText(null)).toBe('—');
    expect(minutesText(12)).toBe('12 min');
    expect(minutesText(null)).toBe('—');
  });
});
