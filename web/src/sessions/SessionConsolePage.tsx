// The session console (/sessions/{id}): one nurse runs a monitored session from it.
// Top to bottom as the session goes: the header with its timers, the open alarms, the
// next step with its gates, check-in and the pre-dose decisions, the dose, vital signs
// (form, live chart, readings), effects, recovery, discharge and the integration note.
// It follows the live connection (this session's state, vitals and alarms).
import type { ApiClient, Role } from '../api';
import { canOverrideDischarge, canRunSessions, canWriteSessionNotes, sessionPath } from '../navigation';
import { Link } from '../router';
import { AlarmBanner } from './AlarmBanner';
import { AldretePanel } from './AldretePanel';
import { CheckInForm } from './CheckInForm';
import { DischargePanel } from './DischargePanel';
import { DosePanel } from './DosePanel';
import { DrugLotForm } from './DrugLotForm';
import { EffectsLog } from './EffectsLog';
import { IntegrationNotes } from './IntegrationNotes';
import { PreDoseBpDecision } from './PreDoseBpDecision';
import { SessionHeader } from './SessionHeader';
import { TransitionBar } from './TransitionBar';
import { VitalsChart } from './VitalsChart';
import { VitalsForm } from './VitalsForm';
import { isFinal } from './session_rules';
import { useSession } from './use_session';

interface SessionConsolePageProps {
  api: ApiClient;
  sessionId: string;
  roles: readonly Role[];
}

export function SessionConsolePage({ api, sessionId, roles }: SessionConsolePageProps) {
  const { state, apply, reload } = useSession(api, sessionId);
  if (state.kind === 'loading')
    return (
      <div class="page">
        <h1>Session console</h1>
        <p role="status" class="muted">
          Loading the session…
        </p>
      </div>
    );
  if (state.kind === 'failed')
    return (
      <section class="panel" role="alert">
        <h1>{state.notFound ? 'Session not found' : 'The session could not be loaded'}</h1>
        <p>{state.notFound ? 'There is no session with this address in your clinic. Open it from the station.' : state.message}</p>
        {!state.notFound && (
          <button type="button" onClick={reload}>
            Try again
          </button>
        )}
      </section>
    );
  const { session, vitals } = state;
  const canRun = canRunSessions(roles);
  const panel = { api, session, onSession: apply, canRun };
  return (
    <div class="page session-console">
      <p class="back-link">
        <Link href="/station">Back to the station</Link>
      </p>
      <SessionHeader session={session} />
      {state.refreshError && (
        <p role="alert" class="form-error">
          The session could not be read again: {state.refreshError}. What is shown may be out of date.{' '}
          <button type="button" class="link-button" onClick={reload}>
            Read it again
          </button>
        </p>
      )}
      <AlarmBanner {...panel} />
      <TransitionBar {...panel} />
      <div class="page-columns session-columns">
        <div>
          <section class="panel" aria-labelledby="vitals-heading">
            <h2 id="vitals-heading">Vital signs</h2>
            <VitalsChart readings={vitals} rules={session.alarm_rules} />
            {canRun && !isFinal(session.state) && <VitalsForm api={api} sessionId={session.id} onRecorded={reload} />}
          </section>
          <DosePanel {...panel} />
          <EffectsLog {...panel} />
          <AldretePanel {...panel} />
        </div>
        <div>
          <PreDoseBpDecision {...panel} />
          <CheckInForm key={`check-in-${session.check_in.at ?? ''}`} {...panel} />
          <DrugLotForm {...panel} />
          <DischargePanel {...panel} canOverride={canOverrideDischarge(roles)} />
          <IntegrationNotes api={api} session={session} onSession={apply} canWrite={canWriteSessionNotes(roles)} />
          {session.rems.applies && (
            <section class="panel" aria-labelledby="rems-heading">
              <h2 id="rems-heading">Spravato REMS form</h2>
              <p>{session.rems.submitted_on ? `Submitted on ${session.rems.submitted_on}.` : `Not submitted yet; due by ${session.rems.due_on || 'seven days after the session'}.`}</p>
              <p>
                <Link href={sessionPath(session.id, 'rems-form')}>Review the REMS monitoring form</Link>
              </p>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
