-- Monitored sessions (both engines): the session itself with its check-in,
-- pre-dose decision, drug lot and discharge facts; the dosing record (infusion
-- events and esketamine devices), rescue medicines, effects and adverse events,
-- modified Aldrete scores, notes, vital-signs readings and alarms.
-- Quantities are whole thousandths of their unit (µL/h, µg, and thousandths of
-- mmHg, bpm, % and breaths/min for readings); 0 means none / not measured.
CREATE TABLE treatment_sessions (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  appointment_id TEXT NOT NULL REFERENCES appointments(id),
  route TEXT NOT NULL,
  room_id TEXT NOT NULL,
  state TEXT NOT NULL,
  dose_order_id TEXT NOT NULL,
  escort_confirmed INTEGER NOT NULL,
  fasting_confirmed INTEGER NOT NULL,
  pregnancy_status_current INTEGER NOT NULL,
  questionnaire_done INTEGER NOT NULL,
  questionnaire_skip_reason TEXT NOT NULL,
  checked_in_ms BIGINT NOT NULL,
  checked_in_by TEXT NOT NULL,
  bp_decision TEXT NOT NULL,
  bp_decision_reason TEXT NOT NULL,
  bp_decision_by TEXT NOT NULL,
  drug_lot TEXT NOT NULL,
  drug_expiry TEXT NOT NULL,
  dose_started_ms BIGINT NOT NULL,
  dose_ended_ms BIGINT NOT NULL,
  pre_dose_systolic BIGINT NOT NULL,
  pre_dose_diastolic BIGINT NOT NULL,
  pre_dose_heart_rate BIGINT NOT NULL,
  pre_dose_spo2 BIGINT NOT NULL,
  pre_dose_bp_ms BIGINT NOT NULL,
  last_systolic BIGINT NOT NULL,
  last_diastolic BIGINT NOT NULL,
  last_heart_rate BIGINT NOT NULL,
  last_spo2 BIGINT NOT NULL,
  last_respiratory_rate BIGINT NOT NULL,
  last_bp_ms BIGINT NOT NULL,
  last_reading_ms BIGINT NOT NULL,
  escort_present INTEGER NOT NULL,
  instructions_given INTEGER NOT NULL,
  override_reason TEXT NOT NULL,
  override_by TEXT NOT NULL,
  discharged_ms BIGINT NOT NULL,
  discharged_by TEXT NOT NULL,
  abort_reason TEXT NOT NULL,
  follow_up_appointment_id TEXT NOT NULL,
  rems_submitted_on TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL
);
-- One session per appointment: two nurses opening it at once get the same one.
CREATE UNIQUE INDEX treatment_sessions_by_appointment ON treatment_sessions (clinic_id, appointment_id);
CREATE INDEX treatment_sessions_by_patient ON treatment_sessions (clinic_id, patient_id, created_ms);
CREATE INDEX treatment_sessions_by_state ON treatment_sessions (clinic_id, state, created_ms);
CREATE INDEX treatment_sessions_by_time ON treatment_sessions (clinic_id, created_ms);

CREATE TABLE session_events (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  session_id TEXT NOT NULL REFERENCES treatment_sessions(id),
  kind TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  rate_ul_per_h BIGINT NOT NULL,
  reason TEXT NOT NULL,
  by_user TEXT NOT NULL
);
CREATE INDEX session_events_by_session ON session_events (clinic_id, session_id, at_ms);

CREATE TABLE session_rescue_medicines (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  session_id TEXT NOT NULL REFERENCES treatment_sessions(id),
  drug TEXT NOT NULL,
  dose_ug BIGINT NOT NULL,
  route TEXT NOT NULL,
  reason TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  by_user TEXT NOT NULL
);
CREATE INDEX session_rescue_by_session ON session_rescue_medicines (clinic_id, session_id, at_ms);

CREATE TABLE session_effects (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  session_id TEXT NOT NULL REFERENCES treatment_sessions(id),
  kind TEXT NOT NULL,
  severity TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  description TEXT NOT NULL,
  intervention TEXT NOT NULL,
  outcome TEXT NOT NULL,
  serious INTEGER NOT NULL,
  narrative TEXT NOT NULL,
  by_user TEXT NOT NULL,
  recorded_ms BIGINT NOT NULL
);
CREATE INDEX session_effects_by_session ON session_effects (clinic_id, session_id, at_ms);

CREATE TABLE session_aldrete_scores (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  session_id TEXT NOT NULL REFERENCES treatment_sessions(id),
  at_ms BIGINT NOT NULL,
  by_user TEXT NOT NULL,
  activity INTEGER NOT NULL,
  respiration INTEGER NOT NULL,
  circulation INTEGER NOT NULL,
  consciousness INTEGER NOT NULL,
  oxygen INTEGER NOT NULL,
  total INTEGER NOT NULL,
  bp_change_milli_pct BIGINT NOT NULL
);
CREATE INDEX session_aldrete_by_session ON session_aldrete_scores (clinic_id, session_id, at_ms);

CREATE TABLE session_notes (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  session_id TEXT NOT NULL REFERENCES treatment_sessions(id),
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  by_user TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE INDEX session_notes_by_session ON session_notes (clinic_id, session_id, at_ms);

-- The hot path: readings are appended, never changed.
CREATE TABLE vital_readings (
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  session_id TEXT NOT NULL REFERENCES treatment_sessions(id),
  at_ms BIGINT NOT NULL,
  systolic BIGINT NOT NULL,
  diastolic BIGINT NOT NULL,
  heart_rate BIGINT NOT NULL,
  spo2 BIGINT NOT NULL,
  respiratory_rate BIGINT NOT NULL,
  source TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_ms BIGINT NOT NULL
);
CREATE INDEX vital_readings_by_session ON vital_readings (clinic_id, session_id, at_ms);

CREATE TABLE session_alarms (
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  session_id TEXT NOT NULL REFERENCES treatment_sessions(id),
  number INTEGER NOT NULL,
  rule_code TEXT NOT NULL,
  priority TEXT NOT NULL,
  state TEXT NOT NULL,
  condition_active INTEGER NOT NULL,
  escalated INTEGER NOT NULL,
  raised_ms BIGINT NOT NULL,
  acknowledged_ms BIGINT NOT NULL,
  acknowledged_by TEXT NOT NULL,
  cleared_ms BIGINT NOT NULL,
  escalated_ms BIGINT NOT NULL,
  has_value INTEGER NOT NULL,
  value_milli BIGINT NOT NULL,
  PRIMARY KEY (session_id, number)
);
CREATE INDEX session_alarms_by_clinic ON session_alarms (clinic_id, session_id);
