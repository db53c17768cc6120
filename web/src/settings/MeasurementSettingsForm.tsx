// The measurement-based care settings form. Only the fields that changed are sent;
// the server's 400 names a field, and the problem shows (and focus lands) there.
import { useState } from 'preact/hooks';
import type { MeasurementSettings, MeasurementSettingsChange } from '../api';
import { FormFooter } from '../chart/FormFooter';
import { useChartForm } from '../chart/use_chart_form';
import { formatDateTime } from '../ui/format';
import { SelectField } from '../ui/SelectField';
import { TextArea } from '../ui/TextArea';
import { TextField } from '../ui/TextField';
import { CRISIS_MESSAGE_MAX_LENGTH, CSSRS_LEVELS, draftFrom, readSettings, SETTING_LIMITS, SETTINGS_FIELDS, type NumberSetting, type SettingsDraft } from './settings_form';

interface MeasurementSettingsFormProps {
  settings: MeasurementSettings;
  /** Saves the change; throws ApiError (400 naming the field, 403). */
  onSave: (change: MeasurementSettingsChange) => Promise<void>;
}

const NUMBER_FIELDS: { field: Exclude<NumberSetting, 'cssrs_min_level'>; label: string; hint: string }[] = [
  { field: 'link_lifetime_hours', label: 'Questionnaire link lifetime (hours)', hint: 'How long a link sent to a patient stays usable.' },
  { field: 'escalation_minutes', label: 'Escalation after (minutes)', hint: 'An unacknowledged risk task goes to the medical director after this long.' },
  { field: 'phq9_rise_points', label: 'PHQ-9 rise that raises a task (points)', hint: 'A rise of at least this much from the previous PHQ-9 total raises a task.' },
];

export function MeasurementSettingsForm({ settings, onSave }: MeasurementSettingsFormProps) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(settings));
  const form = useChartForm(SETTINGS_FIELDS);
  const set = (field: keyof SettingsDraft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    form.clear(field);
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => {
        const read = readSettings(settings, draft);
        return 'problem' in read ? read.problem : null;
      },
      async () => {
        const read = readSettings(settings, draft);
        if ('problem' in read || Object.keys(read.change).length === 0) return 'Nothing changed.';
        await onSave(read.change);
        return 'Settings saved.';
      },
    );
  };

  return (
    <section class="panel settings-panel" aria-labelledby="measurement-settings-heading">
      <h2 id="measurement-settings-heading">Measurement-based care</h2>
      <p class="muted">
        {settings.updated_at ? `Last changed ${formatDateTime(settings.updated_at)}${settings.updated_by ? ` by ${settings.updated_by}` : ''}.` : 'Clinic defaults, never changed.'}
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="measurement-settings-heading">
        {NUMBER_FIELDS.map(({ field, label, hint }) => (
          <TextField
            key={field}
            label={label}
            name={field}
            type="number"
            min={String(SETTING_LIMITS[field].min)}
            max={String(SETTING_LIMITS[field].max)}
            step="1"
            hint={`${hint} ${SETTING_LIMITS[field].min} to ${SETTING_LIMITS[field].max}.`}
            value={draft[field]}
            onValue={(v) => set(field, v)}
            error={form.errorFor(field)}
            required
          />
        ))}
        <SelectField
          label="C-SSRS risk level that raises a task"
          name="cssrs_min_level"
          hint="This level or higher on the C-SSRS raises a task."
          value={draft.cssrs_min_level}
          onValue={(v) => set('cssrs_min_level', v)}
          choices={CSSRS_LEVELS}
          error={form.errorFor('cssrs_min_level')}
          required
        />
        <TextArea
          label="Crisis message"
          name="crisis_message"
          hint="Shown to a patient whose answers raise a risk signal: crisis lines and what to do now."
          value={draft.crisis_message}
          onValue={(v) => set('crisis_message', v)}
          error={form.errorFor('crisis_message')}
          rows={5}
          maxLength={CRISIS_MESSAGE_MAX_LENGTH}
          required
        />
        <FormFooter generalError={form.generalError} pending={form.pending} label="Save settings" pendingLabel="Saving…" status={form.status} />
      </form>
    </section>
  );
}
