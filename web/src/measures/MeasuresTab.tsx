// The chart's Measures tab: the patient's questionnaire scores per instrument
// (outcome and trajectory), the due list, the responses, the schedule and the
// responsible clinician. Staff who may record also enter answers, send a link and
// edit the schedule. After a change the tab reads the measures again.
import { useState } from 'preact/hooks';
import type { ApiClient, Instrument, MeasureResponse, NewMeasureResponse, PatientMeasures } from '../api';
import { answersEntry, type AnswersEntry } from './AnswersForm';
import { DueSection } from './DueSection';
import { InstrumentScores } from './InstrumentScores';
import { RecordAnswersPanel } from './RecordAnswersPanel';
import { ResponsesSection } from './ResponsesSection';
import { ResponsibleClinicianSection } from './ResponsibleClinicianSection';
import { ScheduleSection, type PlanSessions } from './ScheduleSection';
import { SendLinkSection } from './SendLinkSection';
import { usePatientMeasures } from './use_patient_measures';

interface MeasuresTabProps {
  api: ApiClient;
  patientId: string;
  /** Offer recording answers, links, the schedule and the responsible clinician. */
  canRecord: boolean;
}

export function MeasuresTab({ api, patientId, canRecord }: MeasuresTabProps) {
  const { state, reload, refresh, update } = usePatientMeasures(api, patientId);
  const [entry, setEntry] = useState<AnswersEntry | null>(null);
  if (state.kind === 'loading') {
    return (
      <p role="status" class="muted">
        Loading the measures…
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div role="alert" class="form-error">
        The measures could not be loaded: {state.message}{' '}
        <button type="button" class="link-button" onClick={reload}>
          Try again
        </button>
      </div>
    );
  }
  const { measures, catalogue, refreshError } = state;

  const record = async (response: NewMeasureResponse) => {
    try {
      return await api.recordMeasureResponse(patientId, response);
    } finally {
      void refresh(); // also after a refusal (409: submitted or amended meanwhile): show what is true now
    }
  };
  const openFromList = (fields: Partial<Pick<AnswersEntry, 'continues' | 'amends'>>, response: MeasureResponse) => {
    const instrument = catalogue.find((i) => i.code === response.instrument);
    if (instrument) setEntry(answersEntry({ instrument, ...fields, focus: true }));
  };

  return (
    <div class="page-columns measures-columns">
      <div>
        {refreshError && (
          <p role="alert" class="form-error">
            {refreshError}{' '}
            <button type="button" class="link-button" onClick={() => void refresh()}>
              Read them again
            </button>
          </p>
        )}
        {canRecord && <RecordAnswersPanel catalogue={catalogue} responses={measures.responses} entry={entry} onEntry={setEntry} onRecord={record} />}
        <Scores measures={measures} catalogue={catalogue} />
        <ResponsesSection
          responses={measures.responses}
          catalogue={catalogue}
          onAmend={canRecord ? (r) => openFromList({ amends: r }, r) : undefined}
          onContinue={canRecord ? (r) => openFromList({ continues: r }, r) : undefined}
        />
        <ScheduleSection
          schedule={measures.schedule}
          catalogue={catalogue}
          onSave={canRecord ? async (entries) => update(await api.replaceSchedule(patientId, entries)) : undefined}
          loadPlanSessions={canRecord ? () => planSessions(api, patientId) : undefined}
        />
      </div>
      <div>
        <ResponsibleClinicianSection
          current={measures.responsible_clinician}
          api={canRecord ? api : null}
          onSave={async (userId) => {
            const responsible = await api.setResponsibleClinician(patientId, userId);
            update({ responsible_clinician: responsible });
            return responsible;
          }}
        />
        <DueSection due={measures.due} catalogue={catalogue} />
        {canRecord && (
          <SendLinkSection
            catalogue={catalogue}
            links={measures.links}
            onCreate={async (instruments) => {
              const created = await api.createQuestionnaireLink(patientId, instruments);
              void refresh();
              return created;
            }}
          />
        )}
      </div>
    </div>
  );
}

/** One section per instrument with scored responses, in the catalogue's order. */
function Scores({ measures, catalogue }: { measures: PatientMeasures; catalogue: readonly Instrument[] }) {
  const scored = catalogue.flatMap((instrument) => {
    const series = measures.series.find((s) => s.instrument === instrument.code);
    return series && series.points.length > 0 ? [{ instrument, series }] : [];
  });
  if (scored.length === 0) {
    return (
      <section class="panel" aria-labelledby="scores-heading">
        <h2 id="scores-heading">Scores</h2>
        <p class="muted">No submitted questionnaires yet. Scores and their trend show here once one is submitted.</p>
      </section>
    );
  }
  return (
    <>
      {scored.map(({ instrument, series }) => (
        <InstrumentScores key={instrument.code} instrument={instrument} series={series} sessionDays={measures.session_days} />
      ))}
    </>
  );
}

/** The current plan's booked (or held) dosing sessions, for a schedule from the plan. */
async function planSessions(api: ApiClient, patientId: string): Promise<PlanSessions | null> {
  const [plans, appointments] = await Promise.all([api.getPatientPlans(patientId), api.listPatientAppointments(patientId)]);
  if (!plans.current) return null;
  const planIds = new Set(plans.versions.map((v) => v.id));
  const dates = appointments.items
    .filter((a) => a.type === 'dosing_session' && (a.status === 'booked' || a.status === 'completed') && a.plan_id !== null && planIds.has(a.plan_id))
    .map((a) => a.start.slice(0, 10));
  return { dates, inductionSessions: plans.current.induction.sessions };
}
