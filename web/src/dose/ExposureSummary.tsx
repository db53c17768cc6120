// Cumulative exposure over 30 days: mg, mg/kg (each dose over its own weight) and sessions.
import type { DoseExposure } from '../api';

export function ExposureSummary({ exposure }: { exposure: DoseExposure }) {
  return (
    <>
      <dl class="dose-figures">
        <dt>Total</dt>
        <dd>{exposure.total_mg} mg</dd>
        <dt>Total per kg</dt>
        <dd>{exposure.total_mg_per_kg} mg/kg</dd>
        <dt>Sessions</dt>
        <dd>{exposure.sessions}</dd>
      </dl>
      <p class="muted">
        Ordered doses not cancelled, {exposure.from} to {exposure.to}.
        {exposure.doses_without_weight > 0 && ` ${exposure.doses_without_weight} without a recorded weight are not in the mg/kg total.`}
      </p>
    </>
  );
}
