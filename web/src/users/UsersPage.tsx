// Users and roles (admin): who can sign in, with which roles; add, disable,
// enable, reset a password.
import { useCallback, useState } from 'preact/hooks';
import type { ApiClient, NewUser, User } from '../api';
import { ListStatus } from '../ui/ListStatus';
import { problemFrom } from '../ui/form_problem';
import { usePagedList } from '../ui/use_paged_list';
import { AddUserForm } from './AddUserForm';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserTable } from './UserTable';

export function UsersPage({ api }: { api: ApiClient }) {
  const fetchPage = useCallback((cursor?: string) => api.listUsers(cursor), [api]);
  const users = usePagedList(fetchPage);
  const [resetting, setResetting] = useState<User | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  const replaceUser = (updated: User) => users.updateItems((items) => items.map((u) => (u.id === updated.id ? updated : u)));

  const addUser = async (user: NewUser) => {
    const created = await api.createUser(user);
    users.updateItems((items) => [...items, created]);
    setStatus(`Added ${created.display_name} (${created.email}).`);
  };

  const setDisabled = async (user: User, disabled: boolean) => {
    setError('');
    try {
      replaceUser(await (disabled ? api.disableUser(user.id) : api.enableUser(user.id)));
      setStatus(`${disabled ? 'Disabled' : 'Enabled'} ${user.display_name}.`);
    } catch (e) {
      setError(problemFrom(e).message);
    }
  };

  const resetPassword = async (password: string) => {
    if (!resetting) return;
    await api.resetPassword(resetting.id, password);
    setStatus(`Password reset for ${resetting.display_name}.`);
    setResetting(null);
  };

  return (
    <div class="page">
      <h1>Users and roles</h1>
      <p role="status" class="notice-line">
        {status}
      </p>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      <div class="page-columns">
        <section aria-labelledby="users-heading" class="panel wide">
          <h2 id="users-heading">Users</h2>
          <UserTable users={users.items} onSetDisabled={setDisabled} onResetPassword={setResetting} />
          <ListStatus list={users} emptyText="No users yet." />
        </section>
        <AddUserForm onAdd={addUser} />
      </div>
      {resetting && <ResetPasswordDialog user={resetting} onReset={resetPassword} onCancel={() => setResetting(null)} />}
    </div>
  );
}
