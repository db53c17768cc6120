-- Search by date of birth returns patients in name order (family, given, id). With
-- the old index (clinic_id, date_of_birth) SQLite preferred walking the name index
-- to avoid a sort and filtered every patient (28 ms at 20,000 patients in the
-- patient_search benchmark). This index gives the rows of one date already in name
-- order, on both engines.
DROP INDEX patients_by_birth;
CREATE INDEX patients_by_birth ON patients (clinic_id, date_of_birth, family_key, given_key, id);
