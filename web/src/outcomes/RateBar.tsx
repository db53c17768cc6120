// Small SVG pictures inside table cells, hidden from assistive technology (the
// cell's text says the same): a bar for a value against the largest in its
// column, and a proportion with its 95 % confidence interval on a 0–100 % line.
// SVG attributes, not inline styles, so the strict CSP allows them.

/** A bar `value / max` of the cell's width. */
export function RateBar({ value, max }: { value: number; max: number }) {
  const width = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <svg class="rate-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="100" height="10" class="rate-bar-track" />
      <rect x="0" y="0" width={String(width)} height="10" class="rate-bar-fill" />
    </svg>
  );
}

/** The interval as a band on 0–100 %, the rate as a tick. */
export function CiBar({ rate, lower, upper }: { rate: number | null; lower: number | null; upper: number | null }) {
  if (rate === null) return null;
  const pc = (x: number) => Math.max(0, Math.min(100, x * 100));
  const from = lower === null ? pc(rate) : pc(lower);
  const to = upper === null ? pc(rate) : pc(upper);
  return (
    <svg class="ci-bar" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <line x1="0" y1="6" x2="100" y2="6" class="ci-axis" />
      <rect x={String(from)} y="2" width={String(Math.max(0.5, to - from))} height="8" class="ci-band" />
      <rect x={String(Math.max(0, pc(rate) - 0.75))} y="0" width="1.5" height="12" class="ci-point" />
    </svg>
  );
}
