// One instrument's scores on the Measures tab: the outcome (baseline, latest,
// change, and the Response / Remission / Meaningful change badges) above the
// trajectory chart and its table.
import type { Instrument, InstrumentSeries } from '../api';
import { formatDate } from '../ui/format';
import { changeText, outcomeBadges } from './measures_rules';
import { TrajectoryChart } from './TrajectoryChart';

interface InstrumentScoresProps {
  instrument: Instrument;
  series: InstrumentSeries;
  sessionDays: readonly string[];
}

export function InstrumentScores({ instrument, series, sessionDays }: InstrumentScoresProps) {
  const { outcome } = series;
  const headingId = `scores-${instrument.code}-heading`;
  const change = changeText(outcome);
  const badges = outcomeBadges(outcome);
  return (
    <section class="panel instrument-scores" aria-labelledby={headingId}>
      <div class="scores-head">
        <h2 id={headingId}>{instrument.name}</h2>
        {badges.length > 0 && (
          <span class="badge-row">
            {badges.map((badge) => (
              <span key={badge} class="badge badge-outcome">
                {badge}
              </span>
            ))}
          </span>
        )}
      </div>
      <p class="muted instrument-title">{instrument.title}</p>
      <dl class="outcome-summary">
        <div>
          <dt>Baseline</dt>
          <dd>{outcome.baseline ? `${outcome.baseline.total} on ${formatDate(outcome.baseline.at)}` : 'None yet'}</dd>
        </div>
        <div>
          <dt>Latest</dt>
          <dd>{outcome.latest ? `${outcome.latest.total}${outcome.latest_band ? ` (${outcome.latest_band})` : ''} on ${formatDate(outcome.latest.at)}` : 'None yet'}</dd>
        </div>
        <div>
          <dt>Change</dt>
          <dd>{change ?? '—'}</dd>
        </div>
      </dl>
      <TrajectoryChart instrument={instrument} points={series.points} sessionDays={sessionDays} />
    </section>
  );
}
