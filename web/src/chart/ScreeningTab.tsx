// The Screening tab: the findings of the current rules beside the facts that
// triggered them, the latest decision, and for the prescriber the decision form.
import { ApiError, type ApiClient, type Screening } from '../api';
import { DecisionForm } from './DecisionForm';
import { FindingGroups } from './FindingGroups';
import { LatestDecision } from './LatestDecision';

interface ScreeningTabProps {
  api: ApiClient;
  patientId: string;
  screening: Screening;
  /** Offer the decision form (prescriber). */
  canDecide: boolean;
  /** A decision was recorded: read the screening again. */
  onChanged: () => Promise<void>;
}

export function ScreeningTab({ api, patientId, screening, canDecide, onChanged }: ScreeningTabProps) {
  return (
    <div class="page-columns screening-columns">
      <section class="panel findings-panel" aria-labelledby="findings-heading">
        <h2 id="findings-heading">Findings</h2>
        <p class="muted">
          Rule set <code>{screening.rule_version}</code>. The rules help; the prescriber decides.
        </p>
        <FindingGroups findings={screening.findings} />
      </section>
      <div>
        <div class="panel">
          <LatestDecision latest={screening.latest_decision} />
        </div>
        {canDecide && (
          <DecisionForm
            findings={screening.findings}
            onRecord={async (decision) => {
              try {
                await api.recordEligibilityDecision(patientId, decision);
              } catch (e) {
                // The server saw an exclusion this page has not shown yet: show the findings as they are now.
                if (e instanceof ApiError && e.field === 'override_reason') void onChanged();
                throw e;
              }
              await onChanged();
            }}
          />
        )}
      </div>
    </div>
  );
}
