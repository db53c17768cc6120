// The list of users with their roles, status and actions.
import type { User } from '../api';
import { roleLabel } from '../navigation';

interface UserTableProps {
  users: User[];
  onSetDisabled: (user: User, disabled: boolean) => void;
  onResetPassword: (user: User) => void;
}

/** Active, or why the user cannot sign in: disabled by an admin, locked after failed sign-ins. */
export function userStatus(user: Pick<User, 'disabled' | 'locked'>): string {
  const reasons = [user.disabled && 'Disabled', user.locked && 'Locked'].filter(Boolean);
  return reasons.length ? reasons.join(', ') : 'Active';
}

export function UserTable({ users, onSetDisabled, onResetPassword }: UserTableProps) {
  if (users.length === 0) return null;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.email}</td>
              <td>{user.display_name}</td>
              <td>{user.roles.map(roleLabel).join(', ')}</td>
              <td>
                <span class={`status status-${user.disabled ? 'disabled' : user.locked ? 'locked' : 'active'}`}>{userStatus(user)}</span>
              </td>
              <td>
                <div class="row-actions">
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => onSetDisabled(user, !user.disabled)}
                    aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.display_name}`}
                  >
                    {user.disabled ? 'Enable' : 'Disable'}
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => onResetPassword(user)}
                    aria-label={`Reset password for ${user.display_name}`}
                  >
                    Reset password
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
