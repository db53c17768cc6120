// Weight and height: the latest of each, every measurement newest first, and for
// editors a form to add one.
import { MEASUREMENT_KINDS, type Measurement, type MeasurementKind, type NewMeasurement } from '../api';
import { formatDate, todayLocal } from '../ui/format';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { useState } from 'preact/hooks';
import { EnteredInErrorButton, EnteredInErrorNote, Struck, useEnteredInError } from './EnteredInError';
import { FormFooter } from './FormFooter';
import { MEASUREMENT_LABELS, MEASUREMENT_LIMITS, latestMeasurement, measurementText, measurementValue } from './record_rules';
import { useChartForm } from './use_chart_form';

interface MeasurementsSectionProps {
  /** Newest first. */
  measurements: readonly Measurement[];
  canEdit: boolean;
  onAdd: (measurement: NewMeasurement) => Promise<void>;
  /** Marks it entered in error; throws ApiError. */
  onMarkError: (measurement: Measurement, reason: string) => Promise<void>;
}

export function MeasurementsSection({ measurements, canEdit, onAdd, onMarkError }: MeasurementsSectionProps) {
  const marking = useEnteredInError((m: Measurement) => `the ${m.kind} of ${m.measured_on} (${measurementText(m)})`, onMarkError);
  return (
    <section class="panel" aria-labelledby="measurements-heading">
      <h2 id="measurements-heading">Weight and height</h2>
      <dl class="latest-measurements">
        {MEASUREMENT_KINDS.map((kind) => {
          const latest = latestMeasurement(measurements, kind);
          return (
            <div key={kind}>
              <dt>Latest {kind}</dt>
              <dd>{latest ? `${measurementText(latest)} on ${latest.measured_on}` : 'Not measured'}</dd>
            </div>
          );
        })}
      </dl>
      {measurements.length > 0 && (
        <div class="table-scroll">
          <table class="chart-table measurements-table">
            <thead>
              <tr>
                <th scope="col">Measured on</th>
                <th scope="col">Measurement</th>
                <th scope="col">Value</th>
                <th scope="col">Recorded</th>
                <th scope="col">
                  <span class="visually-hidden">Correction</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {measurements.map((m) => (
                <tr key={m.id} class={m.entered_in_error ? 'entered-in-error' : undefined}>
                  <th scope="row">
                    <time dateTime={m.measured_on}>{m.measured_on}</time>
                  </th>
                  <td>{MEASUREMENT_LABELS[m.kind]}</td>
                  <td>
                    <Struck entry={m}>{measurementText(m)}</Struck>
                  </td>
                  <td class="event-by">
                    {formatDate(m.recorded_at)} by {m.recorded_by}
                  </td>
                  <td>
                    {m.entered_in_error && <EnteredInErrorNote mark={m.entered_in_error} />}
                    {canEdit && !m.entered_in_error && <EnteredInErrorButton what={`${measurementText(m)} on ${m.measured_on}`} onClick={() => marking.open(m)} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && <AddMeasurementForm onAdd={onAdd} />}
      {marking.dialog}
    </section>
  );
}

const KIND_CHOICES = MEASUREMENT_KINDS.map((value) => ({ value, label: MEASUREMENT_LABELS[value] }));
const FIELDS = ['kind', 'weight_kg', 'height_cm', 'measured_on'] as const;

function AddMeasurementForm({ onAdd }: { onAdd: (measurement: NewMeasurement) => Promise<void> }) {
  const [kind, setKind] = useState<MeasurementKind>('weight');
  const [value, setValue] = useState('');
  const [measuredOn, setMeasuredOn] = useState(() => todayLocal());
  const form = useChartForm(FIELDS);
  const limits = MEASUREMENT_LIMITS[kind];

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const number = measurementValue(kind, value);
    void form.submit(
      () => (typeof number === 'number' ? (measuredOn ? null : { field: 'measured_on', message: 'Enter the date it was measured.' }) : number),
      async () => {
        if (typeof number !== 'number') return '';
        const measurement: NewMeasurement = kind === 'weight' ? { weight_kg: number, measured_on: measuredOn } : { height_cm: number, measured_on: measuredOn };
        await onAdd(measurement);
        setValue('');
        return `Added ${MEASUREMENT_LABELS[kind].toLowerCase()} ${number} ${limits.unit}.`;
      },
    );
  };

  return (
    <form ref={form.formRef} class="sub-form" onSubmit={onSubmit} noValidate aria-labelledby="add-measurement-heading">
      <h3 id="add-measurement-heading">Add measurement</h3>
      <SelectField
        label="Measurement"
        name="kind"
        value={kind}
        onValue={(v) => {
          setKind(v === 'height' ? 'height' : 'weight');
          form.clear(limits.field);
        }}
        choices={KIND_CHOICES}
        error={form.errorFor('kind')}
      />
      <TextField
        label={`${MEASUREMENT_LABELS[kind]} (${limits.unit})`}
        name={limits.field}
        type="number"
        min={String(limits.min)}
        max={String(limits.max)}
        step="0.1"
        value={value}
        onValue={(v) => {
          setValue(v);
          form.clear(limits.field);
        }}
        error={form.errorFor(limits.field)}
        required
      />
      <TextField
        label="Measured on"
        name="measured_on"
        type="date"
        max={todayLocal()}
        value={measuredOn}
        onValue={(v) => {
          setMeasuredOn(v);
          form.clear('measured_on');
        }}
        error={form.errorFor('measured_on')}
        required
      />
      <FormFooter generalError={form.generalError} pending={form.pending} label="Add measurement" pendingLabel="Adding…" status={form.status} />
    </form>
  );
}
