// "Book appointment": the patient (searched by name), type, route for a dosing
// session, room or chair (none for telehealth), staff, start and length. The length
// starts at the clinic's default for the type and route. A refused booking shows
// the server's message at the field it names (a double booking names room_id,
// staff_ids or patient_id) and moves focus there.
import { useEffect, useId, useState } from 'preact/hooks';
import type { ApiClient, Patient } from '../api';
import type { AppointmentType, BookableStaff, CalendarSettings, DosingRoute, Room } from '../calendar_api_types';
import { ModalDialog } from '../ui/ModalDialog';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { errorFor, formError, problemFrom, type FormProblem } from '../ui/form_problem';
import { patientName } from '../ui/format';
import { useFocusProblem } from '../ui/use_focus_problem';
import { ROUTE_CHOICES, defaultMinutes, fromLocalInput, localInputValue } from './calendar_rules';

const FIELDS = ['patient_id', 'type', 'route', 'room_id', 'staff_ids', 'start', 'duration_minutes'] as const;

interface BookingDialogProps {
  api: ApiClient;
  settings: CalendarSettings;
  rooms: readonly Room[];
  staff: readonly BookableStaff[];
  /** Where the dialog starts: the room and time the user was looking at. */
  initialStart: Date;
  initialRoomId?: string | undefined;
  onBooked: (start: string) => void;
  onClose: () => void;
}

