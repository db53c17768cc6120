// The calendar's part of /settings (admin): rooms and recliner chairs (add, take out
// of use, bring back), and the calendar settings: default lengths per type, the IV
// infusion and observation minutes, the esketamine session (never under the label's
// 2 hours) and how early reminders are due. Only changed values are sent; the
// server's 400 names the field, and the message shows (and focus lands) there.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import type { CalendarSettings, CalendarSettingsChange, CalendarSettingsValues, Room } from '../calendar_api_types';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { errorFor, formError, problemFrom, type FormProblem } from '../ui/form_problem';
import { formatDateTime } from '../ui/format';
import { useFocusProblem } from '../ui/use_focus_problem';

export const SETTING_FIELDS: { field: keyof CalendarSettingsValues; label: string; hint?: string }[] = [
  { field: 'consultation_minutes', label: 'Consultation (minutes)' },
  { field: 'screening_minutes', label: 'Screening (minutes)' },
  { field: 'dosing_session_minutes', label: 'Dosing session (minutes)', hint: 'Raised to the route’s minimum when shorter.' },
  { field: 'integration_minutes', label: 'Integration session (minutes)' },
  { field: 'follow_up_minutes', label: 'Follow-up (minutes)' },
  { field: 'telehealth_check_in_minutes', label: 'Telehealth check-in (minutes)' },
  { field: 'iv_infusion_minutes', label: 'IV infusion (minutes)', hint: '0.5 mg/kg over 40 minutes in the trials (Murrough 2013).' },
  {
    field: 'racemic_observation_minutes',
    label: 'Observation after IV, IM, SC, sublingual or oral dosing (minutes)',
    hint: 'Clinic-practice setting: no published number. An IV session is infusion plus this.',
  },
  { field: 'esketamine_session_minutes', label: 'Esketamine session (minutes)', hint: 'At least 120: the Spravato label requires 2 hours of observation.' },
  { field: 'reminder_lead_hours', label: 'Reminder due before the start (hours)' },
];

/** The change from `settings` to the draft, or the first field that is not a whole number. */
export function readCalendarSettings(settings: CalendarSettingsValues, draft: Record<string, string>): { change: CalendarSettingsChange } | { problem: FormProblem } {
  const change: CalendarSettingsChange = {};
  for (const { field, label } of SETTING_FIELDS) {
    const text = (draft[field] ?? '').trim();
    if (!/^\d+$/.test(text)) return { problem: { field, message: `${label}: give a whole number.` } };
    const value = Number(text);
    if (value !== settings[field]) change[field] = value;
  }
  return { change };
}

export function CalendarSettingsSection({ api }: { api: ApiClient }) {
  const [settings, setSettings] = useState<CalendarSettings | null>(null);
  const [rooms, setRooms] = useState<Room[]>([]);
  const [loadError, setLoadError] = useState('');
  useEffect(() => {
    let current = true;
    Promise.all([api.getCalendarSettings(), api.listRooms()]).then(
      ([s, r]) => {
        if (!current) return;
        setSettings(s);
        setRooms(r.items);
      },
      (e: unknown) => current && setLoadError(problemFrom(e).message),
    );
    return () => {
      current = false;
    };
  }, [api]);
  if (loadError)
    return (
      <p class="form-error" role="alert">
        The calendar settings could not be loaded: {loadError}
      </p>
    );
  if (!settings) return null;
  return (
    <>
      <RoomsPanel api={api} rooms={rooms} onRooms={setRooms} />
      <CalendarSettingsForm api={api} settings={settings} onSaved={setSettings} />
    </>
  );
}

