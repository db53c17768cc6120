// The top of every chart tab: who the patient is, and what to know before treating:
// the eligibility status and the safety flags (allergies, a ketamine hypersensitivity
// in the history, pregnancy or breastfeeding with its date, a minor without a
// guardian, interacting medicines now taken, an incomplete history).
import { patientName, todayLocal } from '../ui/format';
import { EligibilityBadges } from './EligibilityBadges';
import { ageOn, historyIncomplete, interactingClasses, medicationClassLabel } from './history_rules';
import { recordFlags } from './record_rules';
import type { ChartData } from './use_patient_chart';

export function ChartHeader({ data }: { data: ChartData }) {
  const { patient, history, screening, allergies } = data;
  const today = todayLocal();
  const age = ageOn(patient.date_of_birth, today);
  const flags = recordFlags(patient, history, allergies, today);
  const classes = interactingClasses(history.medications);
  const incomplete = historyIncomplete(history);
  return (
    <section class="panel chart-header" aria-labelledby="chart-name">
      <h1 id="chart-name">{patientName(patient)}</h1>
      {patient.preferred_name && <p class="preferred-name">Prefers to be called {patient.preferred_name}</p>}
      <dl class="chart-summary">
        <div>
          <dt>Age</dt>
          <dd>{age === undefined ? 'Unknown' : `${age} years`}</dd>
        </div>
        <div>
          <dt>Date of birth</dt>
          <dd>
            <time dateTime={patient.date_of_birth}>{patient.date_of_birth}</time>
          </dd>
        </div>
        <div>
          <dt>Eligibility</dt>
          <dd>
            <EligibilityBadges latest={screening.latest_decision} />
          </dd>
        </div>
        <div>
          <dt>Safety flags</dt>
          <dd class="badge-row safety-flags">
            {flags.map((flag) => (
              <span key={flag.text} class={`badge badge-${flag.tone}`}>
                {flag.text}
              </span>
            ))}
            {classes.map((c) => (
              <span key={c} class="badge badge-danger">
                {medicationClassLabel(c)}
              </span>
            ))}
            {incomplete && <span class="badge badge-warn">History incomplete</span>}
            {flags.length === 0 && classes.length === 0 && !incomplete && <span class="muted">None</span>}
          </dd>
        </div>
      </dl>
    </section>
  );
}