export function BookingDialog({ api, settings, rooms, staff, initialStart, initialRoomId, onBooked, onClose }: BookingDialogProps) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Patient[]>([]);
  const [patientId, setPatientId] = useState('');
  const [type, setType] = useState<AppointmentType>('dosing_session');
  const [route, setRoute] = useState<DosingRoute | ''>('');
  const [roomId, setRoomId] = useState(initialRoomId ?? '');
  const [staffIds, setStaffIds] = useState<string[]>([]);
  const [start, setStart] = useState(localInputValue(initialStart));
  const [minutes, setMinutes] = useState(String(defaultMinutes(settings, 'dosing_session', '')));
  const [minutesTouched, setMinutesTouched] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const focus = useFocusProblem(() => (problem?.field && FIELDS.includes(problem.field as (typeof FIELDS)[number]) ? problem.field : undefined));
  const startId = useId();
  const staffErrorId = useId();
  const needsRoom = type !== 'telehealth_check_in';

  useEffect(() => {
    if (!minutesTouched) setMinutes(String(defaultMinutes(settings, type, route)));
  }, [settings, type, route, minutesTouched]);

  useEffect(() => {
    let current = true;
    const q = query.trim();
    if (q.length < 1) {
      setFound([]);
      return;
    }
    const timer = setTimeout(() => {
      api.listPatients(q).then(
        (page) => current && setFound(page.items.slice(0, 20)),
        () => current && setFound([]),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const startIso = fromLocalInput(start);
    const length = Number(minutes);
    let local: FormProblem | null = null;
    if (!patientId) local = { field: 'patient_id', message: 'Choose the patient (search by name).' };
    else if (type === 'dosing_session' && !route) local = { field: 'route', message: 'Choose the route of the dosing session.' };
    else if (needsRoom && !roomId) local = { field: 'room_id', message: 'Choose a room or chair.' };
    else if (staffIds.length === 0) local = { field: 'staff_ids', message: 'Choose at least one member of staff.' };
    else if (!startIso) local = { field: 'start', message: 'Give the date and time of the start.' };
    else if (!Number.isInteger(length) || length < 5) local = { field: 'duration_minutes', message: 'Give the length in whole minutes (at least 5).' };
    if (local || !startIso) {
      setProblem(local);
      focus.show();
      return;
    }
    setPending(true);
    setProblem(null);
    try {
      await api.bookAppointment({
        type,
        route: type === 'dosing_session' ? (route as DosingRoute) : null,
        patient_id: patientId,
        room_id: needsRoom ? roomId : null,
        staff_ids: staffIds,
        start: startIso,
        duration_minutes: length,
      });
      onBooked(startIso);
    } catch (e) {
      setProblem(problemFrom(e));
      setPending(false);
      focus.show();
    }
  };

  const general = formError(problem, FIELDS);
  const chosen = found.find((p) => p.id === patientId);
  return (
    <ModalDialog titleId="booking-title" onEscape={onClose}>
      <form ref={focus.formRef} onSubmit={(e) => void submit(e)} noValidate class="booking-form">
        <h2 id="booking-title">Book appointment</h2>
        {general && (
          <p class="form-error" role="alert" tabIndex={-1}>
            {general}
          </p>
        )}
        <TextField label="Find the patient" name="patient_search" type="search" value={query} onValue={setQuery} hint="Type the start of the family or given name." />
        <SelectField
          label="Patient"
          name="patient_id"
          value={patientId}
          onValue={setPatientId}
          placeholder={found.length ? 'Choose the patient' : 'Search above first'}
          choices={(chosen && !found.includes(chosen) ? [chosen, ...found] : found).map((p) => ({ value: p.id, label: `${patientName(p)} (born ${p.date_of_birth})` }))}
          error={errorFor(problem, 'patient_id')}
          required
        />
        <SelectField
          label="Type"
          name="type"
          value={type}
          onValue={(v) => setType(v as AppointmentType)}
          choices={settings.types.map((t) => ({ value: t.code, label: t.label }))}
          error={errorFor(problem, 'type')}
          required
        />
        {type === 'dosing_session' && (
          <SelectField
            label="Route"
            name="route"
            value={route}
            onValue={(v) => setRoute(v as DosingRoute | '')}
            placeholder="Choose the route"
            choices={ROUTE_CHOICES.map((r) => ({ value: r.value, label: `${r.label} (at least ${settings.minimum_dosing_minutes[r.value]} min)` }))}
            error={errorFor(problem, 'route')}
            hint="The session must cover the dosing and the observation after it."
            required
          />
        )}
        {needsRoom && (
          <SelectField
            label="Room or chair"
            name="room_id"
            value={roomId}
            onValue={setRoomId}
            placeholder="Choose a room or chair"
            choices={rooms.filter((r) => r.active).map((r) => ({ value: r.id, label: r.kind === 'chair' ? `${r.name} (chair)` : r.name }))}
            error={errorFor(problem, 'room_id')}
            required
          />
        )}
        <fieldset class="field staff-choices" aria-describedby={errorFor(problem, 'staff_ids') ? staffErrorId : undefined}>
          <legend>Staff</legend>
          {staff.map((s, i) => (
            <label key={s.id} class="checkbox">
              <input
                type="checkbox"
                name={i === 0 ? 'staff_ids' : `staff_ids_${i}`}
                checked={staffIds.includes(s.id)}
                onChange={(e) => setStaffIds(e.currentTarget.checked ? [...staffIds, s.id] : staffIds.filter((x) => x !== s.id))}
              />{' '}
              {s.display_name} <span class="muted">({s.roles.join(', ').replace('_', ' ')})</span>
            </label>
          ))}
          {errorFor(problem, 'staff_ids') && (
            <p id={staffErrorId} class="field-error" role="alert">
              {errorFor(problem, 'staff_ids')}
            </p>
          )}
        </fieldset>
        <div class="field">
          <label for={startId}>Start</label>
          <input
            id={startId}
            name="start"
            type="datetime-local"
            value={start}
            step={300}
            onInput={(e) => setStart(e.currentTarget.value)}
            aria-invalid={errorFor(problem, 'start') ? 'true' : undefined}
          />
          {errorFor(problem, 'start') && (
            <p class="field-error" role="alert">
              {errorFor(problem, 'start')}
            </p>
          )}
        </div>
        <TextField
          label="Length (minutes)"
          name="duration_minutes"
          type="number"
          min="5"
          max="720"
          step="5"
          value={minutes}
          onValue={(v) => {
            setMinutesTouched(true);
            setMinutes(v);
          }}
          error={errorFor(problem, 'duration_minutes') ?? errorFor(problem, 'end')}
          hint="Starts at the clinic's default for the type and route."
        />
        <div class="actions">
          <button type="button" class="secondary" onClick={onClose}>
            Close
          </button>
          <button type="submit" disabled={pending}>
            {pending ? 'Booking…' : 'Book'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
