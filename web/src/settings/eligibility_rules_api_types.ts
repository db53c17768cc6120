// Types of the clinic's eligibility rule settings (GET/POST /api/v1/eligibility-rules).

export type RuleSettingValue = 'exclude' | 'needs_review' | 'supports' | 'off';

export interface EligibilityRule {
  rule: string;
  label: string;
  source: string;
  /** contraindication: a Spravato contraindication; warning: needs review; support: supports candidacy. */
  group: 'contraindication' | 'warning' | 'support';
  default: Exclude<RuleSettingValue, 'off'>;
  setting: RuleSettingValue;
  allowed: RuleSettingValue[];
}

export interface EligibilityRuleVersion {
  version: number;
  label: string;
  /** The rules that differ from the release's defaults in this version. */
  changed: Record<string, RuleSettingValue>;
  reason: string;
  published_at: string;
  published_by: string;
}

export interface EligibilityRules {
  version: number;
  /** What a decision keeps, e.g. "kc-eligibility-2026.11-1+clinic.2". */
  label: string;
  release: string;
  rules: EligibilityRule[];
  /** Newest first. */
  versions: EligibilityRuleVersion[];
}

export interface EligibilityRulesChange {
  rules: Record<string, RuleSettingValue>;
  reason: string;
  acknowledge_contraindication?: boolean;
}
