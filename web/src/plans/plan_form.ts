// The plan editor's draft (text as typed), the route templates from the clinical
// reference, reading a draft into the request (field names as the server names them,
// so a problem lands on its input), and the doses a plan gives for the PK chart.
import type { FormProblem } from '../ui/form_problem';
import type { NewPlanVersion, PkDose, PlanRoute, TreatmentPlan } from '../plans_api_types';

export interface GoalDraft {
  text: string;
  instrument: string;
  target_score: string;
}

export interface PlanDraft {
  route: PlanRoute;
  mg_per_kg: string;
  infusion_minutes: string;
  first_dose_mg: string;
  dose_mg: string;
  sessions: string;
  max_per_week: string;
  weeks: string;
  interval_days: string;
  titrate: boolean;
  step: string;
  ceiling: string;
  indications: string[];
  goals: GoalDraft[];
  reason: string;
}

export const ROUTE_CHOICES: { value: PlanRoute; label: string }[] = [
  { value: 'iv', label: 'IV infusion' },
  { value: 'im', label: 'Intramuscular' },
  { value: 'sc', label: 'Subcutaneous' },
  { value: 'intranasal_esketamine', label: 'Intranasal esketamine' },
  { value: 'sublingual', label: 'Sublingual' },
  { value: 'oral', label: 'Oral' },
];

export const WEIGHT_BASED: readonly PlanRoute[] = ['iv', 'im', 'sc'];
export const isWeightBased = (route: PlanRoute) => WEIGHT_BASED.includes(route);
export const doseUnit = (route: PlanRoute) => (isWeightBased(route) ? 'mg/kg' : 'mg');

/** Every field name the editor shows, as the server names them. */
export const PLAN_FIELDS = [
  'route',
  'dose_rule.mg_per_kg',
  'dose_rule.infusion_minutes',
  'dose_rule.first_dose_mg',
  'dose_rule.dose_mg',
  'induction.sessions',
  'induction.max_per_week',
  'induction.weeks',
  'maintenance.interval_days',
  'titration.step',
  'titration.ceiling',
  'indications',
  'reason',
] as const;

type Template = Pick<PlanDraft, 'mg_per_kg' | 'infusion_minutes' | 'first_dose_mg' | 'dose_mg' | 'sessions' | 'max_per_week' | 'weeks' | 'interval_days'>;

/**
 * Starting values by route (docs/clinical-defaults.md): IV 0.5 mg/kg over 40 min, 6
 * infusions at most 3 a week over 2 weeks (Murrough 2013); IM as IV without the
 * infusion; SC 0.5 mg/kg twice weekly for 4 weeks (KADS, Loo 2023); esketamine by its
 * label. Sublingual and oral have no published template: the prescriber fills them in.
 */
export function templateFor(route: PlanRoute): Template {
  const blank: Template = { mg_per_kg: '', infusion_minutes: '', first_dose_mg: '', dose_mg: '', sessions: '', max_per_week: '', weeks: '', interval_days: '0' };
  switch (route) {
    case 'iv':
      return { ...blank, mg_per_kg: '0.5', infusion_minutes: '40', sessions: '6', max_per_week: '3', weeks: '2' };
    case 'im':
      return { ...blank, mg_per_kg: '0.5', sessions: '6', max_per_week: '3', weeks: '2' };
    case 'sc':
      return { ...blank, mg_per_kg: '0.5', sessions: '8', max_per_week: '2', weeks: '4' };
    case 'intranasal_esketamine':
      return { ...blank, first_dose_mg: '56', dose_mg: '56', sessions: '8', max_per_week: '2', weeks: '4', interval_days: '7' };
    default:
      return blank;
  }
}

export function newDraft(route: PlanRoute = 'iv', indications: string[] = []): PlanDraft {
  return { route, ...templateFor(route), titrate: false, step: '', ceiling: '', indications, goals: [], reason: '' };
}

