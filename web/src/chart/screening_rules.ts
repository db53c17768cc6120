// What the screening screen derives from the findings and decisions: the groups it
// shows, the header's eligibility status, and when a decision needs an override
// reason (the server's rule: any exclusion, and the decision is not "not eligible").
import type { Decision, EligibilityDecision, Finding, FindingOutcome } from '../api';

export const DECISION_LABELS: Record<Decision, string> = {
  eligible: 'Eligible',
  eligible_with_conditions: 'Eligible with conditions',
  not_eligible: 'Not eligible',
};

export interface FindingGroup {
  outcome: FindingOutcome;
  title: string;
  /** Every finding of the group (for its count). */
  all: Finding[];
  /** The findings that rest on recorded facts, first: they need a look now. */
  findings: Finding[];
  /** Findings that rest only on unknown facts (a question not yet asked): listed after the others. */
  notYetAsked: Finding[];
}

const GROUP_TITLES: readonly (readonly [FindingOutcome, string])[] = [
  ['exclude', 'Exclusions'],
  ['needs_review', 'Needs review'],
  ['supports', 'Supports'],
];

/** True when every fact behind the finding is unknown (facts read "label: value"). */
export function restsOnUnknowns(finding: Finding): boolean {
  return finding.facts.length > 0 && finding.facts.every((fact) => fact.endsWith(': unknown'));
}

/**
 * Exclusions, then what needs review, then what supports treatment; the server's
 * order within each, except that findings resting only on unknown answers come
 * after the others, so a real concern is never buried under unasked questions.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  return GROUP_TITLES.map(([outcome, title]) => {
    const all = findings.filter((f) => f.outcome === outcome);
    return { outcome, title, all, findings: all.filter((f) => !restsOnUnknowns(f)), notYetAsked: all.filter(restsOnUnknowns) };
  });
}

export function exclusions(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.outcome === 'exclude');
}

/** True when recording `decision` must give an override reason. */
export function needsOverride(decision: Decision | '', findings: readonly Finding[]): boolean {
  return decision !== '' && decision !== 'not_eligible' && exclusions(findings).length > 0;
}

export type StatusTone = 'ok' | 'conditions' | 'danger' | 'none';

export interface EligibilityStatus {
  label: string;
  tone: StatusTone;
  /** The history changed after the decision: screen again before treating. */
  rescreen: boolean;
  /** The decision overrode an exclusion. */
  override: boolean;
}

const TONES: Record<Decision, StatusTone> = { eligible: 'ok', eligible_with_conditions: 'conditions', not_eligible: 'danger' };

/** What the chart header shows for the latest decision. */
export function eligibilityStatus(latest: EligibilityDecision | null): EligibilityStatus {
  if (!latest) return { label: 'Not screened', tone: 'none', rescreen: false, override: false };
  return { label: DECISION_LABELS[latest.decision], tone: TONES[latest.decision], rescreen: latest.needs_rescreen, override: latest.override };
}
