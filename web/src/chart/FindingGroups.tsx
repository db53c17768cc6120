// Every finding of the screening, grouped Exclusions / Needs review / Supports;
// each shows its reason and source, and beside them the facts that triggered it.
// Within a group, findings that rest only on questions not yet asked come last.
import type { Finding } from '../api';
import { groupFindings } from './screening_rules';

export function FindingGroups({ findings }: { findings: readonly Finding[] }) {
  return (
    <>
      {groupFindings(findings).map((group) => (
        <section key={group.outcome} class={`finding-group finding-${group.outcome}`} aria-labelledby={`findings-${group.outcome}`}>
          <h3 id={`findings-${group.outcome}`}>
            {group.title} <span class="count">({group.all.length})</span>
          </h3>
          {group.all.length === 0 && <p class="muted">None.</p>}
          <FindingList findings={group.findings} />
          {group.notYetAsked.length > 0 && (
            <>
              <h4 class="not-yet-asked">
                Not yet asked <span class="count">({group.notYetAsked.length})</span>
              </h4>
              <FindingList findings={group.notYetAsked} />
            </>
          )}
        </section>
      ))}
    </>
  );
}

function FindingList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul class="findings">
      {findings.map((finding, i) => (
        <FindingItem key={`${finding.rule}-${i}`} finding={finding} />
      ))}
    </ul>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li class="finding" data-rule={finding.rule}>
      <div class="finding-reason">
        <p class="reason">{finding.reason}</p>
        <p class="source">Source: {finding.source}</p>
      </div>
      <div class="finding-facts">
        <p class="facts-label">Based on</p>
        {finding.facts.length === 0 ? (
          <p class="muted">The recorded diagnosis.</p>
        ) : (
          <ul>
            {finding.facts.map((fact, i) => (
              <li key={i}>{fact}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
