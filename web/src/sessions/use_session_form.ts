// A console form: the chart forms' checks, focus and status line, plus what every
// session change shares: the answer is the new SessionView, shown at once.
import type { ApiClient, SessionView } from '../api';
import { useChartForm } from '../chart/use_chart_form';
import type { FormProblem } from '../ui/form_problem';
import type { Read } from './session_forms';

/** What every console panel is given. */
export interface PanelProps {
  api: ApiClient;
  session: SessionView;
  /** Shows the SessionView a change answered. */
  onSession: (session: SessionView) => void;
  /** sessions_run (prescriber, nurse): offer the forms and buttons. */
  canRun: boolean;
}

export function useSessionForm(fields: readonly string[], onSession: (session: SessionView) => void) {
  const form = useChartForm(fields);
  /** Reads the draft; if it holds, sends it and shows the answer, then says `done`. */
  const send = <T>(read: () => Read<T>, call: (value: T) => Promise<SessionView>, done: string, after?: () => void) =>
    form.submit(
      (): FormProblem | null => {
        const r = read();
        return 'problem' in r ? r.problem : null;
      },
      async () => {
        const r = read();
        if ('problem' in r) return '';
        onSession(await call(r.value));
        after?.();
        return done;
      },
    );
  return { ...form, send };
}
