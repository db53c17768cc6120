// The chart's Dose tab: the latest weight (and whether it is recent enough), the dose
// calculator (the dose with its rounding stated, volume, pump rate, esketamine device
// times, the limit verdict in plain words, the override reason when above the soft
// limit, the refusal above the hard limit), cumulative exposure, ordering (prescriber),
// and the patient's orders with their status. A checker sees orders blinded.
import { useEffect, useState } from 'preact/hooks';
import { onLiveChange } from '../live/live_client';
import type { ApiClient, DoseCalculation, DoseOrder, PatientExposure, PkDose } from '../api';
import { FormFooter } from '../chart/FormFooter';
import { useChartForm } from '../chart/use_chart_form';
import { SelectField } from '../ui/SelectField';
import { TextArea } from '../ui/TextArea';
import { TextField } from '../ui/TextField';
import { problemFrom } from '../ui/form_problem';
import { formatDateTime } from '../ui/format';
import { DOSE_FIELDS, ROUTE_CHOICES, STATUS_LABELS, deviceTimes, emptyDraft, todayUtc, isEsketamine, isInfusion, isWeightBased, readDoseDraft, ruleText, verdictWords, type DoseDraft } from './dose_form';
import { ExposureSummary } from './ExposureSummary';
import { PkChart } from '../pk/PkChart';

interface DoseTabProps {
  api: ApiClient;
  patientId: string;
  /** Offer ordering (prescriber). */
  canOrder: boolean;
}

export function DoseTab({ api, patientId, canOrder }: DoseTabProps) {
  const [exposure, setExposure] = useState<PatientExposure | null>(null);
  const [orders, setOrders] = useState<DoseOrder[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    Promise.all([api.getExposure(patientId), api.listDoseOrders(patientId)]).then(
      ([e, o]) => {
        if (!current) return;
        setExposure(e);
        setOrders(o);
        setLoadError('');
      },
      (e: unknown) => current && setLoadError(problemFrom(e).message),
    );
    return () => {
      current = false;
    };
  }, [api, patientId, generation]);
  // This patient's orders as they are checked elsewhere (the live connection).
  useEffect(
    () =>
      onLiveChange(['dose.'], (m) => {
        if (m.type === 'resync' || m.data?.['patient_id'] === patientId) setGeneration((g) => g + 1);
      }),
    [patientId],
  );

  return (
    <div class="dose-tab">
      {loadError && (
        <p role="alert" class="form-error">
          The dose record could not be loaded: {loadError}{' '}
          <button type="button" class="link-button" onClick={() => setGeneration((n) => n + 1)}>
            Try again
          </button>
        </p>
      )}
      {exposure && <LatestWeight exposure={exposure} />}
      <DoseCalculator api={api} patientId={patientId} canOrder={canOrder} onOrdered={() => setGeneration((n) => n + 1)} />
      {exposure && (
        <section class="panel" aria-labelledby="dose-exposure-heading">
          <h2 id="dose-exposure-heading">Cumulative exposure</h2>
          <ExposureSummary exposure={exposure.exposure} />
        </section>
      )}
      {orders && <OrderList api={api} orders={orders} canCancel={canOrder} onChanged={() => setGeneration((n) => n + 1)} />}
    </div>
  );
}

function LatestWeight({ exposure }: { exposure: PatientExposure }) {
  const w = exposure.latest_weight;
  if (!w)
    return (
      <p class="dose-weight dose-weight-missing" role="status">
        No weight is recorded. Record the patient’s weight on the Record tab before calculating a weight-based dose.
      </p>
    );
  if (w.stale)
    return (
      <p class="dose-weight dose-weight-stale" role="status">
        The latest weight, {w.weight_kg} kg on {w.measured_on}, is {w.age_days} days old: too old for dosing (the clinic allows {exposure.max_weight_age_days} days). Record a new weight on the Record tab.
      </p>
    );
  return (
    <p class="dose-weight" role="status">
      Latest weight: {w.weight_kg} kg on {w.measured_on} ({w.age_days === 0 ? 'today' : w.age_days === 1 ? '1 day ago' : `${w.age_days} days ago`}).
    </p>
  );
}

interface CalculatorProps {
  api: ApiClient;
  patientId: string;
  canOrder: boolean;
  onOrdered: () => void;
}

