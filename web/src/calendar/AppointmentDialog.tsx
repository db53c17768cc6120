// One appointment: who, what, where, when, the preparation the reminder carries,
// for a booked dosing session the gates before dosing, and (for those who book)
// cancel with a reason, or mark completed or did not attend.
import { useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import type { Appointment } from '../calendar_api_types';
import { ModalDialog } from '../ui/ModalDialog';
import { TextField } from '../ui/TextField';
import { problemFrom } from '../ui/form_problem';
import { formatDateTime, patientName } from '../ui/format';
import { STATUS_LABELS } from './calendar_rules';
import { ReadinessChecklist } from './ReadinessChecklist';
import { sessionPath } from '../navigation';
import { navigate } from '../router';

interface AppointmentDialogProps {
  api: ApiClient;
  appointment: Appointment;
  canBook: boolean;
  /** Offer "Open session" on a dosing session (sessions_run: prescriber, nurse). */
  canOpenSession?: boolean;
  onChanged: () => void;
  onClose: () => void;
}

export function AppointmentDialog({ api, appointment: a, canBook, canOpenSession = false, onChanged, onClose }: AppointmentDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  const run = async (action: () => Promise<unknown>) => {
    setPending(true);
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError(problemFrom(e));
      setPending(false);
    }
  };
  // Opens the monitored session (or finds the one already open) and goes to its console.
  const openSession = async () => {
    setPending(true);
    setError(null);
    try {
      const session = await api.openSession(a.id);
      navigate(sessionPath(session.id));
    } catch (e) {
      setError(problemFrom(e));
      setPending(false);
    }
  };
  const cancel = (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError({ field: 'reason', message: 'Give the reason for the cancellation.' });
      return;
    }
    void run(() => api.cancelAppointment(a.id, reason.trim()));
  };
  return (
    <ModalDialog titleId="appointment-title" onEscape={onClose}>
      <h2 id="appointment-title">
        {a.type_label}
        {a.route_label ? ` (${a.route_label})` : ''}: {patientName(a.patient)}
      </h2>
      <dl class="facts">
        <dt>Status</dt>
        <dd>{STATUS_LABELS[a.status]}{a.cancel_reason ? `: ${a.cancel_reason}` : ''}</dd>
        <dt>When</dt>
        <dd>
          {formatDateTime(a.start).slice(0, 16)} to {formatDateTime(a.end).slice(11, 16)} ({a.duration_minutes} min)
        </dd>
        <dt>Where</dt>
        <dd>{a.room ? a.room.name : 'By video (no room)'}</dd>
        <dt>Staff</dt>
        <dd>{a.staff.map((s) => s.display_name).join(', ')}</dd>
        {a.reminder_due_at && (
          <>
            <dt>Reminder due</dt>
            <dd>{formatDateTime(a.reminder_due_at).slice(0, 16)}</dd>
          </>
        )}
      </dl>
      {a.type === 'dosing_session' && a.status === 'booked' && <ReadinessChecklist api={api} appointmentId={a.id} />}
      {canOpenSession && a.type === 'dosing_session' && a.status !== 'cancelled' && (
        <div class="actions">
          <button type="button" disabled={pending} onClick={() => void openSession()}>
            Open session
          </button>
        </div>
      )}
      {a.preparation.length > 0 && (
        <>
          <h3 id="preparation-heading">Preparation (in the patient's reminder)</h3>
          <ul aria-labelledby="preparation-heading">
            {a.preparation.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {error && !error.field && (
        <p class="form-error" role="alert">
          {error.message}
        </p>
      )}
      {canBook && a.status === 'booked' && (
        <form onSubmit={cancel} noValidate class="cancel-form">
          <TextField label="Reason for cancelling" name="reason" value={reason} onValue={setReason} error={error?.field === 'reason' ? error.message : undefined} maxLength={500} />
          <div class="actions">
            <button type="submit" class="danger" disabled={pending}>
              Cancel appointment
            </button>
            <button type="button" class="secondary" disabled={pending} onClick={() => void run(() => api.setAppointmentStatus(a.id, 'completed'))}>
              Mark completed
            </button>
            <button type="button" class="secondary" disabled={pending} onClick={() => void run(() => api.setAppointmentStatus(a.id, 'no_show'))}>
              Did not attend
            </button>
          </div>
        </form>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
