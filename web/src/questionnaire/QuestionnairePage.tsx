// The patient's questionnaire link (/q/{clinic_id}/{token}): no sign-in, so it
// never calls /auth/me, and it shows nothing about the patient, only the clinic's
// name. Loads what the link asks for, then hands over to QuestionnaireRunner; a link
// that is unknown, expired or used up says so plainly.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, PublicQuestionnaire } from '../api';
import { problemFrom } from '../ui/form_problem';
import { LinkProblemNotice } from './Notices';
import { QuestionnaireRunner } from './QuestionnaireRunner';
import { linkProblemOf, type LinkProblem } from './questionnaire_flow';
import './questionnaire.css';

type PageState =
  | { kind: 'loading' }
  | { kind: 'problem'; problem: LinkProblem }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; questionnaire: PublicQuestionnaire };

interface QuestionnairePageProps {
  api: ApiClient;
  clinicId: string;
  token: string;
}

export function QuestionnairePage({ api, clinicId, token }: QuestionnairePageProps) {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    document.title = 'Questionnaire';
    api.getPublicQuestionnaire(clinicId, token).then(
      (questionnaire) => {
        if (!current) return;
        document.title = `Questionnaire · ${questionnaire.clinic.name}`;
        setState({ kind: 'ready', questionnaire });
      },
      (error: unknown) => {
        if (!current) return;
        const problem = linkProblemOf(error);
        setState(problem ? { kind: 'problem', problem } : { kind: 'failed', message: problemFrom(error).message });
      },
    );
    return () => {
      current = false;
    };
  }, [api, clinicId, token, attempt]);

  const clinicName = state.kind === 'ready' ? state.questionnaire.clinic.name : undefined;
  return (
    <div class="public-page questionnaire-page">
      <header class="public-header">
        <p class="clinic-name">{clinicName ?? 'KetaClinic'}</p>
      </header>
      <main id="main">
        {state.kind === 'loading' && (
          <p role="status" class="muted">
            Loading…
          </p>
        )}
        {state.kind === 'problem' && <LinkProblemNotice problem={state.problem} />}
        {state.kind === 'failed' && (
          <section class="panel" role="alert" aria-labelledby="q-failed-heading">
            <h1 id="q-failed-heading">The questionnaire could not be loaded</h1>
            <p>{state.message}</p>
            <button
              type="button"
              onClick={() => {
                setState({ kind: 'loading' });
                setAttempt((n) => n + 1);
              }}
            >
              Try again
            </button>
          </section>
        )}
        {state.kind === 'ready' && <QuestionnaireRunner api={api} clinicId={clinicId} token={token} questionnaire={state.questionnaire} />}
      </main>
    </div>
  );
}
