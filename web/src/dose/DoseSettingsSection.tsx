// The clinic's dose settings on /settings (admin): soft and hard limits per route,
// the maximum age of a weight, rounding increments, infusion time range and the
// highest concentration. Every value is sent on save; the server's 400 names the
// field, and the problem shows (and focus lands) there.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, DoseSettings, DoseSettingsChange } from '../api';
import { FormFooter } from '../chart/FormFooter';
import { useChartForm } from '../chart/use_chart_form';
import { TextField } from '../ui/TextField';
import { problemFrom } from '../ui/form_problem';
import { formatDateTime } from '../ui/format';
import { ROUTE_CHOICES } from './dose_form';

const NUMBERS = [
  { field: 'max_weight_age_days', label: 'Maximum age of a weight (days)', step: '1' },
  { field: 'dose_rounding_mg', label: 'Round doses to the nearest (mg)', step: '0.1' },
  { field: 'volume_rounding_ml', label: 'Round volumes to the nearest (mL)', step: '0.01' },
  { field: 'rate_rounding_ml_per_h', label: 'Round pump rates to the nearest (mL/h)', step: '0.1' },
  { field: 'min_infusion_minutes', label: 'Shortest infusion (minutes)', step: '1' },
  { field: 'max_infusion_minutes', label: 'Longest infusion (minutes)', step: '1' },
  { field: 'max_concentration_mg_per_ml', label: 'Highest concentration (mg/mL)', step: '1' },
] as const;

type Draft = Record<string, string>;

function draftOf(s: DoseSettings): Draft {
  const d: Draft = {};
  for (const { value } of ROUTE_CHOICES) {
    d[`limits.${value}.soft`] = String(s.limits[value].soft);
    d[`limits.${value}.hard`] = String(s.limits[value].hard);
  }
  for (const { field } of NUMBERS) d[field] = String(s[field]);
  return d;
}

const FIELDS = [...ROUTE_CHOICES.flatMap(({ value }) => [`limits.${value}.soft`, `limits.${value}.hard`]), ...NUMBERS.map((n) => n.field)];

export function DoseSettingsSection({ api }: { api: ApiClient }) {
  const [settings, setSettings] = useState<DoseSettings | null>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [loadError, setLoadError] = useState('');
  const form = useChartForm(FIELDS);
  useEffect(() => {
    let current = true;
    api.getDoseSettings().then(
      (s) => {
        if (!current) return;
        setSettings(s);
        setDraft(draftOf(s));
      },
      (e: unknown) => current && setLoadError(problemFrom(e).message),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => {
        const bad = FIELDS.find((f) => !(Number((draft[f] ?? '').trim()) > 0));
        return bad ? { field: bad, message: 'Enter a number more than 0.' } : null;
      },
      async () => {
        const limits: NonNullable<DoseSettingsChange['limits']> = {};
        for (const { value } of ROUTE_CHOICES) limits[value] = { soft: Number(draft[`limits.${value}.soft`]), hard: Number(draft[`limits.${value}.hard`]) };
        const change: DoseSettingsChange = { limits };
        for (const { field } of NUMBERS) change[field] = Number(draft[field]);
        const saved = await api.updateDoseSettings(change);
        setSettings(saved);
        setDraft(draftOf(saved));
        return `Dose settings saved (version ${saved.version}).`;
      },
    );
  };

  return (
    <section class="panel settings-panel" aria-labelledby="dose-settings-heading">
      <h2 id="dose-settings-heading">Dosing</h2>
      {loadError && (
        <p role="alert" class="form-error">
          The dose settings could not be loaded: {loadError}
        </p>
      )}
      {settings && (
        <>
          <p class="muted">
            {settings.updated_at ? `Version ${settings.version}, last changed ${formatDateTime(settings.updated_at)}${settings.updated_by ? ` by ${settings.updated_by}` : ''}.` : 'Clinic defaults, never changed.'} Each dose order records the version it used. Sources: docs/clinical-defaults.md.
          </p>
          <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="dose-settings-heading">
            <fieldset class="dose-limits">
              <legend>Limits per route (above the soft limit a prescriber must give a reason; above the hard limit a dose is refused)</legend>
              {ROUTE_CHOICES.map(({ value, label }) => (
                <div class="dose-limit-row" key={value}>
                  {(['soft', 'hard'] as const).map((kind) => {
                    const name = `limits.${value}.${kind}`;
                    return (
                      <TextField
                        key={name}
                        label={`${label}: ${kind} limit (${settings.limits[value].unit})`}
                        name={name}
                        type="number"
                        min="0"
                        step="0.01"
                        value={draft[name] ?? ''}
                        onValue={(v) => {
                          setDraft((d) => ({ ...d, [name]: v }));
                          form.clear(name);
                        }}
                        error={form.errorFor(name)}
                        required
                      />
                    );
                  })}
                </div>
              ))}
            </fieldset>
            {NUMBERS.map(({ field, label, step }) => (
              <TextField
                key={field}
                label={label}
                name={field}
                type="number"
                min="0"
                step={step}
                value={draft[field] ?? ''}
                onValue={(v) => {
                  setDraft((d) => ({ ...d, [field]: v }));
                  form.clear(field);
                }}
                error={form.errorFor(field)}
                required
              />
            ))}
            <FormFooter generalError={form.generalError} pending={form.pending} label="Save dose settings" pendingLabel="Saving…" status={form.status} />
          </form>
        </>
      )}
    </section>
  );
}
