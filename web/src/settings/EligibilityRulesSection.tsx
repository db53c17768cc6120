// Clinic settings, eligibility rules: each rule of the release with its source, its
// default and the clinic's current outcome, a form to publish a new version with a
// reason, and the version history. Lowering a Spravato contraindication to "needs
// review" shows a warning and needs an explicit acknowledgement; the server refuses it
// otherwise. Publishing does not change decisions already made: each keeps its version.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { FormFooter } from '../chart/FormFooter';
import { useChartForm } from '../chart/use_chart_form';
import { problemFrom } from '../ui/form_problem';
import { formatDateTime } from '../ui/format';
import { TextArea } from '../ui/TextArea';
import type { EligibilityRule, EligibilityRules, RuleSettingValue } from './eligibility_rules_api_types';

export const SETTING_LABELS: Record<RuleSettingValue, string> = {
  exclude: 'Exclude',
  needs_review: 'Needs review',
  supports: 'Supports',
  off: 'Off',
};

/** The settings in `draft` that differ from the published ones. */
export function changedRules(rules: readonly EligibilityRule[], draft: Record<string, RuleSettingValue>) {
  const out: Record<string, RuleSettingValue> = {};
  for (const r of rules) if (draft[r.rule] && draft[r.rule] !== r.setting) out[r.rule] = draft[r.rule] as RuleSettingValue;
  return out;
}

/** Contraindications the change would stop excluding: they need an acknowledgement. */
export function loweredContraindications(rules: readonly EligibilityRule[], changes: Record<string, RuleSettingValue>) {
  return rules.filter((r) => r.group === 'contraindication' && r.setting === 'exclude' && changes[r.rule] !== undefined && changes[r.rule] !== 'exclude');
}

export function EligibilityRulesSection({ api }: { api: ApiClient }) {
  const [rules, setRules] = useState<EligibilityRules | null>(null);
  const [loadError, setLoadError] = useState('');
  useEffect(() => {
    let live = true;
    api.getEligibilityRules().then(
      (r) => live && setRules(r),
      (e: unknown) => live && setLoadError(problemFrom(e).message),
    );
    return () => {
      live = false;
    };
  }, [api]);
  if (loadError)
    return (
      <p role="alert" class="form-error">
        The eligibility rules could not be loaded: {loadError}
      </p>
    );
  if (!rules)
    return (
      <p role="status" class="muted">
        Loading the eligibility rules…
      </p>
    );
  return <EligibilityRulesForm key={rules.version} rules={rules} onPublished={setRules} api={api} />;
}

function EligibilityRulesForm({ rules, api, onPublished }: { rules: EligibilityRules; api: ApiClient; onPublished: (r: EligibilityRules) => void }) {
  const [draft, setDraft] = useState<Record<string, RuleSettingValue>>({});
  const [reason, setReason] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const form = useChartForm(['rules', 'reason', 'acknowledge_contraindication', ...rules.rules.map((r) => `rules.${r.rule}`)]);
  const changes = changedRules(rules.rules, draft);
  const lowered = loweredContraindications(rules.rules, changes);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => {
        if (Object.keys(changes).length === 0) return { field: 'rules', message: 'Change at least one rule.' };
        if (!reason.trim()) return { field: 'reason', message: 'Say why the rules change.' };
        if (lowered.length > 0 && !acknowledged) return { field: 'acknowledge_contraindication', message: 'Confirm that a contraindication will no longer exclude.' };
        return null;
      },
      async () => {
        const published = await api.publishEligibilityRules({ rules: changes, reason: reason.trim(), acknowledge_contraindication: acknowledged });
        onPublished(published);
        return `Published version ${published.version}.`;
      },
    );
  };
  return (
    <section class="panel settings-panel" aria-labelledby="eligibility-rules-heading">
      <h2 id="eligibility-rules-heading">Eligibility rules</h2>
      <p class="muted">
        Version {rules.version} ({rules.label}). Screening uses this version; each decision keeps the version it was made under.
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="eligibility-rules-heading">
        <div class="table-scroll">
          <table class="chart-table eligibility-rules-table">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Source</th>
                <th scope="col">Default</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {rules.rules.map((r) => (
                <tr key={r.rule} class={r.setting !== r.default ? 'changed' : undefined}>
                  <th scope="row">
                    {r.label}
                    {r.group === 'contraindication' && <span class="badge badge-danger">Spravato contraindication</span>}
                  </th>
                  <td>{r.source}</td>
                  <td>{SETTING_LABELS[r.default]}</td>
                  <td>
                    <select
                      name={`rules.${r.rule}`}
                      aria-label={`Outcome for ${r.label}`}
                      value={draft[r.rule] ?? r.setting}
                      onChange={(event) => {
                        const value = event.currentTarget.value as RuleSettingValue;
                        setDraft((d) => ({ ...d, [r.rule]: value }));
                        form.clear('rules');
                      }}
                    >
                      {r.allowed.map((value) => (
                        <option key={value} value={value}>
                          {SETTING_LABELS[value]}
                        </option>
                      ))}
                    </select>
                    {form.errorFor(`rules.${r.rule}`) && <p class="field-error">{form.errorFor(`rules.${r.rule}`)}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {form.errorFor('rules') && (
          <p class="form-error" role="alert">
            {form.errorFor('rules')}
          </p>
        )}
        {lowered.length > 0 && (
          <div class="notice warning-notice" role="alert">
            <p>
              <strong>{lowered.map((r) => r.label).join(', ')}</strong> {lowered.length === 1 ? 'is a contraindication' : 'are contraindications'} in the Spravato prescribing
              information. A "yes" will no longer exclude the patient; the prescriber will only be asked to review it.
            </p>
            <label class="checkbox">
              <input
                type="checkbox"
                name="acknowledge_contraindication"
                checked={acknowledged}
                onChange={(event) => {
                  setAcknowledged(event.currentTarget.checked);
                  form.clear('acknowledge_contraindication');
                }}
              />{' '}
              As medical director, I accept that these contraindications no longer exclude.
            </label>
            {form.errorFor('acknowledge_contraindication') && <p class="field-error">{form.errorFor('acknowledge_contraindication')}</p>}
          </div>
        )}
        <TextArea
          label="Reason for the change"
          name="reason"
          value={reason}
          onValue={(v) => {
            setReason(v);
            form.clear('reason');
          }}
          error={form.errorFor('reason')}
          maxLength={2000}
          rows={2}
          required
        />
        <FormFooter generalError={form.generalError} pending={form.pending} label="Publish new version" pendingLabel="Publishing…" status={form.status} />
      </form>
      <h3>Version history</h3>
      <ol class="event-list rule-versions">
        {rules.versions.map((v) => (
          <li key={v.version}>
            <span class="event-text">
              <strong>Version {v.version}</strong>: {v.reason}
              {Object.keys(v.changed).length > 0 && ` (${Object.entries(v.changed).map(([rule, value]) => `${rule}: ${SETTING_LABELS[value]}`).join('; ')})`}
            </span>
            <span class="event-by">
              {formatDateTime(v.published_at)} by {v.published_by}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
