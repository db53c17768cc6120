// Rescue medicines given during the session (drug, dose, route, time, reason), and the
// form to record one.
import { useState } from 'preact/hooks';
import { FormFooter } from '../chart/FormFooter';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { emptyRescue, readRescue, type RescueDraft } from './session_forms';
import { clockTime, isFinal } from './session_rules';
import { useSessionForm, type PanelProps } from './use_session_form';

const ROUTES = [
  { value: 'iv', label: 'Intravenous' },
  { value: 'im', label: 'Intramuscular' },
  { value: 'oral', label: 'Oral' },
  { value: 'sublingual', label: 'Sublingual' },
  { value: 'intranasal', label: 'Intranasal' },
  { value: 'sc', label: 'Subcutaneous' },
];

export function RescueMedicines({ api, session: s, onSession, canRun }: PanelProps) {
  const [draft, setDraft] = useState<RescueDraft>(emptyRescue);
  const form = useSessionForm(['drug', 'dose_mg', 'route', 'reason'], onSession);
  const set = (field: keyof RescueDraft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    form.clear(field);
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.send(() => readRescue(draft), (v) => api.giveRescueMedicine(s.id, v), 'Rescue medicine recorded.', () => setDraft(emptyRescue()));
  };
  return (
    <div class="sub-form">
      <h3 id="rescue-heading">Rescue medicines</h3>
      {s.rescue_medicines.length === 0 ? (
        <p class="muted">None given.</p>
      ) : (
        <ul class="event-list">
          {s.rescue_medicines.map((m) => (
            <li key={m.id}>
              <span class="event-text">
                {clockTime(m.at)} <strong>{m.drug} {m.dose_mg} mg</strong> {ROUTES.find((r) => r.value === m.route)?.label.toLowerCase() ?? m.route}: {m.reason}
              </span>
              <span class="event-by">{m.by}</span>
            </li>
          ))}
        </ul>
      )}
      {canRun && !isFinal(s.state) && (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="rescue-heading">
          <TextField label="Medicine" name="drug" value={draft.drug} onValue={(v) => set('drug', v)} error={form.errorFor('drug')} maxLength={100} required />
          <TextField label="Dose (mg)" name="dose_mg" type="number" min="0" step="0.1" value={draft.dose_mg} onValue={(v) => set('dose_mg', v)} error={form.errorFor('dose_mg')} required />
          <SelectField label="Route" name="route" value={draft.route} onValue={(v) => set('route', v)} placeholder="Choose the route" choices={ROUTES} error={form.errorFor('route')} required />
          <TextField label="Reason" name="reason" value={draft.reason} onValue={(v) => set('reason', v)} error={form.errorFor('reason')} maxLength={500} required />
          <FormFooter generalError={form.generalError} pending={form.pending} label="Record rescue medicine" pendingLabel="Saving…" status={form.status} />
        </form>
      )}
    </div>
  );
}
