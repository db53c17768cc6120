// How times and names read on screen. Times show in the browser's local time zone,
// 24-hour, year first, so they sort and compare at a glance.
import type { Patient } from '../api';

const two = (n: number) => String(n).padStart(2, '0');

/** "2026-03-01 14:05:09" in local time from an ISO 8601 instant. */
export function formatDateTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const date = `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())}`;
  return `${date} ${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}`;
}

/** Family name first, as clinical lists sort: "Doe, Jane". */
export function patientName(patient: Pick<Patient, 'given_name' | 'family_name'>): string {
  return `${patient.family_name}, ${patient.given_name}`;
}

/** Today's local date as YYYY-MM-DD (the max for a date of birth). */
export function todayLocal(now = new Date()): string {
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** "2026-03-01", the local date of an ISO 8601 instant. */
export function formatDate(iso: string): string {
  return formatDateTime(iso).split(' ')[0] ?? iso;
}
