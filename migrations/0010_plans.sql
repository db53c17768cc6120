-- Treatment plans (both engines): signed plan versions and the clinic's plan settings
-- (the dose limit and the pharmacokinetic settings per route).
--
-- A version is never changed; a change is a new row with the next version number and
-- a reason. Optional numbers are stored as 0 when absent: every valid value is above 0.
CREATE TABLE treatment_plans (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  version INTEGER NOT NULL,
  route TEXT NOT NULL,
  indications TEXT NOT NULL,          -- ICD-10-CM codes, one per line
  goals TEXT NOT NULL,                -- one per line: instrument TAB target (-1: none) TAB text
  mg_per_kg DOUBLE PRECISION NOT NULL,
  infusion_minutes INTEGER NOT NULL,
  first_dose_mg DOUBLE PRECISION NOT NULL,
  dose_mg DOUBLE PRECISION NOT NULL,
  induction_sessions INTEGER NOT NULL,
  induction_max_per_week INTEGER NOT NULL,
  induction_weeks INTEGER NOT NULL,
  maintenance_interval_days INTEGER NOT NULL,
  titration_step DOUBLE PRECISION NOT NULL,     -- 0: no titration
  titration_ceiling DOUBLE PRECISION NOT NULL,
  reason TEXT NOT NULL,
  settings_version INTEGER NOT NULL,
  signed_by TEXT NOT NULL,
  signed_ms BIGINT NOT NULL
);
CREATE UNIQUE INDEX treatment_plans_version ON treatment_plans (clinic_id, patient_id, version);

CREATE TABLE plan_settings (
  clinic_id TEXT PRIMARY KEY REFERENCES clinics(id),
  version INTEGER NOT NULL,
  max_mg_per_kg DOUBLE PRECISION NOT NULL,
  pk_model TEXT NOT NULL,
  updated_ms BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);

-- 0: not set (the chart then says the setting is needed).
CREATE TABLE plan_route_settings (
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  route TEXT NOT NULL,
  bioavailability DOUBLE PRECISION NOT NULL,
  absorption_per_h DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (clinic_id, route)
);
