// The calendar (/calendar, every staff role): a day view with one column per room or
// chair, and a week view of one room with one column per day. Previous, today and
// next move by a day or a week. Each appointment is a button (patient, type, staff)
// that opens its details; those who book get "Book appointment".
import { useEffect, useState } from 'preact/hooks';
import { onLiveChange } from '../live/live_client';
import type { ApiClient } from '../api';
import type { Appointment, BookableStaff, CalendarSettings, Room } from '../calendar_api_types';
import { SelectField } from '../ui/SelectField';
import { problemFrom } from '../ui/form_problem';
import { patientName } from '../ui/format';
import { AppointmentDialog } from './AppointmentDialog';
import { BookingDialog } from './BookingDialog';
import {
  DAY_END_HOUR,
  DAY_START_HOUR,
  STATUS_LABELS,
  addDays,
  blockPlacement,
  dayLabel,
  isOnDay,
  rangeFor,
  roomColumns,
  startOfDay,
  startOfWeek,
  timeLabel,
} from './calendar_rules';

type View = 'day' | 'week';

interface Basics {
  rooms: Room[];
  staff: BookableStaff[];
  settings: CalendarSettings;
}

export function CalendarPage({ api, canBook, canOpenSession = false }: { api: ApiClient; canBook: boolean; canOpenSession?: boolean }) {
  const [view, setView] = useState<View>('day');
  const [day, setDay] = useState(() => startOfDay(new Date()));
  const [roomId, setRoomId] = useState('');
  const [basics, setBasics] = useState<Basics | null>(null);
  const [items, setItems] = useState<Appointment[] | null>(null);
  const [error, setError] = useState('');
  const [reload, setReload] = useState(0);
  const [booking, setBooking] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([api.listRooms(), api.listCalendarStaff(), api.getCalendarSettings()]).then(
      ([rooms, staff, settings]) => {
        if (!current) return;
        setBasics({ rooms: rooms.items, staff: staff.items, settings });
        setRoomId((id) => id || rooms.items.find((r) => r.active)?.id || '');
      },
      (e: unknown) => current && setError(problemFrom(e).message),
    );
    return () => {
      current = false;
    };
  }, [api]);

  useEffect(() => {
    if (view === 'week' && !roomId) return;
    let current = true;
    const { from, to } = rangeFor(view, day);
    const read = (onError: (e: unknown) => void) =>
      api.listAppointments(from, to, view === 'week' ? roomId : undefined).then((page) => current && setItems(page.items), onError);
    setItems(null);
    void read((e) => current && setError(problemFrom(e).message));
    // Bookings at another desk show at once (the live connection), without clearing
    // what is on screen (an open appointment stays open); a failed refresh waits for
    // the next change or the user's own reload.
    const stop = onLiveChange(['appointment.'], () => void read(() => {}));
    return () => {
      current = false;
      stop();
    };
  }, [api, view, day, roomId, reload]);

  const step = (direction: number) => setDay(addDays(day, direction * (view === 'day' ? 1 : 7)));
  const open = items?.find((a) => a.id === openId);
  const weekStart = startOfWeek(day);
  const title = view === 'day' ? dayLabel(day) : `Week of ${dayLabel(weekStart)}`;

  return (
    <div class="page calendar-page">
      <h1>Calendar</h1>
      <div class="calendar-toolbar" role="toolbar" aria-label="Calendar view">
        <div class="segmented">
          <button type="button" aria-pressed={view === 'day'} onClick={() => setView('day')}>
            Day
          </button>
          <button type="button" aria-pressed={view === 'week'} onClick={() => setView('week')}>
            Week of one room
          </button>
        </div>
        <button type="button" class="secondary" onClick={() => step(-1)}>
          Previous {view}
        </button>
        <button type="button" class="secondary" onClick={() => setDay(startOfDay(new Date()))}>
          Today
        </button>
        <button type="button" class="secondary" onClick={() => step(1)}>
          Next {view}
        </button>
        {canBook && basics && (
          <button type="button" onClick={() => setBooking(true)}>
            Book appointment
          </button>
        )}
      </div>
      {view === 'week' && basics && (
        <SelectField
          label="Room or chair"
          name="week_room"
          value={roomId}
          onValue={setRoomId}
          choices={basics.rooms.map((r) => ({ value: r.id, label: r.kind === 'chair' ? `${r.name} (chair)` : r.name }))}
        />
      )}
      <h2 aria-live="polite">{title}</h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {(!basics || !items) && !error && (
        <p role="status" class="muted">
          Loading the calendar…
        </p>
      )}
      {basics && items && basics.rooms.length === 0 && <p class="muted">No rooms or chairs yet: an administrator adds them under Clinic settings.</p>}
      {basics && items && view === 'day' && (
        <CalendarGrid
          label={`Appointments on ${dayLabel(day)}, by room`}
          columns={roomColumns(basics.rooms, items).map((c) => ({ ...c, day }))}
          onOpen={setOpenId}
        />
      )}
      {basics && items && view === 'week' && (
        <CalendarGrid
          label={`Appointments in ${basics.rooms.find((r) => r.id === roomId)?.name ?? 'the room'}, week of ${dayLabel(weekStart)}`}
          columns={[0, 1, 2, 3, 4, 5, 6].map((i) => {
            const d = addDays(weekStart, i);
            return { key: d.toISOString(), label: dayLabel(d), day: d, appointments: items.filter((a) => isOnDay(a, d)) };
          })}
          onOpen={setOpenId}
        />
      )}
      {booking && basics && (
        <BookingDialog
          api={api}
          settings={basics.settings}
          rooms={basics.rooms}
          staff={basics.staff}
          initialStart={new Date(day.getFullYear(), day.getMonth(), day.getDate(), 9, 0)}
          initialRoomId={view === 'week' ? roomId : undefined}
          onBooked={(start) => {
            setBooking(false);
            setDay(startOfDay(new Date(start)));
            setReload((n) => n + 1);
          }}
          onClose={() => setBooking(false)}
        />
      )}
      {open && (
        <AppointmentDialog
          api={api}
          appointment={open}
          canBook={canBook}
          canOpenSession={canOpenSession}
          onChanged={() => {
            setOpenId(null);
            setReload((n) => n + 1);
          }}
          onClose={() => setOpenId(null)}
        />
      )}
    </div>
  );
}

