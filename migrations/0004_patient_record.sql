-- The rest of the patient record (both engines): demographics and contacts on the
-- patient; weight and height, allergies and baseline tests as dated entries that are
-- appended, never changed. Text "" means "not recorded".
ALTER TABLE patients ADD COLUMN preferred_name TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN sex_at_birth TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN gender_identity TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN emergency_contact_name TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN emergency_contact_relationship TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN emergency_contact_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN escort_name TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN escort_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN referrer TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN guardian_name TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN guardian_relationship TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN guardian_phone TEXT NOT NULL DEFAULT '';

-- One row per measurement: a weight (grams) or a height (millimetres); the other is 0.
CREATE TABLE patient_measurements (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  kind TEXT NOT NULL,
  weight_g BIGINT NOT NULL,
  height_mm BIGINT NOT NULL,
  measured_on TEXT NOT NULL,
  recorded_ms BIGINT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX measurements_by_patient ON patient_measurements (clinic_id, patient_id, measured_on);

CREATE TABLE patient_allergies (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  substance TEXT NOT NULL,
  reaction TEXT NOT NULL,
  recorded_ms BIGINT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX allergies_by_patient ON patient_allergies (clinic_id, patient_id);

CREATE TABLE patient_baseline_tests (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  kind TEXT NOT NULL,
  taken_on TEXT NOT NULL,
  result TEXT NOT NULL,
  recorded_ms BIGINT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX baseline_tests_by_patient ON patient_baseline_tests (clinic_id, patient_id, taken_on);
