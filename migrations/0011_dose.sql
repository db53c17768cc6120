-- Dose calculation and orders (both engines): the clinic's dose settings, dose orders
-- with everything the calculation used and gave, and the blind double checks.
-- Quantities are whole thousandths of their unit: g, µg, µg/kg, µL, µL/h, µg/mL.

-- Limits per route: µg/kg for iv, im, sc; µg for the others. version counts saves
-- (0: the defaults, never saved); each order stores the version it used.
CREATE TABLE dose_settings (
  clinic_id TEXT PRIMARY KEY REFERENCES clinics(id),
  version INTEGER NOT NULL,
  iv_soft BIGINT NOT NULL, iv_hard BIGINT NOT NULL,
  im_soft BIGINT NOT NULL, im_hard BIGINT NOT NULL,
  sc_soft BIGINT NOT NULL, sc_hard BIGINT NOT NULL,
  esketamine_soft BIGINT NOT NULL, esketamine_hard BIGINT NOT NULL,
  sublingual_soft BIGINT NOT NULL, sublingual_hard BIGINT NOT NULL,
  oral_soft BIGINT NOT NULL, oral_hard BIGINT NOT NULL,
  max_weight_age_days INTEGER NOT NULL,
  dose_rounding_ug BIGINT NOT NULL,
  volume_rounding_ul BIGINT NOT NULL,
  rate_rounding_ul_per_h BIGINT NOT NULL,
  min_infusion_minutes INTEGER NOT NULL,
  max_infusion_minutes INTEGER NOT NULL,
  max_concentration_ug_per_ml BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);

-- status: ordered (awaiting its double check) | blocked (the last check did not
-- match) | verified | cancelled. Zero means "none" for the optional quantities.
CREATE TABLE dose_orders (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  plan_id TEXT NOT NULL,
  planned_for TEXT NOT NULL,
  route TEXT NOT NULL,
  rule_ug_per_kg BIGINT NOT NULL,
  rule_dose_ug BIGINT NOT NULL,
  infusion_minutes INTEGER NOT NULL,
  weight_g BIGINT NOT NULL,
  weight_on TEXT NOT NULL,
  concentration_ug_per_ml BIGINT NOT NULL,
  unrounded_dose_ug BIGINT NOT NULL,
  dose_ug BIGINT NOT NULL,
  given_ug_per_kg BIGINT NOT NULL,
  volume_ul BIGINT NOT NULL,
  rate_ul_per_h BIGINT NOT NULL,
  devices INTEGER NOT NULL,
  device_minutes TEXT NOT NULL,
  dose_rounding TEXT NOT NULL,
  volume_rounding TEXT NOT NULL,
  rate_rounding TEXT NOT NULL,
  verdict TEXT NOT NULL,
  soft_limit BIGINT NOT NULL,
  hard_limit BIGINT NOT NULL,
  limit_text TEXT NOT NULL,
  override_reason TEXT NOT NULL,
  override_by TEXT NOT NULL,
  status TEXT NOT NULL,
  ordered_by TEXT NOT NULL,
  ordered_ms BIGINT NOT NULL,
  settings_version INTEGER NOT NULL,
  verified_by TEXT NOT NULL,
  verified_ms BIGINT NOT NULL,
  cancelled_by TEXT NOT NULL,
  cancelled_ms BIGINT NOT NULL,
  cancel_reason TEXT NOT NULL
);
CREATE INDEX dose_orders_by_patient ON dose_orders (clinic_id, patient_id, planned_for);
CREATE INDEX dose_orders_by_status ON dose_orders (clinic_id, status);

-- Every attempt is kept, matching or not (result: match | mismatch).
CREATE TABLE dose_checks (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  order_id TEXT NOT NULL REFERENCES dose_orders(id),
  checked_by TEXT NOT NULL,
  checked_ms BIGINT NOT NULL,
  weight_g BIGINT NOT NULL,
  concentration_ug_per_ml BIGINT NOT NULL,
  devices INTEGER NOT NULL,
  result TEXT NOT NULL,
  mismatched TEXT NOT NULL
);
CREATE INDEX dose_checks_by_order ON dose_checks (clinic_id, order_id, checked_ms);
