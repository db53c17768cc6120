// The page links this user's roles allow.
import type { Role } from '../api';
import { navItemsFor } from '../navigation';
import { Link } from '../router';

interface MainNavProps {
  roles: readonly Role[];
  path: string;
}

export function MainNav({ roles, path }: MainNavProps) {
  return (
    <nav class="main-nav" aria-label="Main">
      <ul>
        {navItemsFor(roles).map((item) => (
          <li key={item.path}>
            <Link href={item.path} current={item.path === path}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
