// The calendar screen's arithmetic, apart from the components so that it is tested
// on its own: local day and week ranges, where a block sits in a column, the
// default length of a booking, and the datetime-local input's text.
import type { Appointment, AppointmentType, CalendarSettings, DosingRoute, Room } from '../calendar_api_types';

const MINUTE = 60_000;
const two = (n: number) => String(n).padStart(2, '0');

/** The hours a day column shows (local time): 07:00 to 21:00. */
export const DAY_START_HOUR = 7;
export const DAY_END_HOUR = 21;

/** Local midnight of the day of `d`. */
export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, d.getHours(), d.getMinutes());
}

/** Local midnight of the Monday of the week of `d`. */
export function startOfWeek(d: Date): Date {
  const day = startOfDay(d);
  const weekday = (day.getDay() + 6) % 7; // Monday 0
  return addDays(day, -weekday);
}

/** [from, to) of the local day or week that holds `d`, as ISO instants. */
export function rangeFor(view: 'day' | 'week', d: Date): { from: string; to: string } {
  const start = view === 'day' ? startOfDay(d) : startOfWeek(d);
  const end = addDays(start, view === 'day' ? 1 : 7);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** "Mon 23 Nov 2026" (local). */
export function dayLabel(d: Date): string {
  return d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/** "09:00" (local, 24-hour). */
export function timeLabel(iso: string): string {
  const t = new Date(iso);
  return `${two(t.getHours())}:${two(t.getMinutes())}`;
}

/**
 * Where a block sits in a day column that shows DAY_START_HOUR..DAY_END_HOUR of `day`:
 * top and height in percent, clipped to the column. Null when it is not in view.
 */
export function blockPlacement(start: string, end: string, day: Date): { top: number; height: number } | null {
  const from = startOfDay(day).getTime() + DAY_START_HOUR * 60 * MINUTE;
  const to = startOfDay(day).getTime() + DAY_END_HOUR * 60 * MINUTE;
  const s = Math.max(new Date(start).getTime(), from);
  const e = Math.min(new Date(end).getTime(), to);
  if (e <= s) return null;
  const span = to - from;
  return { top: ((s - from) / span) * 100, height: ((e - s) / span) * 100 };
}

/** Whether the appointment is on the local day `day` (any part of it). */
export function isOnDay(a: Pick<Appointment, 'start' | 'end'>, day: Date): boolean {
  const from = startOfDay(day).getTime();
  const to = addDays(startOfDay(day), 1).getTime();
  return new Date(a.start).getTime() < to && new Date(a.end).getTime() > from;
}

export interface DayColumn {
  key: string;
  label: string;
  appointments: Appointment[];
}

/** One column per active room or chair (and any inactive one in use), plus "No room" for telehealth when any. */
export function roomColumns(rooms: readonly Room[], appointments: readonly Appointment[]): DayColumn[] {
  const columns: DayColumn[] = rooms
    .filter((r) => r.active || appointments.some((a) => a.room_id === r.id))
    .map((r) => ({ key: r.id, label: r.kind === 'chair' ? `${r.name} (chair)` : r.name, appointments: [] }));
  const noRoom: DayColumn = { key: '', label: 'No room (telehealth)', appointments: [] };
  for (const a of appointments) {
    const column = a.room_id ? columns.find((c) => c.key === a.room_id) : noRoom;
    column?.appointments.push(a);
  }
  if (noRoom.appointments.length) columns.push(noRoom);
  return columns;
}

/** The length a new booking starts with: the type's default, for a dosing session at least the route's minimum. */
export function defaultMinutes(settings: CalendarSettings, type: AppointmentType, route: DosingRoute | ''): number {
  const base = settings.types.find((t) => t.code === type)?.default_minutes ?? 60;
  if (type !== 'dosing_session' || !route) return base;
  return Math.max(base, settings.minimum_dosing_minutes[route]);
}

/** The value of a datetime-local input for an instant ("2026-11-23T09:00", local). */
export function localInputValue(d: Date): string {
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The instant a datetime-local input's text names, as ISO; undefined when it is not a time. */
export function fromLocalInput(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Upcoming (not ended, soonest first) and past (latest first) appointments. */
export function splitByTime(items: readonly Appointment[], now: Date): { upcoming: Appointment[]; past: Appointment[] } {
  const t = now.getTime();
  const upcoming = items.filter((a) => new Date(a.end).getTime() > t).sort((a, b) => a.start.localeCompare(b.start));
  const past = items.filter((a) => new Date(a.end).getTime() <= t).sort((a, b) => b.start.localeCompare(a.start));
  return { upcoming, past };
}

export const STATUS_LABELS: Record<Appointment['status'], string> = {
  booked: 'Booked',
  cancelled: 'Cancelled',
  completed: 'Completed',
  no_show: 'Did not attend',
};

export const ROUTE_CHOICES: { value: DosingRoute; label: string }[] = [
  { value: 'iv', label: 'IV infusion' },
  { value: 'im', label: 'Intramuscular' },
  { value: 'sc', label: 'Subcutaneous' },
  { value: 'intranasal_esketamine', label: 'Intranasal esketamine' },
  { value: 'sublingual', label: 'Sublingual' },
  { value: 'oral', label: 'Oral' },
];
