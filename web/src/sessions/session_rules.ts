// What the session console and the station say, computed from the server's SessionView:
// words for states, transitions and gates, the timers, vital signs in a line, and the
// order open alarms are shown in. Pure: `now` comes in as an argument.
import type { AlarmPriority, DoseRoute, SessionAlarm, SessionState, SessionTimers, SessionTransition, StationTile, VitalsReading } from '../api';
import { ROUTE_CHOICES } from '../dose/dose_form';

export const STATE_LABELS: Record<SessionState, string> = {
  scheduled: 'Scheduled',
  checked_in: 'Checked in',
  ready_to_dose: 'Ready to dose',
  dosing: 'Dosing',
  paused: 'Dosing paused',
  observing: 'Observing',
  ready_for_discharge: 'Ready for discharge',
  discharged: 'Discharged',
  aborted: 'Ended early',
};

export const TRANSITION_LABELS: Record<SessionTransition, string> = {
  mark_ready: 'Mark ready to dose',
  start_dosing: 'Start dosing',
  pause: 'Pause dosing',
  resume: 'Resume dosing',
  stop_dosing: 'Stop dosing',
  ready_for_discharge: 'Ready for discharge',
  discharge: 'Discharge',
  abort: 'End session early',
};

/** The transitions whose request needs a reason (the server's `reason` gate). */
export const needsReason = (t: SessionTransition) => t === 'pause' || t === 'abort';

// The gate names of src/domain/session_readiness.h; an unknown one reads as its name.
const GATE_LABELS: Record<string, string> = {
  eligibility: 'Eligibility decision',
  consent: 'Consent for this route',
  dose_order: 'Dose order, double-checked',
  weight: 'Recent weight',
  escort: 'Escort home',
  fasting: 'Fasting',
  pregnancy: 'Pregnancy status',
  questionnaire: 'Pre-session questionnaire',
  vital_signs: 'Pre-dose vital signs',
  bp_decision: 'Pre-dose blood pressure decision',
  drug_lot: 'Drug lot and expiry',
  observation_time: 'Minimum observation time',
  discharge_score: 'Discharge score (modified Aldrete)',
  escort_present: 'Escort present',
  instructions_given: 'Discharge instructions given',
  reason: 'Reason',
};

