import { describe, expect, it } from 'vitest';
import type { DueQuestionnaire } from '../api';
import { changeText, draftToContinue, instrumentName, linkableInstruments, missedText, outcomeBadges, periodText, ruleText, scoreText, sortDue } from './measures_rules';
import { CATALOGUE, phq9Response } from './measures_fixtures';

describe('measures rules', () => {
  it('names an instrument from the catalogue, or by its code when missing', () => {
    expect(instrumentName(CATALOGUE, 'phq9')).toBe('PHQ-9');
    expect(instrumentName(CATALOGUE, 'madrs')).toBe('MADRS');
  });

  it('says a rule and a period in words', () => {
    expect(ruleText({ rule: 'weekly', interval_days: 0 })).toBe('Weekly');
    expect(ruleText({ rule: 'follow_up', interval_days: 14 })).toBe('Follow-up every 14 days');
    expect(ruleText({ rule: 'follow_up', interval_days: 1 })).toBe('Follow-up every 1 day');
    expect(ruleText({ rule: 'before_session', interval_days: 0 })).toBe('Before each session');
    expect(periodText({ start: '2026-11-21', end: null })).toBe('from 2026-11-21');
    expect(periodText({ start: '2026-11-21', end: '2026-12-19' })).toBe('from 2026-11-21 to 2026-12-19');
  });

  it('tells the change with a true minus sign and the percentage to one decimal', () => {
    expect(changeText({ change: -14, percent_change: -77.78 })).toBe('\u221214 points (\u221277.8%)');
    expect(changeText({ change: 3, percent_change: 20 })).toBe('+3 points (+20%)');
    expect(changeText({ change: -7, percent_change: -43.75 })).toBe('\u22127 points (\u221243.8%)');
    expect(changeText({ change: 7, percent_change: 43.75 })).toBe('+7 points (+43.8%)');
    expect(changeText({ change: 1, percent_change: null })).toBe('+1 point');
    expect(changeText({ change: 0, percent_change: 0 })).toBe('0 points (0%)');
    expect(changeText({ change: null, percent_change: null })).toBeNull();
  });

  it('shows the badges that are true, in a fixed order', () => {
    expect(outcomeBadges({ response: true, remission: true, meaningful_change: false })).toEqual(['Response', 'Remission']);
    expect(outcomeBadges({ response: false, remission: false, meaningful_change: true })).toEqual(['Meaningful change']);
    expect(outcomeBadges({ response: false, remission: false, meaningful_change: false })).toEqual([]);
  });

  it('puts overdue questionnaires first, then the earliest due', () => {
    const due = (instrument: string, due_on: string, overdue: boolean): DueQuestionnaire => ({ instrument, rule: 'weekly', due_on, overdue, missed: 0 });
    const sorted = sortDue([due('gad7', '2026-11-01', false), due('phq9', '2026-11-20', true), due('phq9', '2026-11-02', false), due('gad7', '2026-11-10', true)]);
    expect(sorted.map((d) => `${d.instrument} ${d.due_on}`)).toEqual(['gad7 2026-11-10', 'phq9 2026-11-20', 'gad7 2026-11-01', 'phq9 2026-11-02']);
  });

  it('counts missed due dates in words', () => {
    expect(missedText(0)).toBe('');
    expect(missedText(1)).toBe('Missed 1 earlier due date');
    expect(missedText(3)).toBe('Missed 3 earlier due dates');
  });

  it('shows a score with its band, or a dash before scoring', () => {
    expect(scoreText({ total: 18, band: 'Moderately severe' })).toBe('18 (Moderately severe)');
    expect(scoreText({ total: 3, band: null })).toBe('3');
    expect(scoreText({ total: null, band: null })).toBe('—');
  });

  it('continues only a staff draft of the same instrument', () => {
    const submitted = phq9Response('rsp_1', '2026-11-21T10:00:00.000Z', 1);
    const draft = { ...submitted, id: 'rsp_2', status: 'in_progress' as const, total: null, band: null, submitted_at: null };
    const linkDraft = { ...draft, id: 'rsp_3', source: 'link' as const };
    expect(draftToContinue([linkDraft, draft, submitted], 'phq9')?.id).toBe('rsp_2');
    expect(draftToContinue([draft], 'gad7')).toBeUndefined();
  });

  it('sends by link only the instruments patients complete themselves', () => {
    expect(linkableInstruments(CATALOGUE).map((i) => i.code)).toEqual(['phq9', 'gad7', 'pcl5']);
  });
});
