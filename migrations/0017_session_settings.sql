-- The clinic's session protocol (both engines): one row per clinic once its medical
-- director changes a value; without a row the starting values of SessionProtocol
-- (src/domain/session_protocol.h) apply. A column per ProtocolField, named as the
-- field. version counts saves (0: the starting values, never saved).
CREATE TABLE session_settings (
  clinic_id TEXT PRIMARY KEY REFERENCES clinics(id),
  version INTEGER NOT NULL,
  pre_dose_systolic_limit_mmhg INTEGER NOT NULL,
  pre_dose_diastolic_limit_mmhg INTEGER NOT NULL,
  iv_dosing_bp_interval_min INTEGER NOT NULL,
  observing_bp_interval_min INTEGER NOT NULL,
  esketamine_bp_checkpoint_min INTEGER NOT NULL,
  esketamine_observation_min INTEGER NOT NULL,
  other_observation_min INTEGER NOT NULL,
  aldrete_minimum INTEGER NOT NULL,
  device_spacing_min INTEGER NOT NULL,
  rems_due_days INTEGER NOT NULL,
  readings_stale_s INTEGER NOT NULL,
  escalate_high_after_s INTEGER NOT NULL,
  spo2_low_below_pct INTEGER NOT NULL,
  bp_severe_systolic_mmhg INTEGER NOT NULL,
  bp_severe_diastolic_mmhg INTEGER NOT NULL,
  bp_high_systolic_mmhg INTEGER NOT NULL,
  bp_high_diastolic_mmhg INTEGER NOT NULL,
  bp_high_readings INTEGER NOT NULL,
  hr_high_above_bpm INTEGER NOT NULL,
  hr_high_minutes INTEGER NOT NULL,
  updated_ms BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);
