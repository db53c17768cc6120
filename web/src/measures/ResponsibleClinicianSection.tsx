// The patient's responsible clinician, who gets the patient's risk tasks (with
// none named, any prescriber may take them). Staff who may change measures choose
// one of the clinic's prescribers, or none.
import { useCallback, useState } from 'preact/hooks';
import type { ApiClient, ClinicianRef } from '../api';
import { FormFooter } from '../chart/FormFooter';
import { useChartForm } from '../chart/use_chart_form';
import { SelectField } from '../ui/SelectField';
import { useServerList } from '../waiting/use_server_list';

interface ResponsibleClinicianSectionProps {
  current: ClinicianRef | null;
  /** Offer the choice (reads GET /clinicians); null: read only. */
  api: ApiClient | null;
  onSave: (userId: string | null) => Promise<ClinicianRef | null>;
}

export function ResponsibleClinicianSection({ current, api, onSave }: ResponsibleClinicianSectionProps) {
  return (
    <section class="panel responsible-clinician" aria-labelledby="responsible-heading">
      <h2 id="responsible-heading">Responsible clinician</h2>
      <p class="responsible-now">
        {current ? (
          <>
            <strong>{current.display_name}</strong> <span class="muted">({current.email})</span>
          </>
        ) : (
          'None named: risk tasks go to any prescriber.'
        )}
      </p>
      {api && <ChooseClinician api={api} current={current} onSave={onSave} />}
    </section>
  );
}

function ChooseClinician({ api, current, onSave }: { api: ApiClient; current: ClinicianRef | null; onSave: ResponsibleClinicianSectionProps['onSave'] }) {
  const clinicians = useServerList(useCallback(() => api.listClinicians(), [api]));
  const [chosen, setChosen] = useState(current?.id ?? '');
  const form = useChartForm(['user_id']);
  const choices = clinicians.items.map((c) => ({ value: c.id, label: `${c.display_name} (${c.email})` }));
  // The current clinician stays choosable even if no longer listed (e.g. no longer a prescriber).
  if (current && !choices.some((c) => c.value === current.id)) choices.unshift({ value: current.id, label: `${current.display_name} (${current.email})` });

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => null,
      async () => {
        const saved = await onSave(chosen || null);
        return saved ? `${saved.display_name} is now responsible.` : 'No responsible clinician now: tasks go to any prescriber.';
      },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-label="Change the responsible clinician" class="sub-form">
      <SelectField
        label="Prescriber"
        name="user_id"
        value={chosen}
        onValue={(v) => {
          setChosen(v);
          form.clear('user_id');
        }}
        placeholder="None: any prescriber"
        choices={choices}
        error={form.errorFor('user_id')}
        {...(clinicians.error ? { hint: `The list of prescribers could not be loaded: ${clinicians.error}` } : {})}
      />
      <FormFooter generalError={form.generalError} pending={form.pending} label="Save" pendingLabel="Saving…" status={form.status} />
    </form>
  );
}
