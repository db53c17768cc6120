// Clinic settings, treatment plans (admin): the highest dose a plan may prescribe in
// mg/kg, the default PK model, and per route the bioavailability and the absorption
// rate (ka) the PK chart uses. Each value's source is in docs/clinical-defaults.md;
// absorption rates have no published source and are labelled so.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import type { PkModelCode, PlanRoute, PlanSettings, PlanSettingsChange } from '../plans_api_types';
import { FormFooter } from '../chart/FormFooter';
import { useChartForm } from '../chart/use_chart_form';
import { problemFrom, type FormProblem } from '../ui/form_problem';
import { formatDateTime } from '../ui/format';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';

interface RouteDraft {
  route: PlanRoute;
  label: string;
  bioavailability: string;
  absorption_per_h: string;
}

interface Draft {
  max_mg_per_kg: string;
  pk_model: PkModelCode;
  routes: RouteDraft[];
}

const text = (n: number | null) => (n === null ? '' : String(n));

export function draftFromSettings(s: PlanSettings): Draft {
  return {
    max_mg_per_kg: String(s.max_mg_per_kg),
    pk_model: s.pk_model,
    routes: s.routes.map((r) => ({ route: r.route, label: r.label, bioavailability: text(r.bioavailability), absorption_per_h: text(r.absorption_per_h) })),
  };
}

/** The change to send, or the first problem (field names as the server names them). */
export function readPlanSettings(draft: Draft): { change: PlanSettingsChange } | { problem: FormProblem } {
  const max = Number(draft.max_mg_per_kg);
  if (draft.max_mg_per_kg.trim() === '' || !Number.isFinite(max)) return { problem: { field: 'max_mg_per_kg', message: 'Give the limit in mg/kg as a number.' } };
  const routes: NonNullable<PlanSettingsChange['routes']> = [];
  for (const [i, r] of draft.routes.entries()) {
    const value = (s: string, field: string): number | null | FormProblem => {
      if (s.trim() === '') return null;
      const n = Number(s);
      return Number.isFinite(n) ? n : { field: `routes[${i}].${field}`, message: 'Give a number, or leave it empty.' };
    };
    const f = value(r.bioavailability, 'bioavailability');
    if (f !== null && typeof f === 'object') return { problem: f };
    const ka = r.route === 'iv' ? null : value(r.absorption_per_h, 'absorption_per_h');
    if (ka !== null && typeof ka === 'object') return { problem: ka };
    routes.push({ route: r.route, bioavailability: f, absorption_per_h: ka });
  }
  return { change: { max_mg_per_kg: max, pk_model: draft.pk_model, routes } };
}

export function PlanSettingsSection({ api }: { api: ApiClient }) {
  const [settings, setSettings] = useState<PlanSettings | null>(null);
  const [loadError, setLoadError] = useState('');
  useEffect(() => {
    let live = true;
    api.getPlanSettings().then(
      (s) => live && setSettings(s),
      (e: unknown) => live && setLoadError(problemFrom(e).message),
    );
    return () => {
      live = false;
    };
  }, [api]);
  if (loadError)
    return (
      <p role="alert" class="form-error">
        The treatment-plan settings could not be loaded: {loadError}
      </p>
    );
  if (!settings)
    return (
      <p role="status" class="muted">
        Loading the treatment-plan settings…
      </p>
    );
  return <PlanSettingsForm settings={settings} onSave={async (change) => setSettings(await api.updatePlanSettings(change))} />;
}

function PlanSettingsForm({ settings, onSave }: { settings: PlanSettings; onSave: (change: PlanSettingsChange) => Promise<void> }) {
  const [draft, setDraft] = useState<Draft>(() => draftFromSettings(settings));
  const fields = ['max_mg_per_kg', 'pk_model', ...draft.routes.flatMap((_, i) => [`routes[${i}].bioavailability`, `routes[${i}].absorption_per_h`])];
  const form = useChartForm(fields);
  const setRoute = (i: number, change: Partial<RouteDraft>, field: string) => {
    setDraft((d) => ({ ...d, routes: d.routes.map((r, j) => (j === i ? { ...r, ...change } : r)) }));
    form.clear(field);
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => {
        const read = readPlanSettings(draft);
        return 'problem' in read ? read.problem : null;
      },
      async () => {
        const read = readPlanSettings(draft);
        if ('problem' in read) return '';
        await onSave(read.change);
        return 'Settings saved.';
      },
    );
  };
  return (
    <section class="panel settings-panel" aria-labelledby="plan-settings-heading">
      <h2 id="plan-settings-heading">Treatment plans</h2>
      <p class="muted">
        {settings.updated_at ? `Version ${settings.version}, last changed ${formatDateTime(settings.updated_at)}${settings.updated_by ? ` by ${settings.updated_by}` : ''}.` : 'Clinic defaults, never changed.'}
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="plan-settings-heading">
        <TextField
          label="Highest dose a plan may prescribe (mg/kg)"
          name="max_mg_per_kg"
          type="number"
          step="0.05"
          min="0"
          max="4.5"
          hint="For IV, IM and SC plans and their titration ceiling. Default 1.0: above it no guideline applies (highest dose in Fava 2020)."
          value={draft.max_mg_per_kg}
          onValue={(v) => {
            setDraft((d) => ({ ...d, max_mg_per_kg: v }));
            form.clear('max_mg_per_kg');
          }}
          error={form.errorFor('max_mg_per_kg')}
          required
        />
        <SelectField
          label="PK model for charts"
          name="pk_model"
          value={draft.pk_model}
          onValue={(v) => setDraft((d) => ({ ...d, pk_model: v as PkModelCode }))}
          choices={settings.pk_models.map((m) => ({ value: m.code, label: `${m.name}: ${m.source}` }))}
          error={form.errorFor('pk_model')}
        />
        <table class="chart-table plan-settings-routes">
          <caption>Pharmacokinetics by route. Absorption rates (ka) have no published source: clinic-practice settings.</caption>
          <thead>
            <tr>
              <th scope="col">Route</th>
              <th scope="col">Bioavailability (0–1)</th>
              <th scope="col">Absorption rate (per hour)</th>
            </tr>
          </thead>
          <tbody>
            {draft.routes.map((r, i) => (
              <tr key={r.route}>
                <th scope="row">{r.label}</th>
                <td>
                  {r.route === 'iv' ? (
                    '1 (the whole dose)'
                  ) : (
                    <TextField label={`${r.label} bioavailability`} name={`routes[${i}].bioavailability`} type="number" step="0.01" min="0" max="1" value={r.bioavailability} onValue={(v) => setRoute(i, { bioavailability: v }, `routes[${i}].bioavailability`)} error={form.errorFor(`routes[${i}].bioavailability`)} />
                  )}
                </td>
                <td>
                  {r.route === 'iv' ? (
                    'not absorbed'
                  ) : (
                    <TextField label={`${r.label} absorption rate`} name={`routes[${i}].absorption_per_h`} type="number" step="0.1" min="0" value={r.absorption_per_h} onValue={(v) => setRoute(i, { absorption_per_h: v }, `routes[${i}].absorption_per_h`)} error={form.errorFor(`routes[${i}].absorption_per_h`)} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <FormFooter generalError={form.generalError} pending={form.pending} label="Save plan settings" pendingLabel="Saving…" status={form.status} />
      </form>
    </section>
  );
}
