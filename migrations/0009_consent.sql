-- Informed consent (both engines): the clinic's consent documents, versioned per
-- kind (a route code or "research"), and the consents patients signed.
--
-- A document is a draft while it is written; publishing fixes its text for good
-- (the store changes title and body only WHERE status = 'draft') and retires the
-- kind's previously published version. A signed consent keeps its own copy of the
-- exact title and text that were signed, with their SHA-256.
CREATE TABLE consent_documents (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  kind TEXT NOT NULL,
  major INTEGER NOT NULL,
  minor INTEGER NOT NULL,
  title TEXT NOT NULL,
  body_markdown TEXT NOT NULL,
  status TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  published_by TEXT NOT NULL,
  published_ms BIGINT NOT NULL
);
CREATE UNIQUE INDEX consent_documents_version ON consent_documents (clinic_id, kind, major, minor);
-- At most one published (current) version of a kind.
CREATE UNIQUE INDEX consent_documents_one_published ON consent_documents (clinic_id, kind)
  WHERE status = 'published';

CREATE TABLE patient_consents (
  id TEXT PRIMARY KEY,
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  document_id TEXT NOT NULL REFERENCES consent_documents(id),
  kind TEXT NOT NULL,
  major INTEGER NOT NULL,
  minor INTEGER NOT NULL,
  title TEXT NOT NULL,
  body_markdown TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  typed_name TEXT NOT NULL,
  acknowledged_sections TEXT NOT NULL,
  signed_ms BIGINT NOT NULL,
  client_address TEXT NOT NULL,
  handed_over_by TEXT NOT NULL,
  guardian_name TEXT NOT NULL,
  guardian_relationship TEXT NOT NULL,
  guardian_signed_ms BIGINT NOT NULL,
  countersigned_by TEXT NOT NULL,
  countersigned_ms BIGINT NOT NULL,
  withdrawn_by TEXT NOT NULL,
  withdrawn_ms BIGINT NOT NULL,
  withdrawal_reason TEXT NOT NULL,
  accepted_by TEXT NOT NULL,
  accepted_ms BIGINT NOT NULL,
  acceptance_reason TEXT NOT NULL
);
CREATE INDEX patient_consents_by_patient ON patient_consents (clinic_id, patient_id, signed_ms);
