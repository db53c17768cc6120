import { describe, expect, it } from 'vitest';
import { addDays, newRow, planSchedule, readSchedule, rowsFrom, scheduleField, standardSchedule } from './schedule_form';

const strip = (rows: ReturnType<typeof standardSchedule>) => rows.map((row) => ({ instrument: row.instrument, rule: row.rule, start: row.start, end: row.end, interval_days: row.interval_days }));

describe('the schedule editor', () => {
  it('names the server’s fields by row', () => {
    expect(scheduleField(2, 'end')).toBe('entries[2].end');
  });

  it('adds days by the calendar, across months and years', () => {
    expect(addDays('2026-11-21', 28)).toBe('2026-12-19');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('fills the standard schedule: PHQ-9 and GAD-7 at baseline, PHQ-9 weekly for 4 weeks, then monthly', () => {
    expect(strip(standardSchedule('2026-11-21'))).toEqual([
      { instrument: 'phq9', rule: 'baseline', start: '2026-11-21', end: '', interval_days: '' },
      { instrument: 'gad7', rule: 'baseline', start: '2026-11-21', end: '', interval_days: '' },
      { instrument: 'phq9', rule: 'weekly', start: '2026-11-28', end: '2026-12-19', interval_days: '' },
      { instrument: 'phq9', rule: 'monthly', start: '2027-01-16', end: '', interval_days: '' },
    ]);
  });

  it('gives every row its own key', () => {
    const keys = standardSchedule('2026-11-21').map((r) => r.key);
    expect(new Set(keys).size).toBe(4);
  });

  it('sends the rows as entries: no end is null, the interval only for follow-ups', () => {
    const rows = [...standardSchedule('2026-11-21'), newRow({ instrument: 'pcl5', rule: 'follow_up', start: '2027-01-01', interval_days: '30' })];
    const read = readSchedule(rows);
    expect(read).toMatchObject({ entries: [{ instrument: 'phq9', rule: 'baseline', start: '2026-11-21', end: null, interval_days: 0 }, {}, { start: '2026-11-28', end: '2026-12-19' }, {}, { rule: 'follow_up', interval_days: 30 }] });
    expect(readSchedule([])).toEqual({ entries: [] });
  });

  it('reads the saved schedule back into rows', () => {
    const rows = rowsFrom([{ instrument: 'phq9', rule: 'follow_up', start: '2026-11-21', end: null, interval_days: 14 }, { instrument: 'gad7', rule: 'weekly', start: '2026-11-21', end: '2026-12-01', interval_days: 0 }]);
    expect(strip(rows)).toEqual([
      { instrument: 'phq9', rule: 'follow_up', start: '2026-11-21', end: '', interval_days: '14' },
      { instrument: 'gad7', rule: 'weekly', start: '2026-11-21', end: '2026-12-01', interval_days: '' },
    ]);
  });

  it('names the first problem at its row and field', () => {
    const good = newRow({ instrument: 'phq9', rule: 'weekly', start: '2026-11-21' });
    expect(readSchedule([good, newRow({ rule: 'weekly', start: '2026-11-21' })])).toEqual({ problem: { field: 'entries[1].instrument', message: 'Choose the questionnaire.' } });
    expect(readSchedule([newRow({ instrument: 'phq9', start: '2026-11-21' })])).toEqual({ problem: { field: 'entries[0].rule', message: 'Choose when it is due.' } });
    expect(readSchedule([newRow({ instrument: 'phq9', rule: 'weekly' })])).toEqual({ problem: { field: 'entries[0].start', message: 'Enter the start date.' } });
    expect(readSchedule([{ ...good, end: '2026-11-20' }])).toEqual({ problem: { field: 'entries[0].end', message: 'The end date must be on or after the start date.' } });
    expect(readSchedule([{ ...good, rule: 'follow_up', interval_days: '0' }])).toMatchObject({ problem: { field: 'entries[0].interval_days' } });
    expect(readSchedule([{ ...good, rule: 'follow_up', interval_days: '' }])).toMatchObject({ problem: { field: 'entries[0].interval_days' } });
    expect(readSchedule([{ ...good, rule: 'follow_up', interval_days: '366' }])).toEqual({ problem: { field: 'entries[0].interval_days', message: 'Enter the days between follow-ups: a whole number from 1 to 365.' } });
  });
});

describe('planSchedule', () => {
  it('baselines today, before each session, weekly through the induction series, monthly after it', () => {
    const dates = ['2026-12-04', '2026-11-23', '2026-11-25', '2026-11-27', '2026-11-30', '2026-12-02', '2026-12-30'];
    const rows = planSchedule('2026-11-21', dates, 6);
    expect(rows?.map(({ instrument, rule, start, end }) => ({ instrument, rule, start, end }))).toEqual([
      { instrument: 'phq9', rule: 'baseline', start: '2026-11-21', end: '' },
      { instrument: 'gad7', rule: 'baseline', start: '2026-11-21', end: '' },
      { instrument: 'phq9', rule: 'before_session', start: '2026-11-23', end: '' },
      { instrument: 'phq9', rule: 'weekly', start: '2026-11-30', end: '2026-12-04' },
      { instrument: 'phq9', rule: 'monthly', start: '2027-01-01', end: '' },
    ]);
  });
  it('leaves out the weekly rule when the induction lasts under a week, and needs sessions', () => {
    const rows = planSchedule('2026-11-21', ['2026-11-23', '2026-11-25'], 2);
    expect(rows?.map((r) => r.rule)).toEqual(['baseline', 'baseline', 'before_session', 'monthly']);
    expect(planSchedule('2026-11-21', [], 6)).toBeNull();
  });
});