function RoomsPanel({ api, rooms, onRooms }: { api: ApiClient; rooms: Room[]; onRooms: (rooms: Room[]) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'room' | 'chair'>('room');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const focus = useFocusProblem(() => problem?.field);
  const add = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    if (!name.trim()) {
      setProblem({ field: 'name', message: 'Give the room or chair a name.' });
      focus.show();
      return;
    }
    try {
      const room = await api.createRoom({ name: name.trim(), kind });
      onRooms([...rooms, room].sort((a, b) => a.name.localeCompare(b.name)));
      setName('');
    } catch (e) {
      setProblem(problemFrom(e));
      focus.show();
    }
  };
  const toggle = async (room: Room) => {
    try {
      const saved = await api.updateRoom(room.id, { active: !room.active });
      onRooms(rooms.map((r) => (r.id === saved.id ? saved : r)));
    } catch (e) {
      setProblem(problemFrom(e));
    }
  };
  return (
    <section class="panel settings-panel" aria-labelledby="rooms-heading">
      <h2 id="rooms-heading">Rooms and chairs</h2>
      {rooms.length === 0 ? (
        <p class="muted">No rooms or chairs yet.</p>
      ) : (
        <ul class="rooms-list">
          {rooms.map((r) => (
            <li key={r.id}>
              {r.name} <span class="muted">({r.kind}{r.active ? '' : ', not in use'})</span>{' '}
              <button type="button" class="link-button" onClick={() => void toggle(r)}>
                {r.active ? `Take ${r.name} out of use` : `Bring ${r.name} back into use`}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form ref={focus.formRef} onSubmit={(e) => void add(e)} noValidate>
        {formError(problem, ['name', 'kind']) && (
          <p class="form-error" role="alert" tabIndex={-1}>
            {formError(problem, ['name', 'kind'])}
          </p>
        )}
        <TextField label="Name" name="name" value={name} onValue={setName} maxLength={80} error={errorFor(problem, 'name')} />
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          onValue={(v) => setKind(v as 'room' | 'chair')}
          choices={[
            { value: 'room', label: 'Room' },
            { value: 'chair', label: 'Recliner chair' },
          ]}
          error={errorFor(problem, 'kind')}
        />
        <div class="actions">
          <button type="submit">Add room or chair</button>
        </div>
      </form>
    </section>
  );
}

function CalendarSettingsForm({ api, settings, onSaved }: { api: ApiClient; settings: CalendarSettings; onSaved: (s: CalendarSettings) => void }) {
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(SETTING_FIELDS.map(({ field }) => [field, String(settings[field])])));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [status, setStatus] = useState('');
  const focus = useFocusProblem(() => problem?.field);
  const fields = SETTING_FIELDS.map((f) => f.field);
  const save = async (event: Event) => {
    event.preventDefault();
    setStatus('');
    const read = readCalendarSettings(settings, draft);
    if ('problem' in read) {
      setProblem(read.problem);
      focus.show();
      return;
    }
    if (Object.keys(read.change).length === 0) {
      setStatus('Nothing changed.');
      return;
    }
    try {
      onSaved(await api.updateCalendarSettings(read.change));
      setProblem(null);
      setStatus('Calendar settings saved.');
    } catch (e) {
      setProblem(problemFrom(e));
      focus.show();
    }
  };
  return (
    <section class="panel settings-panel" aria-labelledby="calendar-settings-heading">
      <h2 id="calendar-settings-heading">Calendar</h2>
      <p class="muted">
        {settings.updated_at ? `Last changed ${formatDateTime(settings.updated_at)}${settings.updated_by ? ` by ${settings.updated_by}` : ''}.` : 'Clinic defaults, never changed.'}
      </p>
      <form ref={focus.formRef} onSubmit={(e) => void save(e)} noValidate aria-labelledby="calendar-settings-heading">
        {formError(problem, fields) && (
          <p class="form-error" role="alert" tabIndex={-1}>
            {formError(problem, fields)}
          </p>
        )}
        {SETTING_FIELDS.map(({ field, label, hint }) => (
          <TextField
            key={field}
            label={label}
            name={field}
            type="number"
            min="0"
            value={draft[field] ?? ''}
            onValue={(v) => setDraft((d) => ({ ...d, [field]: v }))}
            error={errorFor(problem, field)}
            {...(hint ? { hint } : {})}
          />
        ))}
        <div class="actions">
          <button type="submit">Save calendar settings</button>
        </div>
        {status && (
          <p role="status" class="muted">
            {status}
          </p>
        )}
      </form>
    </section>
  );
}
