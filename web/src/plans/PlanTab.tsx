// The chart's Plan tab: the current treatment plan (read view), its PK chart (with an
// optional repeat dose to show superposition), the sessions it proposes from a start
// date, and the version history (who signed, when, why). Prescribers open the editor
// to sign the first plan or a new version.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, Role } from '../api';
import type { PatientPlans, PlanProposal, TreatmentPlan } from '../plans_api_types';
import { PkChart } from '../pk/PkChart';
import { problemFrom } from '../ui/form_problem';
import { formatDateTime, todayLocal } from '../ui/format';
import { TextField } from '../ui/TextField';
import { describeDose, sessionDoses } from './plan_form';
import { PlanEditor } from './PlanEditor';
import { BookProposalForm } from './BookProposalForm';

interface PlanTabProps {
  api: ApiClient;
  patientId: string;
  roles: readonly Role[];
}

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; plans: PatientPlans };

export function PlanTab({ api, patientId, roles }: PlanTabProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const canSign = roles.includes('prescriber');
  useEffect(() => {
    let live = true;
    api.getPatientPlans(patientId).then(
      (plans) => live && setState({ kind: 'loaded', plans }),
      (e: unknown) => live && setState({ kind: 'failed', message: problemFrom(e).message }),
    );
    return () => {
      live = false;
    };
  }, [api, patientId, attempt]);

  if (state.kind === 'loading')
    return (
      <p role="status" class="muted">
        Loading the treatment plan…
      </p>
    );
  if (state.kind === 'failed')
    return (
      <p role="alert" class="form-error">
        The plan could not be loaded: {state.message}{' '}
        <button type="button" class="link-button" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </p>
    );
  const { plans } = state;
  const current = plans.current;
  return (
    <div class="plan-tab">
      <p role="status" class="form-status">
        {status}
      </p>
      {!current && <p>No treatment plan yet.{canSign ? '' : ' A prescriber signs the plan.'}</p>}
      {canSign && !editing && (
        <button
          type="button"
          onClick={() => {
            setStatus('');
            setEditing(true);
          }}
        >
          {current ? 'Change the plan' : 'Create a plan'}
        </button>
      )}
      {editing && (
        <PlanEditor
          api={api}
          patientId={patientId}
          plans={plans}
          onCancel={() => setEditing(false)}
          onSigned={(plan) => {
            setEditing(false);
            setStatus(`Version ${plan.version} signed.`);
            setAttempt((n) => n + 1);
          }}
        />
      )}
      {current && (
        <>
          <PlanSummary plan={current} plans={plans} />
          <PlanPk api={api} plan={current} weightKg={plans.weight_kg} />
          <ProposalSection api={api} patientId={patientId} plan={current} canBook={roles.some((r) => r === 'admin' || r === 'prescriber' || r === 'nurse' || r === 'front_desk')} />
          <VersionHistory versions={plans.versions} />
        </>
      )}
    </div>
  );
}

