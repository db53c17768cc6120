// The API's treatment-plan and pharmacokinetic types (docs/api.md, "Treatment plans"),
// re-exported by api_types.ts.

export const PLAN_ROUTES = ['iv', 'im', 'sc', 'intranasal_esketamine', 'sublingual', 'oral'] as const;
export type PlanRoute = (typeof PLAN_ROUTES)[number];

export interface PlanGoal {
  text: string;
  /** An instrument code from the catalogue, or null. */
  instrument: string | null;
  target_score: number | null;
}

/** Which fields apply depends on the route: IV mg/kg + minutes; IM/SC mg/kg; esketamine first and later mg; sublingual/oral mg. */
export interface DoseRule {
  mg_per_kg: number | null;
  infusion_minutes: number | null;
  first_dose_mg: number | null;
  dose_mg: number | null;
}

export interface Induction {
  sessions: number;
  max_per_week: number;
  weeks: number;
}

export interface Titration {
  step: number;
  ceiling: number;
}

/** One signed version of a treatment plan. */
export interface TreatmentPlan {
  id: string;
  patient_id: string;
  version: number;
  indications: string[];
  goals: PlanGoal[];
  route: PlanRoute;
  route_label: string;
  dose_unit: 'mg/kg' | 'mg';
  dose_rule: DoseRule;
  induction: Induction;
  maintenance: { interval_days: number };
  titration: Titration | null;
  /** "" for version 1. */
  reason: string;
  settings_version: number;
  signed_by: { id: string; display_name: string };
  signed_at: string;
}

export interface PatientPlans {
  current: TreatmentPlan | null;
  /** Newest first. */
  versions: TreatmentPlan[];
  /** The patient's diagnoses: the indications to choose from. */
  diagnoses: { code: string; label: string }[];
  /** The latest recorded weight, for the PK chart. */
  weight_kg: number | null;
}

/** POST /patients/{id}/plans. */
export interface NewPlanVersion {
  indications: string[];
  goals: { text: string; instrument?: string | null; target_score?: number | null }[];
  route: PlanRoute;
  dose_rule: Partial<DoseRule>;
  induction: Induction;
  maintenance: { interval_days: number };
  titration: Titration | null;
  /** Required from version 2 on. */
  reason?: string;
  /** The version the editor started from; 409 stale_plan if it is no longer current. */
  based_on_version?: number;
}

export interface ProposedSession {
  number: number;
  phase: 'induction' | 'maintenance';
  date: string;
  mg_per_kg: number | null;
  dose_mg: number | null;
  infusion_minutes: number | null;
}

export interface PlanProposal {
  plan_id: string;
  plan_version: number;
  route: PlanRoute;
  start: string;
  horizon_weeks: number;
  max_per_week: number;
  week_rule: 'rolling_7_days';
  sessions: ProposedSession[];
}

export type PkModelCode = 'domino' | 'clements';

export interface PkDose {
  at_minute: number;
  dose_mg: number;
  /** IV only; 0 or absent is a bolus. */
  infusion_minutes?: number;
}

export interface PkSimulationRequest {
  route: PlanRoute;
  weight_kg: number;
  /** Absent: the clinic's default model. */
  model?: PkModelCode;
  hours?: number;
  doses: PkDose[];
}

export interface PkSimulation {
  points: { minute: number; concentration_ng_per_ml: number }[];
  peak_ng_per_ml: number;
  time_to_peak_minute: number;
  bioavailability: number;
  absorption_per_h: number | null;
  model: PkModelCode;
  model_name: string;
  model_source: string;
  settings_version: number;
}

export interface PlanRouteSettings {
  route: PlanRoute;
  label: string;
  bioavailability: number | null;
  absorption_per_h: number | null;
}

export interface PlanSettings {
  version: number;
  max_mg_per_kg: number;
  pk_model: PkModelCode;
  pk_models: { code: PkModelCode; name: string; source: string }[];
  routes: PlanRouteSettings[];
  updated_at: string | null;
  updated_by: string | null;
}

export interface PlanSettingsChange {
  max_mg_per_kg?: number;
  pk_model?: PkModelCode;
  /** Each replaces that route's settings; null clears a value. */
  routes?: { route: PlanRoute; bioavailability: number | null; absorption_per_h: number | null }[];
}
