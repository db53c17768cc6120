-- The clinical history that screening reads, and eligibility decisions (both engines).
-- History answers are appended, never changed: the latest per question is current.
CREATE TABLE patient_history_answers (
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  recorded_ms BIGINT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX history_by_patient ON patient_history_answers (clinic_id, patient_id, question, recorded_ms);

CREATE TABLE patient_medications (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  name TEXT NOT NULL,
  medication_class TEXT NOT NULL,
  dose TEXT NOT NULL,
  started_ms BIGINT NOT NULL,
  stopped_ms BIGINT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX medications_by_patient ON patient_medications (clinic_id, patient_id);

CREATE TABLE patient_diagnoses (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  code TEXT NOT NULL,
  recorded_ms BIGINT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX diagnoses_by_patient ON patient_diagnoses (clinic_id, patient_id);

CREATE TABLE patient_trials (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  drug TEXT NOT NULL,
  dose TEXT NOT NULL,
  weeks INTEGER NOT NULL,
  response TEXT NOT NULL,
  recorded_ms BIGINT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX trials_by_patient ON patient_trials (clinic_id, patient_id);

-- A decision keeps the rule set version, the findings and the facts it was made on.
CREATE TABLE eligibility_decisions (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  decision TEXT NOT NULL,
  reason TEXT NOT NULL,
  override_reason TEXT NOT NULL,
  rule_version TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  decided_ms BIGINT NOT NULL,
  decided_by TEXT NOT NULL,
  needs_rescreen SMALLINT NOT NULL,
  rescreen_reason TEXT NOT NULL
);
CREATE INDEX decisions_by_patient ON eligibility_decisions (clinic_id, patient_id, decided_ms);
