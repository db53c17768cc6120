// "Urgent" with its reason: a warning sign, the word and a heavy border, so it
// stands out without relying on colour.
export function UrgentMarker({ reason }: { reason: string }) {
  return (
    <p class="urgent-marker">
      <span class="urgent-icon" aria-hidden="true">
        !
      </span>
      <strong>Urgent</strong>
      {reason && <span class="urgent-reason">: {reason}</span>}
    </p>
  );
}
