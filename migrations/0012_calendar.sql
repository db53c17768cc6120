-- The calendar (both engines): rooms and recliner chairs, the clinic's calendar
-- settings, and appointments. Double bookings are refused by the use case after it
-- has locked the patient, room and staff rows involved (see Transaction::
-- lock_booking_resources); the indexes below serve the overlap look-up.
CREATE TABLE rooms (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  active INTEGER NOT NULL,
  created_ms BIGINT NOT NULL
);
CREATE UNIQUE INDEX rooms_by_name ON rooms (clinic_id, name);

CREATE TABLE calendar_settings (
  clinic_id TEXT PRIMARY KEY REFERENCES clinics(id),
  consultation_minutes INTEGER NOT NULL,
  screening_minutes INTEGER NOT NULL,
  dosing_session_minutes INTEGER NOT NULL,
  integration_minutes INTEGER NOT NULL,
  follow_up_minutes INTEGER NOT NULL,
  telehealth_check_in_minutes INTEGER NOT NULL,
  iv_infusion_minutes INTEGER NOT NULL,
  racemic_observation_minutes INTEGER NOT NULL,
  esketamine_session_minutes INTEGER NOT NULL,
  reminder_lead_hours INTEGER NOT NULL,
  updated_ms BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);

-- staff_ids: the staff members' ids joined by ','. route and room_id are '' when
-- not applicable; program_id and plan_id '' when none; session_number 0 when none.
-- settings_version_ms: the updated_ms of the calendar settings the booking was
-- checked with (0: the defaults, never changed).
CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  type TEXT NOT NULL,
  route TEXT NOT NULL,
  room_id TEXT NOT NULL,
  staff_ids TEXT NOT NULL,
  start_ms BIGINT NOT NULL,
  end_ms BIGINT NOT NULL,
  status TEXT NOT NULL,
  cancel_reason TEXT NOT NULL,
  cancelled_by TEXT NOT NULL,
  cancelled_ms BIGINT NOT NULL,
  program_id TEXT NOT NULL,
  plan_id TEXT NOT NULL,
  session_number INTEGER NOT NULL,
  reminder_due_ms BIGINT NOT NULL,
  settings_version_ms BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  CHECK (end_ms > start_ms)
);
CREATE INDEX appointments_by_time ON appointments (clinic_id, start_ms);
CREATE INDEX appointments_by_room ON appointments (clinic_id, room_id, start_ms);
CREATE INDEX appointments_by_patient ON appointments (clinic_id, patient_id, start_ms);
