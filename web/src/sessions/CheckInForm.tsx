// The check-in: escort, fasting (esketamine), pregnancy status (where it applies) and
// the pre-session questionnaire (done, or skipped with a reason). "Check in" moves a
// scheduled session on; afterwards the same form updates the facts. Once the session
// is past check-in, the facts are shown as recorded.
import { useState } from 'preact/hooks';
import type { CheckIn, SessionView } from '../api';
import { FormFooter } from '../chart/FormFooter';
import { TextField } from '../ui/TextField';
import { formatDateTime } from '../ui/format';
import { isEsketamine } from './session_rules';
import { useSessionForm, type PanelProps } from './use_session_form';

const FIELDS = ['escort_confirmed', 'fasting_confirmed', 'pregnancy_status_current', 'questionnaire_done', 'questionnaire_skip_reason'];

const draftOf = (s: SessionView): CheckIn => ({
  escort_confirmed: s.check_in.escort_confirmed,
  fasting_confirmed: s.check_in.fasting_confirmed,
  pregnancy_status_current: s.check_in.pregnancy_status_current,
  questionnaire_done: s.check_in.questionnaire_done,
  questionnaire_skip_reason: s.check_in.questionnaire_skip_reason,
});

export function CheckInForm({ api, session: s, onSession, canRun }: PanelProps) {
  const [draft, setDraft] = useState<CheckIn>(() => draftOf(s));
  const form = useSessionForm(FIELDS, onSession);
  const editable = canRun && (s.state === 'scheduled' || s.state === 'checked_in');
  const set = <K extends keyof CheckIn>(field: K, value: CheckIn[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    form.clear(field);
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const body = { ...draft, questionnaire_skip_reason: draft.questionnaire_done ? '' : draft.questionnaire_skip_reason.trim() };
    void form.send(() => ({ value: body }), (b) => api.checkInSession(s.id, b), s.state === 'scheduled' ? 'Checked in.' : 'Check-in updated.');
  };
  const box = (field: 'escort_confirmed' | 'fasting_confirmed' | 'pregnancy_status_current' | 'questionnaire_done', label: string) => (
    <label class="checkbox">
      <input type="checkbox" name={field} checked={draft[field]} disabled={!editable} onChange={(e) => set(field, e.currentTarget.checked)} />
      {label}
    </label>
  );
  return (
    <section class="panel" aria-labelledby="check-in-heading">
      <h2 id="check-in-heading">Check-in</h2>
      {s.check_in.at && (
        <p class="muted">
          Checked in {formatDateTime(s.check_in.at)} by {s.check_in.by}.
        </p>
      )}
      <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="check-in-heading">
        {box('escort_confirmed', 'An adult escort will take the patient home')}
        {isEsketamine(s.route) && box('fasting_confirmed', 'Fasting confirmed: no food for 2 hours, no drink for 30 minutes')}
        {s.check_in.pregnancy_applies && box('pregnancy_status_current', 'Pregnancy status is current')}
        {box('questionnaire_done', 'Pre-session questionnaire done')}
        {!draft.questionnaire_done && (
          <TextField
            label="Reason the questionnaire is skipped"
            name="questionnaire_skip_reason"
            hint="Leave empty if it is still to be done."
            value={draft.questionnaire_skip_reason}
            onValue={(v) => set('questionnaire_skip_reason', v)}
            error={form.errorFor('questionnaire_skip_reason')}
            maxLength={500}
          />
        )}
        {editable && <FormFooter generalError={form.generalError} pending={form.pending} label={s.state === 'scheduled' ? 'Check in' : 'Update check-in'} pendingLabel="Saving…" status={form.status} />}
      </form>
    </section>
  );
}
