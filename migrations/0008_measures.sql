-- Measurement-based care (both engines): the clinic's measurement settings,
-- questionnaire responses, single-use patient links, schedules, clinical tasks
-- (suicide-risk escalation), and the patient's responsible clinician.
CREATE TABLE measure_settings (
  clinic_id TEXT PRIMARY KEY REFERENCES clinics(id),
  link_lifetime_hours INTEGER NOT NULL,
  escalation_minutes INTEGER NOT NULL,
  phq9_rise_points INTEGER NOT NULL,
  cssrs_min_level INTEGER NOT NULL,
  crisis_message TEXT NOT NULL,
  updated_ms BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);

-- A response is written while in progress; once submitted it is never changed: an
-- amendment is a new response whose "amends" names the one it replaces (at most one).
CREATE TABLE questionnaire_responses (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  instrument TEXT NOT NULL,
  status TEXT NOT NULL,
  source TEXT NOT NULL,
  link_id TEXT NOT NULL,
  answers TEXT NOT NULL,
  total INTEGER NOT NULL,
  band TEXT NOT NULL,
  started_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  submitted_ms BIGINT NOT NULL,
  entered_by TEXT NOT NULL,
  amends TEXT NOT NULL,
  amendment_reason TEXT NOT NULL
);
CREATE INDEX questionnaire_responses_by_patient ON questionnaire_responses (clinic_id, patient_id, started_ms);
CREATE INDEX questionnaire_responses_by_link ON questionnaire_responses (clinic_id, link_id);
CREATE UNIQUE INDEX questionnaire_responses_one_amendment ON questionnaire_responses (clinic_id, amends)
  WHERE amends <> '';

-- Only the SHA-256 of a link's token is stored.
CREATE TABLE questionnaire_links (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  instruments TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL,
  used_ms BIGINT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX questionnaire_links_by_patient ON questionnaire_links (clinic_id, patient_id, created_ms);

CREATE TABLE measure_schedules (
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  position INTEGER NOT NULL,
  instrument TEXT NOT NULL,
  rule TEXT NOT NULL,
  start_on TEXT NOT NULL,
  end_on TEXT NOT NULL,
  interval_days INTEGER NOT NULL,
  PRIMARY KEY (clinic_id, patient_id, position)
);

CREATE TABLE clinical_tasks (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  kind TEXT NOT NULL,
  priority TEXT NOT NULL,
  reasons TEXT NOT NULL,
  instrument TEXT NOT NULL,
  response_id TEXT NOT NULL,
  assigned_to TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  escalate_at_ms BIGINT NOT NULL,
  escalated_ms BIGINT NOT NULL,
  acknowledged_ms BIGINT NOT NULL,
  acknowledged_by TEXT NOT NULL,
  action TEXT NOT NULL
);
CREATE INDEX clinical_tasks_by_state ON clinical_tasks (clinic_id, acknowledged_ms, created_ms);

ALTER TABLE patients ADD COLUMN responsible_clinician_id TEXT NOT NULL DEFAULT '';
