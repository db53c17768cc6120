// Books the follow-up from the discharge screen: an integration or follow-up
// appointment through the calendar (rooms and staff read when the form opens), linked
// to the session. A double booking shows at the room or staff it names.
import { useEffect, useState } from 'preact/hooks';
import type { BookableStaff, Room } from '../api';
import { FormFooter } from '../chart/FormFooter';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { SelectField } from '../ui/SelectField';
import { problemFrom } from '../ui/form_problem';
import { readFollowUp, type FollowUpDraft } from './session_forms';
import { useSessionForm, type PanelProps } from './use_session_form';

const TYPES = [
  { value: 'integration', label: 'Integration session' },
  { value: 'follow_up', label: 'Follow-up' },
];

export function FollowUpForm({ api, session: s, onSession }: PanelProps) {
  const [draft, setDraft] = useState<FollowUpDraft>({ type: 'integration', start: '', room_id: '', staff_ids: [] });
  const [basics, setBasics] = useState<{ rooms: Room[]; staff: BookableStaff[] } | null>(null);
  const [loadError, setLoadError] = useState('');
  const form = useSessionForm(['type', 'start', 'room_id', 'staff_ids'], onSession);
  useEffect(() => {
    let current = true;
    Promise.all([api.listRooms(), api.listCalendarStaff()]).then(
      ([rooms, staff]) => current && setBasics({ rooms: rooms.items.filter((r) => r.active), staff: staff.items }),
      (e: unknown) => current && setLoadError(problemFrom(e).message),
    );
    return () => {
      current = false;
    };
  }, [api]);
  const set = <K extends keyof FollowUpDraft>(field: K, value: FollowUpDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    form.clear(field);
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.send(() => readFollowUp(draft, new Date()), (v) => api.bookSessionFollowUp(s.id, v), 'Follow-up booked.');
  };
  if (loadError)
    return (
      <p class="form-error" role="alert">
        The rooms and staff could not be loaded: {loadError}
      </p>
    );
  if (!basics) return <p class="muted">Loading the calendar…</p>;
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate class="sub-form" aria-labelledby="follow-up-heading">
      <h3 id="follow-up-heading">Book the follow-up</h3>
      <SelectField label="Appointment" name="type" value={draft.type} onValue={(v) => set('type', v)} choices={TYPES} error={form.errorFor('type')} required />
      <label class="field">
        <span>Date and time</span>
        <input type="datetime-local" name="start" value={draft.start} onInput={(e) => set('start', e.currentTarget.value)} aria-invalid={form.errorFor('start') ? 'true' : undefined} required />
      </label>
      {form.errorFor('start') && (
        <p class="field-error" role="alert">
          {form.errorFor('start')}
        </p>
      )}
      <SelectField label="Room" name="room_id" value={draft.room_id} onValue={(v) => set('room_id', v)} placeholder="No room (by video)" choices={basics.rooms.map((r) => ({ value: r.id, label: r.name }))} error={form.errorFor('room_id')} />
      <ChoiceGroup legend="Staff" name="staff_ids" type="checkbox" choices={basics.staff.map((p) => ({ value: p.id, label: p.display_name }))} selected={draft.staff_ids} onSelected={(v) => set('staff_ids', v)} error={form.errorFor('staff_ids')} />
      <FormFooter generalError={form.generalError} pending={form.pending} label="Book follow-up" pendingLabel="Booking…" status={form.status} />
    </form>
  );
}
