// The filter form above the audit log. Applies on submit, not on every keystroke.
import { useState } from 'preact/hooks';
import type { AuditQuery, User } from '../api';
import { TextField } from '../ui/TextField';
import { errorFor, type FormProblem } from '../ui/form_problem';
import { NO_FILTERS, toAuditQuery, type AuditFilterValues } from './audit_query';

/** What the server records (docs/api.md, "Audit events"), offered as suggestions. */
const KNOWN_ACTIONS = [
  'auth.login', 'auth.login_failed', 'auth.login_locked', 'auth.logout', 'auth.password_change',
  'user.list', 'user.create', 'user.disable', 'user.enable', 'user.reset_password',
  'audit.list', 'patient.create', 'patient.read', 'patient.list', 'clinic.create',
];
const ENTITY_TYPES = ['user', 'patient', 'clinic', 'audit'];

interface AuditFiltersProps {
  users: readonly User[];
  onApply: (query: AuditQuery) => void;
}

export function AuditFilters({ users, onApply }: AuditFiltersProps) {
  const [values, setValues] = useState<AuditFilterValues>(NO_FILTERS);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const set = (key: keyof AuditFilterValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const apply = (next: AuditFilterValues) => {
    const result = toAuditQuery(next, users);
    if ('problem' in result) return setProblem(result.problem);
    setProblem(null);
    onApply(result.query);
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    apply(values);
  };
  const clear = () => {
    setValues(NO_FILTERS);
    apply(NO_FILTERS);
  };

  return (
    <form class="panel filters" onSubmit={onSubmit} aria-label="Filter the audit log">
      <TextField label="Action" name="action" value={values.action} onValue={set('action')} list="audit-actions" />
      <datalist id="audit-actions">
        {KNOWN_ACTIONS.map((action) => <option key={action} value={action} />)}
      </datalist>
      <TextField label="User (email or id)" name="user" value={values.user} onValue={set('user')} error={errorFor(problem, 'user')} list="audit-users" />
      <datalist id="audit-users">
        {users.map((user) => <option key={user.id} value={user.email} />)}
      </datalist>
      <TextField label="Entity type" name="entity_type" value={values.entity_type} onValue={set('entity_type')} list="audit-entity-types" />
      <datalist id="audit-entity-types">
        {ENTITY_TYPES.map((type) => <option key={type} value={type} />)}
      </datalist>
      <TextField label="From date" name="from" type="date" value={values.from} onValue={set('from')} />
      <TextField label="To date" name="to" type="date" value={values.to} onValue={set('to')} error={errorFor(problem, 'to')} />
      <div class="actions">
        <button type="submit">Apply filters</button>
        <button type="button" class="secondary" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}
