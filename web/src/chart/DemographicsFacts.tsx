// Demographics and contacts for roles that only read them.
import { Fragment } from 'preact';
import type { PatientRecord } from '../api';
import { SEX_AT_BIRTH_LABELS } from './record_rules';

export function DemographicsFacts({ record }: { record: PatientRecord }) {
  const contact = (...parts: string[]) => parts.filter(Boolean).join(', ');
  const rows: [string, string][] = [
    ['Preferred name', record.preferred_name],
    ['Sex at birth', record.sex_at_birth ? SEX_AT_BIRTH_LABELS[record.sex_at_birth] : ''],
    ['Gender identity', record.gender_identity],
    ['Phone', record.phone],
    ['Email', record.email],
    ['Emergency contact', contact(record.emergency_contact_name, record.emergency_contact_relationship, record.emergency_contact_phone)],
    ['Escort or driver home', contact(record.escort_name, record.escort_phone)],
    ['Referred by', record.referrer],
    ['Guardian', contact(record.guardian_name, record.guardian_relationship, record.guardian_phone)],
  ];
  return (
    <section class="panel" aria-labelledby="demographics-heading">
      <h2 id="demographics-heading">Demographics and contacts</h2>
      <dl class="facts demographics-facts">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd class={value ? undefined : 'muted'}>{value || 'Not recorded'}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
