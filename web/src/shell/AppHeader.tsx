// The top bar: clinic, who is signed in and as what, and the sign-out button.
import type { SignedInUser } from '../api';
import { roleLabel } from '../navigation';

interface AppHeaderProps {
  user: SignedInUser;
  onSignOut: () => void;
}

export function AppHeader({ user, onSignOut }: AppHeaderProps) {
  return (
    <header class="app-header">
      <p class="clinic-name">{user.clinic.name}</p>
      <div class="signed-in-as">
        <span class="user-name">{user.display_name}</span>
        <span class="user-roles">{user.roles.map(roleLabel).join(', ')}</span>
      </div>
      <button type="button" class="secondary" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
