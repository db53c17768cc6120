// Manual vital signs: one reading (any of BP, HR, SpO2, RR; the time defaults to now).
// Impossible values are refused here and by the server, whose message shows next to
// the field it names (readings[0].spo2_pct). Alarms the reading raised are named.
import { useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { FormFooter } from '../chart/FormFooter';
import { useChartForm } from '../chart/use_chart_form';
import { TextField } from '../ui/TextField';
import { VITAL_FIELDS, emptyVitals, readVitals, vitalField, type VitalsDraft } from './session_forms';

interface VitalsFormProps {
  api: ApiClient;
  sessionId: string;
  /** A reading was stored: read the session and its readings again. */
  onRecorded: () => void;
}

export function VitalsForm({ api, sessionId, onRecorded }: VitalsFormProps) {
  const [draft, setDraft] = useState<VitalsDraft>(emptyVitals);
  const form = useChartForm([...VITAL_FIELDS.map((f) => vitalField(f.sign)), vitalField('at')]);
  const set = (field: keyof VitalsDraft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    form.clear(vitalField(field));
  };
  const check = () => {
    const r = readVitals(draft, new Date());
    return 'problem' in r ? r.problem : null;
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(check, async () => {
      const r = readVitals(draft, new Date());
      if ('problem' in r) return '';
      const result = await api.recordVitals(sessionId, [r.value]);
      setDraft(emptyVitals());
      onRecorded();
      const raised = result.alarm_events.map((e) => e.label);
      return raised.length > 0 ? `Reading recorded. Alarm: ${raised.join('; ')}.` : 'Reading recorded.';
    });
  };
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate class="vitals-form" aria-labelledby="vitals-form-heading">
      <h3 id="vitals-form-heading">Record a reading</h3>
      <div class="vitals-fields">
        {VITAL_FIELDS.map(({ sign, label, unit }) => (
          <TextField key={sign} label={`${label} (${unit})`} name={vitalField(sign)} type="number" min="0" step="1" value={draft[sign]} onValue={(v) => set(sign, v)} error={form.errorFor(vitalField(sign))} />
        ))}
      </div>
      <label class="field">
        <span>Time of the reading (empty: now)</span>
        <input type="datetime-local" name={vitalField('at')} value={draft.at} onInput={(e) => set('at', e.currentTarget.value)} aria-invalid={form.errorFor(vitalField('at')) ? 'true' : undefined} />
      </label>
      {form.errorFor(vitalField('at')) && (
        <p class="field-error" role="alert">
          {form.errorFor(vitalField('at'))}
        </p>
      )}
      <FormFooter generalError={form.generalError} pending={form.pending} label="Record reading" pendingLabel="Saving…" status={form.status} />
    </form>
  );
}
