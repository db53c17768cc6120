// The long-term safety warnings, at the top of the Progress tab: hard to miss, in
// an alert region, each with a heading in words and the server's message.
import type { SafetyWarning } from '../api';
import { warningLabel } from './progress_rules';

export function SafetyWarnings({ warnings }: { warnings: readonly SafetyWarning[] }) {
  if (warnings.length === 0) return <p class="muted safety-none">No long-term safety warnings.</p>;
  return (
    <div class="risk-alert safety-warnings" role="alert" aria-labelledby="safety-warnings-heading">
      <h2 id="safety-warnings-heading" class="risk-title">
        {warnings.length === 1 ? 'Safety warning' : `${warnings.length} safety warnings`}
      </h2>
      <ul>
        {warnings.map((w) => (
          <li key={w.code + w.message}>
            <strong>{warningLabel(w.code)}:</strong> {w.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
