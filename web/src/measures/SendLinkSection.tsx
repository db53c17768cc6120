// "Send questionnaire link": staff choose patient-completion questionnaires; the
// server makes a link, puts the message to the patient in the outbox, and returns
// the link's address, which is shown once with a copy button. Earlier links are
// listed below (never their addresses: the server keeps no token to show).
import { useState } from 'preact/hooks';
import type { CreatedQuestionnaireLink, Instrument, SentQuestionnaireLink } from '../api';
import { useChartForm } from '../chart/use_chart_form';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { formatDateTime } from '../ui/format';
import { CopyLink } from './CopyLink';
import { instrumentName, linkableInstruments } from './measures_rules';

/** The server takes 1 to 6 instruments per link. */
export const MAX_LINK_INSTRUMENTS = 6;

const LINK_STATUS_LABELS: Record<SentQuestionnaireLink['status'], string> = { open: 'Open', used: 'Completed', expired: 'Expired' };

interface SendLinkSectionProps {
  catalogue: readonly Instrument[];
  links: readonly SentQuestionnaireLink[];
  /** Creates the link; throws ApiError (400 on field instruments). */
  onCreate: (instruments: string[]) => Promise<CreatedQuestionnaireLink>;
}

export function SendLinkSection({ catalogue, links, onCreate }: SendLinkSectionProps) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [created, setCreated] = useState<CreatedQuestionnaireLink | null>(null);
  const form = useChartForm(['instruments']);
  const choices = linkableInstruments(catalogue).map((i) => ({ value: i.code, label: i.name }));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () =>
        chosen.length === 0
          ? { field: 'instruments', message: 'Choose at least one questionnaire.' }
          : chosen.length > MAX_LINK_INSTRUMENTS
            ? { field: 'instruments', message: `Choose at most ${MAX_LINK_INSTRUMENTS} questionnaires for one link.` }
            : null,
      async () => {
        setCreated(null);
        setCreated(await onCreate(chosen));
        setChosen([]);
        return 'Link created. The message went to the outbox.';
      },
    );
  };

  return (
    <section class="panel send-link" aria-labelledby="send-link-heading">
      <h2 id="send-link-heading">Send questionnaire link</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="send-link-heading">
        <ChoiceGroup
          legend="Questionnaires for the patient"
          hint="The patient fills them in on their own device; no sign-in needed."
          name="instruments"
          type="checkbox"
          choices={choices}
          selected={chosen}
          onSelected={(values) => {
            setChosen(values);
            form.clear('instruments');
          }}
          error={form.errorFor('instruments')}
        />
        {form.generalError && (
          <p class="form-error" role="alert" tabIndex={-1}>
            {form.generalError}
          </p>
        )}
        <div class="form-footer">
          <button type="submit" disabled={form.pending}>
            {form.pending ? 'Creating…' : 'Create link'}
          </button>
          <p role="status" class="form-status">
            {form.status}
          </p>
        </div>
      </form>
      {created && <CreatedLink link={created} />}
      {links.length > 0 && <SentLinks links={links} catalogue={catalogue} />}
    </section>
  );
}

function CreatedLink({ link }: { link: CreatedQuestionnaireLink }) {
  return (
    <div class="created-link">
      <h3>Link for the patient</h3>
      <CopyLink url={window.location.origin + link.path} label="Questionnaire link" />
      <p class="hint">
        Expires <time dateTime={link.expires_at}>{formatDateTime(link.expires_at)}</time>. The link is shown only now: copy it before leaving this page.
      </p>
      <h4>Message sent to the outbox</h4>
      <p class="message-subject">{link.message.subject}</p>
      <p class="message-body preserve-lines">{link.message.body}</p>
    </div>
  );
}

function SentLinks({ links, catalogue }: { links: readonly SentQuestionnaireLink[]; catalogue: readonly Instrument[] }) {
  return (
    <>
      <h3>Links sent</h3>
      <ul class="event-list sent-links">
        {links.map((link) => (
          <li key={link.id}>
            <span class="event-text">
              {link.instruments.map((code) => instrumentName(catalogue, code)).join(', ')} · {LINK_STATUS_LABELS[link.status]}
              {link.submitted.length > 0 && link.status === 'open' && ` (${link.submitted.length} of ${link.instruments.length} submitted)`}
            </span>
            <span class="event-by">
              Sent {formatDateTime(link.created_at)}; expires {formatDateTime(link.expires_at)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
