// Books a plan's proposed sessions in the calendar in one go (POST
// /appointments/batch: all or nothing): each on its proposed day at one time of day,
// in one room or chair, with one clinician; the length is the clinic's default for a
// dosing session of the plan's route. A clash books nothing and names the session.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import type { BookableStaff, NewAppointment, Room } from '../calendar_api_types';
import type { PlanProposal } from '../plans_api_types';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { problemFrom } from '../ui/form_problem';

interface Props {
  api: ApiClient;
  patientId: string;
  proposal: PlanProposal;
  onBooked: (count: number) => void;
}

/** The batch for `proposal`: local `time` on each proposed date, as UTC instants. */
export function proposalBookings(proposal: PlanProposal, patientId: string, roomId: string, staffId: string, time: string): NewAppointment[] {
  return proposal.sessions.map((s) => ({
    type: 'dosing_session',
    route: proposal.route,
    patient_id: patientId,
    room_id: roomId,
    staff_ids: [staffId],
    start: new Date(`${s.date}T${time}`).toISOString(),
    plan_id: proposal.plan_id,
    session_number: s.number,
  }));
}

/** "items[2].room_id" → the proposal's session number 3 and the field. */
export function clashedSession(field: string | undefined): { index: number; field: string } | null {
  const m = field ? /^items\[(\d+)\]\.(.+)$/.exec(field) : null;
  return m ? { index: Number(m[1]), field: m[2] ?? '' } : null;
}

export function BookProposalForm({ api, patientId, proposal, onBooked }: Props) {
  const [rooms, setRooms] = useState<Room[]>([]);
  const [staff, setStaff] = useState<BookableStaff[]>([]);
  const [roomId, setRoomId] = useState('');
  const [staffId, setStaffId] = useState('');
  const [time, setTime] = useState('09:00');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    let live = true;
    Promise.all([api.listRooms(), api.listCalendarStaff()]).then(
      ([r, s]) => {
        if (!live) return;
        setRooms(r.items.filter((room) => room.active));
        setStaff(s.items);
      },
      (e: unknown) => live && setError(problemFrom(e)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const book = async (event: Event) => {
    event.preventDefault();
    if (!roomId) return setError({ field: 'room_id', message: 'Choose the room or chair.' });
    if (!staffId) return setError({ field: 'staff_ids', message: 'Choose the clinician.' });
    if (!/^\d\d:\d\d$/.test(time)) return setError({ field: 'start', message: 'Give the time of day, e.g. 09:00.' });
    setPending(true);
    setError(null);
    try {
      const booked = await api.bookAppointments(proposalBookings(proposal, patientId, roomId, staffId, time));
      onBooked(booked.items.length);
    } catch (e) {
      const problem = problemFrom(e);
      const clash = clashedSession(problem.field);
      const session = clash ? proposal.sessions[clash.index] : undefined;
      setError({
        ...(clash ? { field: clash.field } : {}),
        message: session ? `Session ${session.number} on ${session.date}: ${problem.message} Nothing was booked.` : problem.message,
      });
    } finally {
      setPending(false);
    }
  };
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  return (
    <form class="book-proposal" onSubmit={book} noValidate aria-labelledby="book-proposal-heading">
      <h4 id="book-proposal-heading">Book these sessions</h4>
      <div class="plan-row">
        <SelectField label="Room or chair" name="room_id" value={roomId} onValue={setRoomId} placeholder="Choose" choices={rooms.map((r) => ({ value: r.id, label: r.name }))} error={fieldError('room_id')} required />
        <SelectField label="Clinician" name="staff_ids" value={staffId} onValue={setStaffId} placeholder="Choose" choices={staff.map((s) => ({ value: s.id, label: s.display_name }))} error={fieldError('staff_ids')} required />
        <TextField label="Time of day" name="start" type="text" hint="24-hour clock, e.g. 09:00" value={time} onValue={setTime} error={fieldError('start')} required />
      </div>
      {error && (
        <p role="alert" class="form-error">
          {error.message}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? 'Booking…' : `Book ${proposal.sessions.length} sessions`}
      </button>
    </form>
  );
}
