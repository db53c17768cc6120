// The pain pathway on the Progress tab: pain scores (NRS 0–10) and the daily
// opioid dose in morphine milligram equivalents the clinician entered, over time.
import type { PainCourse } from '../api';
import { ProgressChart } from './ProgressChart';

export function PainPanel({ pain, sessionTimes }: { pain: PainCourse; sessionTimes: readonly string[] }) {
  return (
    <section class="panel pain-panel" aria-labelledby="pain-heading">
      <h2 id="pain-heading">Pain and opioid use</h2>
      {pain.scores.length === 0 ? (
        <p class="muted">No pain scores yet.</p>
      ) : (
        <ProgressChart title="Pain scores (NRS 0–10)" valueLabel="Pain" points={pain.scores.map((s) => ({ at: s.at, value: s.total }))} yMin={0} yMax={10} sessionTimes={sessionTimes} />
      )}
      {pain.mme.length === 0 ? (
        <p class="muted">No daily opioid dose recorded. Record it with a check-in below.</p>
      ) : (
        <ProgressChart title="Daily opioid dose (MME per day)" valueLabel="MME per day" points={pain.mme.map((m) => ({ at: m.at, value: m.mme_per_day }))} yMin={0} yMax={null} sessionTimes={sessionTimes} />
      )}
    </section>
  );
}