interface GridColumn {
  key: string;
  label: string;
  day: Date;
  appointments: Appointment[];
}

function CalendarGrid({ label, columns, onOpen }: { label: string; columns: GridColumn[]; onOpen: (id: string) => void }) {
  const hours = Array.from({ length: DAY_END_HOUR - DAY_START_HOUR }, (_, i) => DAY_START_HOUR + i);
  return (
    <div class="calendar-grid" role="group" aria-label={label}>
      <div class="calendar-hours" aria-hidden="true">
        <div class="calendar-column-head" />
        <div class="calendar-body">
          {hours.map((h) => (
            <div key={h} class="calendar-hour">
              {String(h).padStart(2, '0')}:00
            </div>
          ))}
        </div>
      </div>
      {columns.map((c) => (
        <section key={c.key} class="calendar-column" aria-label={c.label}>
          <h3 class="calendar-column-head">{c.label}</h3>
          <ul class="calendar-body">
            {c.appointments.length === 0 && <li class="visually-hidden">No appointments</li>}
            {c.appointments.map((a) => {
              const place = blockPlacement(a.start, a.end, c.day);
              const style = place ? { top: `${place.top}%`, height: `${place.height}%` } : undefined;
              return (
                <li key={a.id} class={`calendar-block status-${a.status}${place ? '' : ' out-of-hours'}`} style={style}>
                  <button type="button" onClick={() => onOpen(a.id)}>
                    <span class="calendar-time">
                      {timeLabel(a.start)}–{timeLabel(a.end)}
                    </span>{' '}
                    <strong>{patientName(a.patient)}</strong>{' '}
                    <span>
                      {a.type_label}
                      {a.route_label ? ` (${a.route_label})` : ''}
                    </span>{' '}
                    <span class="muted">{a.staff.map((s) => s.display_name).join(', ')}</span>
                    {a.status !== 'booked' && <span class="badge"> {STATUS_LABELS[a.status]}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
