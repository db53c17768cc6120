import { describe, expect, it } from 'vitest';
import type { EligibilityDecision, Finding } from '../api';
import { eligibilityStatus, groupFindings, needsOverride } from './screening_rules';

const finding = (rule: string, outcome: Finding['outcome']): Finding => ({ rule, outcome, reason: `${rule} reason`, source: 'Label', facts: [`${rule}: yes`] });
const EXCLUSION = finding('aneurysmal_vascular_disease', 'exclude');
const REVIEW = finding('pregnant', 'needs_review'); // facts: "pregnant: yes"
const SUPPORT = finding('treatment_resistant_depression', 'supports');

describe('groupFindings', () => {
  it('groups Exclusions, Needs review, Supports in that order, keeping the server order within each', () => {
    const second = finding('arteriovenous_malformation', 'exclude');
    const groups = groupFindings([SUPPORT, REVIEW, EXCLUSION, second]);
    expect(groups.map((g) => g.title)).toEqual(['Exclusions', 'Needs review', 'Supports']);
    expect(groups.map((g) => g.all.map((f) => f.rule))).toEqual([
      ['aneurysmal_vascular_disease', 'arteriovenous_malformation'],
      ['pregnant'],
      ['treatment_resistant_depression'],
    ]);
  });

  it('keeps empty groups, so the screen can say "None"', () => {
    expect(groupFindings([]).map((g) => g.all.length)).toEqual([0, 0, 0]);
  });

  it('lists findings on recorded facts before those resting only on unknown answers', () => {
    const unasked = { ...REVIEW, rule: 'psychosis_history', facts: ['Psychosis now or in the past: unknown'] };
    const benzo = { ...REVIEW, rule: 'interacting_medication_benzodiazepine', facts: ['Current medication class: benzodiazepine'] };
    const noFacts = { ...REVIEW, rule: 'ptsd', facts: [] };
    const [, review] = groupFindings([unasked, benzo, noFacts]);
    expect(review?.all.map((f) => f.rule)).toEqual(['psychosis_history', 'interacting_medication_benzodiazepine', 'ptsd']);
    expect(review?.findings.map((f) => f.rule)).toEqual(['interacting_medication_benzodiazepine', 'ptsd']);
    expect(review?.notYetAsked.map((f) => f.rule)).toEqual(['psychosis_history']);
  });
});

describe('needsOverride', () => {
  it('asks for an override reason when an exclusion exists and the decision lets treatment go ahead', () => {
    expect(needsOverride('eligible', [REVIEW, EXCLUSION])).toBe(true);
    expect(needsOverride('eligible_with_conditions', [EXCLUSION])).toBe(true);
  });

  it('never for "not eligible", without exclusions, or before a decision is chosen', () => {
    expect(needsOverride('not_eligible', [EXCLUSION])).toBe(false);
    expect(needsOverride('eligible', [REVIEW, SUPPORT])).toBe(false);
    expect(needsOverride('', [EXCLUSION])).toBe(false);
  });
});

describe('eligibilityStatus', () => {
  const decision: EligibilityDecision = {
    id: 'eld_1',
    decision: 'eligible',
    reason: 'Fine',
    override: false,
    override_reason: '',
    rule_version: 'v1',
    decided_at: '2026-01-01T00:00:00Z',
    decided_by: 'prescriber@demo.test',
    needs_rescreen: false,
    rescreen_reason: '',
  };

  it('says "Not screened" without a decision', () => {
    expect(eligibilityStatus(null)).toEqual({ label: 'Not screened', tone: 'none', rescreen: false, override: false });
  });

  it('labels each decision', () => {
    expect(eligibilityStatus(decision).label).toBe('Eligible');
    expect(eligibilityStatus({ ...decision, decision: 'eligible_with_conditions' }).label).toBe('Eligible with conditions');
    expect(eligibilityStatus({ ...decision, decision: 'not_eligible' })).toMatchObject({ label: 'Not eligible', tone: 'danger' });
  });

  it('carries the override and re-screening flags', () => {
    expect(eligibilityStatus({ ...decision, override: true, needs_rescreen: true })).toMatchObject({ override: true, rescreen: true });
  });
});
