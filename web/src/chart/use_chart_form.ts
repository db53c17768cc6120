// What each chart form shares: checks before sending, a pending flag, the problem
// (next to the field the server or the check named, or for the whole form), focus
// on that problem, and a status line after success.
import { useState } from 'preact/hooks';
import { errorFor, formError, problemFrom, type FormProblem } from '../ui/form_problem';
import { useFocusProblem } from '../ui/use_focus_problem';

export function useChartForm(fields: readonly string[]) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState('');
  const focus = useFocusProblem(() => problem?.field);

  /** Runs `check`; if it finds nothing, `send`, whose result is the status line. */
  const submit = async (check: () => FormProblem | null, send: () => Promise<string>) => {
    setStatus('');
    const found = check();
    setProblem(found);
    if (found) return focus.show();
    setPending(true);
    try {
      setStatus(await send());
    } catch (e) {
      setProblem(problemFrom(e));
      focus.show();
    } finally {
      setPending(false);
    }
  };

  return {
    formRef: focus.formRef,
    pending,
    status,
    submit,
    errorFor: (field: string) => errorFor(problem, field),
    generalError: formError(problem, fields),
    /** Forgets the problem about `field` once the user changes it. */
    clear: (field: string) => setProblem((p) => (p?.field === field ? null : p)),
  };
}
