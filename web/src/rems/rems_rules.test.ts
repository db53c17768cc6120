import { describe, expect, it } from 'vitest';
import type { PendingRemsForm } from '../api';
import { seriousEventText, sortPending } from './rems_rules';

const pending = (id: string, due_on: string, overdue: boolean): PendingRemsForm => ({ session_id: id, patient: { id: 'p', display_name: `Patient ${id}` }, date: '2026-11-14', due_on, overdue });

describe('REMS forms', () => {
  it('lists overdue forms first, then by due date', () => {
    expect(sortPending([pending('a', '2026-11-28', false), pending('b', '2026-11-20', true), pending('c', '2026-11-25', false), pending('d', '2026-11-18', true)]).map((f) => f.session_id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('reads a serious adverse event given as an effect or as text', () => {
    expect(seriousEventText('Syncope at 30 min')).toBe('Syncope at 30 min');
    expect(seriousEventText({ label: 'Respiratory depression', narrative: 'SpO2 85 %, bag-mask, transferred.' })).toBe('Respiratory depression: SpO2 85 %, bag-mask, transferred.');
    expect(seriousEventText({ id: 1 })).toBe('{"id":1}');
  });
});
