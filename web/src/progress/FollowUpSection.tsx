// The follow-up plan on the Progress tab: the current plan and what is due, and for
// prescribers, nurses and therapists the form that starts (or replaces) it, with the
// clinic's defaults, and the one that ends it with a reason. Both return the whole
// progress document, which the tab then shows.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, FollowUpDue, FollowUpPlan, Instrument, OutcomeSettings, PatientProgress } from '../api';
import { FormFooter } from '../chart/FormFooter';
import { useChartForm } from '../chart/use_chart_form';
import { instrumentName } from '../measures/measures_rules';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { todayLocal } from '../ui/format';
import { TextField } from '../ui/TextField';
import { followUpDraft, INTERVAL_BOUNDS, readEndReason, readFollowUp, type FollowUpDraft } from './follow_up_form';

interface FollowUpSectionProps {
  api: ApiClient;
  patientId: string;
  followUp: PatientProgress['follow_up'];
  catalogue: readonly Instrument[];
  canWrite: boolean;
  onSaved: (progress: PatientProgress) => void;
}

export function FollowUpSection({ api, patientId, followUp, catalogue, canWrite, onSaved }: FollowUpSectionProps) {
  const [mode, setMode] = useState<'view' | 'start' | 'end'>('view');
  const [status, setStatus] = useState('');
  const { plan, due } = followUp;
  const name = (code: string) => instrumentName(catalogue, code);
  const done = (progress: PatientProgress, message: string) => {
    onSaved(progress);
    setMode('view');
    setStatus(message);
  };
  return (
    <section class="panel follow-up" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">Follow-up plan</h2>
      <p role="status" class="form-status">
        {status}
      </p>
      {plan ? (
        <p class="follow-up-plan">
          Check-ins every {plan.interval_days} days from {plan.start}: {plan.instruments.map(name).join(', ')}.
        </p>
      ) : (
        <p class="muted">No follow-up plan.</p>
      )}
      <DueList due={due} name={name} />
      {canWrite && mode === 'view' && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setMode('start')}>
            {plan ? 'Replace the follow-up plan' : 'Start follow-up'}
          </button>
          {plan && (
            <button type="button" class="secondary" onClick={() => setMode('end')}>
              End follow-up
            </button>
          )}
        </div>
      )}
      {mode === 'start' && (
        <StartForm api={api} patientId={patientId} plan={plan} catalogue={catalogue} onCancel={() => setMode('view')} onSaved={(p) => done(p, plan ? 'Follow-up plan replaced.' : 'Follow-up started.')} />
      )}
      {mode === 'end' && <EndForm api={api} patientId={patientId} onCancel={() => setMode('view')} onSaved={(p) => done(p, 'Follow-up ended.')} />}
    </section>
  );
}

function DueList({ due, name }: { due: readonly FollowUpDue[]; name: (code: string) => string }) {
  if (due.length === 0) return <p class="muted">No follow-up questionnaire is due.</p>;
  return (
    <ul class="due-list" aria-label="Follow-up questionnaires due">
      {due.map((d) => (
        <li key={`${d.instrument}-${d.due_on}`} class={d.overdue ? 'is-overdue' : undefined}>
          {name(d.instrument)} · due {d.due_on} {d.overdue && <span class="badge badge-danger">Overdue</span>}
          {d.missed > 0 && <span class="missed"> Missed {d.missed} earlier {d.missed === 1 ? 'check-in' : 'check-ins'}</span>}
        </li>
      ))}
    </ul>
  );
}

const START_FIELDS = ['start', 'interval_days', 'instruments'];

interface StartFormProps {
  api: ApiClient;
  patientId: string;
  plan: FollowUpPlan | null;
  catalogue: readonly Instrument[];
  onCancel: () => void;
  onSaved: (progress: PatientProgress) => void;
}

