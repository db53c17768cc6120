// The API's dose types (docs/api.md, "Dosing"), re-exported by api_types.ts.
// Numbers carry their unit in the name; a dose order seen by a checker before it is
// verified is "blinded": its weight, concentration, dose, volume, rate and devices are null.

export type DoseRoute = 'iv' | 'im' | 'sc' | 'intranasal_esketamine' | 'sublingual' | 'oral';

export interface DoseOrderRule {
  mg_per_kg: number | null;
  dose_mg: number | null;
  infusion_minutes: number | null;
}

/** A calculation or order request: mg_per_kg for IV/IM/SC (IV also infusion_minutes); dose_mg otherwise. */
export interface DoseRequest {
  route: DoseRoute;
  dose_rule: Partial<DoseOrderRule>;
  concentration_mg_per_ml?: number;
  /** YYYY-MM-DD; empty: today. */
  planned_for?: string;
  plan_id?: string;
  override_reason?: string;
}

export type LimitVerdict = 'within' | 'above_soft' | 'above_hard';

export interface DoseLimit {
  verdict: LimitVerdict;
  soft: number;
  hard: number;
  unit: 'mg/kg' | 'mg';
  /** The verdict in plain words. */
  text: string;
  needs_override_reason: boolean;
  refused: boolean;
}

export interface DoseExposure {
  from: string;
  to: string;
  total_mg: number;
  total_mg_per_kg: number;
  sessions: number;
  doses_without_weight: number;
}

export interface DoseCalculation {
  route: DoseRoute;
  route_label: string;
  planned_for: string;
  dose_rule: DoseOrderRule;
  weight: { weight_kg: number; measured_on: string; age_days: number; max_age_days: number } | null;
  concentration_mg_per_ml: number | null;
  unrounded_dose_mg: number;
  dose_mg: number;
  dose_mg_per_kg: number | null;
  dose_rounding: string;
  volume_ml: number | null;
  volume_rounding: string | null;
  rate_ml_per_h: number | null;
  rate_rounding: string | null;
  devices: number | null;
  device_minutes: number[];
  limit: DoseLimit;
  /** The 30 days ending on the planned date, before this dose. */
  exposure: DoseExposure;
  settings_version: number;
}

export type DoseOrderStatus = 'ordered' | 'blocked' | 'verified' | 'cancelled';

export interface DoseCheckAttempt {
  checked_by: string;
  checked_at: string;
  result: 'match' | 'mismatch';
  mismatched: string[];
  weight_kg: number | null;
  concentration_mg_per_ml: number | null;
  devices: number | null;
}

export interface DoseOrder {
  id: string;
  patient: { id: string; name: string; date_of_birth: string };
  plan_id: string | null;
  planned_for: string;
  route: DoseRoute;
  route_label: string;
  dose_rule: DoseOrderRule;
  status: DoseOrderStatus;
  blinded: boolean;
  can_check: boolean;
  weight: { weight_kg: number; measured_on: string } | null;
  concentration_mg_per_ml: number | null;
  unrounded_dose_mg: number | null;
  dose_mg: number | null;
  dose_mg_per_kg: number | null;
  dose_rounding: string | null;
  volume_ml: number | null;
  volume_rounding: string | null;
  rate_ml_per_h: number | null;
  rate_rounding: string | null;
  devices: number | null;
  device_minutes: number[] | null;
  limit: DoseLimit | null;
  override_reason: string | null;
  override_by: string | null;
  ordered_by: string;
  ordered_at: string;
  settings_version: number;
  verified_by: string | null;
  verified_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  checks: DoseCheckAttempt[];
}

/** What the checker enters: weight and concentration; for esketamine the device count. */
export interface DoseCheckEntry {
  weight_kg?: number;
  concentration_mg_per_ml?: number;
  devices?: number;
}

export interface PatientExposure {
  exposure: DoseExposure;
  latest_weight: { weight_kg: number; measured_on: string; age_days: number; stale: boolean } | null;
  max_weight_age_days: number;
}

export interface RouteLimitSetting {
  soft: number;
  hard: number;
  unit: 'mg/kg' | 'mg';
}

export interface DoseSettings {
  version: number;
  limits: Record<DoseRoute, RouteLimitSetting>;
  max_weight_age_days: number;
  dose_rounding_mg: number;
  volume_rounding_ml: number;
  rate_rounding_ml_per_h: number;
  min_infusion_minutes: number;
  max_infusion_minutes: number;
  max_concentration_mg_per_ml: number;
  updated_at: string | null;
  updated_by: string | null;
}

export interface DoseSettingsChange {
  limits?: Partial<Record<DoseRoute, { soft?: number; hard?: number }>>;
  max_weight_age_days?: number;
  dose_rounding_mg?: number;
  volume_rounding_ml?: number;
  rate_rounding_ml_per_h?: number;
  min_infusion_minutes?: number;
  max_infusion_minutes?: number;
  max_concentration_mg_per_ml?: number;
}
