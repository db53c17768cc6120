// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../api';
import { buttonNamed, click, container, settle, text, type } from '../chart/chart_test_server';
import { measuresServer } from '../measures/measures_test_server';
import { RoutedPage } from '../shell/RoutedPage';

afterEach(() => render(null, container));

const SETTINGS_URL = '/api/v1/clinic/measurement-settings';

async function openSettings(roles: Role[]) {
  const server = measuresServer();
  await act(() => render(<RoutedPage path="/settings" roles={roles} clinicId="cln_1" api={server.api} />, container));
  await settle();
  return server;
}
const value = (name: string) => container.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value;

describe('Clinic settings', () => {
  it('shows an admin the measurement settings and saves only what changed', async () => {
    const server = await openSettings(['admin']);
    expect(text('h1')).toBe('Clinic settings');
    expect(text('#measurement-settings-heading')).toBe('Measurement-based care');
    expect(text('.settings-panel > p')).toBe('Clinic defaults, never changed.');
    expect([value('link_lifetime_hours'), value('escalation_minutes'), value('phq9_rise_points'), value('cssrs_min_level'), value('crisis_message')]).toEqual(['72', '60', '5', '1', 'If you are in danger now, call 911.']);
    expect([...container.querySelectorAll('[name="cssrs_min_level"] option')].map((o) => o.textContent)).toEqual(['Low', 'Moderate', 'High']);

    await click(buttonNamed('Save settings'));
    expect(text('[role="status"].form-status')).toBe('Nothing changed.');
    expect(server.bodies(SETTINGS_URL)).toEqual([]);

    await type('escalation_minutes', '30');
    await type('cssrs_min_level', '2');
    await click(buttonNamed('Save settings'));
    expect(server.bodies(SETTINGS_URL)).toEqual([{ escalation_minutes: 30, cssrs_min_level: 2 }]);
    expect(text('[role="status"].form-status')).toBe('Settings saved.');
    expect(text('.settings-panel > p')).toMatch(/^Last changed 2026-11-2[12] \d\d:00:00 by admin@demo\.test\.$/);
  });

  it('shows a problem at its field, from the form’s own check or from the server', async () => {
    const server = await openSettings(['admin']);
    await type('link_lifetime_hours', '0');
    await click(buttonNamed('Save settings'));
    expect(text('.field-error')).toBe('Enter the link lifetime in hours: a whole number from 1 to 720.');
    expect(document.activeElement?.getAttribute('name')).toBe('link_lifetime_hours');
    expect(server.bodies(SETTINGS_URL)).toEqual([]);

    await type('link_lifetime_hours', '72');
    await type('crisis_message', 'refuse me');
    await click(buttonNamed('Save settings'));
    expect(text('.field-error')).toBe('The server refuses this message.');
    expect(container.querySelector('[name="crisis_message"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.getAttribute('name')).toBe('crisis_message');
  });

  it.each(['prescriber', 'nurse', 'therapist', 'front_desk'] as const)('is refused to a %s, who reads nothing', async (role) => {
    const server = await openSettings([role]);
    expect(text('h1')).toBe('You do not have access to this page');
    expect(server.calls()).toEqual([]);
  });
});
