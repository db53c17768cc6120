// The latest eligibility decision: what, why, who and when, the override reason if
// it overrode an exclusion, and why it needs re-screening if the history changed.
import type { EligibilityDecision } from '../api';
import { formatDateTime } from '../ui/format';
import { EligibilityBadges } from './EligibilityBadges';

export function LatestDecision({ latest }: { latest: EligibilityDecision | null }) {
  return (
    <section class="latest-decision" aria-labelledby="latest-decision-heading">
      <h2 id="latest-decision-heading">Latest decision</h2>
      {!latest ? (
        <p class="muted">Not screened yet: no decision has been recorded.</p>
      ) : (
        <>
          {latest.needs_rescreen && (
            <div class="rescreen-warning">
              <p>
                <strong>Re-screening needed.</strong> {latest.rescreen_reason || 'The history changed after this decision.'}
              </p>
            </div>
          )}
          <dl class="facts">
            <dt>Decision</dt>
            <dd>
              <EligibilityBadges latest={latest} />
            </dd>
            <dt>Reason</dt>
            <dd class="preserve-lines">{latest.reason}</dd>
            {latest.override && (
              <>
                <dt>Override reason</dt>
                <dd class="preserve-lines">{latest.override_reason}</dd>
              </>
            )}
            <dt>Decided</dt>
            <dd>
              <time dateTime={latest.decided_at}>{formatDateTime(latest.decided_at)}</time> by {latest.decided_by}
            </dd>
            <dt>Rule set</dt>
            <dd>
              <code>{latest.rule_version}</code>
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}
