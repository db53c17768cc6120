import { describe, expect, it } from 'vitest';
import type { PlanProposal } from '../plans_api_types';
import { clashedSession, proposalBookings } from './BookProposalForm';

const proposal: PlanProposal = {
  plan_id: 'pln_1',
  plan_version: 2,
  route: 'iv',
  start: '2026-11-23',
  horizon_weeks: 4,
  max_per_week: 3,
  week_rule: 'rolling_7_days',
  sessions: [
    { number: 1, phase: 'induction', date: '2026-11-23', mg_per_kg: 0.5, dose_mg: null, infusion_minutes: 40 },
    { number: 2, phase: 'induction', date: '2026-11-25', mg_per_kg: 0.5, dose_mg: null, infusion_minutes: 40 },
  ],
};

describe('proposalBookings', () => {
  it('books each proposed day at the same local time, tied to the plan and its session number', () => {
    const items = proposalBookings(proposal, 'pat_1', 'room_1', 'usr_1', '09:30');
    expect(items).toHaveLength(2);
    expect(items[1]).toEqual({
      type: 'dosing_session',
      route: 'iv',
      patient_id: 'pat_1',
      room_id: 'room_1',
      staff_ids: ['usr_1'],
      start: new Date('2026-11-25T09:30').toISOString(),
      plan_id: 'pln_1',
      session_number: 2,
    });
  });
});

describe('clashedSession', () => {
  it('reads the item and field of a batch error', () => {
    expect(clashedSession('items[1].room_id')).toEqual({ index: 1, field: 'room_id' });
    expect(clashedSession('room_id')).toBeNull();
    expect(clashedSession(undefined)).toBeNull();
  });
});
