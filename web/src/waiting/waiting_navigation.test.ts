import { describe, expect, it } from 'vitest';
import { canAddToWaitingLists, canManageWaitingPrograms, canOpen, navItemFor, navItemsFor, pageTitle } from '../navigation';

describe('the Waiting lists page in the navigation', () => {
  it('is offered to admin, front desk, prescriber and nurse, after Enquiries', () => {
    const waitingAndAround = (role: Parameters<typeof navItemsFor>[0][number]) => navItemsFor([role]).map((i) => i.label).filter((l) => ['Patients', 'Enquiries', 'Waiting lists'].includes(l));
    expect(navItemsFor(['admin']).map((i) => i.label)).toContain('Waiting lists');
    for (const role of ['admin', 'front_desk', 'prescriber', 'nurse'] as const) expect(waitingAndAround(role)).toEqual(['Patients', 'Enquiries', 'Waiting lists']);
    expect(waitingAndAround('therapist')).toEqual(['Patients']);
  });

  it('is refused to a therapist who types its address, and titled for the tab', () => {
    const waiting = navItemFor('/waiting');
    expect(waiting && canOpen(waiting, ['therapist'])).toBe(false);
    expect(pageTitle('/waiting')).toBe('Waiting lists · KetaClinic');
  });

  it('lets admins manage programs, and admin and front desk add people', () => {
    expect(canManageWaitingPrograms(['admin'])).toBe(true);
    expect(canManageWaitingPrograms(['front_desk', 'prescriber', 'nurse'])).toBe(false);
    expect(canAddToWaitingLists(['admin'])).toBe(true);
    expect(canAddToWaitingLists(['front_desk'])).toBe(true);
    expect(canAddToWaitingLists(['prescriber', 'nurse'])).toBe(false);
  });
});
