// The clinic's programs: places, places in use, people waiting and how long an
// offer stays open. The name opens the program's list; admins may change places.
import type { WaitingProgram } from '../api';
import { hoursText } from './waiting_rules';

interface ProgramTableProps {
  programs: readonly WaitingProgram[];
  selectedId: string | null;
  onSelect: (program: WaitingProgram) => void;
  /** Offer "Change places" on each row (admin). */
  onChange?: ((program: WaitingProgram) => void) | undefined;
}

export function ProgramTable({ programs, selectedId, onSelect, onChange }: ProgramTableProps) {
  if (programs.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="program-table">
        <thead>
          <tr>
            <th scope="col">Program</th>
            <th scope="col">Places</th>
            <th scope="col">In use</th>
            <th scope="col">Waiting</th>
            <th scope="col">Offers open for</th>
            {onChange && <th scope="col">Change</th>}
          </tr>
        </thead>
        <tbody>
          {programs.map((program) => {
            const selected = program.id === selectedId;
            return (
              <tr key={program.id} class={selected ? 'selected' : undefined}>
                <th scope="row">
                  <button type="button" class="link-button" onClick={() => onSelect(program)} aria-current={selected ? 'true' : undefined}>
                    {program.name}
                  </button>
                </th>
                <td>{program.capacity}</td>
                <td class={program.places_in_use >= program.capacity ? 'full' : undefined}>
                  {program.places_in_use}
                  {program.places_in_use >= program.capacity && <span class="full-note"> (full)</span>}
                </td>
                <td>{program.waiting_count}</td>
                <td>{hoursText(program.offer_hours)}</td>
                {onChange && (
                  <td>
                    <button type="button" class="secondary small-button" onClick={() => onChange(program)} aria-label={`Change places: ${program.name}`}>
                      Change places
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