/** The draft after choosing another route: that route's template, the rest kept. */
export function withRoute(draft: PlanDraft, route: PlanRoute): PlanDraft {
  return { ...draft, route, ...templateFor(route), titrate: false, step: '', ceiling: '' };
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function draftFromPlan(plan: TreatmentPlan): PlanDraft {
  return {
    route: plan.route,
    mg_per_kg: text(plan.dose_rule.mg_per_kg),
    infusion_minutes: text(plan.dose_rule.infusion_minutes),
    first_dose_mg: text(plan.dose_rule.first_dose_mg),
    dose_mg: text(plan.dose_rule.dose_mg),
    sessions: text(plan.induction.sessions),
    max_per_week: text(plan.induction.max_per_week),
    weeks: text(plan.induction.weeks),
    interval_days: text(plan.maintenance.interval_days),
    titrate: plan.titration !== null,
    step: text(plan.titration?.step),
    ceiling: text(plan.titration?.ceiling),
    indications: [...plan.indications],
    goals: plan.goals.map((g) => ({ text: g.text, instrument: g.instrument ?? '', target_score: text(g.target_score) })),
    reason: '',
  };
}

type Read = { request: NewPlanVersion } | { problem: FormProblem };

function numberFrom(value: string, field: string, label: string, whole: boolean): number | FormProblem {
  const t = value.trim();
  if (t === '' || !Number.isFinite(Number(t))) return { field, message: `Give ${label} as a number.` };
  const n = Number(t);
  if (whole && !Number.isInteger(n)) return { field, message: `Give ${label} as a whole number.` };
  return n;
}

const isProblem = (x: number | FormProblem): x is FormProblem => typeof x !== 'number';

/** Reads the draft; `basedOn` is the current version (0 for the first plan). */
export function readDraft(draft: PlanDraft, basedOn: number): Read {
  if (draft.indications.length === 0) return { problem: { field: 'indications', message: 'Choose at least one indication from the patient’s diagnoses.' } };
  const dose_rule: NewPlanVersion['dose_rule'] = {};
  const want = (field: keyof typeof dose_rule, label: string, whole = false): FormProblem | null => {
    const n = numberFrom(draft[field], `dose_rule.${field}`, label, whole);
    if (isProblem(n)) return n;
    dose_rule[field] = n;
    return null;
  };
  const problems: (FormProblem | null)[] = [];
  if (isWeightBased(draft.route)) {
    problems.push(want('mg_per_kg', 'the dose in mg/kg'));
    if (draft.route === 'iv') problems.push(want('infusion_minutes', 'the infusion minutes', true));
  } else if (draft.route === 'intranasal_esketamine') {
    problems.push(want('first_dose_mg', 'the first dose in mg'), want('dose_mg', 'the later dose in mg'));
  } else {
    problems.push(want('dose_mg', 'the dose in mg'));
  }
  const first = problems.find((p) => p !== null);
  if (first) return { problem: first };

  const induction = { sessions: 0, max_per_week: 0, weeks: 0 };
  for (const [key, label] of [['sessions', 'the number of sessions'], ['max_per_week', 'the sessions a week'], ['weeks', 'the weeks']] as const) {
    const n = numberFrom(draft[key], `induction.${key}`, label, true);
    if (isProblem(n)) return { problem: n };
    induction[key] = n;
  }
  const interval = numberFrom(draft.interval_days.trim() === '' ? '0' : draft.interval_days, 'maintenance.interval_days', 'the interval in days', true);
  if (isProblem(interval)) return { problem: interval };

  let titration: NewPlanVersion['titration'] = null;
  if (draft.titrate) {
    const step = numberFrom(draft.step, 'titration.step', 'the step', false);
    if (isProblem(step)) return { problem: step };
    const ceiling = numberFrom(draft.ceiling, 'titration.ceiling', 'the ceiling', false);
    if (isProblem(ceiling)) return { problem: ceiling };
    titration = { step, ceiling };
  }

  const goals: NewPlanVersion['goals'] = [];
  for (const [i, g] of draft.goals.entries()) {
    if (g.text.trim() === '') return { problem: { field: `goals[${i}].text`, message: 'Describe the goal, or remove it.' } };
    let target: number | null = null;
    if (g.target_score.trim() !== '') {
      const n = numberFrom(g.target_score, `goals[${i}].target_score`, 'the target score', true);
      if (isProblem(n)) return { problem: n };
      target = n;
    }
    goals.push({ text: g.text.trim(), instrument: g.instrument || null, target_score: target });
  }
  if (basedOn > 0 && draft.reason.trim() === '') return { problem: { field: 'reason', message: 'Give the reason for changing the plan.' } };

  return {
    request: {
      indications: draft.indications,
      goals,
      route: draft.route,
      dose_rule,
      induction,
      maintenance: { interval_days: interval },
      titration,
      ...(draft.reason.trim() ? { reason: draft.reason.trim() } : {}),
      based_on_version: basedOn,
    },
  };
}

/**
 * The doses of one session for the PK chart: the first session's dose (esketamine's
 * first dose; mg/kg times the weight for IV/IM/SC), and optionally the same dose again
 * `repeatAtMinute` minutes later to show how doses superpose. Empty when the dose or
 * weight is missing.
 */
export function sessionDoses(
  route: PlanRoute,
  rule: { mg_per_kg?: number | null; infusion_minutes?: number | null; first_dose_mg?: number | null; dose_mg?: number | null },
  weightKg: number | null,
  repeatAtMinute: number | null = null,
): PkDose[] {
  let dose: PkDose | null = null;
  if (isWeightBased(route)) {
    if (rule.mg_per_kg && weightKg) {
      const mg = Math.round(rule.mg_per_kg * weightKg * 100) / 100;
      dose = { at_minute: 0, dose_mg: mg, ...(route === 'iv' && rule.infusion_minutes ? { infusion_minutes: rule.infusion_minutes } : {}) };
    }
  } else {
    const mg = route === 'intranasal_esketamine' ? rule.first_dose_mg : rule.dose_mg;
    if (mg) dose = { at_minute: 0, dose_mg: mg };
  }
  if (!dose) return [];
  return repeatAtMinute !== null && repeatAtMinute > 0 ? [dose, { ...dose, at_minute: repeatAtMinute }] : [dose];
}

/** "0.5 mg/kg over 40 min", "56 mg first, then 84 mg", "50 mg". */
export function describeDose(plan: Pick<TreatmentPlan, 'route' | 'dose_rule'>): string {
  const r = plan.dose_rule;
  if (isWeightBased(plan.route)) return `${r.mg_per_kg ?? '?'} mg/kg${plan.route === 'iv' && r.infusion_minutes ? ` over ${r.infusion_minutes} min` : ''}`;
  if (plan.route === 'intranasal_esketamine') return `${r.first_dose_mg ?? '?'} mg first, then ${r.dose_mg ?? '?'} mg`;
  return `${r.dose_mg ?? '?'} mg`;
}
