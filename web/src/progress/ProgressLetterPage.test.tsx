// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../api';
import { container, settle, type } from '../chart/chart_test_server';
import { RoutedPage } from '../shell/RoutedPage';
import { progressServer } from './progress_test_server';

afterEach(() => {
  render(null, container);
  vi.restoreAllMocks();
});

async function openLetter(roles: Role[], server = progressServer()) {
  await act(() => render(<RoutedPage path="/patients/pat_1/progress-letter" roles={roles} clinicId="cln_1" api={server.api} />, container));
  await settle();
  return server;
}

const headings = () => [...container.querySelectorAll('h1, h2')].map((h) => h.textContent);

describe('the progress letter', () => {
  it('reads like a letter: clinic, date, to, patient, treatment by route, outcomes, side effects, safety and a signature line', async () => {
    await openLetter(['prescriber']);
    expect(container.querySelector('.letter-clinic')?.textContent).toBe('Demo Clinic');
    expect(container.querySelector('.letter-to')?.textContent).toBe('To: ____________________');
    await type('to', 'Dr Ada Jones\nRiverside Practice');
    expect(container.querySelector('.letter-to')?.textContent).toBe('To: Dr Ada Jones\nRiverside Practice');
    expect(headings()).toEqual(['Treatment progress: Maya Okafor', 'Treatment', 'Outcomes', 'Side effects', 'Safety']);
    expect(container.querySelector('.facts')?.textContent).toBe('PatientMaya OkaforDate of birth1986-03-14');
    const treatment = [...container.querySelectorAll('h2 + p + ul li')].map((li) => li.textContent);
    expect(treatment[0]).toBe('IV infusion: 2 sessions, 2026-10-01 to 2026-10-08');
    expect(treatment[1]).toBe('Intranasal esketamine: 1 session on 2026-10-15');
    const row = [...(container.querySelector('.letter-outcomes tbody tr')?.children ?? [])].map((c) => c.textContent);
    expect(row).toEqual(['PHQ-9', '20 → 9', '\u221211 points (\u221255%)', 'Response', '13 days after the first session', 'at least 28 days (no relapse so far)']);
    expect(container.textContent).toContain('Nausea, mild; resolved');
    expect(container.textContent).toContain('Liver tests overdue: Liver tests were due on 2026-10-30.');
    expect(container.querySelector('.signature-line')?.textContent).toContain('Signed:');
  });

  it('prints from its button, with the controls marked not to print', async () => {
    const print = vi.fn();
    window.print = print;
    await openLetter(['nurse']);
    const button = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Print or save as PDF');
    expect(button?.closest('.no-print')).not.toBeNull();
    await act(() => button?.click());
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('refuses the letter to the front desk without reading the progress', async () => {
    const server = await openLetter(['front_desk']);
    expect(container.querySelector('[role="alert"] h1')?.textContent).toBe('You do not have access to this page');
    expect(server.calls()).toEqual([]);
  });
});
