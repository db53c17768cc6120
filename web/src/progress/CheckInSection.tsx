// Follow-up check-ins on the Progress tab: the form (prescribers, nurses and
// therapists) with the daily opioid dose in MME (optional: only when asked),
// memory or attention problems (which need a note) and a note; then the check-ins,
// newest first. After a check-in the tab reads the progress again, since it may
// add a warning.
import { useState } from 'preact/hooks';
import type { ApiClient, FollowUpCheckIn } from '../api';
import { FormFooter } from '../chart/FormFooter';
import { useChartForm } from '../chart/use_chart_form';
import { formatDateTime } from '../ui/format';
import { TextArea } from '../ui/TextArea';
import { TextField } from '../ui/TextField';
import { EMPTY_CHECK_IN, MAX_MME_PER_DAY, readCheckIn, type CheckInDraft } from './follow_up_form';
import { formatNumber } from './progress_rules';

interface CheckInSectionProps {
  api: ApiClient;
  patientId: string;
  checkIns: readonly FollowUpCheckIn[];
  canWrite: boolean;
  onSaved: () => Promise<void>;
}

const FIELDS = ['mme_per_day', 'memory_attention', 'note', 'at'];

export function CheckInSection({ api, patientId, checkIns, canWrite, onSaved }: CheckInSectionProps) {
  return (
    <section class="panel check-ins" aria-labelledby="check-ins-heading">
      <h2 id="check-ins-heading">Check-ins</h2>
      {canWrite && <CheckInForm api={api} patientId={patientId} onSaved={onSaved} />}
      {checkIns.length === 0 ? (
        <p class="muted">No check-ins yet.</p>
      ) : (
        <ul class="check-in-list" aria-label="Check-ins, newest first">
          {checkIns.map((c) => (
            <li key={c.id}>
              <p class="check-in-head">
                <time dateTime={c.at}>{formatDateTime(c.at).slice(0, 16)}</time> · {c.by}
                {c.mme_per_day !== null && ` · ${formatNumber(c.mme_per_day)} MME per day`}
                {c.memory_attention && <span class="badge badge-warn">Memory or attention problems</span>}
              </p>
              {c.note && <p class="preserve-lines">{c.note}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CheckInForm({ api, patientId, onSaved }: Omit<CheckInSectionProps, 'checkIns' | 'canWrite'>) {
  const [draft, setDraft] = useState<CheckInDraft>(EMPTY_CHECK_IN);
  const form = useChartForm(FIELDS);
  const set = (change: Partial<CheckInDraft>, field: string) => {
    setDraft((d) => ({ ...d, ...change }));
    form.clear(field);
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const read = readCheckIn(draft);
    void form.submit(
      () => ('problem' in read ? read.problem : null),
      async () => {
        if ('problem' in read) return '';
        await api.recordCheckIn(patientId, read.checkIn);
        setDraft(EMPTY_CHECK_IN);
        await onSaved();
        return 'Check-in recorded.';
      },
    );
  };
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate class="check-in-form" aria-labelledby="check-in-form-heading">
      <h3 id="check-in-form-heading">Record a check-in</h3>
      <TextField
        label="Daily opioid dose (MME per day)"
        name="mme_per_day"
        type="number"
        min="0"
        max={String(MAX_MME_PER_DAY)}
        step="any"
        hint="Morphine milligram equivalents. Leave empty if not asked."
        value={draft.mme_per_day}
        onValue={(v) => set({ mme_per_day: v }, 'mme_per_day')}
        error={form.errorFor('mme_per_day')}
      />
      <div class="field">
        <label class="checkbox">
          <input type="checkbox" name="memory_attention" checked={draft.memory_attention} onChange={(e) => set({ memory_attention: e.currentTarget.checked }, 'note')} />
          Reports memory or attention problems
        </label>
      </div>
      <TextArea
        label="Note"
        name="note"
        hint={draft.memory_attention ? 'Needed: describe the memory or attention problem.' : 'Optional.'}
        rows={3}
        value={draft.note}
        onValue={(v) => set({ note: v }, 'note')}
        error={form.errorFor('note')}
        required={draft.memory_attention}
      />
      <FormFooter generalError={form.generalError} pending={form.pending} label="Record check-in" pendingLabel="Saving…" status={form.status} />
    </form>
  );
}
