// The eligibility status of the latest decision, with "Override" when it overrode
// an exclusion and "Re-screening needed" when the history changed since.
import type { EligibilityDecision } from '../api';
import { eligibilityStatus } from './screening_rules';

export function EligibilityBadges({ latest }: { latest: EligibilityDecision | null }) {
  const status = eligibilityStatus(latest);
  return (
    <span class="badge-row">
      <span class={`badge eligibility-${status.tone}`}>{status.label}</span>
      {status.override && <span class="badge badge-override">Override</span>}
      {status.rescreen && (
        <span class="badge badge-warn">
          <span aria-hidden="true">⚠ </span>Re-screening needed
        </span>
      )}
    </span>
  );
}
