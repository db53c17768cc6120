// "Add user": email, display name, roles and an initial password.
import { useState } from 'preact/hooks';
import { MIN_PASSWORD_LENGTH, ROLES, type NewUser, type Role } from '../api';
import { roleLabel } from '../navigation';
import { TextField } from '../ui/TextField';
import { errorFor, formError, problemFrom, type FormProblem } from '../ui/form_problem';

const FIELDS = ['email', 'display_name', 'roles', 'password'] as const;
const EMPTY: NewUser = { email: '', display_name: '', roles: [], password: '' };

interface AddUserFormProps {
  /** Creates the user; throws ApiError (e.g. email_taken on field email). */
  onAdd: (user: NewUser) => Promise<void>;
}

export function AddUserForm({ onAdd }: AddUserFormProps) {
  const [user, setUser] = useState<NewUser>(EMPTY);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const set = <K extends keyof NewUser>(key: K) => (value: NewUser[K]) => setUser((u) => ({ ...u, [key]: value }));

  const toggleRole = (role: Role, checked: boolean) =>
    setUser((u) => ({ ...u, roles: checked ? ROLES.filter((r) => r === role || u.roles.includes(r)) : u.roles.filter((r) => r !== role) }));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (user.roles.length === 0) return setProblem({ field: 'roles', message: 'Choose at least one role.' });
    setPending(true);
    setProblem(null);
    try {
      await onAdd({ ...user, email: user.email.trim(), display_name: user.display_name.trim() });
      setUser(EMPTY);
    } catch (e) {
      setProblem(problemFrom(e));
    } finally {
      setPending(false);
    }
  };

  const rolesError = errorFor(problem, 'roles');
  const generalError = formError(problem, FIELDS);
  return (
    <form class="panel" onSubmit={onSubmit} aria-labelledby="add-user-heading">
      <h2 id="add-user-heading">Add user</h2>
      <TextField label="Email" name="email" type="email" value={user.email} onValue={set('email')} error={errorFor(problem, 'email')} autoComplete="off" required />
      <TextField label="Display name" name="display_name" value={user.display_name} onValue={set('display_name')} error={errorFor(problem, 'display_name')} autoComplete="off" required />
      <fieldset class="field" aria-describedby={rolesError ? 'add-user-roles-error' : undefined}>
        <legend>Roles</legend>
        {ROLES.map((role) => (
          <label key={role} class="checkbox">
            <input type="checkbox" name="roles" value={role} checked={user.roles.includes(role)} onChange={(e) => toggleRole(role, e.currentTarget.checked)} />
            {roleLabel(role)}
          </label>
        ))}
        {rolesError && (
          <p id="add-user-roles-error" class="field-error" role="alert">
            {rolesError}
          </p>
        )}
      </fieldset>
      <TextField
        label="Initial password"
        name="password"
        type="password"
        value={user.password}
        onValue={set('password')}
        error={errorFor(problem, 'password')}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. The user signs in with it.`}
        minLength={MIN_PASSWORD_LENGTH}
        autoComplete="new-password"
        required
      />
      {generalError && (
        <p class="form-error" role="alert">
          {generalError}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add user'}
      </button>
    </form>
  );
}
