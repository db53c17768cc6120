-- The clinic dashboard (issue 7) reads every dosed session of the clinic, their
-- effects and alarms, and the clinic's submitted responses of one questionnaire
-- (Transaction::dashboard_rows). With the indexes of 0014 and 0018 each of those rows
-- cost a look-up of its table row, and a clinic's rows are spread over the whole table
-- (clinics share it, rows arrive in time order): at 200 clinics, 1M sessions and 3M
-- responses the dashboard took 110-208 ms at the median and 223-691 ms at p99 on
-- SQLite and PostgreSQL; with these, 33-42 ms and 52-87 ms (docs/performance.md,
-- "dashboards"). These indexes hold every column those queries read, so that each
-- reads only the clinic's part of an index. Each replaces an index that is its
-- prefix, under the same name; it still serves every query the old one did.
-- A discharge override is read from override_by (a user id), so that no free text
-- goes into an index entry (PostgreSQL limits an entry's size).
DROP INDEX treatment_sessions_by_dose;
CREATE INDEX treatment_sessions_by_dose ON treatment_sessions (clinic_id, dose_started_ms, id, patient_id, route,
  dose_ended_ms, discharged_ms, override_by);

DROP INDEX questionnaire_responses_by_instrument;
CREATE INDEX questionnaire_responses_by_instrument ON questionnaire_responses (clinic_id, instrument, status,
  patient_id, submitted_ms, total, amends, id);

DROP INDEX session_effects_by_session;
CREATE INDEX session_effects_by_session ON session_effects (clinic_id, session_id, at_ms, kind, serious);

DROP INDEX session_alarms_by_clinic;
CREATE INDEX session_alarms_by_clinic ON session_alarms (clinic_id, session_id, rule_code);
