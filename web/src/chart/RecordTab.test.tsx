// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { badges, buttonNamed, buttons, click, container, fakeServer, open, recorded, text, type } from './chart_test_server';

afterEach(() => render(null, container));

const DEMOGRAPHICS = '[aria-labelledby="demographics-heading"]';
const MEASUREMENT = '[aria-labelledby="add-measurement-heading"]';
const ALLERGY = '[aria-labelledby="add-allergy-heading"]';
const BASELINE = '[aria-labelledby="add-baseline-test-heading"]';
const openRecord = () => click(container.querySelector('#tab-record'));

describe('The Record tab', () => {
  it('saves only the demographics that changed and shows the preferred name in the header', async () => {
    const server = fakeServer();
    await open(['front_desk'], server);
    await openRecord();
    await click(buttonNamed('Save demographics'));
    expect(text(`${DEMOGRAPHICS} [role="alert"]`)).toBe('Choose the sex at birth, or Unknown.');
    expect(document.activeElement?.getAttribute('name')).toBe('sex_at_birth');
    await type('sex_at_birth', 'female', DEMOGRAPHICS);
    await type('preferred_name', ' Mae ', DEMOGRAPHICS);
    await type('escort_name', 'Tom Okafor', DEMOGRAPHICS);
    await type('escort_phone', '555 123 4567', DEMOGRAPHICS);
    expect(text('.demographics-form .unsaved-count')).toBe('4 fields changed, not saved yet.');
    await click(buttonNamed('Save demographics'));
    expect(server.bodies('/api/v1/patients/pat_1/demographics')).toEqual([
      { preferred_name: 'Mae', sex_at_birth: 'female', escort_name: 'Tom Okafor', escort_phone: '555 123 4567' },
    ]);
    expect(text(`${DEMOGRAPHICS} [role="status"]`)).toBe('Saved 4 changes.');
    expect(text('.preferred-name')).toBe('Prefers to be called Mae');
    expect(server.calls().at(-1)).toBe('GET /api/v1/patients/pat_1/screening');
    await click(buttonNamed('Save demographics'));
    expect(text(`${DEMOGRAPHICS} [role="alert"]`)).toBe('Nothing has changed, so there is nothing to save.');
  });

  it('shows the server’s problem at the field it names', async () => {
    const server = fakeServer({ patient: { sex_at_birth: 'female' } });
    await open(['nurse'], server);
    await openRecord();
    await type('phone', 'call me', DEMOGRAPHICS);
    await click(buttonNamed('Save demographics'));
    const phone = container.querySelector(`${DEMOGRAPHICS} [name="phone"]`);
    expect(phone?.getAttribute('aria-invalid')).toBe('true');
    expect(text(`${DEMOGRAPHICS} .field-error`)).toBe('Enter a phone number using digits, spaces and an optional +.');
  });

  it('asks for a guardian before sending the record of a minor', async () => {
    const server = fakeServer({ patient: { date_of_birth: '2015-05-01', sex_at_birth: 'male' } });
    await open(['nurse'], server);
    await openRecord();
    expect(badges()).toContain('Under 18: no guardian recorded');
    expect(text('.demographics-form')).toContain('Required: the patient is under 18.');
    await type('guardian_name', 'Maya Okafor', DEMOGRAPHICS);
    await click(buttonNamed('Save demographics'));
    expect(document.activeElement?.getAttribute('name')).toBe('guardian_relationship');
    expect(server.bodies('/api/v1/patients/pat_1/demographics')).toEqual([]);
    await type('guardian_relationship', 'Mother', DEMOGRAPHICS);
    await type('guardian_phone', '555 123 4567', DEMOGRAPHICS);
    await click(buttonNamed('Save demographics'));
    expect(server.bodies('/api/v1/patients/pat_1/demographics')).toHaveLength(1);
    expect(badges()).not.toContain('Under 18: no guardian recorded');
  });

  it('adds a weight and a height, newest first, with the latest of each', async () => {
    const server = fakeServer();
    await open(['nurse'], server);
    await openRecord();
    expect(text('.latest-measurements')).toBe('Latest weightNot measuredLatest heightNot measured');
    await type('weight_kg', '720', MEASUREMENT);
    await click(buttonNamed('Add measurement'));
    expect(text(`${MEASUREMENT} .field-error`)).toBe('Enter the weight in kg, from 2 to 400.');
    expect(server.bodies('/api/v1/patients/pat_1/measurements')).toEqual([]);
    await type('weight_kg', '72.5', MEASUREMENT);
    await type('measured_on', '2026-03-01', MEASUREMENT);
    await click(buttonNamed('Add measurement'));
    await type('kind', 'height', MEASUREMENT);
    await type('height_cm', '170', MEASUREMENT);
    await click(buttonNamed('Add measurement'));
    expect(server.bodies('/api/v1/patients/pat_1/measurements')).toEqual([
      { weight_kg: 72.5, measured_on: '2026-03-01' },
      { height_cm: 170, measured_on: '2026-03-01' },
    ]);
    expect(text(`${MEASUREMENT} [role="status"]`)).toBe('Added height 170 cm.');
    expect([...container.querySelectorAll('.measurements-table tbody tr td:nth-of-type(2)')].map((td) => td.textContent)).toEqual(['170 cm', '72.5 kg']);
    expect(text('.latest-measurements')).toContain('72.5 kg on 2026-03-01');
  });

  it('flags allergies in the header beside a ketamine hypersensitivity from the history, without merging them', async () => {
    const server = fakeServer({ answers: [recorded('ketamine_hypersensitivity', 'yes')] });
    await open(['prescriber'], server);
    await openRecord();
    expect(text('.ketamine-note')).toContain('hypersensitivity to ketamine');
    await type('substance', 'Ketamine', ALLERGY);
    await type('reaction', 'Rash', ALLERGY);
    await click(buttonNamed('Add allergy'));
    expect(badges()).toEqual(['Not screened', 'Allergy: Ketamine', 'Ketamine hypersensitivity (history)', 'History incomplete']);
    expect(text('.allergies')).toContain('Ketamine — Rash');
    await type('substance', 'ketamine', ALLERGY);
    await click(buttonNamed('Add allergy'));
    expect(text(`${ALLERGY} .field-error`)).toBe('An allergy to this substance is already recorded.');
  });

  it('records a baseline test and says which of ECG, liver and renal are still missing', async () => {
    const server = fakeServer();
    await open(['nurse'], server);
    await openRecord();
    expect(text('#baseline-tests-heading + p')).toBe('Not recorded yet: ECG, Liver tests, Renal tests.');
    await click(buttonNamed('Add baseline test'));
    expect(text(`${BASELINE} .field-error`)).toBe('Choose the test.');
    await type('kind', 'ecg', BASELINE);
    await type('taken_on', '2026-02-20', BASELINE);
    await type('result', 'Sinus rhythm, QTc 410 ms', BASELINE);
    await click(buttonNamed('Add baseline test'));
    expect(server.bodies('/api/v1/patients/pat_1/baseline-tests')).toEqual([{ kind: 'ecg', taken_on: '2026-02-20', result: 'Sinus rhythm, QTc 410 ms' }]);
    expect(text('.baseline-tests-table tbody')).toContain('Sinus rhythm, QTc 410 ms');
    expect(text('#baseline-tests-heading + p')).toBe('Not recorded yet: Liver tests, Renal tests.');
  });

  it('shows pregnancy and breastfeeding with the date recorded, in the tab and the header', async () => {
    const server = fakeServer({ answers: [recorded('pregnant', 'yes'), recorded('breastfeeding', 'no')] });
    await open(['therapist'], server);
    expect(badges()).toContain('Pregnant (recorded 2026-02-01)');
    expect(text('.answers-list')).toContain('Yes (recorded 2026-02-01)');
    await openRecord();
    expect(text('.pregnancy-status')).toBe('PregnantYes — recorded 2026-02-01 by nurse@demo.testBreastfeedingNo — recorded 2026-02-01 by nurse@demo.test');
    expect(buttons()).toEqual(['History', 'Screening', 'Record', 'Measures', 'Progress', 'Consent', 'Plan', 'Appointments', 'Sessions']);
  });
});