function StartForm({ api, patientId, plan, catalogue, onCancel, onSaved }: StartFormProps) {
  const [settings, setSettings] = useState<OutcomeSettings | null>(null);
  const [draft, setDraft] = useState<FollowUpDraft>(() => followUpDraft(plan, null, todayLocal()));
  const form = useChartForm(START_FIELDS);
  const hasPlan = plan !== null;
  useEffect(() => {
    let live = true;
    // The clinic's defaults fill an empty form; without them the clinician types them.
    api.getOutcomeSettings().then(
      (s) => {
        if (!live) return;
        setSettings(s);
        if (!hasPlan) setDraft((d) => followUpDraft(null, s, d.start));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, hasPlan]);
  const bounds = settings?.bounds.follow_up_interval_days ?? INTERVAL_BOUNDS;
  const set = (change: Partial<FollowUpDraft>, field: string) => {
    setDraft((d) => ({ ...d, ...change }));
    form.clear(field);
  };
  // Offer every instrument of the catalogue, and any code already chosen that it lacks.
  const codes = [...catalogue.map((i) => i.code), ...draft.instruments.filter((c) => !catalogue.some((i) => i.code === c))];
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const read = readFollowUp(draft, bounds);
    void form.submit(
      () => ('problem' in read ? read.problem : null),
      async () => {
        if ('problem' in read) return '';
        onSaved(await api.startFollowUp(patientId, read.plan));
        return '';
      },
    );
  };
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate class="follow-up-form" aria-labelledby="follow-up-form-heading">
      <h3 id="follow-up-form-heading">{plan ? 'Replace the follow-up plan' : 'Start follow-up'}</h3>
      {plan && <p class="hint">The new plan replaces the follow-up check-ins from its start date; other questionnaire schedules stay.</p>}
      <TextField label="First check-in" name="start" type="date" value={draft.start} onValue={(v) => set({ start: v }, 'start')} error={form.errorFor('start')} required />
      <TextField
        label="Days between check-ins"
        name="interval_days"
        type="number"
        min={String(bounds[0])}
        max={String(bounds[1])}
        step="1"
        hint={`${bounds[0]} to ${bounds[1]}${settings ? `; the clinic's default is ${settings.follow_up_interval_days}` : ''}.`}
        value={draft.interval_days}
        onValue={(v) => set({ interval_days: v }, 'interval_days')}
        error={form.errorFor('interval_days')}
        required
      />
      <ChoiceGroup
        legend="Questionnaires at each check-in"
        name="instruments"
        type="checkbox"
        choices={codes.map((code) => ({ value: code, label: instrumentName(catalogue, code) }))}
        selected={draft.instruments}
        onSelected={(instruments) => set({ instruments }, 'instruments')}
        error={form.errorFor('instruments')}
      />
      <FormFooter generalError={form.generalError} pending={form.pending} label={plan ? 'Replace plan' : 'Start follow-up'} pendingLabel="Saving…" status={form.status} />
      <button type="button" class="link-button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

function EndForm({ api, patientId, onCancel, onSaved }: Pick<StartFormProps, 'api' | 'patientId' | 'onCancel' | 'onSaved'>) {
  const [reason, setReason] = useState('');
  const form = useChartForm(['reason']);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const read = readEndReason(reason);
    void form.submit(
      () => ('problem' in read ? read.problem : null),
      async () => {
        if ('problem' in read) return '';
        onSaved(await api.endFollowUp(patientId, read.reason));
        return '';
      },
    );
  };
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate class="follow-up-form" aria-labelledby="follow-up-end-heading">
      <h3 id="follow-up-end-heading">End follow-up</h3>
      <TextField label="Reason" name="reason" hint="For example: discharged to the referring clinician." value={reason} onValue={(v) => { setReason(v); form.clear('reason'); }} error={form.errorFor('reason')} required />
      <FormFooter generalError={form.generalError} pending={form.pending} label="End follow-up" pendingLabel="Ending…" status={form.status} />
      <button type="button" class="link-button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