function PlanSummary({ plan, plans }: { plan: TreatmentPlan; plans: PatientPlans }) {
  const label = (code: string) => plans.diagnoses.find((d) => d.code === code)?.label ?? '';
  return (
    <section class="panel" aria-labelledby="plan-current-heading">
      <h3 id="plan-current-heading">
        Current plan (version {plan.version})
      </h3>
      <dl class="plan-facts">
        <dt>Route</dt>
        <dd>{plan.route_label}</dd>
        <dt>Dose</dt>
        <dd>{describeDose(plan)}</dd>
        <dt>Induction</dt>
        <dd>
          {plan.induction.sessions} sessions, at most {plan.induction.max_per_week} a week, over {plan.induction.weeks} weeks
        </dd>
        <dt>Maintenance</dt>
        <dd>{plan.maintenance.interval_days > 0 ? `every ${plan.maintenance.interval_days} days` : 'none proposed'}</dd>
        <dt>Titration</dt>
        <dd>{plan.titration ? `steps of ${plan.titration.step} ${plan.dose_unit} up to ${plan.titration.ceiling} ${plan.dose_unit}` : 'none'}</dd>
        <dt>Indications</dt>
        <dd>{plan.indications.map((c) => `${c} ${label(c)}`.trim()).join('; ')}</dd>
        <dt>Goals</dt>
        <dd>
          {plan.goals.length === 0 ? (
            'none'
          ) : (
            <ul>
              {plan.goals.map((g, i) => (
                <li key={i}>
                  {g.text}
                  {g.instrument ? ` (${g.instrument.toUpperCase()}${g.target_score !== null ? ` target ${g.target_score}` : ''})` : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Signed</dt>
        <dd>
          {plan.signed_by.display_name || 'unknown'}, {formatDateTime(plan.signed_at)}
        </dd>
      </dl>
    </section>
  );
}

function PlanPk({ api, plan, weightKg }: { api: ApiClient; plan: TreatmentPlan; weightKg: number | null }) {
  const [repeat, setRepeat] = useState(false);
  const [repeatAt, setRepeatAt] = useState('120');
  const at = Number(repeatAt);
  const repeatMinute = repeat && Number.isInteger(at) && at > 0 && at <= 360 ? at : null;
  return (
    <section class="panel" aria-labelledby="plan-pk-heading">
      <h3 id="plan-pk-heading">Pharmacokinetics of one session</h3>
      <label class="check">
        <input type="checkbox" checked={repeat} onChange={(e) => setRepeat(e.currentTarget.checked)} /> Show a second dose
      </label>
      {repeat && <TextField label="Second dose at (minutes after the first)" name="repeat_at_minute" type="number" min="1" max="360" step="1" value={repeatAt} onValue={setRepeatAt} />}
      <PkChart api={api} route={plan.route} weightKg={weightKg} doses={sessionDoses(plan.route, plan.dose_rule, weightKg, repeatMinute)} />
    </section>
  );
}

function ProposalSection({ api, patientId, plan, canBook }: { api: ApiClient; patientId: string; plan: TreatmentPlan; canBook: boolean }) {
  const [start, setStart] = useState(todayLocal());
  const [weeks, setWeeks] = useState('12');
  const [proposal, setProposal] = useState<PlanProposal | null>(null);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [booked, setBooked] = useState('');
  const propose = async (event: Event) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    setBooked('');
    try {
      setProposal(await api.getPlanProposal(patientId, start, Number(weeks) || 0));
    } catch (e) {
      setProposal(null);
      setError(problemFrom(e));
    } finally {
      setPending(false);
    }
  };
  const unit = plan.dose_unit;
  return (
    <section class="panel" aria-labelledby="plan-proposal-heading">
      <h3 id="plan-proposal-heading">Proposed sessions</h3>
      <p class="hint">Never more than {plan.induction.max_per_week} sessions in any 7 days.</p>
      <form onSubmit={propose} noValidate class="plan-row">
        <TextField label="Start" name="start" type="date" value={start} onValue={setStart} error={error?.field === 'start' ? error.message : undefined} required />
        <TextField label="Weeks ahead" name="horizon_weeks" type="number" min="1" max="104" step="1" value={weeks} onValue={setWeeks} error={error?.field === 'horizon_weeks' ? error.message : undefined} required />
        <button type="submit" disabled={pending}>
          {pending ? 'Proposing…' : 'Propose sessions'}
        </button>
      </form>
      {error && !error.field && (
        <p role="alert" class="form-error">
          {error.message}
        </p>
      )}
      {proposal && (
        <div class="table-scroll">
          <table class="chart-table plan-proposal">
            <caption>
              {proposal.sessions.length} sessions from {proposal.start} (plan version {proposal.plan_version})
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Date</th>
                <th scope="col">Phase</th>
                <th scope="col">Dose</th>
              </tr>
            </thead>
            <tbody>
              {proposal.sessions.map((s) => (
                <tr key={s.number}>
                  <td>{s.number}</td>
                  <th scope="row">
                    <time dateTime={s.date}>{s.date}</time>
                  </th>
                  <td>{s.phase}</td>
                  <td>{s.mg_per_kg !== null ? `${s.mg_per_kg} ${unit}${s.infusion_minutes ? ` over ${s.infusion_minutes} min` : ''}` : `${s.dose_mg ?? '?'} mg`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {proposal && canBook && proposal.sessions.length > 0 && !booked && (
        <BookProposalForm api={api} patientId={patientId} proposal={proposal} onBooked={(n) => setBooked(`Booked ${n} sessions in the calendar. Each dosing session lists its gates before dosing there.`)} />
      )}
      <p role="status" class="notice-line">
        {booked}
      </p>
    </section>
  );
}

function VersionHistory({ versions }: { versions: readonly TreatmentPlan[] }) {
  return (
    <section class="panel" aria-labelledby="plan-history-heading">
      <h3 id="plan-history-heading">Versions</h3>
      <div class="table-scroll">
        <table class="chart-table">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Signed by</th>
              <th scope="col">When</th>
              <th scope="col">Route and dose</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <th scope="row">{v.version}</th>
                <td>{v.signed_by.display_name || 'unknown'}</td>
                <td>
                  <time dateTime={v.signed_at}>{formatDateTime(v.signed_at)}</time>
                </td>
                <td>
                  {v.route_label}, {describeDose(v)}
                </td>
                <td>{v.reason || (v.version === 1 ? 'First plan' : '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
