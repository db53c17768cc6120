import { describe, expect, it } from 'vitest';
import type { Medication } from '../api';
import { ageOn, changedAnswers, currentAnswers, historyIncomplete, interactingClasses, medicationClassLabel } from './history_rules';

describe('ageOn', () => {
  it('adds the year on the birthday, not the day before', () => {
    expect(ageOn('1986-03-14', '2026-03-13')).toBe(39);
    expect(ageOn('1986-03-14', '2026-03-14')).toBe(40);
    expect(ageOn('1986-03-14', '2026-03-15')).toBe(40);
  });

  it('counts months before days', () => {
    expect(ageOn('2000-12-01', '2026-11-30')).toBe(25);
    expect(ageOn('2000-12-01', '2026-12-01')).toBe(26);
    expect(ageOn('2000-01-31', '2026-02-01')).toBe(26);
  });

  it('turns someone born on 29 February older on 1 March in other years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('knows the eighteenth birthday exactly', () => {
    expect(ageOn('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
  });

  it('is 0 on the day of birth and unknown before it or for a malformed date', () => {
    expect(ageOn('2026-05-01', '2026-05-01')).toBe(0);
    expect(ageOn('2026-05-02', '2026-05-01')).toBeUndefined();
    expect(ageOn('14/03/1986', '2026-05-01')).toBeUndefined();
    expect(ageOn('', '2026-05-01')).toBeUndefined();
  });
});

const QUESTIONS = [
  { code: 'aneurysmal_vascular_disease', label: 'Aneurysmal vascular disease' },
  { code: 'pregnant', label: 'Pregnant' },
  { code: 'cystitis', label: 'Cystitis' },
];
const answer = (question: string, value: 'yes' | 'no' | 'unknown') => ({ question, answer: value, recorded_at: '2026-01-01T00:00:00Z', recorded_by: 'nurse@demo.test' });

describe('history answers', () => {
  it('treats a question without an answer as unknown, never as no', () => {
    expect(currentAnswers({ questions: QUESTIONS, answers: [answer('pregnant', 'no')] })).toEqual({
      aneurysmal_vascular_disease: 'unknown',
      pregnant: 'no',
      cystitis: 'unknown',
    });
  });

  it('sends only the answers that changed, including a change back to unknown', () => {
    const saved = { aneurysmal_vascular_disease: 'unknown', pregnant: 'no', cystitis: 'yes' } as const;
    expect(changedAnswers(saved, { ...saved })).toEqual({});
    expect(changedAnswers(saved, { ...saved, aneurysmal_vascular_disease: 'yes', cystitis: 'unknown' })).toEqual({
      aneurysmal_vascular_disease: 'yes',
      cystitis: 'unknown',
    });
    expect(changedAnswers(saved, { ...saved, pregnant: 'no' })).toEqual({});
  });

  it('calls the history incomplete while any answer is unknown or missing', () => {
    const all = QUESTIONS.map((q) => answer(q.code, 'no'));
    expect(historyIncomplete({ questions: QUESTIONS, answers: all })).toBe(false);
    expect(historyIncomplete({ questions: QUESTIONS, answers: all.slice(1) })).toBe(true);
    expect(historyIncomplete({ questions: QUESTIONS, answers: [...all.slice(1), answer('aneurysmal_vascular_disease', 'unknown')] })).toBe(true);
  });
});

describe('interacting medication classes', () => {
  const med = (id: string, cls: Medication['class'], stopped_at: string | null = null): Medication => ({
    id,
    name: id,
    class: cls,
    dose: '',
    started_at: '2026-01-01T00:00:00Z',
    stopped_at,
  });

  it('lists each interacting class of current medications once, in a fixed order', () => {
    const meds = [med('a', 'opioid'), med('b', 'none'), med('c', 'benzodiazepine'), med('d', 'opioid'), med('e', 'maoi', '2026-02-01T00:00:00Z')];
    expect(interactingClasses(meds)).toEqual(['benzodiazepine', 'opioid']);
    expect(interactingClasses([med('b', 'none')])).toEqual([]);
  });

  it('does not flag a medication entered in error', () => {
    const wrong = { ...med('a', 'benzodiazepine'), entered_in_error: { at: '2026-11-21T10:00:00Z', by: 'nurse@demo.test', reason: 'Wrong chart' } };
    expect(interactingClasses([wrong])).toEqual([]);
  });

  it('labels the classes for people and shows an unknown one as sent', () => {
    expect(medicationClassLabel('non_benzodiazepine_sedative_hypnotic')).toBe('Non-benzodiazepine sedative-hypnotic (Z-drug)');
    expect(medicationClassLabel('maoi')).toBe('MAOI');
    expect(medicationClassLabel('gabapentinoid')).toBe('gabapentinoid');
  });
});
