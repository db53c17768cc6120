// The dosing record: the dose order's figures, what has been delivered, the infusion
// events with their reasons, a rate change while dosing (IV), the esketamine devices,
// and the rescue medicines.
import { useState } from 'preact/hooks';
import type { SessionView } from '../api';
import { FormFooter } from '../chart/FormFooter';
import { TextField } from '../ui/TextField';
import { EsketamineDevices } from './EsketamineDevices';
import { RescueMedicines } from './RescueMedicines';
import { readRateChange } from './session_forms';
import { clockTime, isEsketamine, isIv } from './session_rules';
import { useSessionForm, type PanelProps } from './use_session_form';

const EVENT_WORDS = { start: 'Started', rate_change: 'Rate changed', pause: 'Paused', resume: 'Resumed', stop: 'Stopped' };


/** A figure rounded for reading (the server's value may carry every digit). */
const roundTo = (value: number, digits: number) => Number(value.toFixed(digits));

export function DosePanel(props: PanelProps) {
  const s = props.session;
  return (
    <section class="panel dose-panel" aria-labelledby="dose-panel-heading">
      <h2 id="dose-panel-heading">Dose</h2>
      <DoseFigures session={s} />
      {isIv(s.route) && <InfusionLog session={s} />}
      {isIv(s.route) && props.canRun && s.state === 'dosing' && <RateChangeForm {...props} />}
      {isEsketamine(s.route) && <EsketamineDevices {...props} />}
      <RescueMedicines {...props} />
    </section>
  );
}

function DoseFigures({ session: s }: { session: SessionView }) {
  const o = s.dose_order;
  if (!o) return <p class="dose-blocked">No verified dose order for this session.</p>;
  return (
    <dl class="dose-figures">
      <dt>Ordered dose</dt>
      <dd>
        <strong>{o.dose_mg} mg</strong>
      </dd>
      {o.volume_ml !== null && (
        <>
          <dt>Volume</dt>
          <dd>
            {o.volume_ml} mL{o.concentration_mg_per_ml !== null ? ` at ${o.concentration_mg_per_ml} mg/mL` : ''}
          </dd>
        </>
      )}
      {o.rate_ml_per_h !== null && (
        <>
          <dt>Pump rate</dt>
          <dd>
            <strong>{o.rate_ml_per_h} mL/h</strong>
            {o.infusion_minutes !== null ? ` over ${o.infusion_minutes} min` : ''}
          </dd>
        </>
      )}
      {o.devices !== null && (
        <>
          <dt>Devices</dt>
          <dd>{o.devices} (28 mg each, 5 minutes apart)</dd>
        </>
      )}
      {isIv(s.route) && (
        <>
          <dt>Delivered</dt>
          <dd>
            <strong>
              {roundTo(s.delivered.dose_mg, 2)} mg ({roundTo(s.delivered.volume_ml, 2)} mL)
            </strong>{' '}
            in {roundTo(s.delivered.running_minutes, 1)} min of running
          </dd>
        </>
      )}
    </dl>
  );
}

function InfusionLog({ session: s }: { session: SessionView }) {
  if (s.infusion.length === 0) return <p class="muted">The infusion has not started.</p>;
  return (
    <div class="table-scroll">
      <table class="chart-table infusion-log">
        <caption class="visually-hidden">Infusion events</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            <th scope="col">Rate</th>
            <th scope="col">Reason</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {s.infusion.map((e, i) => (
            <tr key={i}>
              <td>{clockTime(e.at)}</td>
              <td>{EVENT_WORDS[e.kind]}</td>
              <td>{e.rate_ml_per_h !== null ? `${e.rate_ml_per_h} mL/h` : '—'}</td>
              <td>{e.reason}</td>
              <td>{e.by}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RateChangeForm({ api, session: s, onSession }: PanelProps) {
  const [rate, setRate] = useState('');
  const [reason, setReason] = useState('');
  const form = useSessionForm(['rate_ml_per_h', 'reason'], onSession);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.send(
      () => readRateChange(rate, reason),
      (v) => api.changeInfusionRate(s.id, v.rate_ml_per_h, v.reason),
      'Rate changed.',
      () => {
        setRate('');
        setReason('');
      },
    );
  };
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate class="sub-form" aria-labelledby="rate-change-heading">
      <h3 id="rate-change-heading">Change the rate</h3>
      <TextField label="New rate (mL/h)" name="rate_ml_per_h" type="number" min="0" step="0.1" value={rate} onValue={(v) => { setRate(v); form.clear('rate_ml_per_h'); }} error={form.errorFor('rate_ml_per_h')} required />
      <TextField label="Reason for the change" name="reason" value={reason} onValue={(v) => { setReason(v); form.clear('reason'); }} error={form.errorFor('reason')} maxLength={500} required />
      <FormFooter generalError={form.generalError} pending={form.pending} label="Change the rate" pendingLabel="Saving…" status={form.status} />
    </form>
  );
}
