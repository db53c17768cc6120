// The chart's Progress tab (admin, prescriber, nurse, therapist): the long-term
// safety warnings first, then each instrument's course against its baseline with
// the response and remission thresholds and the sessions marked, the pain pathway
// when the patient is treated for pain, the safety details, side effects, the
// follow-up plan, check-ins and open tasks. "Print progress letter" opens the
// letter for the referring clinician.
import type { ApiClient } from '../api';
import { progressLetterPath } from '../navigation';
import { Link } from '../router';
import { CheckInSection } from './CheckInSection';
import { FollowUpSection } from './FollowUpSection';
import { InstrumentProgressPanel } from './InstrumentProgressPanel';
import { OpenTasksList } from './OpenTasksList';
import { PainPanel } from './PainPanel';
import { SafetyPanel } from './SafetyPanel';
import { SafetyWarnings } from './SafetyWarnings';
import { SideEffectsTable } from './SideEffectsTable';
import { treatmentSessions } from './progress_rules';
import { useProgress } from './use_progress';

interface ProgressTabProps {
  api: ApiClient;
  patientId: string;
  /** Offer the follow-up plan and check-in forms (prescriber, nurse, therapist). */
  canWrite: boolean;
}

export function ProgressTab({ api, patientId, canWrite }: ProgressTabProps) {
  const { state, reload, refresh, show } = useProgress(api, patientId);
  if (state.kind === 'loading')
    return (
      <p role="status" class="muted">
        Loading the progress…
      </p>
    );
  if (state.kind === 'failed')
    return (
      <p role="alert" class="form-error">
        The progress could not be loaded: {state.message}{' '}
        <button type="button" class="link-button" onClick={reload}>
          Try again
        </button>
      </p>
    );
  const { progress, catalogue, refreshError } = state;
  const sessionTimes = treatmentSessions(progress.sessions).map((s) => s.at);
  return (
    <div class="progress-tab">
      <div class="section-head">
        <p class="muted">
          {progress.first_session_at ? `${sessionTimes.length} ${sessionTimes.length === 1 ? 'session' : 'sessions'} since ${progress.first_session_at.slice(0, 10)}.` : 'No treatment session yet.'}
        </p>
        <Link href={progressLetterPath(patientId)}>Print progress letter</Link>
      </div>
      {refreshError && (
        <p role="alert" class="form-error">
          {refreshError}
        </p>
      )}
      <SafetyWarnings warnings={progress.safety.warnings} />
      <section aria-labelledby="outcomes-heading" class="progress-outcomes">
        <h2 id="outcomes-heading">Outcomes</h2>
        {progress.instruments.length === 0 ? (
          <p class="muted">No questionnaire scores yet.</p>
        ) : (
          progress.instruments.map((p) => <InstrumentProgressPanel key={p.instrument} progress={p} sessionTimes={sessionTimes} />)
        )}
      </section>
      {progress.pain && <PainPanel pain={progress.pain} sessionTimes={sessionTimes} />}
      <SafetyPanel safety={progress.safety} />
      <SideEffectsTable effects={progress.side_effects} />
      <FollowUpSection api={api} patientId={patientId} followUp={progress.follow_up} catalogue={catalogue} canWrite={canWrite} onSaved={show} />
      <CheckInSection api={api} patientId={patientId} checkIns={progress.check_ins} canWrite={canWrite} onSaved={refresh} />
      <OpenTasksList tasks={progress.open_tasks} />
    </div>
  );
}
