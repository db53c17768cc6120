-- Entered in error (both engines): an entry of the patient's record that a clinician
-- marked as a mistake is kept, with when, by whom and why, and counts in no rule.
-- entered_in_error_ms 0: a valid entry.
ALTER TABLE patient_measurements ADD COLUMN entered_in_error_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE patient_measurements ADD COLUMN entered_in_error_by TEXT NOT NULL DEFAULT '';
ALTER TABLE patient_measurements ADD COLUMN entered_in_error_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE patient_allergies ADD COLUMN entered_in_error_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE patient_allergies ADD COLUMN entered_in_error_by TEXT NOT NULL DEFAULT '';
ALTER TABLE patient_allergies ADD COLUMN entered_in_error_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE patient_baseline_tests ADD COLUMN entered_in_error_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE patient_baseline_tests ADD COLUMN entered_in_error_by TEXT NOT NULL DEFAULT '';
ALTER TABLE patient_baseline_tests ADD COLUMN entered_in_error_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE patient_medications ADD COLUMN entered_in_error_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE patient_medications ADD COLUMN entered_in_error_by TEXT NOT NULL DEFAULT '';
ALTER TABLE patient_medications ADD COLUMN entered_in_error_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE patient_diagnoses ADD COLUMN entered_in_error_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE patient_diagnoses ADD COLUMN entered_in_error_by TEXT NOT NULL DEFAULT '';
ALTER TABLE patient_diagnoses ADD COLUMN entered_in_error_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE patient_trials ADD COLUMN entered_in_error_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE patient_trials ADD COLUMN entered_in_error_by TEXT NOT NULL DEFAULT '';
ALTER TABLE patient_trials ADD COLUMN entered_in_error_reason TEXT NOT NULL DEFAULT '';
