// The measurement settings form: the numbers kept as text while typed, checked
// against the server's limits, and only what changed is sent, so two admins
// changing different settings do not undo each other.
import type { MeasurementSettings, MeasurementSettingsChange } from '../api';
import type { FormProblem } from '../ui/form_problem';

export type NumberSetting = 'link_lifetime_hours' | 'escalation_minutes' | 'phq9_rise_points' | 'cssrs_min_level';

export interface SettingsDraft {
  link_lifetime_hours: string;
  escalation_minutes: string;
  phq9_rise_points: string;
  cssrs_min_level: string;
  crisis_message: string;
}

export const SETTINGS_FIELDS = ['link_lifetime_hours', 'escalation_minutes', 'phq9_rise_points', 'cssrs_min_level', 'crisis_message'] as const;

/** The server's limits (api contract, "Settings"). */
export const SETTING_LIMITS: Record<NumberSetting, { min: number; max: number }> = {
  link_lifetime_hours: { min: 1, max: 720 },
  escalation_minutes: { min: 5, max: 10080 },
  phq9_rise_points: { min: 1, max: 27 },
  cssrs_min_level: { min: 1, max: 3 },
};
export const CRISIS_MESSAGE_MAX_LENGTH = 2000;

/** C-SSRS risk levels a task may start from (the instrument's risk_level item: 1 Low, 2 Moderate, 3 High). */
export const CSSRS_LEVELS = [
  { value: '1', label: 'Low' },
  { value: '2', label: 'Moderate' },
  { value: '3', label: 'High' },
];

export function draftFrom(settings: MeasurementSettings): SettingsDraft {
  return {
    link_lifetime_hours: String(settings.link_lifetime_hours),
    escalation_minutes: String(settings.escalation_minutes),
    phq9_rise_points: String(settings.phq9_rise_points),
    cssrs_min_level: String(settings.cssrs_min_level),
    crisis_message: settings.crisis_message,
  };
}

const NUMBER_MESSAGES: Record<NumberSetting, string> = {
  link_lifetime_hours: 'Enter the link lifetime in hours',
  escalation_minutes: 'Enter the minutes before escalation',
  phq9_rise_points: 'Enter the PHQ-9 rise in points',
  cssrs_min_level: 'Choose the lowest C-SSRS risk level that raises a task',
};

/** What changed from `saved`, or the first problem; an empty change when nothing did. */
export function readSettings(saved: MeasurementSettings, draft: SettingsDraft): { change: MeasurementSettingsChange } | { problem: FormProblem } {
  const change: MeasurementSettingsChange = {};
  for (const field of ['link_lifetime_hours', 'escalation_minutes', 'phq9_rise_points', 'cssrs_min_level'] as const) {
    const { min, max } = SETTING_LIMITS[field];
    const value = Number(draft[field].trim());
    if (draft[field].trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      const message = field === 'cssrs_min_level' ? NUMBER_MESSAGES[field] + '.' : `${NUMBER_MESSAGES[field]}: a whole number from ${min} to ${max}.`;
      return { problem: { field, message } };
    }
    if (value !== saved[field]) change[field] = value;
  }
  const message = draft.crisis_message.trim();
  if (!message) return { problem: { field: 'crisis_message', message: 'Enter the crisis message: patients see it when their answers raise a risk signal.' } };
  if (message.length > CRISIS_MESSAGE_MAX_LENGTH) return { problem: { field: 'crisis_message', message: `Shorten the crisis message to ${CRISIS_MESSAGE_MAX_LENGTH} characters.` } };
  if (message !== saved.crisis_message) change.crisis_message = message;
  return { change };
}
