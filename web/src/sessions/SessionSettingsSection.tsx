// The clinic's session protocol on /settings (admin): the pre-dose limit, the
// blood-pressure schedule, the minimum observation, the discharge score, the alarm
// thresholds, the technical alarm and escalation times. The server sends every
// setting with its bounds and starting value, so the form is built from that list.
// Only changed values are sent; the server's 400 names the field.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import type { SessionSettings } from '../sessions_api_types';
import { FormFooter } from '../chart/FormFooter';
import { useChartForm } from '../chart/use_chart_form';
import { TextField } from '../ui/TextField';
import { problemFrom } from '../ui/form_problem';
import { formatDateTime } from '../ui/format';
import { changedSettings, settingsDraft } from './session_settings_rules';

export function SessionSettingsSection({ api }: { api: ApiClient }) {
  const [settings, setSettings] = useState<SessionSettings | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [loadError, setLoadError] = useState('');
  const form = useChartForm(settings ? settings.fields.map((f) => f.name) : []);
  useEffect(() => {
    let current = true;
    api.getSessionSettings().then(
      (s) => {
        if (!current) return;
        setSettings(s);
        setDraft(settingsDraft(s));
      },
      (e: unknown) => current && setLoadError(problemFrom(e).message),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!settings) return;
    const changed = changedSettings(settings, draft);
    void form.submit(
      () => ('problem' in changed ? changed.problem : Object.keys(changed.values).length === 0 ? { message: 'Nothing was changed.' } : null),
      async () => {
        if ('problem' in changed) return '';
        const saved = await api.updateSessionSettings(changed.values);
        setSettings(saved);
        setDraft(settingsDraft(saved));
        return `Session protocol saved (version ${saved.version}). Sessions whose monitoring has started keep the rules they started with.`;
      },
    );
  };

  return (
    <section class="panel settings-panel" aria-labelledby="session-settings-heading">
      <h2 id="session-settings-heading">Monitored sessions</h2>
      {loadError && (
        <p role="alert" class="form-error">
          The session protocol could not be loaded: {loadError}
        </p>
      )}
      {settings && (
        <>
          <p class="muted">
            {settings.updated_at ? `Version ${settings.version}, last changed ${formatDateTime(settings.updated_at)}.` : 'Starting values, never changed.'} Sources of the starting values:
            docs/clinical-defaults.md, “The monitored session”.
          </p>
          <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="session-settings-heading">
            {settings.fields.map((f) => (
              <TextField
                key={f.name}
                label={f.label}
                name={f.name}
                type="number"
                min={String(f.min)}
                max={String(f.max)}
                step="1"
                hint={`${f.min} to ${f.max}; starting value ${f.default}.`}
                value={draft[f.name] ?? ''}
                onValue={(v) => {
                  setDraft((d) => ({ ...d, [f.name]: v }));
                  form.clear(f.name);
                }}
                error={form.errorFor(f.name)}
                required
              />
            ))}
            <FormFooter generalError={form.generalError} pending={form.pending} label="Save session protocol" pendingLabel="Saving…" status={form.status} />
          </form>
        </>
      )}
    </section>
  );
}
