// The plan editor (prescribers): route first, then the dose rule fields that fit it,
// induction, maintenance, titration, indications from the patient's diagnoses, goals
// with an instrument and target, and the reason for a change. A live PK chart shows
// the planned session's dose. Signing makes a new version; the server's 400 names a
// field and the problem shows (and focus lands) there.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type ApiClient, type Instrument } from '../api';
import type { PatientPlans, PlanRoute, TreatmentPlan } from '../plans_api_types';
import { FormFooter } from '../chart/FormFooter';
import { useChartForm } from '../chart/use_chart_form';
import { PkChart } from '../pk/PkChart';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { SelectField } from '../ui/SelectField';
import { TextArea } from '../ui/TextArea';
import { TextField } from '../ui/TextField';
import { draftFromPlan, doseUnit, isWeightBased, newDraft, PLAN_FIELDS, readDraft, ROUTE_CHOICES, sessionDoses, withRoute, type GoalDraft, type PlanDraft } from './plan_form';

interface PlanEditorProps {
  api: ApiClient;
  patientId: string;
  plans: PatientPlans;
  onSigned: (plan: TreatmentPlan) => void;
  onCancel: () => void;
}

const num = (s: string) => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : null);

export function PlanEditor({ api, patientId, plans, onSigned, onCancel }: PlanEditorProps) {
  const current = plans.current;
  const [draft, setDraft] = useState<PlanDraft>(() => (current ? draftFromPlan(current) : newDraft('iv', plans.diagnoses.length === 1 ? plans.diagnoses.map((d) => d.code) : [])));
  const [instruments, setInstruments] = useState<Instrument[]>([]);
  const goalFields = draft.goals.flatMap((_, i) => [`goals[${i}].text`, `goals[${i}].instrument`, `goals[${i}].target_score`]);
  const form = useChartForm([...PLAN_FIELDS, ...goalFields]);
  useEffect(() => {
    let live = true;
    api.listInstruments().then(
      (list) => live && setInstruments(list),
      () => live && setInstruments([]),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const set = <K extends keyof PlanDraft>(key: K, value: PlanDraft[K], field: string = key) => {
    setDraft((d) => ({ ...d, [key]: value }));
    form.clear(field);
  };
  const setGoal = (i: number, change: Partial<GoalDraft>, field: string) => {
    setDraft((d) => ({ ...d, goals: d.goals.map((g, j) => (j === i ? { ...g, ...change } : g)) }));
    form.clear(field);
  };
  const basedOn = current?.version ?? 0;
  const unit = doseUnit(draft.route);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => {
        const read = readDraft(draft, basedOn);
        return 'problem' in read ? read.problem : null;
      },
      async () => {
        const read = readDraft(draft, basedOn);
        if ('problem' in read) return '';
        const signed = await api.signPlan(patientId, read.request).catch((e: unknown) => {
          // "indications[1]" is one box of the group: show it (and focus) on the group.
          if (e instanceof ApiError && e.field?.startsWith('indications[')) throw new ApiError(e.status, e.code, e.message, 'indications');
          throw e;
        });
        onSigned(signed);
        return `Version ${signed.version} signed.`;
      },
    );
  };

  const previewDoses = sessionDoses(
    draft.route,
    { mg_per_kg: num(draft.mg_per_kg), infusion_minutes: num(draft.infusion_minutes), first_dose_mg: num(draft.first_dose_mg), dose_mg: num(draft.dose_mg) },
    plans.weight_kg,
  );
  const instrumentChoices = instruments.map((i) => ({ value: i.code, label: i.name }));

  return (
    <section class="panel plan-editor" aria-labelledby="plan-editor-heading">
      <h3 id="plan-editor-heading">{current ? `Change the plan (new version ${basedOn + 1})` : 'New treatment plan'}</h3>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="plan-editor-heading">
        <SelectField
          label="Route"
          name="route"
          value={draft.route}
          onValue={(v) => {
            setDraft((d) => withRoute(d, v as PlanRoute));
            form.clear('route');
          }}
          choices={ROUTE_CHOICES}
          hint="Choosing a route fills in its template from the clinical reference; change what you need."
          error={form.errorFor('route')}
          required
        />
        <fieldset class="plan-fieldset">
          <legend>Dose rule ({unit})</legend>
          {isWeightBased(draft.route) && (
            <TextField label="Dose (mg/kg)" name="dose_rule.mg_per_kg" type="number" step="0.01" min="0" value={draft.mg_per_kg} onValue={(v) => set('mg_per_kg', v, 'dose_rule.mg_per_kg')} error={form.errorFor('dose_rule.mg_per_kg')} required />
          )}
          {draft.route === 'iv' && (
            <TextField label="Infusion minutes" name="dose_rule.infusion_minutes" type="number" step="1" min="2" max="100" hint="Reviews report 2 to 100 minutes; 40 is the usual infusion." value={draft.infusion_minutes} onValue={(v) => set('infusion_minutes', v, 'dose_rule.infusion_minutes')} error={form.errorFor('dose_rule.infusion_minutes')} required />
          )}
          {draft.route === 'intranasal_esketamine' && (
            <>
              <TextField label="First dose (mg)" name="dose_rule.first_dose_mg" type="number" step="28" hint="The label gives 56 mg (two 28 mg devices)." value={draft.first_dose_mg} onValue={(v) => set('first_dose_mg', v, 'dose_rule.first_dose_mg')} error={form.errorFor('dose_rule.first_dose_mg')} required />
              <SelectField label="Later doses (mg)" name="dose_rule.dose_mg" value={draft.dose_mg} onValue={(v) => set('dose_mg', v, 'dose_rule.dose_mg')} choices={[{ value: '56', label: '56 mg (2 devices)' }, { value: '84', label: '84 mg (3 devices)' }]} error={form.errorFor('dose_rule.dose_mg')} required />
            </>
          )}
          {(draft.route === 'sublingual' || draft.route === 'oral') && (
            <TextField label="Dose (mg)" name="dose_rule.dose_mg" type="number" step="1" min="0" value={draft.dose_mg} onValue={(v) => set('dose_mg', v, 'dose_rule.dose_mg')} error={form.errorFor('dose_rule.dose_mg')} required />
          )}
        </fieldset>
        <fieldset class="plan-fieldset">
          <legend>Induction</legend>
          <div class="plan-row">
            <TextField label="Sessions" name="induction.sessions" type="number" step="1" min="1" value={draft.sessions} onValue={(v) => set('sessions', v, 'induction.sessions')} error={form.errorFor('induction.sessions')} required />
            <TextField label="At most a week" name="induction.max_per_week" type="number" step="1" min="1" max="7" value={draft.max_per_week} onValue={(v) => set('max_per_week', v, 'induction.max_per_week')} error={form.errorFor('induction.max_per_week')} required />
            <TextField label="Over weeks" name="induction.weeks" type="number" step="1" min="1" value={draft.weeks} onValue={(v) => set('weeks', v, 'induction.weeks')} error={form.errorFor('induction.weeks')} required />
          </div>
        </fieldset>
        <TextField
          label="Maintenance interval (days)"
          name="maintenance.interval_days"
          type="number"
          step="1"
          min="0"
          hint={draft.route === 'intranasal_esketamine' ? 'From week 9 the label gives weekly (7) or every 2 weeks (14).' : '0 proposes no maintenance sessions (for IV there is no validated interval).'}
          value={draft.interval_days}
          onValue={(v) => set('interval_days', v, 'maintenance.interval_days')}
          error={form.errorFor('maintenance.interval_days')}
        />
        <fieldset class="plan-fieldset">
          <legend>Titration</legend>
          <label class="check">
            <input type="checkbox" name="titrate" checked={draft.titrate} onChange={(e) => set('titrate', e.currentTarget.checked)} /> Titrate the dose
          </label>
          {draft.titrate && (
            <div class="plan-row">
              <TextField label={`Step (${unit})`} name="titration.step" type="number" step="0.01" min="0" value={draft.step} onValue={(v) => set('step', v, 'titration.step')} error={form.errorFor('titration.step')} required />
              <TextField label={`Ceiling (${unit})`} name="titration.ceiling" type="number" step="0.01" min="0" value={draft.ceiling} onValue={(v) => set('ceiling', v, 'titration.ceiling')} error={form.errorFor('titration.ceiling')} required />
            </div>
          )}
        </fieldset>
        {plans.diagnoses.length === 0 ? (
          <p class="form-error" role="alert">
            Record the patient’s diagnoses (History tab) first: a plan’s indications come from them.
          </p>
        ) : (
          <ChoiceGroup
            legend="Indications"
            name="indications"
            type="checkbox"
            choices={plans.diagnoses.map((d) => ({ value: d.code, label: `${d.code} ${d.label}` }))}
            selected={draft.indications}
            onSelected={(values) => {
              setDraft((d) => ({ ...d, indications: values }));
              form.clear('indications');
            }}
            error={form.errorFor('indications')}
            required
          />
        )}
        <fieldset class="plan-fieldset">
          <legend>Goals</legend>
          {draft.goals.length === 0 && <p class="muted">No goals yet.</p>}
          {draft.goals.map((g, i) => (
            <div class="plan-goal" key={i}>
              <TextField label={`Goal ${i + 1}`} name={`goals[${i}].text`} value={g.text} onValue={(v) => setGoal(i, { text: v }, `goals[${i}].text`)} error={form.errorFor(`goals[${i}].text`)} maxLength={500} required />
              <SelectField label="Instrument" name={`goals[${i}].instrument`} value={g.instrument} placeholder="None" onValue={(v) => setGoal(i, { instrument: v }, `goals[${i}].instrument`)} choices={instrumentChoices} error={form.errorFor(`goals[${i}].instrument`)} />
              <TextField label="Target score" name={`goals[${i}].target_score`} type="number" step="1" value={g.target_score} onValue={(v) => setGoal(i, { target_score: v }, `goals[${i}].target_score`)} error={form.errorFor(`goals[${i}].target_score`)} />
              <button type="button" class="link-button" onClick={() => setDraft((d) => ({ ...d, goals: d.goals.filter((_, j) => j !== i) }))}>
                Remove goal {i + 1}
              </button>
            </div>
          ))}
          {draft.goals.length < 10 && (
            <button type="button" class="secondary" onClick={() => setDraft((d) => ({ ...d, goals: [...d.goals, { text: '', instrument: '', target_score: '' }] }))}>
              Add a goal
            </button>
          )}
        </fieldset>
        {current && (
          <TextArea label="Reason for the change" name="reason" hint="Required: it is kept with the new version." value={draft.reason} onValue={(v) => set('reason', v, 'reason')} error={form.errorFor('reason')} maxLength={500} rows={3} required />
        )}
        <PkChart api={api} route={draft.route} weightKg={plans.weight_kg} doses={previewDoses} title="Predicted plasma concentration for one session" />
        <FormFooter generalError={form.generalError} pending={form.pending} label={`Sign version ${basedOn + 1}`} pendingLabel="Signing…" status={form.status} />
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </form>
    </section>
  );
}
