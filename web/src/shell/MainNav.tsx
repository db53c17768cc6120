// The page links this user's roles allow. The link of the current page, or of the
// page the current one belongs to (a patient's chart: Patients), is marked.
import type { Role } from '../api';
import { navItemsFor, sectionFor } from '../navigation';
import { Link } from '../router';

interface MainNavProps {
  roles: readonly Role[];
  path: string;
}

export function MainNav({ roles, path }: MainNavProps) {
  const section = sectionFor(path)?.path;
  return (
    <nav class="main-nav" aria-label="Main">
      <ul>
        {navItemsFor(roles).map((item) => (
          <li key={item.path}>
            <Link href={item.path} current={item.path === path ? 'page' : item.path === section ? 'section' : false}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
