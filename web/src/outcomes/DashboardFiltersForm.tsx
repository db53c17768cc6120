// The Outcomes page's filters: date range, route, indication and the instrument
// judged for response. "Show" checks the dates, then asks the server; a problem,
// the page's own or the server's (400 naming the filter), shows next to its field.
import type { RefObject } from 'preact';
import type { Instrument } from '../api';
import { ROUTE_CHOICES } from '../dose/dose_form';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { INDICATION_CHOICES, type FilterDraft } from './dashboard_rules';

interface DashboardFiltersFormProps {
  draft: FilterDraft;
  onDraft: (draft: FilterDraft, field: keyof FilterDraft) => void;
  onSubmit: () => void;
  errorFor: (field: string) => string | undefined;
  generalError: string | undefined;
  catalogue: readonly Instrument[];
  formRef: RefObject<HTMLFormElement | null>;
  pending: boolean;
}

export function DashboardFiltersForm({ draft, onDraft, onSubmit, errorFor, generalError, catalogue, formRef, pending }: DashboardFiltersFormProps) {
  const set = (field: keyof FilterDraft) => (value: string) => onDraft({ ...draft, [field]: value }, field);
  const instruments = catalogue.filter((i) => i.response_applies);
  // Keep an instrument typed into the address even when the catalogue lacks it: the server's word decides.
  const instrumentChoices = [...instruments.map((i) => ({ value: i.code, label: i.name })), ...(draft.instrument && !instruments.some((i) => i.code === draft.instrument) ? [{ value: draft.instrument, label: draft.instrument }] : [])];
  return (
    <form
      ref={formRef}
      class="panel filters dashboard-filters"
      aria-label="Dashboard filters"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <TextField label="From" name="from" type="date" hint="Empty: 365 days before the last day." value={draft.from} onValue={set('from')} error={errorFor('from')} />
      <TextField label="To" name="to" type="date" hint="Empty: today." value={draft.to} onValue={set('to')} error={errorFor('to')} />
      <SelectField label="Route" name="route" placeholder="All routes" choices={ROUTE_CHOICES} value={draft.route} onValue={set('route')} error={errorFor('route')} />
      <SelectField label="Indication" name="indication" placeholder="All indications" choices={INDICATION_CHOICES} value={draft.indication} onValue={set('indication')} error={errorFor('indication')} />
      <SelectField label="Instrument" name="instrument" placeholder="The default (PHQ-9)" choices={instrumentChoices} value={draft.instrument} onValue={set('instrument')} error={errorFor('instrument')} />
      <div class="actions">
        {generalError && (
          <p class="form-error" role="alert" tabIndex={-1}>
            {generalError}
          </p>
        )}
        <button type="submit" disabled={pending}>
          {pending ? 'Loading…' : 'Show'}
        </button>
      </div>
    </form>
  );
}
