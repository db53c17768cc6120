// Clinic settings (/settings, admin): the measurement-based care settings, i.e.
// how long a questionnaire link lasts, when an unacknowledged risk task escalates,
// what raises a task, and the crisis message patients see; treatment plans, dosing,
// the calendar, sessions, follow-up and long-term safety, and the eligibility rules.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, MeasurementSettings } from '../api';
import { problemFrom } from '../ui/form_problem';
import { MeasurementSettingsForm } from './MeasurementSettingsForm';
import { PlanSettingsSection } from './PlanSettingsSection';
import { DoseSettingsSection } from '../dose/DoseSettingsSection';
import { CalendarSettingsSection } from '../calendar/CalendarSettingsSection';
import { SessionSettingsSection } from '../sessions/SessionSettingsSection';
import { EligibilityRulesSection } from './EligibilityRulesSection';
import { OutcomeSettingsSection } from './OutcomeSettingsSection';

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; settings: MeasurementSettings };

export function ClinicSettingsPage({ api }: { api: ApiClient }) {
  const [state, setState] = useState<Loaded>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    api.getMeasurementSettings().then(
      (settings) => current && setState({ kind: 'loaded', settings }),
      (e: unknown) => current && setState({ kind: 'failed', message: problemFrom(e).message }),
    );
    return () => {
      current = false;
    };
  }, [api, attempt]);

  return (
    <div class="page">
      <h1>Clinic settings</h1>
      {state.kind === 'loading' && (
        <p role="status" class="muted">
          Loading the settings…
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" class="form-error">
          The settings could not be loaded: {state.message}{' '}
          <button type="button" class="link-button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </p>
      )}
      {state.kind === 'loaded' && (
        <MeasurementSettingsForm
          settings={state.settings}
          onSave={async (change) => {
            const settings = await api.updateMeasurementSettings(change);
            setState({ kind: 'loaded', settings });
          }}
        />
      )}
      <PlanSettingsSection api={api} />
      <DoseSettingsSection api={api} />
      <CalendarSettingsSection api={api} />
      <SessionSettingsSection api={api} />
      <OutcomeSettingsSection api={api} />
      <EligibilityRulesSection api={api} />
    </div>
  );
}
