-- Waiting lists with offers, and the outbox of messages to people (both engines).
CREATE TABLE waiting_programs (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  name TEXT NOT NULL,
  capacity INTEGER NOT NULL,
  offer_hours INTEGER NOT NULL,
  created_ms BIGINT NOT NULL
);
CREATE INDEX waiting_programs_by_clinic ON waiting_programs (clinic_id, name);

CREATE TABLE waiting_entries (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  program_id TEXT NOT NULL REFERENCES waiting_programs(id),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  preferred_contact TEXT NOT NULL,
  prescreen_pregnant TEXT NOT NULL,
  prescreen_substance_use TEXT NOT NULL,
  prescreen_high_blood_pressure TEXT NOT NULL,
  age_years INTEGER NOT NULL,
  status TEXT NOT NULL,
  urgent SMALLINT NOT NULL,
  urgent_reason TEXT NOT NULL,
  cleared_for_offer SMALLINT NOT NULL,
  joined_ms BIGINT NOT NULL,
  offered_ms BIGINT NOT NULL,
  offer_expires_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  removed_reason TEXT NOT NULL,
  source TEXT NOT NULL
);
CREATE INDEX waiting_entries_by_program ON waiting_entries (clinic_id, program_id, status);

CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  channel TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  sent_ms BIGINT NOT NULL
);
CREATE INDEX outbox_unsent ON outbox (clinic_id, sent_ms, created_ms);
