// The open alarms, highest priority first, each with its state in words and an
// Acknowledge button. Unacknowledged high-priority alarms sit in a role="alert"
// region (always present, so a new one is announced), in loud colours and with the
// words "High priority" (never colour alone); the others in a polite status region.
import { useState } from 'preact/hooks';
import type { SessionAlarm } from '../api';
import { problemFrom } from '../ui/form_problem';
import { PRIORITY_LABELS, alarmStatusText, clockTime, openAlarms } from './session_rules';
import type { PanelProps } from './use_session_form';

export function AlarmBanner({ api, session, onSession, canRun }: PanelProps) {
  const [error, setError] = useState('');
  const [pending, setPending] = useState<number | null>(null);
  const alarms = openAlarms(session.alarms);
  const loud = alarms.filter((a) => a.priority === 'high' && a.state === 'raised');
  const rest = alarms.filter((a) => !loud.includes(a));
  const acknowledge = async (alarm: SessionAlarm) => {
    setPending(alarm.id);
    setError('');
    try {
      onSession(await api.acknowledgeAlarm(session.id, alarm.id));
    } catch (e) {
      setError(`${alarm.label} could not be acknowledged: ${problemFrom(e).message}`);
    } finally {
      setPending(null);
    }
  };
  const item = (a: SessionAlarm) => (
    <li key={a.id} class={`alarm alarm-${a.priority} alarm-${a.state}`}>
      <span class="alarm-priority">{PRIORITY_LABELS[a.priority]}</span>{' '}
      <strong class="alarm-label">{a.label}</strong>
      {a.value !== null && <span> (value {a.value})</span>} <span class="alarm-since">since {clockTime(a.raised_at)}</span>
      <span class="alarm-status">{alarmStatusText(a)}</span>
      {canRun && a.state === 'raised' && (
        <button type="button" class="alarm-ack" disabled={pending === a.id} onClick={() => void acknowledge(a)} aria-label={`Acknowledge ${a.label}`}>
          Acknowledge
        </button>
      )}
    </li>
  );
  return (
    <section class="alarm-banner" aria-label="Alarms">
      <div role="alert" class="alarm-loud">
        {loud.length > 0 && <ul class="alarm-list">{loud.map(item)}</ul>}
      </div>
      <div role="status" class="alarm-quiet">
        {rest.length > 0 && <ul class="alarm-list">{rest.map(item)}</ul>}
        {alarms.length === 0 && <p class="muted alarm-none">No open alarms.</p>}
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
