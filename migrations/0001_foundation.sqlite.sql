-- Foundation: clinics, staff accounts and sessions, the audit chain, patients.
-- Times are UTC epoch milliseconds (docs/adr/0003-epoch-milliseconds.md).
CREATE TABLE clinics (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_ms INTEGER NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  roles TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until_ms INTEGER NOT NULL DEFAULT 0,
  created_ms INTEGER NOT NULL
);
CREATE INDEX users_by_clinic_email ON users (clinic_id, email);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  csrf_token TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  last_seen_ms INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_by_user ON sessions (clinic_id, user_id);

CREATE TABLE audit_heads (
  clinic_id TEXT PRIMARY KEY REFERENCES clinics(id),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
);

CREATE TABLE audit_events (
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  seq INTEGER NOT NULL,
  at_ms INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  client_address TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (clinic_id, seq)
);
CREATE INDEX audit_by_action ON audit_events (clinic_id, action, seq);
CREATE INDEX audit_by_user ON audit_events (clinic_id, user_id, seq);
CREATE INDEX audit_by_entity ON audit_events (clinic_id, entity_type, entity_id, seq);

-- The application never updates or deletes audit events; the database refuses too.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;

CREATE TABLE patients (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  given_key TEXT NOT NULL,
  family_key TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  created_ms INTEGER NOT NULL
);
CREATE INDEX patients_by_family ON patients (clinic_id, family_key, given_key, id);
CREATE INDEX patients_by_given ON patients (clinic_id, given_key);
