// What a submission gave: the total and band, and above all any risk signal and
// the high-priority task it raised. Focus moves here, since the form has closed.
import { useEffect, useRef } from 'preact/hooks';
import type { RecordedMeasureResponse } from '../api';
import { Link } from '../router';
import { scoreText } from './measures_rules';

interface RecordResultProps {
  result: RecordedMeasureResponse;
  instrumentName: string;
}

export function RecordResult({ result, instrumentName }: RecordResultProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [result]);
  const { response, risk, task_id } = result;
  const what = response.amends ? `the amendment to ${instrumentName}` : instrumentName;
  const summary = `Submitted ${what}: total ${scoreText(response)}.`;
  if (risk.length === 0) {
    return (
      <div ref={box} class="notice record-result" role="status" tabIndex={-1}>
        <p>{summary}</p>
      </div>
    );
  }
  return (
    <div ref={box} class="risk-alert record-result" role="alert" tabIndex={-1}>
      <p>{summary}</p>
      <p class="risk-title">{risk.length === 1 ? 'Risk signal' : `${risk.length} risk signals`}</p>
      <ul>
        {risk.map((signal) => (
          <li key={signal.code}>{signal.reason}</li>
        ))}
      </ul>
      {task_id && (
        <p class="task-raised">
          A high-priority task was raised for the responsible clinician (any prescriber when none is named). <Link href="/inbox">Open the inbox</Link>
        </p>
      )}
    </div>
  );
}
