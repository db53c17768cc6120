// Effects and adverse events: the log (time, effect, severity, intervention, outcome,
// serious events with their narrative) and the form to add one. A serious adverse
// event needs a narrative, checked here and by the server.
import { useState } from 'preact/hooks';
import { FormFooter } from '../chart/FormFooter';
import { SelectField } from '../ui/SelectField';
import { TextArea } from '../ui/TextArea';
import { TextField } from '../ui/TextField';
import { EFFECT_KINDS, OUTCOMES, SEVERITIES, emptyEffect, readEffect, type EffectDraft } from './session_forms';
import { clockTime, isFinal } from './session_rules';
import { useSessionForm, type PanelProps } from './use_session_form';

const FIELDS = ['kind', 'severity', 'description', 'intervention', 'outcome', 'serious', 'narrative'];
const word = (list: readonly { value: string; label: string }[], value: string) => list.find((c) => c.value === value)?.label ?? value;

export function EffectsLog({ api, session: s, onSession, canRun }: PanelProps) {
  const [draft, setDraft] = useState<EffectDraft>(emptyEffect);
  const form = useSessionForm(FIELDS, onSession);
  const set = <K extends keyof EffectDraft>(field: K, value: EffectDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    form.clear(field);
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.send(() => readEffect(draft), (v) => api.recordEffect(s.id, v), 'Effect recorded.', () => setDraft(emptyEffect()));
  };
  return (
    <section class="panel" aria-labelledby="effects-heading">
      <h2 id="effects-heading">Effects and adverse events</h2>
      {s.effects.length === 0 ? (
        <p class="muted">None recorded.</p>
      ) : (
        <ul class="event-list effects-list">
          {s.effects.map((e) => (
            <li key={e.id} class={e.serious ? 'effect-serious' : undefined}>
              <span class="event-text">
                {clockTime(e.at)} <strong>{e.label}</strong>, {word(SEVERITIES, e.severity).toLowerCase()}
                {e.description ? `: ${e.description}` : ''}. {e.intervention ? `Intervention: ${e.intervention}. ` : ''}Outcome: {word(OUTCOMES, e.outcome).toLowerCase()}.
                {e.serious && <span class="badge badge-danger"> Serious adverse event</span>}
              </span>
              {e.serious && <span class="event-text preserve-lines">{e.narrative}</span>}
              <span class="event-by">{e.by}</span>
            </li>
          ))}
        </ul>
      )}
      {canRun && !isFinal(s.state) && (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate class="sub-form" aria-labelledby="effect-form-heading">
          <h3 id="effect-form-heading">Add an effect</h3>
          <SelectField label="Effect" name="kind" value={draft.kind} onValue={(v) => set('kind', v)} placeholder="Choose the effect" choices={EFFECT_KINDS} error={form.errorFor('kind')} required />
          <SelectField label="Severity" name="severity" value={draft.severity} onValue={(v) => set('severity', v)} placeholder="Choose the severity" choices={SEVERITIES} error={form.errorFor('severity')} required />
          <TextField label="Description" name="description" hint={draft.kind === 'other' ? 'Required for “Other”.' : 'Optional.'} value={draft.description} onValue={(v) => set('description', v)} error={form.errorFor('description')} maxLength={500} />
          <TextField label="Intervention" name="intervention" hint="What was done, e.g. ondansetron 4 mg." value={draft.intervention} onValue={(v) => set('intervention', v)} error={form.errorFor('intervention')} maxLength={500} />
          <SelectField label="Outcome" name="outcome" value={draft.outcome} onValue={(v) => set('outcome', v)} choices={OUTCOMES} error={form.errorFor('outcome')} required />
          <label class="checkbox">
            <input type="checkbox" name="serious" checked={draft.serious} onChange={(e) => set('serious', e.currentTarget.checked)} />
            Serious adverse event
          </label>
          {draft.serious && (
            <TextArea label="Narrative of the serious adverse event" name="narrative" hint="What happened, what was done, and how the patient is now." value={draft.narrative} onValue={(v) => set('narrative', v)} error={form.errorFor('narrative')} maxLength={4000} required />
          )}
          <FormFooter generalError={form.generalError} pending={form.pending} label="Record effect" pendingLabel="Saving…" status={form.status} />
        </form>
      )}
    </section>
  );
}
