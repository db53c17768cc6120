// The calendar's API types (docs/api.md, Calendar): rooms and chairs, the calendar
// settings, appointments, and what booking and cancelling return.

export type AppointmentType =
  | 'consultation'
  | 'screening'
  | 'dosing_session'
  | 'integration'
  | 'follow_up'
  | 'telehealth_check_in';

export type AppointmentStatus = 'booked' | 'cancelled' | 'completed' | 'no_show';

export type DosingRoute = 'iv' | 'im' | 'sc' | 'intranasal_esketamine' | 'sublingual' | 'oral';

export interface Room {
  id: string;
  name: string;
  kind: 'room' | 'chair';
  active: boolean;
  created_at: string;
}

export interface RoomChange {
  name?: string;
  kind?: 'room' | 'chair';
  active?: boolean;
}

export interface BookableStaff {
  id: string;
  display_name: string;
  email: string;
  roles: string[];
}

export interface CalendarSettingsValues {
  consultation_minutes: number;
  screening_minutes: number;
  dosing_session_minutes: number;
  integration_minutes: number;
  follow_up_minutes: number;
  telehealth_check_in_minutes: number;
  iv_infusion_minutes: number;
  racemic_observation_minutes: number;
  esketamine_session_minutes: number;
  reminder_lead_hours: number;
}

export interface CalendarSettings extends CalendarSettingsValues {
  types: { code: AppointmentType; label: string; default_minutes: number; needs_room: boolean }[];
  /** The shortest dosing session by route, in minutes. */
  minimum_dosing_minutes: Record<DosingRoute, number>;
  updated_at: string | null;
  updated_by: string | null;
}

export type CalendarSettingsChange = Partial<CalendarSettingsValues>;

export interface Appointment {
  id: string;
  patient_id: string;
  patient: { id: string; given_name: string; family_name: string; date_of_birth: string };
  type: AppointmentType;
  type_label: string;
  route: DosingRoute | null;
  route_label: string | null;
  room_id: string | null;
  room: Room | null;
  staff_ids: string[];
  staff: { id: string; display_name: string; email: string }[];
  start: string;
  end: string;
  duration_minutes: number;
  status: AppointmentStatus;
  cancel_reason: string | null;
  cancelled_at: string | null;
  program_id: string | null;
  plan_id: string | null;
  session_number: number | null;
  reminder_due_at: string | null;
  /** When the calendar settings the booking was checked with were last changed; null: the defaults. */
  settings_version: string | null;
  /** The preparation instructions the patient's reminder carries. */
  preparation: string[];
  created_at: string;
}

export interface NewAppointment {
  type: AppointmentType;
  route?: DosingRoute | null;
  patient_id: string;
  room_id?: string | null;
  staff_ids: string[];
  start: string;
  end?: string;
  duration_minutes?: number;
  program_id?: string;
  plan_id?: string;
  session_number?: number;
}

export interface OutboxMessage {
  id: string;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  created_at: string;
}

export interface BookedAppointment {
  appointment: Appointment;
  reminder: OutboxMessage;
}

export interface CancelledAppointment {
  appointment: Appointment;
  notice: OutboxMessage;
  offered_entry_id: string | null;
}

export type GateState = 'passed' | 'failed' | 'at_check_in';

/** One gate before dosing: settled before the day (passed or failed) or at check-in. */
export interface SessionGate {
  gate: 'eligibility' | 'consent' | 'dose_order' | 'weight' | 'escort' | 'fasting' | 'pregnancy' | 'questionnaire' | 'vital_signs';
  state: GateState;
  /** Why it failed, e.g. consent_not_countersigned; null unless failed. */
  code: string | null;
  message: string;
}

/** GET /appointments/{id}/readiness */
export interface SessionReadiness {
  appointment_id: string;
  patient_id: string;
  route: string;
  start: string;
  /** No gate failed; the check-in gates are still to come. */
  ready: boolean;
  gates: SessionGate[];
  consent_id: string | null;
  dose_order_id: string | null;
}
