// One instrument on the Progress tab: the status chip, baseline → latest and the
// change, time to response and durability, above its trajectory with the response
// and remission thresholds and the session markers.
import type { InstrumentProgress } from '../api';
import { changeText } from '../measures/measures_rules';
import { formatDate } from '../ui/format';
import { ProgressChart } from './ProgressChart';
import { baselineToLatest, durabilityText, STATUS_LABELS, statusClass, thresholdsOf, timeToResponseText } from './progress_rules';

interface InstrumentProgressPanelProps {
  progress: InstrumentProgress;
  sessionTimes: readonly string[];
}

export function InstrumentProgressPanel({ progress: p, sessionTimes }: InstrumentProgressPanelProps) {
  const headingId = `progress-${p.instrument}-heading`;
  return (
    <section class="panel instrument-progress" aria-labelledby={headingId}>
      <div class="scores-head">
        <h3 id={headingId}>{p.label}</h3>
        {/* Instruments without a response rule (a bladder screen, pain) have no status to show. */}
        {p.response_applies && <span class={statusClass(p.status)}>{STATUS_LABELS[p.status]}</span>}
      </div>
      <dl class="outcome-summary">
        <div>
          <dt>Baseline → latest</dt>
          <dd>{baselineToLatest(p)}</dd>
        </div>
        <div>
          <dt>Change</dt>
          <dd>{changeText(p) ?? '—'}</dd>
        </div>
        <div>
          <dt>Time to response</dt>
          <dd>{timeToResponseText(p)}</dd>
        </div>
        <div>
          <dt>Durability</dt>
          <dd>{durabilityText(p)}</dd>
        </div>
        {p.relapse_at && (
          <div>
            <dt>Relapsed</dt>
            <dd>{formatDate(p.relapse_at)}</dd>
          </div>
        )}
      </dl>
      <ProgressChart
        title={`${p.label} totals`}
        valueLabel="Total"
        points={p.points.map((pt) => ({ at: pt.at, value: pt.total }))}
        yMin={p.min_total}
        yMax={p.max_total}
        thresholds={thresholdsOf(p)}
        sessionTimes={sessionTimes}
      />
    </section>
  );
}
