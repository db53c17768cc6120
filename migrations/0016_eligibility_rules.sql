-- A clinic's eligibility rule settings as versioned data (both engines): version 1 is
-- seeded from the release's defaults on first use; every change by the medical
-- director adds the next version, with its reason. Versions are never changed.
-- settings: the rules that differ from the release's defaults, "rule=outcome;..."
-- (src/domain/eligibility_rules.h).
CREATE TABLE eligibility_rule_versions (
  clinic_id TEXT NOT NULL REFERENCES clinics(id),
  version INTEGER NOT NULL,
  settings TEXT NOT NULL,
  reason TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_ms BIGINT NOT NULL,
  PRIMARY KEY (clinic_id, version)
);
