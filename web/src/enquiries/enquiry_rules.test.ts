import { describe, expect, it } from 'vitest';
import { ENQUIRY_STATUSES } from '../api';
import { FILTER_CHOICES, STATUS_LABELS, conditionLabels, nextSteps, stepDoneMessage } from './enquiry_rules';

const steps = (status: Parameters<typeof nextSteps>[0]) => nextSteps(status).map((s) => `${s.status}${s.needsReason ? ' (reason)' : ''}`);

describe('nextSteps', () => {
  it('moves a new enquiry to contacted, or closes it', () => {
    expect(steps('new')).toEqual(['contacted', 'closed (reason)']);
  });

  it('moves a contacted enquiry to consultation booked, or closes it', () => {
    expect(steps('contacted')).toEqual(['consultation_booked', 'closed (reason)']);
  });

  it('only closes a booked enquiry', () => {
    expect(steps('consultation_booked')).toEqual(['closed (reason)']);
  });

  it('leaves a closed enquiry closed', () => {
    expect(steps('closed')).toEqual([]);
  });

  it('never offers a step backwards or a skip', () => {
    for (const [i, from] of ENQUIRY_STATUSES.entries()) {
      for (const step of nextSteps(from)) {
        const to = ENQUIRY_STATUSES.indexOf(step.status);
        expect(step.status === 'closed' || to === i + 1, `${from} → ${step.status}`).toBe(true);
      }
    }
  });

  it('labels the buttons for people', () => {
    expect(nextSteps('new').map((s) => s.label)).toEqual(['Mark contacted', 'Close enquiry']);
    expect(nextSteps('contacted').map((s) => s.label)).toEqual(['Mark consultation booked', 'Close enquiry']);
  });
});

describe('labels', () => {
  it('offers all open enquiries first, then each status', () => {
    expect(FILTER_CHOICES.map((c) => c.label)).toEqual(['All open', 'New', 'Contacted', 'Consultation booked', 'Closed']);
    expect(FILTER_CHOICES.map((c) => c.value)).toEqual(['open', ...ENQUIRY_STATUSES]);
  });

  it('names the conditions as the clinic does, keeping unknown codes', () => {
    const conditions = [{ code: 'ptsd', label: 'Post-traumatic stress (PTSD)' }, { code: 'anxiety', label: 'Anxiety' }];
    expect(conditionLabels(['anxiety', 'retired_code', 'ptsd'], conditions)).toEqual(['Anxiety', 'retired_code', 'Post-traumatic stress (PTSD)']);
  });

  it('says what a step did', () => {
    expect(stepDoneMessage({ given_name: 'Jane', family_name: 'Doe', status: 'consultation_booked' })).toBe('Jane Doe: now consultation booked.');
    expect(stepDoneMessage({ given_name: 'Jane', family_name: 'Doe', status: 'closed' })).toBe('Closed the enquiry from Jane Doe.');
    expect(STATUS_LABELS.new).toBe('New');
  });
});
