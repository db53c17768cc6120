import { describe, expect, it } from 'vitest';
import { changedRules, loweredContraindications } from './EligibilityRulesSection';
import type { EligibilityRule } from './eligibility_rules_api_types';

const rule = (id: string, group: EligibilityRule['group'], setting: EligibilityRule['setting']): EligibilityRule => ({
  rule: id, label: id, source: 'Spravato', group, default: setting === 'off' ? 'needs_review' : setting, setting, allowed: [],
});

describe('eligibility rule settings', () => {
  const rules = [rule('intracerebral_haemorrhage', 'contraindication', 'exclude'), rule('cystitis', 'warning', 'needs_review')];

  it('sends only the rules whose outcome changed', () => {
    expect(changedRules(rules, { cystitis: 'needs_review', intracerebral_haemorrhage: 'exclude' })).toEqual({});
    expect(changedRules(rules, { cystitis: 'exclude' })).toEqual({ cystitis: 'exclude' });
  });

  it('asks for an acknowledgement only when a contraindication would stop excluding', () => {
    expect(loweredContraindications(rules, { cystitis: 'off' })).toEqual([]);
    expect(loweredContraindications(rules, { intracerebral_haemorrhage: 'needs_review' }).map((r) => r.rule)).toEqual(['intracerebral_haemorrhage']);
  });
});
