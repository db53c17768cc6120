// Every questionnaire response of the patient, newest first: what, when, status,
// the source and who entered it, and the score. A submitted response may be amended (once); an
// amended one says so, and a draft entered by staff may be continued.
import type { Instrument, MeasureResponse } from '../api';
import { formatDateTime } from '../ui/format';
import { instrumentName, scoreText, SOURCE_LABELS, STATUS_LABELS } from './measures_rules';

interface ResponsesSectionProps {
  responses: readonly MeasureResponse[];
  catalogue: readonly Instrument[];
  /** Offer "Amend" and "Continue"; undefined: the user only reads. */
  onAmend?: ((response: MeasureResponse) => void) | undefined;
  onContinue?: ((response: MeasureResponse) => void) | undefined;
}

export function ResponsesSection({ responses, catalogue, onAmend, onContinue }: ResponsesSectionProps) {
  return (
    <section class="panel" aria-labelledby="responses-heading">
      <h2 id="responses-heading">Questionnaire responses</h2>
      {responses.length === 0 ? (
        <p class="muted">No responses yet.</p>
      ) : (
        <div class="table-scroll">
          <table class="chart-table responses-table">
            <thead>
              <tr>
                <th scope="col">Questionnaire</th>
                <th scope="col">Date</th>
                <th scope="col">Status</th>
                <th scope="col">Source</th>
                <th scope="col">Total</th>
                {(onAmend ?? onContinue) && (
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {responses.map((r) => (
                <ResponseRow key={r.id} response={r} name={instrumentName(catalogue, r.instrument)} onAmend={onAmend} onContinue={onContinue} actions={Boolean(onAmend ?? onContinue)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface ResponseRowProps extends Pick<ResponsesSectionProps, 'onAmend' | 'onContinue'> {
  response: MeasureResponse;
  name: string;
  actions: boolean;
}

function ResponseRow({ response: r, name, onAmend, onContinue, actions }: ResponseRowProps) {
  const when = formatDateTime(r.submitted_at ?? r.started_at);
  const canAmend = onAmend && r.status === 'submitted' && r.amended_by === null;
  const canContinue = onContinue && r.status === 'in_progress' && r.source === 'staff';
  return (
    <tr class={r.amended_by ? 'amended' : undefined}>
      <th scope="row">{name}</th>
      <td class="since">
        <time dateTime={r.submitted_at ?? r.started_at}>{when}</time>
      </td>
      <td>
        {STATUS_LABELS[r.status]}
        {r.amended_by && <span class="response-note">Amended by a later response</span>}
        {r.amends && <span class="response-note">Amends an earlier response{r.amendment_reason ? `: ${r.amendment_reason}` : ''}</span>}
      </td>
      <td>
        {SOURCE_LABELS[r.source]}
        {r.entered_by && <span class="entered-by">{breakableEmail(r.entered_by)}</span>}
      </td>
      <td>{scoreText(r)}</td>
      {actions && (
        <td>
          {canAmend && (
            <button type="button" class="secondary small-button" onClick={() => onAmend(r)}>
              Amend<span class="visually-hidden"> {name} of {when}</span>
            </button>
          )}
          {canContinue && (
            <button type="button" class="secondary small-button" onClick={() => onContinue(r)}>
              Continue<span class="visually-hidden"> {name} draft</span>
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

/** An e-mail address that wraps after its "@" rather than inside a word. */
function breakableEmail(email: string) {
  const at = email.indexOf('@');
  if (at < 0) return email;
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  );
}
