// The drug's lot and expiry (a gate before dosing): shown once recorded, and
// changeable until the session ends. An expired lot is refused here and by the server.
import { useState } from 'preact/hooks';
import { FormFooter } from '../chart/FormFooter';
import { TextField } from '../ui/TextField';
import { todayLocal } from '../ui/format';
import { readDrugLot } from './session_forms';
import { isFinal } from './session_rules';
import { useSessionForm, type PanelProps } from './use_session_form';

export function DrugLotForm({ api, session: s, onSession, canRun }: PanelProps) {
  const [lot, setLot] = useState(s.drug_lot?.lot ?? '');
  const [expiry, setExpiry] = useState(s.drug_lot?.expiry_date ?? '');
  const form = useSessionForm(['lot', 'expiry_date'], onSession);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.send(() => readDrugLot(lot, expiry, todayLocal()), (v) => api.recordDrugLot(s.id, v.lot, v.expiry_date), 'Lot recorded.');
  };
  return (
    <section class="panel" aria-labelledby="drug-lot-heading">
      <h2 id="drug-lot-heading">Drug lot</h2>
      <p>{s.drug_lot ? `Lot ${s.drug_lot.lot}, expires ${s.drug_lot.expiry_date}.` : 'No lot recorded yet.'}</p>
      {canRun && !isFinal(s.state) && (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="drug-lot-heading" class="inline-form">
          <TextField label="Lot number" name="lot" value={lot} onValue={(v) => { setLot(v); form.clear('lot'); }} error={form.errorFor('lot')} maxLength={64} required />
          <TextField label="Expiry date" name="expiry_date" type="date" value={expiry} onValue={(v) => { setExpiry(v); form.clear('expiry_date'); }} error={form.errorFor('expiry_date')} required />
          <FormFooter generalError={form.generalError} pending={form.pending} label="Record the lot" pendingLabel="Saving…" status={form.status} />
        </form>
      )}
    </section>
  );
}
