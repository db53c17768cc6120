// The page links this user's roles allow. The link of the current page, or of the
// page the current one belongs to (a patient's chart: Patients), is marked. The
// Inbox link carries the number of open risk tasks ("Inbox (2)", spoken
// "Inbox, 2 open tasks").
import type { ApiClient, Role } from '../api';
import { useOpenTaskCount } from '../inbox/open_task_count';
import { inboxLinkText } from '../inbox/task_rules';
import { canOpen, navItemFor, navItemsFor, sectionFor, type NavItem } from '../navigation';
import { Link } from '../router';

interface MainNavProps {
  roles: readonly Role[];
  path: string;
  api: ApiClient;
}

export function MainNav({ roles, path, api }: MainNavProps) {
  const section = sectionFor(path)?.path;
  const inbox = navItemFor('/inbox');
  const openTasks = useOpenTaskCount(api, inbox !== undefined && canOpen(inbox, roles), path);
  const linkText = (item: NavItem) => (item.path === '/inbox' ? inboxLinkText(openTasks) : { text: item.label, label: undefined });
  return (
    <nav class="main-nav" aria-label="Main">
      <ul>
        {navItemsFor(roles).map((item) => {
          const { text, label } = linkText(item);
          return (
            <li key={item.path}>
              <Link href={item.path} current={item.path === path ? 'page' : item.path === section ? 'section' : false} ariaLabel={label}>
                {text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
