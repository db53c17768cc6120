// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { EligibilityDecision } from '../api';
import { RoutedPage } from '../shell/RoutedPage';
import { CHART_LOAD, EXCLUSION, badges, buttonNamed, buttons, choice, click, container, fakeServer, open, recorded, settle, text, type } from './chart_test_server';

afterEach(() => render(null, container));

describe('PatientChartPage', () => {
  it('opens from the patient’s name on the Patients page', async () => {
    const server = fakeServer();
    await act(() => render(<RoutedPage path="/patients" roles={['nurse']} clinicId="cln_1" api={server.api} />, container));
    await settle();
    const link = container.querySelector('tbody th a');
    expect(link?.textContent).toBe('Okafor, Maya');
    expect(link?.getAttribute('href')).toBe('/patients/pat_1');
  });

  it('shows a nurse the header and the history controls, but no decision form', async () => {
    const server = fakeServer({ answers: [recorded('pregnant', 'no')] });
    await open(['nurse'], server);
    expect(server.calls()).toEqual(CHART_LOAD);
    expect(text('.chart-header h1')).toBe('Okafor, Maya');
    expect(text('.chart-summary')).toContain('1986-03-14');
    expect(text('.chart-summary')).toMatch(/Age\d+ years/);
    expect(text('.chart-summary')).toContain('Not screened');
    expect(text('.safety-flags')).toBe('History incomplete');
    expect(buttons()).toEqual(expect.arrayContaining(['History', 'Screening', 'Record', 'Save answers', 'Add medication', 'Add diagnosis', 'Add trial']));
    expect(buttons()).not.toContain('Record decision');
    expect(choice('Pregnant', 'No')?.checked).toBe(true);
    expect(choice('Aneurysmal vascular disease', 'Unknown')?.checked).toBe(true);
  });

  it('saves only the answers that changed, then screens again', async () => {
    const server = fakeServer({ answers: [recorded('pregnant', 'no')] });
    await open(['nurse'], server);
    await click(choice('Aneurysmal vascular disease', 'Yes'));
    await click(choice('Pregnant', 'Unknown'));
    await click(choice('Pregnant', 'No'));
    expect(text('.unsaved-count')).toBe('1 answer changed, not saved yet.');
    await click(buttonNamed('Save answers'));
    expect(server.bodies('/api/v1/patients/pat_1/history')).toEqual([{ answers: { aneurysmal_vascular_disease: 'yes' } }]);
    expect(server.calls().slice(-3)).toEqual(['POST /api/v1/patients/pat_1/history', 'GET /api/v1/patients/pat_1/history', 'GET /api/v1/patients/pat_1/screening']);
    expect(text('.history-questions [role="status"]')).toBe('Saved 1 answer.');
    expect(text('.unsaved-count')).toBe('');
  });

  it('lets a nurse add an interacting medication, which the header flags, and stop it after confirming', async () => {
    const server = fakeServer({ answers: [recorded('aneurysmal_vascular_disease', 'no'), recorded('pregnant', 'no')] });
    await open(['nurse'], server);
    expect(text('.safety-flags')).toBe('None');
    await click(buttonNamed('Add medication'));
    expect(text('[aria-labelledby="add-medication-heading"] [role="alert"]')).toBe('Enter the medication’s name.');
    await type('name', 'Lorazepam', '[aria-labelledby="add-medication-heading"]');
    await click(buttonNamed('Add medication'));
    expect(text('[aria-labelledby="add-medication-heading"] [role="alert"]')).toBe('Choose the class, or None when it does not interact with ketamine.');
    await type('class', 'benzodiazepine', '[aria-labelledby="add-medication-heading"]');
    await type('dose', '1 mg at night', '[aria-labelledby="add-medication-heading"]');
    await click(buttonNamed('Add medication'));
    expect(server.bodies('/api/v1/patients/pat_1/medications')).toEqual([{ name: 'Lorazepam', class: 'benzodiazepine', dose: '1 mg at night' }]);
    expect(text('.safety-flags')).toBe('Benzodiazepine');
    expect(text('[aria-labelledby="add-medication-heading"] [role="status"]')).toBe('Added Lorazepam.');

    await click(buttonNamed('Stop Lorazepam'));
    expect(text('dialog h2')).toBe('Stop Lorazepam?');
    expect(server.calls().filter((c) => c.endsWith('/stop'))).toEqual([]);
    await click(buttonNamed('Stop medication'));
    expect(server.calls().filter((c) => c.endsWith('/stop'))).toEqual(['POST /api/v1/patients/pat_1/medications/med_1/stop']);
    expect(container.querySelector('dialog')).toBeNull();
    expect(text('.safety-flags')).toBe('None');
    expect(text('.chart-table tr.stopped')).toContain('Stopped');
  });

  it('moves between tabs with the arrow keys, Home and End', async () => {
    await open(['therapist'], fakeServer());
    const key = (k: string) => act(() => void container.querySelector('[role="tablist"]')?.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
    const selected = () => container.querySelector('[role="tab"][aria-selected="true"]')?.id;
    await key('ArrowRight');
    expect(selected()).toBe('tab-screening');
    expect(document.activeElement?.id).toBe('tab-screening');
    await key('ArrowRight');
    expect(selected()).toBe('tab-record');
    await key('ArrowRight');
    expect(selected()).toBe('tab-measures');
    await key('ArrowRight');
    expect(selected()).toBe('tab-progress');
    await key('ArrowRight');
    expect(selected()).toBe('tab-consent');
    await key('ArrowRight');
    expect(selected()).toBe('tab-plan');
    await key('ArrowRight');
    expect(selected()).toBe('tab-appointments');
    await key('ArrowRight');
    expect(selected()).toBe('tab-sessions');
    await key('ArrowRight');
    expect(selected()).toBe('tab-history');
    await key('End');
    expect(selected()).toBe('tab-sessions');
    await key('Home');
    expect(selected()).toBe('tab-history');
    expect(container.querySelector('#tab-screening')?.getAttribute('tabindex')).toBe('-1');
  });

  it('gives a therapist a chart to read, with no controls until the Measures tab is opened', async () => {
    const server = fakeServer({ answers: [recorded('aneurysmal_vascular_disease', 'yes')] });
    await open(['therapist'], server);
    expect(buttons()).toEqual(['History', 'Screening', 'Record', 'Measures', 'Progress', 'Consent', 'Plan', 'Appointments', 'Sessions']);
    expect(server.calls()).toEqual(CHART_LOAD); // the Measures tab reads nothing until it is opened
    expect(container.querySelectorAll('form, input, select, textarea')).toHaveLength(0);
    expect([...container.querySelectorAll('.answers-list dd')].map((dd) => dd.textContent)).toEqual(['Yes', 'Unknown']);
    expect(text('#panel-screening .finding-exclude')).toContain(EXCLUSION.reason);
    expect(text('.demographics-facts')).toContain('Not recorded');
  });

  it('gives the front desk the history to read and only the demographics form to fill in', async () => {
    const server = fakeServer({ answers: [recorded('aneurysmal_vascular_disease', 'yes')] });
    await open(['front_desk'], server);
    expect(buttons()).toEqual(['History', 'Screening', 'Record', 'Consent', 'Appointments', 'Save demographics']);
    expect([...container.querySelectorAll('form')].map((f) => f.getAttribute('aria-labelledby'))).toEqual(['demographics-heading']);
    expect([...container.querySelectorAll('.answers-list dd')].map((dd) => dd.textContent)).toEqual(['Yes', 'Unknown']);
    expect(text('#panel-screening .finding-exclude')).toContain(EXCLUSION.reason);
  });

  it('shows the prescriber each finding beside its facts and requires an override reason against an exclusion', async () => {
    const server = fakeServer({ answers: [recorded('aneurysmal_vascular_disease', 'yes')] });
    await open(['prescriber'], server);
    await click(container.querySelector('#tab-screening'));
    expect(container.querySelector('#tab-screening')?.getAttribute('aria-selected')).toBe('true');
    expect(container.querySelector<HTMLElement>('#panel-history')?.hidden).toBe(true);
    const exclusion = container.querySelector('.finding-exclude .finding');
    expect(exclusion?.querySelector('.reason')?.textContent).toBe(EXCLUSION.reason);
    expect(exclusion?.querySelector('.finding-facts')?.textContent).toContain('Aneurysmal vascular disease: yes');
    expect(text('.finding-exclude h3')).toBe('Exclusions (1)');
    expect(text('.finding-supports')).toContain('None.');

    expect(container.querySelector('.override-box')).toBeNull();
    await click(choice('Decision', 'Not eligible'));
    expect(container.querySelector('.override-box')).toBeNull();
    await click(choice('Decision', 'Eligible'));
    expect(text('.override-box')).toContain('Override: this decision goes against an exclusion.');
    await type('reason', 'Benefit outweighs the risk.');
    await click(buttonNamed('Record decision'));
    expect(text('.override-box [role="alert"]')).toBe('Enter why treatment may go ahead despite the exclusion.');
    expect(document.activeElement?.getAttribute('name')).toBe('override_reason');
    expect(server.bodies('/api/v1/patients/pat_1/eligibility-decisions')).toEqual([]);

    await type('override_reason', 'Aneurysm repaired in 2019; vascular surgeon agrees.');
    await click(buttonNamed('Record decision'));
    expect(server.bodies('/api/v1/patients/pat_1/eligibility-decisions')).toEqual([
      { decision: 'eligible', reason: 'Benefit outweighs the risk.', override_reason: 'Aneurysm repaired in 2019; vascular surgeon agrees.' },
    ]);
    expect(text('.decision-form [role="status"]')).toBe('Recorded: Eligible, overriding an exclusion.');
    expect(badges()).toEqual(['Eligible', 'Override', 'History incomplete']);
    expect(text('.latest-decision')).toContain('Aneurysm repaired in 2019');
  });

  it('shows the server’s override_reason error at its field even when this page saw no exclusion', async () => {
    // The server knows of an exclusion this page has not seen (a colleague answered meanwhile).
    const server = fakeServer({ serverOnlyExclusion: true });
    await open(['prescriber'], server);
    await click(choice('Decision', 'Eligible'));
    expect(container.querySelector('.override-box')).toBeNull();
    await type('reason', 'Low risk.');
    await click(buttonNamed('Record decision'));
    expect(server.bodies('/api/v1/patients/pat_1/eligibility-decisions')).toEqual([{ decision: 'eligible', reason: 'Low risk.', override_reason: '' }]);
    expect(text('.override-box [role="alert"]')).toBe('Say why this overrides an exclusion.');
    expect(document.activeElement?.getAttribute('name')).toBe('override_reason');
  });

  it('marks re-screening needed in the header and says why on the Screening tab', async () => {
    const decision: EligibilityDecision = {
      id: 'eld_1', decision: 'eligible', reason: 'OK', override: false, override_reason: '', rule_version: 'kc-test-1',
      decided_at: '2026-03-01T09:00:00Z', decided_by: 'prescriber@demo.test', needs_rescreen: true, rescreen_reason: 'A benzodiazepine was added after the decision.',
    };
    const server = fakeServer({ answers: [recorded('aneurysmal_vascular_disease', 'no'), recorded('pregnant', 'no')], decision });
    await open(['therapist'], server);
    expect(badges()).toEqual(['Eligible', '⚠ Re-screening needed']);
    expect(text('.rescreen-warning')).toBe('Re-screening needed. A benzodiazepine was added after the decision.');
  });
});
