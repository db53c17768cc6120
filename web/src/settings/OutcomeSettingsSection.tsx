// Clinic settings → "Follow-up and long-term safety" (admin): the follow-up
// interval and questionnaires, the relapse rule, the induction window, the 30-day
// exposure limits and the liver test interval (each may be "no limit"), and the
// tolerance rule. Each field shows its bounds; only changes are sent, and the
// server's 400 shows next to the field it names.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, Instrument, OutcomeSettings } from '../api';
import { FormFooter } from '../chart/FormFooter';
import { useChartForm } from '../chart/use_chart_form';
import { instrumentName } from '../measures/measures_rules';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { problemFrom } from '../ui/form_problem';
import { formatDateTime } from '../ui/format';
import { TextField } from '../ui/TextField';
import { boundsText, NULLABLE_SETTINGS, outcomeSettingsDraft, readOutcomeSettings, REQUIRED_SETTINGS, SETTING_LABELS, type NullableSetting, type OutcomeSettingsDraft } from './outcome_settings_form';

const FIELDS = [...REQUIRED_SETTINGS, ...NULLABLE_SETTINGS, 'follow_up_instruments'];
const VALUE_LABELS: Record<NullableSetting, { set: string; value: string }> = {
  max_sessions_per_30_days: { set: 'Set a limit', value: 'Sessions allowed in 30 days' },
  max_mg_per_kg_per_30_days: { set: 'Set a limit', value: 'mg/kg allowed in 30 days' },
  liver_test_interval_days: { set: 'Set an interval', value: 'Days between liver tests' },
};
const NO_LIMIT_LABELS: Record<NullableSetting, string> = {
  max_sessions_per_30_days: 'No limit set',
  max_mg_per_kg_per_30_days: 'No limit set',
  liver_test_interval_days: 'No interval set (no liver test reminders)',
};

export function OutcomeSettingsSection({ api }: { api: ApiClient }) {
  const [settings, setSettings] = useState<OutcomeSettings | null>(null);
  const [draft, setDraft] = useState<OutcomeSettingsDraft | null>(null);
  const [catalogue, setCatalogue] = useState<Instrument[]>([]);
  const [loadError, setLoadError] = useState('');
  const form = useChartForm(FIELDS);
  useEffect(() => {
    let live = true;
    api.getOutcomeSettings().then(
      (s) => {
        if (!live) return;
        setSettings(s);
        setDraft(outcomeSettingsDraft(s));
      },
      (e: unknown) => live && setLoadError(problemFrom(e).message),
    );
    api.listInstruments().then((c) => live && setCatalogue(c), () => undefined);
    return () => {
      live = false;
    };
  }, [api]);

  const update = (change: (d: OutcomeSettingsDraft) => OutcomeSettingsDraft, field: string) => {
    setDraft((d) => (d ? change(d) : d));
    form.clear(field);
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!settings || !draft) return;
    const read = readOutcomeSettings(settings, draft);
    void form.submit(
      () => ('problem' in read ? read.problem : Object.keys(read.change).length === 0 ? { message: 'Nothing was changed.' } : null),
      async () => {
        if ('problem' in read) return '';
        const saved = await api.updateOutcomeSettings(read.change);
        setSettings(saved);
        setDraft(outcomeSettingsDraft(saved));
        return `Follow-up and safety settings saved (version ${saved.version}).`;
      },
    );
  };
  const codes = draft ? [...catalogue.map((i) => i.code), ...draft.instruments.filter((c) => !catalogue.some((i) => i.code === c))] : [];

  return (
    <section class="panel settings-panel" aria-labelledby="outcome-settings-heading">
      <h2 id="outcome-settings-heading">Follow-up and long-term safety</h2>
      {loadError && (
        <p role="alert" class="form-error">
          The follow-up and safety settings could not be loaded: {loadError}
        </p>
      )}
      {settings && draft && (
        <>
          <p class="muted">
            {settings.updated_at ? `Version ${settings.version}, last changed ${formatDateTime(settings.updated_at)}${settings.updated_by ? ` by ${settings.updated_by}` : ''}.` : 'Starting values, never changed.'} The limits
            raise warnings on each patient's Progress tab.
          </p>
          <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="outcome-settings-heading">
            {REQUIRED_SETTINGS.map((field) => (
              <TextField
                key={field}
                label={SETTING_LABELS[field]}
                name={field}
                type="number"
                step="1"
                hint={`${boundsText(settings, field)}.`}
                value={draft.numbers[field]}
                onValue={(v) => update((d) => ({ ...d, numbers: { ...d.numbers, [field]: v } }), field)}
                error={form.errorFor(field)}
                required
              />
            ))}
            <ChoiceGroup
              legend="Questionnaires at each follow-up check-in"
              name="follow_up_instruments"
              type="checkbox"
              hint="1 to 10; the default for a new follow-up plan."
              choices={codes.map((code) => ({ value: code, label: instrumentName(catalogue, code) }))}
              selected={draft.instruments}
              onSelected={(instruments) => update((d) => ({ ...d, instruments }), 'follow_up_instruments')}
              error={form.errorFor('follow_up_instruments')}
            />
            {NULLABLE_SETTINGS.map((field) => (
              <fieldset key={field} class="field nullable-setting">
                <legend>{SETTING_LABELS[field]}</legend>
                <div class="choices inline-choices">
                  {[false, true].map((limited) => (
                    <label key={String(limited)} class="checkbox">
                      <input
                        type="radio"
                        name={`${field}_choice`}
                        checked={draft.limits[field].limited === limited}
                        onChange={() => update((d) => ({ ...d, limits: { ...d.limits, [field]: { ...d.limits[field], limited } } }), field)}
                      />
                      {limited ? VALUE_LABELS[field].set : NO_LIMIT_LABELS[field]}
                    </label>
                  ))}
                </div>
                {draft.limits[field].limited && (
                  <TextField
                    label={VALUE_LABELS[field].value}
                    name={field}
                    type="number"
                    step={field === 'max_mg_per_kg_per_30_days' ? 'any' : '1'}
                    hint={`${boundsText(settings, field)}.`}
                    value={draft.limits[field].value}
                    onValue={(v) => update((d) => ({ ...d, limits: { ...d.limits, [field]: { limited: true, value: v } } }), field)}
                    error={form.errorFor(field)}
                    required
                  />
                )}
                {!draft.limits[field].limited && form.errorFor(field) && (
                  <p class="field-error" role="alert">
                    {form.errorFor(field)}
                  </p>
                )}
              </fieldset>
            ))}
            <FormFooter generalError={form.generalError} pending={form.pending} label="Save follow-up and safety settings" pendingLabel="Saving…" status={form.status} />
          </form>
        </>
      )}
    </section>
  );
}
