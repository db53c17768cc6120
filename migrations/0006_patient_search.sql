-- Patient search by date of birth and by phone (both engines).
CREATE INDEX patients_by_birth ON patients (clinic_id, date_of_birth);
CREATE INDEX patients_by_phone ON patients (clinic_id, phone);
