import { describe, expect, it } from 'vitest';
import { followUpDraft, readCheckIn, readEndReason, readFollowUp } from './follow_up_form';

const SETTINGS = { follow_up_interval_days: 28, follow_up_instruments: ['phq9', 'urinary'] };

describe('the follow-up plan form', () => {
  it('starts from the clinic’s defaults, or from the plan it replaces, on today', () => {
    expect(followUpDraft(null, SETTINGS, '2026-12-01')).toEqual({ start: '2026-12-01', interval_days: '28', instruments: ['phq9', 'urinary'] });
    expect(followUpDraft({ start: '2026-10-01', interval_days: 14, instruments: ['gad7'] }, SETTINGS, '2026-12-01')).toEqual({ start: '2026-12-01', interval_days: '14', instruments: ['gad7'] });
    expect(followUpDraft(null, null, '2026-12-01')).toEqual({ start: '2026-12-01', interval_days: '', instruments: [] });
  });

  it('sends the start, a whole-number interval within the bounds and the instruments', () => {
    expect(readFollowUp({ start: '2026-12-01', interval_days: ' 28 ', instruments: ['phq9'] })).toEqual({ plan: { start: '2026-12-01', interval_days: 28, instruments: ['phq9'] } });
  });

  it('names the field at fault', () => {
    expect(readFollowUp({ start: '', interval_days: '28', instruments: ['phq9'] })).toEqual({ problem: { field: 'start', message: 'Enter the first check-in date.' } });
    for (const interval of ['', '0', '366', '7.5', 'weekly']) {
      expect(readFollowUp({ start: '2026-12-01', interval_days: interval, instruments: ['phq9'] })).toEqual({ problem: { field: 'interval_days', message: 'Enter the days between check-ins: a whole number from 1 to 365.' } });
    }
    expect(readFollowUp({ start: '2026-12-01', interval_days: '400', instruments: ['phq9'] }, [1, 400])).toHaveProperty('plan');
    expect(readFollowUp({ start: '2026-12-01', interval_days: '28', instruments: [] })).toEqual({ problem: { field: 'instruments', message: 'Choose at least one questionnaire for the check-ins.' } });
    const eleven = Array.from({ length: 11 }, (_, i) => `i${i}`);
    expect(readFollowUp({ start: '2026-12-01', interval_days: '28', instruments: eleven })).toEqual({ problem: { field: 'instruments', message: 'Choose at most 10 questionnaires.' } });
  });

  it('needs a reason to end the plan', () => {
    expect(readEndReason('  ')).toEqual({ problem: { field: 'reason', message: 'Say why the follow-up ends.' } });
    expect(readEndReason(' Moved away ')).toEqual({ reason: 'Moved away' });
  });
});

describe('the check-in form', () => {
  it('leaves the MME out when it was not asked, and sends it as a number when it was', () => {
    expect(readCheckIn({ mme_per_day: '', memory_attention: false, note: '' })).toEqual({ checkIn: { memory_attention: false, note: '' } });
    expect(readCheckIn({ mme_per_day: '0', memory_attention: false, note: ' ok ' })).toEqual({ checkIn: { memory_attention: false, note: 'ok', mme_per_day: 0 } });
    expect(readCheckIn({ mme_per_day: '37,5', memory_attention: false, note: '' })).toEqual({ checkIn: { memory_attention: false, note: '', mme_per_day: 37.5 } });
  });

  it('refuses an MME out of range', () => {
    for (const mme of ['-1', '10000.5', 'lots']) expect(readCheckIn({ mme_per_day: mme, memory_attention: false, note: '' })).toHaveProperty('problem.field', 'mme_per_day');
    expect(readCheckIn({ mme_per_day: '10000', memory_attention: false, note: '' })).toHaveProperty('checkIn.mme_per_day', 10000);
  });

  it('needs a note when memory or attention problems are reported', () => {
    expect(readCheckIn({ mme_per_day: '', memory_attention: true, note: ' ' })).toEqual({ problem: { field: 'note', message: 'Describe the memory or attention problem in the note.' } });
    expect(readCheckIn({ mme_per_day: '', memory_attention: true, note: 'Forgets appointments' })).toEqual({ checkIn: { memory_attention: true, note: 'Forgets appointments' } });
  });
});
