// The patient's due and overdue questionnaires, overdue first.
import type { DueQuestionnaire, Instrument } from '../api';
import { instrumentName, missedText, RULE_LABELS, sortDue } from './measures_rules';

interface DueSectionProps {
  due: readonly DueQuestionnaire[];
  catalogue: readonly Instrument[];
}

export function DueSection({ due, catalogue }: DueSectionProps) {
  return (
    <section class="panel" aria-labelledby="patient-due-heading">
      <h2 id="patient-due-heading">Due questionnaires</h2>
      {due.length === 0 ? (
        <p class="muted">Nothing due. The schedule below says when questionnaires are due.</p>
      ) : (
        <ul class="due-list">
          {sortDue(due).map((item) => (
            <li key={`${item.instrument}-${item.rule}-${item.due_on}`} class={item.overdue ? 'is-overdue' : undefined}>
              <strong>{instrumentName(catalogue, item.instrument)}</strong> · {RULE_LABELS[item.rule]} · due <time dateTime={item.due_on}>{item.due_on}</time>{' '}
              {item.overdue && <span class="badge badge-danger">Overdue</span>}
              {item.missed > 0 && <span class="missed"> {missedText(item.missed)}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
