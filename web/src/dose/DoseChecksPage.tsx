// Double checks (/dose-checks, prescriber and nurse): the dose orders awaiting an
// independent check, and the blind check form. The checker sees only the patient,
// route, planned date and dose rule; they enter the weight and the concentration
// (esketamine: the device count). A mismatch is shown as blocked, naming the fields
// and never the first entry's values.
import { useEffect, useState } from 'preact/hooks';
import { onLiveChange } from '../live/live_client';
import type { ApiClient, DoseOrder } from '../api';
import { ApiError } from '../api';
import { FormFooter } from '../chart/FormFooter';
import { useChartForm } from '../chart/use_chart_form';
import { Link } from '../router';
import { TextField } from '../ui/TextField';
import { problemFrom } from '../ui/form_problem';
import { formatDateTime } from '../ui/format';
import { CHECK_FIELDS, STATUS_LABELS, blockedMessage, checkFieldsFor, mismatchedFields, readCheckDraft, ruleText, type CheckDraft } from './dose_form';

export function DoseChecksPage({ api }: { api: ApiClient }) {
  const [orders, setOrders] = useState<DoseOrder[] | null>(null);
  const [error, setError] = useState('');
  const [generation, setGeneration] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [verified, setVerified] = useState('');
  useEffect(() => {
    let current = true;
    api.listDoseChecks().then(
      (items) => {
        if (!current) return;
        setOrders(items);
        setError('');
      },
      (e: unknown) => current && setError(problemFrom(e).message),
    );
    return () => {
      current = false;
    };
  }, [api, generation]);
  // A new order, or a check at another desk, shows at once (the live connection).
  useEffect(() => onLiveChange(['dose.'], () => setGeneration((g) => g + 1)), []);

  const chosen = orders?.find((o) => o.id === open);
  return (
    <div class="page">
      <h1>Dose double checks</h1>
      <p class="muted">Each dose is checked by a second clinician who enters the weight and the concentration without seeing the first entry.</p>
      {verified && (
        <p role="status" class="form-status dose-verified">
          {verified}
        </p>
      )}
      {error && (
        <p role="alert" class="form-error">
          The double checks could not be loaded: {error}{' '}
          <button type="button" class="link-button" onClick={() => setGeneration((n) => n + 1)}>
            Try again
          </button>
        </p>
      )}
      {orders && orders.length === 0 && <p class="list-status">No doses are awaiting a double check.</p>}
      {orders && orders.length > 0 && (
        <div class="table-scroll">
          <table class="dose-checks">
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Route</th>
                <th scope="col">Planned for</th>
                <th scope="col">Dose rule</th>
                <th scope="col">Status</th>
                <th scope="col">Ordered</th>
                <th scope="col">Check</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link href={`/patients/${encodeURIComponent(o.patient.id)}`}>{o.patient.name}</Link>
                  </td>
                  <td>{o.route_label}</td>
                  <td>{o.planned_for}</td>
                  <td>{ruleText(o)}</td>
                  <td>{STATUS_LABELS[o.status]}</td>
                  <td>
                    {formatDateTime(o.ordered_at)} by {o.ordered_by}
                  </td>
                  <td>
                    {o.can_check ? (
                      <button type="button" onClick={() => setOpen(o.id)} aria-label={`Check the dose for ${o.patient.name}`}>
                        Check
                      </button>
                    ) : (
                      <span class="muted">Your order: another clinician checks it</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {chosen && (
        <BlindCheckForm
          key={chosen.id}
          api={api}
          order={chosen}
          onVerified={(o) => {
            setOpen(null);
            setVerified(`Verified: ${o.patient.name}, ${o.route_label} on ${o.planned_for} — ${o.dose_mg ?? '?'} mg.`);
            setGeneration((n) => n + 1);
          }}
          onBlocked={() => setGeneration((n) => n + 1)}
        />
      )}
    </div>
  );
}

const LABELS: Record<(typeof CHECK_FIELDS)[number], string> = {
  weight_kg: 'Weight (kg)',
  concentration_mg_per_ml: 'Concentration (mg/mL)',
  devices: 'Number of devices',
};

interface BlindCheckFormProps {
  api: ApiClient;
  order: DoseOrder;
  onVerified: (order: DoseOrder) => void;
  onBlocked: () => void;
}

export function BlindCheckForm({ api, order, onVerified, onBlocked }: BlindCheckFormProps) {
  const [draft, setDraft] = useState<CheckDraft>({ weight_kg: '', concentration_mg_per_ml: '', devices: '' });
  const [blocked, setBlocked] = useState<string[]>([]);
  const form = useChartForm(CHECK_FIELDS);
  const fields = checkFieldsFor(order.route);
  // After a mismatch, focus lands on the first field that did not match.
  useEffect(() => {
    if (blocked[0]) form.formRef.current?.querySelector<HTMLElement>(`[name="${blocked[0]}"]`)?.focus();
  }, [blocked, form.formRef]);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => {
        const read = readCheckDraft(order.route, draft);
        return 'problem' in read ? read.problem : null;
      },
      async () => {
        const read = readCheckDraft(order.route, draft);
        if ('problem' in read) return '';
        try {
          const checked = await api.doubleCheckDose(order.id, read.entry);
          setBlocked([]);
          onVerified(checked);
          return 'Verified.';
        } catch (e) {
          if (e instanceof ApiError && e.code === 'double_check_mismatch') {
            setBlocked(mismatchedFields(e.field));
            onBlocked();
            return '';
          }
          throw e;
        }
      },
    );
  };
  const headingId = `dose-check-${order.id}`;
  return (
    <section class="panel dose-check" aria-labelledby={headingId}>
      <h2 id={headingId}>Double check: {order.patient.name}</h2>
      <dl class="dose-figures">
        <dt>Route</dt>
        <dd>{order.route_label}</dd>
        <dt>Planned for</dt>
        <dd>{order.planned_for}</dd>
        <dt>Dose rule</dt>
        <dd>{ruleText(order)}</dd>
      </dl>
      <p class="muted">Enter what you measured and read yourself. The first clinician’s entries stay hidden until the check matches.</p>
      {blocked.length > 0 && (
        <p class="dose-blocked" role="alert">
          {blockedMessage(blocked)}
        </p>
      )}
      <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        {fields.map((field) => (
          <TextField
            key={field}
            label={LABELS[field]}
            name={field}
            type="number"
            min="0"
            step={field === 'devices' ? '1' : '0.1'}
            value={draft[field]}
            onValue={(v) => {
              setDraft((d) => ({ ...d, [field]: v }));
              form.clear(field);
            }}
            error={form.errorFor(field) ?? (blocked.includes(field) ? 'Does not match the order.' : undefined)}
            required
          />
        ))}
        <FormFooter generalError={form.generalError} pending={form.pending} label="Submit double check" pendingLabel="Checking…" status={form.status} />
      </form>
    </section>
  );
}
