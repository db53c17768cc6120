// Esketamine devices: each one given, with its time, the time since the previous one,
// and "Device given" once 5 minutes have passed since the previous (Spravato label;
// the server refuses an earlier one too).
import { useState } from 'preact/hooks';
import { problemFrom } from '../ui/form_problem';
import { DEVICE_GAP_MS, clockTime, deviceTiming, minutesSeconds } from './session_rules';
import { useNow } from './use_now';
import type { PanelProps } from './use_session_form';

export function EsketamineDevices({ api, session: s, onSession, canRun }: PanelProps) {
  const now = useNow(1000);
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);
  const { sincePrevious, waitMs } = deviceTiming(s.devices, now);
  const ordered = s.dose_order?.devices ?? null;
  const allGiven = ordered !== null && s.devices.length >= ordered;
  const give = async () => {
    setPending(true);
    setError('');
    try {
      onSession(await api.recordDeviceGiven(s.id));
    } catch (e) {
      setError(problemFrom(e).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <div class="sub-form esketamine-devices">
      <h3>Devices</h3>
      <p role="status">
        {s.devices.length} of {ordered ?? '?'} given{sincePrevious !== null ? `; ${sincePrevious} since the previous one` : ''}.
      </p>
      {s.devices.length > 0 && (
        <ol class="device-list">
          {s.devices.map((d, i) => (
            <li key={d.at}>
              Device {i + 1} at {clockTime(d.at)} by {d.by}
              {i > 0 && s.devices[i - 1] ? ` (${minutesSeconds(new Date(d.at).getTime() - new Date(s.devices[i - 1]?.at ?? d.at).getTime())} after the previous)` : ''}
            </li>
          ))}
        </ol>
      )}
      {canRun && s.state === 'dosing' && !allGiven && (
        <div class="form-footer">
          <button type="button" disabled={pending || waitMs > 0} onClick={() => void give()}>
            Device given
          </button>
          {waitMs > 0 && <p class="muted">The next device may be given in {minutesSeconds(waitMs)} ({DEVICE_GAP_MS / 60_000} minutes apart).</p>}
        </div>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
