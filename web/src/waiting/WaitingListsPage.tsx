// Waiting lists (admin, front desk, prescriber, nurse): the clinic's programs and,
// for the selected one, who is waiting, who has an offer and until when, who is
// urgent and who needs a clinician's review. Admin and front desk add people; admins add
// programs and change places (more places make offers at once). What each entry
// may do next is the server's word (allowed_actions); after every change the
// page reads the programs and the list again, since one answer can move others.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiClient, NewWaitingProgram, WaitingAction, WaitingEntry, WaitingFilter, WaitingPerson, WaitingProgram, WaitingProgramChange } from '../api';
import { ListStatus } from '../ui/ListStatus';
import { AddPersonForm } from './AddPersonForm';
import { AddProgramForm } from './AddProgramForm';
import { ProgramEntries } from './ProgramEntries';
import { ProgramSettingsDialog } from './ProgramSettingsDialog';
import { ProgramTable } from './ProgramTable';
import { useServerList } from './use_server_list';
import { entryHeadingId } from './WaitingEntryCard';
import { actionDoneMessage, hoursText, personName, placesText } from './waiting_rules';

interface WaitingListsPageProps {
  api: ApiClient;
  /** Offer "Add program" and "Change places" (admin). */
  canManagePrograms: boolean;
  /** Offer "Add person" (admin, front desk). */
  canAddPeople: boolean;
}

export function WaitingListsPage({ api, canManagePrograms, canAddPeople }: WaitingListsPageProps) {
  const programs = useServerList(useCallback(() => api.listWaitingPrograms(), [api]));
  const [chosenId, setChosenId] = useState<string | null>(null);
  // The first program is open until the user picks another.
  const selected = programs.items.find((p) => p.id === chosenId) ?? programs.items[0] ?? null;
  const selectedId = selected?.id ?? null;
  const [filter, setFilter] = useState<WaitingFilter>('active');
  const fetchEntries = useCallback(() => (selectedId ? api.listWaitingEntries(selectedId, filter) : Promise.resolve([])), [api, selectedId, filter]);
  const entries = useServerList(selectedId ? fetchEntries : null);
  const [status, setStatus] = useState('');
  const [changing, setChanging] = useState<WaitingProgram | null>(null);
  const [focusId, setFocusId] = useState<{ id: string } | null>(null);

  useEffect(() => {
    if (focusId) (document.getElementById(focusId.id) ?? document.getElementById('entries-heading'))?.focus();
  }, [focusId]);

  const refresh = () => Promise.all([programs.reload(), entries.reload()]);

  const takeAction = async (entry: WaitingEntry, action: WaitingAction, reason: string) => {
    try {
      const updated = await api.takeWaitingAction(entry.id, action, reason);
      setStatus(actionDoneMessage(action, updated));
    } finally {
      // Also after a refusal (409: someone else moved it on): show what is true now.
      await refresh();
      setFocusId({ id: entryHeadingId(entry.id) });
    }
  };

  const addPerson = async (person: WaitingPerson) => {
    if (!selected) return;
    const created = await api.addWaitingEntry(selected.id, person);
    setStatus(`Added ${personName(created)} to ${selected.name}.`);
    await refresh();
  };

  const addProgram = async (program: NewWaitingProgram) => {
    const created = await api.createWaitingProgram(program);
    setStatus(`Added the program ${created.name}.`);
    await programs.reload();
    setChosenId(created.id);
  };

  const changeProgram = async (program: WaitingProgram, change: WaitingProgramChange) => {
    const updated = await api.updateWaitingProgram(program.id, change);
    setChanging(null);
    setStatus(`${updated.name}: ${placesText(updated.capacity)}, offers open for ${hoursText(updated.offer_hours)}; ${updated.places_in_use} in use.`);
    await refresh();
  };

  return (
    <div class="page">
      <h1>Waiting lists</h1>
      <p role="status" class="notice-line">
        {status}
      </p>
      <div class="page-columns waiting-columns">
        <div>
          <section class="panel wide" aria-labelledby="programs-heading">
            <h2 id="programs-heading">Programs</h2>
            <ProgramTable programs={programs.items} selectedId={selectedId} onSelect={(p) => setChosenId(p.id)} onChange={canManagePrograms ? setChanging : undefined} />
            <ListStatus list={programs} emptyText={canManagePrograms ? 'No programs yet. Add one to start a waiting list.' : 'No programs yet. An administrator adds them.'} />
          </section>
          {selected && <ProgramEntries program={selected} entries={entries} filter={filter} onFilter={setFilter} onAction={takeAction} onRefresh={() => void refresh()} />}
        </div>
        {((selected && canAddPeople) || canManagePrograms) && (
          <div>
            {selected && canAddPeople && <AddPersonForm key={selected.id} programName={selected.name} onAdd={addPerson} />}
            {canManagePrograms && <AddProgramForm onAdd={addProgram} />}
          </div>
        )}
      </div>
      {changing && <ProgramSettingsDialog program={changing} onSave={(change) => changeProgram(changing, change)} onCancel={() => setChanging(null)} />}
    </div>
  );
}
