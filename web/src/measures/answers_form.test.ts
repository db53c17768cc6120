import { describe, expect, it } from 'vitest';
import { answeredCount, answerField, draftFrom, readAnswers } from './answers_form';
import { CSSRS, PAIN, PHQ9 } from './measures_fixtures';

const allPhq9 = (value: string) => Object.fromEntries(PHQ9.items.map((i) => [i.code, value]));

describe('recorded answers', () => {
  it('names the server’s field for an item', () => {
    expect(answerField('phq9_4')).toBe('answers.phq9_4');
  });

  it('sends every answer of a complete submission as numbers', () => {
    const read = readAnswers(PHQ9, { ...allPhq9('1'), phq9_9: '0' }, true);
    expect(read).toEqual({ answers: { ...Object.fromEntries(PHQ9.items.map((i) => [i.code, 1])), phq9_9: 0 } });
  });

  it('refuses a submission with a question unanswered, naming the first one', () => {
    const partial = Object.fromEntries(Object.entries(allPhq9('2')).filter(([code]) => code !== 'phq9_4' && code !== 'phq9_7'));
    expect(readAnswers(PHQ9, partial, true)).toEqual({ problem: { field: 'answers.phq9_4', message: 'Answer question 4.' } });
    expect(readAnswers(PAIN, {}, true)).toEqual({ problem: { field: 'answers.total', message: 'Enter a whole number from 0 to 10.' } });
    expect(readAnswers(CSSRS, { screen_positive: '0' }, true)).toEqual({ problem: { field: 'answers.risk_level', message: 'Answer question 2.' } });
  });

  it('saves a partial draft with only the answers given', () => {
    expect(readAnswers(PHQ9, { phq9_1: '3', phq9_2: ' ' }, false)).toEqual({ answers: { phq9_1: 3 } });
  });

  it('refuses a number out of range, not whole, or not among the options', () => {
    const wrong = { field: 'answers.total', message: 'Enter a whole number from 0 to 10.' };
    expect(readAnswers(PAIN, { total: '11' }, false)).toEqual({ problem: wrong });
    expect(readAnswers(PAIN, { total: '2.5' }, true)).toEqual({ problem: wrong });
    expect(readAnswers(PAIN, { total: 'x' }, true)).toEqual({ problem: wrong });
    expect(readAnswers(PAIN, { total: '10' }, true)).toEqual({ answers: { total: 10 } });
    expect(readAnswers(CSSRS, { screen_positive: '2' }, false)).toEqual({ problem: { field: 'answers.screen_positive', message: 'Enter a whole number from 0 to 1.' } });
  });

  it('counts the answered items and turns saved answers into text', () => {
    expect(answeredCount(PHQ9, { phq9_1: '0', phq9_2: '', phq9_3: '3' })).toBe(2);
    expect(draftFrom({ phq9_1: 0, phq9_2: 3 })).toEqual({ phq9_1: '0', phq9_2: '3' });
  });
});