export function gateLabel(gate: string): string {
  const known = GATE_LABELS[gate];
  if (known) return known;
  const words = gate.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function routeLabel(route: DoseRoute): string {
  return ROUTE_CHOICES.find((c) => c.value === route)?.label ?? route;
}

export const isEsketamine = (route: DoseRoute) => route === 'intranasal_esketamine';
export const isIv = (route: DoseRoute) => route === 'iv';
export const isFinal = (state: SessionState) => state === 'discharged' || state === 'aborted';

const two = (n: number) => String(n).padStart(2, '0');

/** "42 min", "1 h 05 min"; a negative span reads as 0 min. */
export function durationText(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${two(minutes % 60)} min`;
}

/** "09:42", local time of day. */
export function clockTime(iso: string): string {
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : `${two(t.getHours())}:${two(t.getMinutes())}`;
}

const since = (iso: string, now: Date) => now.getTime() - new Date(iso).getTime();

export type TimerTone = 'plain' | 'done' | 'warn' | 'alert';

export interface TimerLine {
  key: string;
  label: string;
  value: string;
  tone: TimerTone;
}

/** The header's timers, in the order a nurse reads them. */
export function timerLines(t: SessionTimers, now: Date): TimerLine[] {
  const elapsed = (key: string, label: string, at: string | null, none: string): TimerLine => ({
    key,
    label,
    value: at ? `${durationText(since(at, now))} (${clockTime(at)})` : none,
    tone: 'plain',
  });
  return [
    elapsed('checked_in', 'Since check-in', t.checked_in_at, 'Not checked in'),
    elapsed('dose_started', 'Since dose start', t.dose_started_at, 'Not started'),
    elapsed('dose_ended', 'Since dose end', t.dose_ended_at, 'Not ended'),
    observationLine(t, now),
    bpDueLine(t, now),
  ];
}

function observationLine(t: SessionTimers, now: Date): TimerLine {
  const base = { key: 'observation', label: 'Observation remaining' };
  if (!t.observation_until) return { ...base, value: `${t.minimum_observation_minutes} min from the end of the dose`, tone: 'plain' };
  const left = new Date(t.observation_until).getTime() - now.getTime();
  if (left <= 0) return { ...base, value: `Minimum ${t.minimum_observation_minutes} min done`, tone: 'done' };
  return { ...base, value: `${durationText(left + 59_999)} (until ${clockTime(t.observation_until)})`, tone: 'plain' };
}

function bpDueLine(t: SessionTimers, now: Date): TimerLine {
  const base = { key: 'bp_due', label: 'Blood pressure next due' };
  if (!t.bp_next_due) return { ...base, value: 'No reading due', tone: 'plain' };
  const left = new Date(t.bp_next_due).getTime() - now.getTime();
  if (t.bp_overdue || left <= 0) return { ...base, value: `Overdue by ${durationText(-left)} (due ${clockTime(t.bp_next_due)})`, tone: 'alert' };
  return { ...base, value: `In ${durationText(left + 59_999)} (${clockTime(t.bp_next_due)})`, tone: left <= 2 * 60_000 ? 'warn' : 'plain' };
}

const PRIORITY_RANK: Record<AlarmPriority, number> = { high: 0, medium: 1, low: 2 };

export const PRIORITY_LABELS: Record<AlarmPriority, string> = { high: 'High priority', medium: 'Medium priority', low: 'Low priority' };

/**
 * The alarms not yet cleared, as the banner lists them: highest priority first; within
 * a priority, unacknowledged before acknowledged, escalated first, then the one waiting
 * longest.
 */
export function openAlarms(alarms: readonly SessionAlarm[]): SessionAlarm[] {
  return alarms
    .filter((a) => a.state !== 'cleared')
    .sort(
      (a, b) =>
        PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
        Number(a.state === 'acknowledged') - Number(b.state === 'acknowledged') ||
        Number(b.escalated) - Number(a.escalated) ||
        a.raised_at.localeCompare(b.raised_at),
    );
}

/** The alarm the station's Acknowledge acts on: the first unacknowledged one in banner order. */
export function alarmToAcknowledge(alarms: readonly SessionAlarm[]): SessionAlarm | undefined {
  return openAlarms(alarms).find((a) => a.state === 'raised');
}

export function alarmStatusText(a: SessionAlarm): string {
  const parts = [a.state === 'acknowledged' ? `Acknowledged${a.acknowledged_by ? ` by ${a.acknowledged_by}` : ''}` : 'Not acknowledged'];
  if (a.escalated) parts.push('escalated');
  parts.push(a.condition_active ? 'still out of range' : 'back in range');
  return parts.join(', ');
}

export type AlarmTone = 'high' | 'medium' | 'low' | 'acknowledged' | 'none';

/** A tile's alarm state in words (never colour alone) and the tone that colours it. */
export function tileAlarm(alarm: StationTile['alarm']): { tone: AlarmTone; text: string } {
  if (alarm.open === 0) return { tone: 'none', text: 'No open alarms' };
  const open = `${alarm.open} open alarm${alarm.open === 1 ? '' : 's'}`;
  if (alarm.unacknowledged === 0) return { tone: 'acknowledged', text: `${open}, all acknowledged` };
  const priority = alarm.highest_priority ? ` (${PRIORITY_LABELS[alarm.highest_priority].toLowerCase()})` : '';
  return { tone: alarm.highest_priority ?? 'medium', text: `${open}, ${alarm.unacknowledged} not acknowledged${priority}` };
}

/** "BP 128/82 mmHg · HR 76 /min · SpO2 98 % · RR 14 /min", the measured values only. */
export function vitalsLine(r: VitalsReading | null): string {
  if (!r) return 'No readings yet';
  const parts: string[] = [];
  if (r.systolic_mmhg !== null || r.diastolic_mmhg !== null) parts.push(`BP ${r.systolic_mmhg ?? '?'}/${r.diastolic_mmhg ?? '?'} mmHg`);
  if (r.heart_rate_bpm !== null) parts.push(`HR ${r.heart_rate_bpm} /min`);
  if (r.spo2_pct !== null) parts.push(`SpO2 ${r.spo2_pct} %`);
  if (r.respiratory_rate_per_min !== null) parts.push(`RR ${r.respiratory_rate_per_min} /min`);
  return parts.join(' · ') || 'No values';
}

/** The station's elapsed time: since the dose started, else since check-in, else the booked start. */
export function tileElapsed(tile: StationTile, now: Date): string {
  if (tile.dose_started_at) return `${durationText(since(tile.dose_started_at, now))} since dose start`;
  if (tile.checked_in_at) return `${durationText(since(tile.checked_in_at, now))} since check-in`;
  return `Booked for ${clockTime(tile.appointment_start)}`;
}

/** Esketamine devices are at least 5 minutes apart (Spravato label). */
export const DEVICE_GAP_MS = 5 * 60_000;

/** "4:05" (minutes and seconds), for the short waits between devices. */
export function minutesSeconds(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${two(s % 60)}`;
}

/** Time since the previous device, and how long until the next may be given (0: now). */
export function deviceTiming(devices: readonly { at: string }[], now: Date): { sincePrevious: string | null; waitMs: number } {
  const last = devices.at(-1);
  if (!last) return { sincePrevious: null, waitMs: 0 };
  const elapsed = Math.max(0, since(last.at, now));
  return { sincePrevious: minutesSeconds(elapsed), waitMs: Math.max(0, DEVICE_GAP_MS - elapsed) };
}
