-- The patient registered from an enquiry ('' until then), on both engines.
ALTER TABLE enquiries ADD COLUMN patient_id TEXT NOT NULL DEFAULT '';
