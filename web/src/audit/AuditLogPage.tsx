// Audit log (admin): who did what, when, from where, newest first.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiClient, AuditQuery, User } from '../api';
import { ListStatus } from '../ui/ListStatus';
import { usePagedList } from '../ui/use_paged_list';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';

export function AuditLogPage({ api }: { api: ApiClient }) {
  const [query, setQuery] = useState<AuditQuery>({});
  const [users, setUsers] = useState<User[]>([]);
  const fetchPage = useCallback((cursor?: string) => api.listAudit(query, cursor), [api, query]);
  const entries = usePagedList(fetchPage);

  useEffect(() => {
    // Only for the user filter's email lookup; the log works without it.
    api.allUsers().then(setUsers, () => {});
  }, [api]);

  return (
    <div class="page">
      <h1>Audit log</h1>
      <AuditFilters users={users} onApply={setQuery} />
      <section class="panel wide" aria-label="Audit events">
        <AuditTable entries={entries.items} />
        <ListStatus list={entries} emptyText="No audit events match these filters." />
      </section>
    </div>
  );
}
