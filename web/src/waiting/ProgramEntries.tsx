// The selected program's list, in the server's order (urgent first, then by join
// time), numbered, with the filter and a Refresh button above it (the page does
// not poll: an offer that lapsed shows as expired once the list is read again).
import type { WaitingAction, WaitingEntry, WaitingFilter, WaitingProgram } from '../api';
import { ListStatus } from '../ui/ListStatus';
import type { ServerList } from './use_server_list';
import { WaitingEntryCard } from './WaitingEntryCard';
import { WaitingFilterSelect } from './WaitingFilterSelect';
import { hoursText } from './waiting_rules';

interface ProgramEntriesProps {
  program: WaitingProgram;
  entries: ServerList<WaitingEntry>;
  filter: WaitingFilter;
  onFilter: (filter: WaitingFilter) => void;
  onAction: (entry: WaitingEntry, action: WaitingAction, reason: string) => Promise<void>;
  /** Reads the programs and the list again (offers may have lapsed meanwhile). */
  onRefresh: () => void;
}

export function ProgramEntries({ program, entries, filter, onFilter, onAction, onRefresh }: ProgramEntriesProps) {
  return (
    <section class="panel wide program-entries" aria-labelledby="entries-heading">
      <h2 id="entries-heading" tabIndex={-1}>
        {program.name}
      </h2>
      <p class="muted">
        {program.places_in_use} of {program.capacity} places in use · {program.waiting_count} waiting · offers stay open {hoursText(program.offer_hours)}
      </p>
      <div class="entries-toolbar">
        <WaitingFilterSelect value={filter} onChange={onFilter} />
        <button type="button" class="secondary small-button" onClick={onRefresh}>
          Refresh
        </button>
      </div>
      {entries.items.length > 0 && (
        <ol class="waiting-entries" aria-label={`People on the ${program.name} list`}>
          {entries.items.map((entry) => (
            <WaitingEntryCard key={entry.id} entry={entry} onAction={onAction} />
          ))}
        </ol>
      )}
      <ListStatus list={entries} emptyText={filter === 'active' ? 'Nobody is on this list.' : 'Nobody has been on this list yet.'} />
    </section>
  );
}
