import { describe, expect, it } from 'vitest';
import { againstLimit, baselineToLatest, durabilityText, sessionsByRoute, severityLabel, STATUS_LABELS, statusClass, thresholdsOf, timeToResponseText, warningLabel } from './progress_rules';
import { PROGRESS } from './progress_fixtures';

describe('progress in words', () => {
  it('labels every status, and colours the good, the bad and the unknown apart', () => {
    expect(Object.values(STATUS_LABELS)).toEqual(['Remission', 'Response', 'Relapsed', 'No response', 'Baseline only']);
    expect(statusClass('remission')).toBe('badge badge-outcome');
    expect(statusClass('relapsed')).toBe('badge badge-danger');
    expect(statusClass('no_response')).toBe('badge badge-warn');
    expect(statusClass('baseline_only')).toBe('badge');
  });

  it('says the time to response, or why there is none', () => {
    expect(timeToResponseText({ days_to_response: 1, status: 'response', response_applies: true })).toBe('1 day after the first session');
    expect(timeToResponseText({ days_to_response: null, status: 'no_response', response_applies: true })).toBe('No response yet');
    expect(timeToResponseText({ days_to_response: null, status: 'baseline_only', response_applies: true })).toBe('Not assessed yet');
    expect(timeToResponseText({ days_to_response: null, status: 'baseline_only', response_applies: false })).toBe('No response rule');
  });

  it('says a censored durability as "at least", and an ended one until relapse', () => {
    expect(durabilityText({ durability_days: 28, durability_censored: true, response_applies: true })).toBe('at least 28 days (no relapse so far)');
    expect(durabilityText({ durability_days: 1, durability_censored: false, response_applies: true })).toBe('1 day, until relapse');
    expect(durabilityText({ durability_days: null, durability_censored: false, response_applies: true })).toBe('—');
  });

  it('shows baseline to latest, or the baseline alone', () => {
    expect(baselineToLatest({ baseline: 20, latest: 9, points: [{ at: 'a', total: 20 }, { at: 'b', total: 9 }] })).toBe('20 → 9');
    expect(baselineToLatest({ baseline: 20, latest: 20, points: [{ at: 'a', total: 20 }] })).toBe('20');
    expect(baselineToLatest({ baseline: null, latest: null, points: [] })).toBe('No baseline');
  });

  it('draws the response line only where the rule applies, and the remission line where there is one', () => {
    expect(thresholdsOf({ response_applies: true, response_at_most: 10, remission_at_most: 4 })).toEqual([
      { value: 10, label: 'Response ≤ 10', kind: 'response' },
      { value: 4, label: 'Remission ≤ 4', kind: 'remission' },
    ]);
    expect(thresholdsOf({ response_applies: false, response_at_most: 10, remission_at_most: null })).toEqual([]);
  });

  it('puts exposure against its limit, or says none is set', () => {
    expect(againstLimit(3, 6)).toBe('3 (limit 6)');
    expect(againstLimit(1.456, 4, ' mg/kg')).toBe('1.46 mg/kg (limit 4 mg/kg)');
    expect(againstLimit(3, null)).toBe('3 (no limit set)');
  });

  it('names warnings, including ones this page does not know yet', () => {
    expect(warningLabel('tolerance_signal')).toBe('Tolerance signal');
    expect(warningLabel('new_kind_of_warning')).toBe('new kind of warning');
    expect(severityLabel('mild')).toBe('Mild');
    expect(severityLabel('')).toBe('—');
  });

  it('counts treatment sessions by route with their dates, leaving out those aborted before a dose', () => {
    expect(sessionsByRoute(PROGRESS.sessions)).toEqual([
      { route: 'iv', label: 'IV infusion', count: 2, first: '2026-10-01T09:00:00.000Z', last: '2026-10-08T09:00:00.000Z' },
      { route: 'intranasal_esketamine', label: 'Intranasal esketamine', count: 1, first: '2026-10-15T09:00:00.000Z', last: '2026-10-15T09:00:00.000Z' },
    ]);
  });
});
