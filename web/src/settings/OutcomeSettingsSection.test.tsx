// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { buttonNamed, click, container, settle, text, type } from '../chart/chart_test_server';
import { progressServer } from '../progress/progress_test_server';
import { OutcomeSettingsSection } from './OutcomeSettingsSection';

afterEach(() => render(null, container));

async function openSection() {
  const server = progressServer();
  await act(() => render(<OutcomeSettingsSection api={server.api} />, container));
  await settle();
  return server;
}

const radio = (legend: string, label: string) => {
  const fieldset = [...container.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === legend);
  return [...(fieldset?.querySelectorAll('label') ?? [])].find((l) => l.textContent === label)?.querySelector('input');
};

describe('the follow-up and long-term safety settings', () => {
  it('shows each setting with its bounds and a "no limit" choice for the limits', async () => {
    await openSection();
    expect(container.querySelector('[name="induction_days"]')?.getAttribute('value') ?? (container.querySelector('[name="induction_days"]') as HTMLInputElement).value).toBe('28');
    expect(text('.field:has([name="induction_days"]) .hint')).toBe('7 to 180.');
    expect(radio('Most sessions in 30 days', 'No limit set')?.checked).toBe(true);
    expect(container.querySelector('[name="max_sessions_per_30_days"]')).toBeNull();
    expect((container.querySelector('[name="max_mg_per_kg_per_30_days"]') as HTMLInputElement).value).toBe('4');
  });

  it('sends only the changes, a removed limit as null; the server’s refusal shows by its field', async () => {
    const server = await openSection();
    await click(buttonNamed('Save follow-up and safety settings'));
    expect(text('.form-error')).toBe('Nothing was changed.');
    await click(radio('Most ketamine in 30 days (mg/kg)', 'No limit set'));
    await click(radio('Most sessions in 30 days', 'Set a limit'));
    await type('max_sessions_per_30_days', '6');
    await type('induction_days', '179');
    await click(buttonNamed('Save follow-up and safety settings'));
    expect(text('.field-error')).toBe('The server refuses 179 days.');
    expect(document.activeElement?.getAttribute('name')).toBe('induction_days');
    await type('induction_days', '42');
    await click(buttonNamed('Save follow-up and safety settings'));
    expect(server.bodies('/api/v1/outcome-settings').at(-1)).toEqual({ induction_days: 42, max_sessions_per_30_days: 6, max_mg_per_kg_per_30_days: null });
    expect(text('.form-status')).toBe('Follow-up and safety settings saved (version 1).');
  });

  it('checks the bounds before sending', async () => {
    const server = await openSection();
    await type('follow_up_interval_days', '0');
    await click(buttonNamed('Save follow-up and safety settings'));
    expect(text('.field-error')).toBe('Days between follow-up check-ins: enter a whole number, 1 to 365.');
    expect(server.bodies('/api/v1/outcome-settings')).toEqual([]);
  });
});
