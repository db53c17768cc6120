// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../api';
import { buttonNamed, CHART_LOAD, click, container, open, settle, text, type } from '../chart/chart_test_server';
import { PROGRESS } from './progress_fixtures';
import { progressServer } from './progress_test_server';

afterEach(() => render(null, container));

async function openProgress(roles: Role[], server = progressServer()) {
  await open(roles, server);
  await click(container.querySelector('#tab-progress'));
  await settle();
  return server;
}

const section = (heading: string) => [...container.querySelectorAll('section')].find((s) => s.querySelector('h2, h3')?.textContent === heading);

describe('the Progress tab', () => {
  it('reads the progress only when opened, and shows each instrument’s status, time to response and durability', async () => {
    const server = await openProgress(['prescriber']);
    expect(server.calls().slice(0, CHART_LOAD.length)).toEqual(CHART_LOAD);
    expect(server.calls().slice(CHART_LOAD.length)).toEqual(['GET /api/v1/patients/pat_1/progress', 'GET /api/v1/instruments']);
    const phq9 = section('PHQ-9');
    expect(phq9?.querySelector('.badge')?.textContent).toBe('Response');
    expect([...(phq9?.querySelectorAll('.outcome-summary dd') ?? [])].map((dd) => dd.textContent)).toEqual(['20 → 9', '\u221211 points (\u221255%)', '13 days after the first session', 'at least 28 days (no relapse so far)']);
    expect(phq9?.querySelector('figure')?.getAttribute('aria-label')).toBe('PHQ-9 totals over time');
    expect([...(phq9?.querySelectorAll('tbody td') ?? [])].map((td) => td.textContent)).toEqual(['20', '9']);
    expect(text('.progress-tab > .section-head p')).toBe('3 sessions since 2026-10-01.');
    expect(container.querySelector('.progress-tab a[href="/patients/pat_1/progress-letter"]')?.textContent).toBe('Print progress letter');
  });

  it('puts the safety warnings in an alert, and exposure against the limits in words', async () => {
    await openProgress(['nurse']);
    expect(text('.safety-warnings[role="alert"]')).toBe('Safety warningLiver tests overdue: Liver tests were due on 2026-10-30.');
    const facts = [...(section('Long-term safety')?.querySelectorAll('.safety-facts dd') ?? [])].map((dd) => dd.textContent);
    expect(facts).toEqual([
      '3 (limit 6)',
      '105 mg',
      '1.5 mg/kg (no limit set) (1 dose without a recorded weight left out)',
      '9 sessions, 315 mg',
      'Last 2026-11-01, total 0; 1 positive',
      'Every 90 days; last 2026-08-01; due 2026-10-30 — overdue',
      'No signal',
    ]);
    expect(section('Side effects')?.querySelector('tbody tr')?.textContent).toContain('NauseaMildNoOndansetronResolved');
    expect(section('Open tasks')?.textContent).toContain('Relapse raised');
    expect(section('Pain and opioid use')).toBeUndefined();
  });

  it('shows the pain pathway for a patient treated for pain', async () => {
    const pain = { scores: [{ at: '2026-10-01T10:00:00.000Z', total: 7 }], mme: [{ at: '2026-10-01T10:00:00.000Z', mme_per_day: 60 }] };
    await openProgress(['therapist'], progressServer({ ...PROGRESS, pain }));
    const captions = [...(section('Pain and opioid use')?.querySelectorAll('caption') ?? [])].map((c) => c.textContent);
    expect(captions).toEqual(['Pain scores (NRS 0–10)', 'Daily opioid dose (MME per day)']);
  });

  it('offers the admin no follow-up or check-in forms', async () => {
    await openProgress(['admin']);
    expect(buttonNamed('Start follow-up')).toBeUndefined();
    expect(container.querySelector('.check-in-form')).toBeNull();
  });

  it('lets a nurse start follow-up with the clinic’s defaults; the server’s refusal shows by its field', async () => {
    const server = await openProgress(['nurse']);
    await click(buttonNamed('Start follow-up'));
    await settle();
    expect((container.querySelector('[name="interval_days"]') as HTMLInputElement).value).toBe('28');
    const checked = [...container.querySelectorAll<HTMLInputElement>('[name="instruments"]:checked')].map((i) => i.value);
    expect(checked).toEqual(['phq9', 'gad7']);
    await type('start', '2026-12-01');
    await type('interval_days', '99');
    await click(buttonNamed('Start follow-up'));
    expect(text('.follow-up-form .field-error')).toBe('The server refuses 99 days.');
    expect(document.activeElement?.getAttribute('name')).toBe('interval_days');
    await type('interval_days', '14');
    await click(buttonNamed('Start follow-up'));
    expect(server.bodies('/api/v1/patients/pat_1/follow-up').at(-1)).toEqual({ start: '2026-12-01', interval_days: 14, instruments: ['phq9', 'gad7'] });
    expect(text('.follow-up-plan')).toBe('Check-ins every 14 days from 2026-12-01: PHQ-9, GAD-7.');
    expect(text('.follow-up .form-status')).toBe('Follow-up started.');
    await click(buttonNamed('End follow-up'));
    await click(buttonNamed('End follow-up'));
    expect(text('.follow-up-form .field-error')).toBe('Say why the follow-up ends.');
    await type('reason', 'Discharged to the GP');
    await click(buttonNamed('End follow-up'));
    expect(server.bodies('/api/v1/patients/pat_1/follow-up/end')).toEqual([{ reason: 'Discharged to the GP' }]);
    expect(text('.follow-up .muted')).toBe('No follow-up plan.');
  });

  it('asks for a note when memory or attention problems are reported, then lists the check-in', async () => {
    const server = await openProgress(['nurse']);
    await type('mme_per_day', '60');
    await click(container.querySelector('[name="memory_attention"]'));
    await click(buttonNamed('Record check-in'));
    expect(text('.check-in-form .field-error')).toBe('Describe the memory or attention problem in the note.');
    expect(document.activeElement?.getAttribute('name')).toBe('note');
    expect(server.bodies('/api/v1/patients/pat_1/check-ins')).toEqual([]);
    await type('note', 'Forgets appointments');
    await click(buttonNamed('Record check-in'));
    expect(server.bodies('/api/v1/patients/pat_1/check-ins')).toEqual([{ memory_attention: true, note: 'Forgets appointments', mme_per_day: 60 }]);
    expect(text('.check-in-list li')).toContain('60 MME per dayMemory or attention problems');
    expect(text('.check-in-form .form-status')).toBe('Check-in recorded.');
    expect(server.calls().filter((c) => c.endsWith('/progress'))).toHaveLength(2);
  });
});
