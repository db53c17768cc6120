-- Foundation: clinics, staff accounts and sessions, the audit chain, patients.
-- Times are UTC epoch milliseconds (docs/adr/0003-epoch-milliseconds.md).
CREATE TABLE clinics (
  id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL UNIQUE,
  created_ms BIGINT NOT NULL
);

CREATE TABLE users (
  id TEXT COLLATE "C" PRIMARY KEY,
  clinic_id TEXT COLLATE "C" NOT NULL REFERENCES clinics(id),
  email TEXT COLLATE "C" NOT NULL UNIQUE,
  display_name TEXT COLLATE "C" NOT NULL,
  password_hash TEXT COLLATE "C" NOT NULL,
  roles TEXT COLLATE "C" NOT NULL,
  disabled SMALLINT NOT NULL DEFAULT 0,
  failed_logins BIGINT NOT NULL DEFAULT 0,
  locked_until_ms BIGINT NOT NULL DEFAULT 0,
  created_ms BIGINT NOT NULL
);
CREATE INDEX users_by_clinic_email ON users (clinic_id, email);

CREATE TABLE sessions (
  token_hash TEXT COLLATE "C" PRIMARY KEY,
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id),
  clinic_id TEXT COLLATE "C" NOT NULL REFERENCES clinics(id),
  csrf_token TEXT COLLATE "C" NOT NULL,
  created_ms BIGINT NOT NULL,
  last_seen_ms BIGINT NOT NULL,
  revoked SMALLINT NOT NULL DEFAULT 0
);
CREATE INDEX sessions_by_user ON sessions (clinic_id, user_id);

CREATE TABLE audit_heads (
  clinic_id TEXT COLLATE "C" PRIMARY KEY REFERENCES clinics(id),
  seq BIGINT NOT NULL,
  hash TEXT COLLATE "C" NOT NULL
);

CREATE TABLE audit_events (
  clinic_id TEXT COLLATE "C" NOT NULL REFERENCES clinics(id),
  seq BIGINT NOT NULL,
  at_ms BIGINT NOT NULL,
  user_id TEXT COLLATE "C" NOT NULL,
  role TEXT COLLATE "C" NOT NULL,
  action TEXT COLLATE "C" NOT NULL,
  entity_type TEXT COLLATE "C" NOT NULL,
  entity_id TEXT COLLATE "C" NOT NULL,
  outcome TEXT COLLATE "C" NOT NULL,
  client_address TEXT COLLATE "C" NOT NULL,
  prev_hash TEXT COLLATE "C" NOT NULL,
  hash TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (clinic_id, seq)
);
CREATE INDEX audit_by_action ON audit_events (clinic_id, action, seq);
CREATE INDEX audit_by_user ON audit_events (clinic_id, user_id, seq);
CREATE INDEX audit_by_entity ON audit_events (clinic_id, entity_type, entity_id, seq);

CREATE TABLE patients (
  id TEXT COLLATE "C" PRIMARY KEY,
  clinic_id TEXT COLLATE "C" NOT NULL REFERENCES clinics(id),
  given_name TEXT COLLATE "C" NOT NULL,
  family_name TEXT COLLATE "C" NOT NULL,
  given_key TEXT COLLATE "C" NOT NULL,
  family_key TEXT COLLATE "C" NOT NULL,
  date_of_birth TEXT COLLATE "C" NOT NULL,
  created_ms BIGINT NOT NULL
);
CREATE INDEX patients_by_family ON patients (clinic_id, family_key, given_key, id);
CREATE INDEX patients_by_given ON patients (clinic_id, given_key);
-- The application never updates or deletes audit events; the database refuses too.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only';
END;
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
