// Recovery: the modified Aldrete scores so far (Aldrete 1995; circulation and oxygen
// scored by the server from the latest reading against this patient's pre-dose
// baseline) and the form for the three items a nurse observes.
import { useState } from 'preact/hooks';
import { FormFooter } from '../chart/FormFooter';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { ALDRETE_ITEMS, readAldrete, type AldreteDraft } from './session_forms';
import { clockTime } from './session_rules';
import { useSessionForm, type PanelProps } from './use_session_form';

const empty = (): AldreteDraft => ({ activity: '', respiration: '', consciousness: '', on_room_air: true });
const RECOVERY = ['observing', 'ready_for_discharge'];

export function AldretePanel({ api, session: s, onSession, canRun }: PanelProps) {
  const [draft, setDraft] = useState<AldreteDraft>(empty);
  const form = useSessionForm(['activity', 'respiration', 'consciousness', 'on_room_air'], onSession);
  const min = s.discharge.minimum_score;
  if (!RECOVERY.includes(s.state) && s.aldrete.length === 0) return null;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.send(() => readAldrete(draft), (v) => api.recordAldrete(s.id, v), 'Score recorded.', () => setDraft(empty()));
  };
  return (
    <section class="panel" aria-labelledby="aldrete-heading">
      <h2 id="aldrete-heading">Recovery score (modified Aldrete)</h2>
      {s.aldrete.length === 0 ? (
        <p class="muted">No score yet. Discharge needs {min} or more.</p>
      ) : (
        <div class="table-scroll">
          <table class="chart-table aldrete-table">
            <caption class="visually-hidden">Scores, discharge needs {min} or more</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Activity</th>
                <th scope="col">Respiration</th>
                <th scope="col">Circulation</th>
                <th scope="col">Consciousness</th>
                <th scope="col">Oxygen</th>
                <th scope="col">Total</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {s.aldrete.map((a) => (
                <tr key={a.at}>
                  <th scope="row">{clockTime(a.at)}</th>
                  <td>{a.activity}</td>
                  <td>{a.respiration}</td>
                  <td>
                    {a.circulation}
                    {a.bp_change_pct !== null ? ` (BP ${a.bp_change_pct > 0 ? '+' : ''}${a.bp_change_pct} % of baseline)` : ''}
                  </td>
                  <td>{a.consciousness}</td>
                  <td>{a.oxygen}</td>
                  <td>
                    <strong>{a.total}</strong> {a.total >= min ? '(enough for discharge)' : `(below ${min})`}
                  </td>
                  <td>{a.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canRun && RECOVERY.includes(s.state) && (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate class="sub-form" aria-labelledby="aldrete-form-heading">
          <h3 id="aldrete-form-heading">Score now</h3>
          {ALDRETE_ITEMS.map((item) => (
            <ChoiceGroup
              key={item.field}
              legend={item.legend}
              name={item.field}
              type="radio"
              choices={item.choices}
              selected={draft[item.field] ? [draft[item.field]] : []}
              onSelected={(v) => {
                setDraft((d) => ({ ...d, [item.field]: v[0] ?? '' }));
                form.clear(item.field);
              }}
              error={form.errorFor(item.field)}
            />
          ))}
          <label class="checkbox">
            <input type="checkbox" name="on_room_air" checked={draft.on_room_air} onChange={(e) => setDraft((d) => ({ ...d, on_room_air: e.currentTarget.checked }))} />
            Breathing room air (no supplemental oxygen)
          </label>
          <p class="hint">Circulation and oxygen are scored from the latest reading against the pre-dose baseline.</p>
          <FormFooter generalError={form.generalError} pending={form.pending} label="Record score" pendingLabel="Saving…" status={form.status} />
        </form>
      )}
    </section>
  );
}
