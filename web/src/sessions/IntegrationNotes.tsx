// The integration note: written by the therapist (or a nurse or prescriber) and linked
// to the session; earlier notes are listed with who wrote them and when.
import { useState } from 'preact/hooks';
import { FormFooter } from '../chart/FormFooter';
import { TextArea } from '../ui/TextArea';
import { formatDateTime } from '../ui/format';
import { requireText } from './session_forms';
import { useSessionForm, type PanelProps } from './use_session_form';

export function IntegrationNotes({ api, session: s, onSession, canWrite }: Omit<PanelProps, 'canRun'> & { canWrite: boolean }) {
  const [text, setText] = useState('');
  const form = useSessionForm(['text'], onSession);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.send(() => requireText('text', text, 'Write the note first.'), (v) => api.addSessionNote(s.id, v), 'Note saved.', () => setText(''));
  };
  return (
    <section class="panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Integration notes</h2>
      {s.notes.length === 0 ? (
        <p class="muted">No notes yet.</p>
      ) : (
        <ul class="event-list">
          {s.notes.map((n) => (
            <li key={n.id}>
              <span class="event-text preserve-lines">{n.text}</span>
              <span class="event-by">
                {n.by}, {formatDateTime(n.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate class="sub-form" aria-labelledby="notes-heading">
          <TextArea label="Integration note" name="text" value={text} onValue={(v) => { setText(v); form.clear('text'); }} error={form.errorFor('text')} maxLength={8000} rows={5} required />
          <FormFooter generalError={form.generalError} pending={form.pending} label="Save note" pendingLabel="Saving…" status={form.status} />
        </form>
      )}
    </section>
  );
}
