-- Follow-up and outcomes (both engines).
-- The clinic's follow-up and safety settings (src/domain/follow_up.h): one row once
-- its medical director changes a value; without a row the starting values apply.
-- A limit of 0 is "not set".
CREATE TABLE outcome_settings (
  clinic_id TEXT PRIMARY KEY REFERENCES clinics(id),
  version INTEGER NOT NULL,
  follow_up_interval_days INTEGER NOT NULL,
  follow_up_instruments TEXT NOT NULL,  -- instrument codes, comma-separated
  relapse_consecutive_checks INTEGER NOT NULL,
  induction_days INTEGER NOT NULL,
  max_sessions_per_30_days INTEGER NOT NULL,
  max_ug_per_kg_per_30_days BIGINT NOT NULL,
  liver_test_interval_days INTEGER NOT NULL,
  tolerance_rising_doses INTEGER NOT NULL,
  updated_ms BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);

-- A clinician's follow-up check-in: the daily opioid dose in morphine milligram
-- equivalents (thousandths; -1: not asked) and reported memory or attention problems.
CREATE TABLE follow_up_check_ins (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  at_ms BIGINT NOT NULL,
  mme_milli BIGINT NOT NULL,
  memory_attention INTEGER NOT NULL,
  note TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_ms BIGINT NOT NULL
);
CREATE INDEX follow_up_check_ins_by_patient ON follow_up_check_ins (clinic_id, patient_id, at_ms);

-- The dashboard reads a clinic's dosed sessions by when the dose started, and one
-- instrument's responses across the clinic.
CREATE INDEX treatment_sessions_by_dose ON treatment_sessions (clinic_id, dose_started_ms);
CREATE INDEX questionnaire_responses_by_instrument ON questionnaire_responses (clinic_id, instrument, status);