function DoseCalculator({ api, patientId, canOrder, onOrdered }: CalculatorProps) {
  const [draft, setDraft] = useState<DoseDraft>(() => emptyDraft(todayUtc()));
  const [result, setResult] = useState<DoseCalculation | null>(null);
  const form = useChartForm(DOSE_FIELDS);
  const set = (field: keyof DoseDraft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (field !== 'override_reason' && field !== 'plan_id') setResult(null);
    form.clear(field === 'mg_per_kg' || field === 'dose_mg' || field === 'infusion_minutes' ? `dose_rule.${field}` : field);
  };
  const route = draft.route;

  const check = () => {
    const read = readDoseDraft(draft);
    return 'problem' in read ? read.problem : null;
  };
  const calculate = (event: Event) => {
    event.preventDefault();
    void form.submit(check, async () => {
      const read = readDoseDraft(draft);
      if ('problem' in read) return '';
      setResult(await api.calculateDose(patientId, read.request));
      return 'Calculated. Nothing is ordered yet.';
    });
  };
  const order = () => {
    void form.submit(check, async () => {
      const read = readDoseDraft(draft);
      if ('problem' in read) return '';
      const ordered = await api.orderDose(patientId, read.request);
      setResult(null);
      setDraft((d) => ({ ...d, override_reason: '' }));
      onOrdered();
      return `Dose ordered: ${ordered.dose_mg ?? ''} mg on ${ordered.planned_for}. A second clinician must now double-check it.`;
    });
  };

  return (
    <section class="panel dose-calculator" aria-labelledby="dose-calculator-heading">
      <h2 id="dose-calculator-heading">Dose calculator</h2>
      <form ref={form.formRef} onSubmit={calculate} noValidate aria-labelledby="dose-calculator-heading">
        <SelectField label="Route" name="route" value={route} onValue={(v) => set('route', v)} choices={ROUTE_CHOICES} error={form.errorFor('route')} required />
        {isWeightBased(route) && (
          <TextField label="Dose (mg/kg)" name="dose_rule.mg_per_kg" type="number" min="0" step="0.01" value={draft.mg_per_kg} onValue={(v) => set('mg_per_kg', v)} error={form.errorFor('dose_rule.mg_per_kg')} required />
        )}
        {isEsketamine(route) && (
          <SelectField
            label="Dose (mg)"
            name="dose_rule.dose_mg"
            hint="28 mg per device, devices 5 minutes apart; the first dose is 56 mg."
            value={draft.dose_mg}
            onValue={(v) => set('dose_mg', v)}
            placeholder="Choose a dose"
            choices={[
              { value: '56', label: '56 mg (2 devices)' },
              { value: '84', label: '84 mg (3 devices)' },
            ]}
            error={form.errorFor('dose_rule.dose_mg')}
            required
          />
        )}
        {!isWeightBased(route) && !isEsketamine(route) && (
          <TextField label="Dose (mg)" name="dose_rule.dose_mg" type="number" min="0" step="0.5" value={draft.dose_mg} onValue={(v) => set('dose_mg', v)} error={form.errorFor('dose_rule.dose_mg')} required />
        )}
        {isInfusion(route) && (
          <TextField label="Infusion time (minutes)" name="dose_rule.infusion_minutes" type="number" min="1" step="1" value={draft.infusion_minutes} onValue={(v) => set('infusion_minutes', v)} error={form.errorFor('dose_rule.infusion_minutes')} required />
        )}
        {!isEsketamine(route) && (
          <TextField label="Concentration (mg/mL)" name="concentration_mg_per_ml" type="number" min="0" step="0.1" hint="As printed on the vial or the prepared syringe." value={draft.concentration_mg_per_ml} onValue={(v) => set('concentration_mg_per_ml', v)} error={form.errorFor('concentration_mg_per_ml')} required />
        )}
        <TextField label="Planned for" name="planned_for" type="date" value={draft.planned_for} onValue={(v) => set('planned_for', v)} error={form.errorFor('planned_for')} required />
        {result && <CalculationResult result={result} />}
        {result && <PkChart api={api} route={result.route} weightKg={result.weight?.weight_kg ?? null} doses={pkDosesOf(result)} title="Predicted plasma concentration of this dose" />}
        {canOrder && result?.limit.verdict === 'above_soft' && (
          <TextArea label="Reason for going above the soft limit" name="override_reason" hint="Recorded with the order and in the audit trail." value={draft.override_reason} onValue={(v) => set('override_reason', v)} error={form.errorFor('override_reason')} maxLength={1000} required />
        )}
        <FormFooter generalError={form.generalError} pending={form.pending} label="Calculate" pendingLabel="Working…" status={form.status} />
        {canOrder && result && !result.limit.refused && (
          <div class="form-footer">
            <button type="button" onClick={order} disabled={form.pending}>
              Order this dose
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

function CalculationResult({ result }: { result: DoseCalculation }) {
  const verdictClass = `dose-verdict dose-verdict-${result.limit.verdict}`;
  return (
    <div class="dose-result" aria-live="polite">
      <dl class="dose-figures">
        <dt>Dose</dt>
        <dd>
          <strong>{result.dose_mg} mg</strong>
          {result.dose_mg_per_kg !== null && ` (${result.dose_mg_per_kg} mg/kg given)`} — {result.dose_rounding}
        </dd>
        {result.weight && (
          <>
            <dt>Weight used</dt>
            <dd>
              {result.weight.weight_kg} kg on {result.weight.measured_on}
            </dd>
          </>
        )}
        {result.volume_ml !== null && (
          <>
            <dt>Volume</dt>
            <dd>
              <strong>{result.volume_ml} mL</strong> — {result.volume_rounding}
            </dd>
          </>
        )}
        {result.rate_ml_per_h !== null && (
          <>
            <dt>Pump rate</dt>
            <dd>
              <strong>{result.rate_ml_per_h} mL/h</strong> — {result.rate_rounding}
            </dd>
          </>
        )}
        {result.devices !== null && (
          <>
            <dt>Devices</dt>
            <dd>
              <strong>{result.devices} devices</strong>: {deviceTimes(result.device_minutes)}
            </dd>
          </>
        )}
      </dl>
      <p class={verdictClass} role={result.limit.verdict === 'within' ? undefined : 'alert'}>
        {verdictWords(result.limit)}
      </p>
      <p class="muted">
        In the 30 days to {result.exposure.to} before this dose: {result.exposure.total_mg} mg, {result.exposure.total_mg_per_kg} mg/kg, {result.exposure.sessions} session{result.exposure.sessions === 1 ? '' : 's'}.
      </p>
    </div>
  );
}

interface OrderListProps {
  api: ApiClient;
  orders: DoseOrder[];
  /** Offer cancelling (prescriber). */
  canCancel: boolean;
  onChanged: () => void;
}

function OrderList({ api, orders, canCancel, onChanged }: OrderListProps) {
  const [cancelling, setCancelling] = useState<string | null>(null);
  const chosen = orders.find((o) => o.id === cancelling);
  return (
    <section class="panel" aria-labelledby="dose-orders-heading">
      <h2 id="dose-orders-heading">Dose orders</h2>
      {orders.length === 0 ? (
        <p class="list-status">No doses have been ordered.</p>
      ) : (
        <div class="table-scroll">
          <table class="dose-orders">
            <thead>
              <tr>
                <th scope="col">Planned for</th>
                <th scope="col">Route</th>
                <th scope="col">Rule</th>
                <th scope="col">Dose</th>
                <th scope="col">Status</th>
                <th scope="col">Ordered</th>
                {canCancel && <th scope="col">Action</th>}
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id}>
                  <td>{o.planned_for}</td>
                  <td>{o.route_label}</td>
                  <td>{ruleText(o)}</td>
                  <td>{o.blinded ? 'Hidden until double-checked' : doseSummary(o)}</td>
                  <td>{STATUS_LABELS[o.status]}</td>
                  <td>
                    {formatDateTime(o.ordered_at)} by {o.ordered_by}
                    {o.override_reason && <span class="muted"> — override: {o.override_reason}</span>}
                    {o.cancel_reason && <span class="muted"> — cancelled: {o.cancel_reason}</span>}
                  </td>
                  {canCancel && (
                    <td>
                      {o.status !== 'cancelled' && (
                        <button type="button" class="link-button" onClick={() => setCancelling(o.id)} aria-label={`Cancel the order for ${o.planned_for}`}>
                          Cancel
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {chosen && (
        <CancelOrderForm
          key={chosen.id}
          api={api}
          order={chosen}
          onDone={() => {
            setCancelling(null);
            onChanged();
          }}
          onClose={() => setCancelling(null)}
        />
      )}
    </section>
  );
}

function CancelOrderForm({ api, order, onDone, onClose }: { api: ApiClient; order: DoseOrder; onDone: () => void; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const form = useChartForm(['reason']);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => (reason.trim() === '' ? { field: 'reason', message: 'Give the reason for cancelling.' } : null),
      async () => {
        await api.cancelDoseOrder(order.id, reason.trim());
        onDone();
        return 'Order cancelled.';
      },
    );
  };
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate class="dose-cancel" aria-label={`Cancel the dose order for ${order.planned_for}`}>
      <TextField
        label={`Reason for cancelling the ${order.route_label} order for ${order.planned_for}`}
        name="reason"
        value={reason}
        onValue={(v) => {
          setReason(v);
          form.clear('reason');
        }}
        error={form.errorFor('reason')}
        maxLength={1000}
        required
      />
      <FormFooter generalError={form.generalError} pending={form.pending} label="Cancel this order" pendingLabel="Cancelling…" status={form.status} />
      <button type="button" class="link-button" onClick={onClose}>
        Keep the order
      </button>
    </form>
  );
}

function doseSummary(o: DoseOrder): string {
  const parts = [`${o.dose_mg ?? '?'} mg`];
  if (o.volume_ml !== null) parts.push(`${o.volume_ml} mL at ${o.concentration_mg_per_ml ?? '?'} mg/mL`);
  if (o.rate_ml_per_h !== null) parts.push(`${o.rate_ml_per_h} mL/h`);
  if (o.devices !== null) parts.push(`${o.devices} devices`);
  return parts.join(', ');
}

/** The calculated dose as the PK model takes it: one infusion or bolus, or each esketamine device. */
export function pkDosesOf(result: DoseCalculation): PkDose[] {
  if (result.devices && result.device_minutes.length > 0) {
    const perDevice = result.dose_mg / result.device_minutes.length;
    return result.device_minutes.map((minute) => ({ at_minute: minute, dose_mg: perDevice }));
  }
  const infusion = result.dose_rule.infusion_minutes ?? 0;
  return [{ at_minute: 0, dose_mg: result.dose_mg, ...(infusion > 0 ? { infusion_minutes: infusion } : {}) }];
}
