-- Consultation requests and the front desk's enquiry queue (both engines).
CREATE TABLE enquiries (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  source TEXT NOT NULL,
  status TEXT NOT NULL,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  preferred_contact TEXT NOT NULL,
  conditions TEXT NOT NULL,
  reason_text TEXT NOT NULL,
  heard_from TEXT NOT NULL,
  consent_to_contact SMALLINT NOT NULL,
  close_reason TEXT NOT NULL,
  duplicate_of TEXT REFERENCES enquiries(id)
);
CREATE INDEX enquiries_queue ON enquiries (clinic_id, created_ms, id);
CREATE INDEX enquiries_by_email ON enquiries (clinic_id, email, created_ms);
CREATE INDEX enquiries_by_phone ON enquiries (clinic_id, phone, created_ms);
CREATE INDEX enquiries_by_first ON enquiries (clinic_id, duplicate_of);

CREATE TABLE enquiry_events (
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  enquiry_id TEXT NOT NULL REFERENCES enquiries(id),
  at_ms BIGINT NOT NULL,
  status TEXT NOT NULL,
  user_id TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX enquiry_events_by_enquiry ON enquiry_events (clinic_id, enquiry_id, at_ms);
