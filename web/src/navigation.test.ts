import { describe, expect, it } from 'vitest';
import { canManageEnquiries, canOpen, canRegisterPatients, navItemFor, navItemsFor, publicRequestClinicId, publicRequestPath, roleLabel } from './navigation';

const labels = (roles: Parameters<typeof navItemsFor>[0]) => navItemsFor(roles).map((item) => item.label);

describe('navigation by role', () => {
  it('gives an admin Patients, Enquiries, Users and Audit log', () => {
    expect(labels(['admin'])).toEqual(['Patients', 'Enquiries', 'Users', 'Audit log']);
  });

  it.each(['prescriber', 'nurse', 'front_desk'] as const)('gives a %s Patients and Enquiries', (role) => {
    expect(labels([role])).toEqual(['Patients', 'Enquiries']);
  });

  it('gives a therapist only Patients', () => {
    expect(labels(['therapist'])).toEqual(['Patients']);
  });

  it('gives a user with several roles the union of their pages', () => {
    expect(labels(['nurse', 'admin'])).toEqual(['Patients', 'Enquiries', 'Users', 'Audit log']);
    expect(labels(['therapist', 'nurse'])).toEqual(['Patients', 'Enquiries']);
  });

  it('refuses the enquiries page to a therapist who types its address', () => {
    const enquiries = navItemFor('/enquiries') ?? { path: '/patients', label: 'missing' };
    expect(enquiries.label).toBe('Enquiries');
    expect(canOpen(enquiries, ['therapist'])).toBe(false);
    expect(canOpen(enquiries, ['nurse'])).toBe(true);
  });

  it('lets only admin and front desk work the enquiry queue', () => {
    expect(canManageEnquiries(['admin'])).toBe(true);
    expect(canManageEnquiries(['front_desk'])).toBe(true);
    expect(canManageEnquiries(['prescriber', 'nurse', 'therapist'])).toBe(false);
    expect(canManageEnquiries(['nurse', 'front_desk'])).toBe(true);
  });

  it('refuses the users page to a nurse who types its address', () => {
    const users = navItemFor('/users') ?? { path: '/patients', label: 'missing' };
    expect(users.label).toBe('Users');
    expect(canOpen(users, ['nurse'])).toBe(false);
    expect(canOpen(users, ['admin'])).toBe(true);
  });

  it('knows no page for an unknown path', () => {
    expect(navItemFor('/settings')).toBeUndefined();
  });

  it('lets every role but a lone therapist register patients', () => {
    expect(canRegisterPatients(['therapist'])).toBe(false);
    expect(canRegisterPatients(['therapist', 'nurse'])).toBe(true);
    expect(canRegisterPatients(['front_desk'])).toBe(true);
  });

  it('labels front_desk for people', () => {
    expect(roleLabel('front_desk')).toBe('Front desk');
  });
});

describe('public request page address', () => {
  it('finds the clinic id in /request/{clinic_id}', () => {
    expect(publicRequestClinicId('/request/cln_b74221f09a8ad48a87e9')).toBe('cln_b74221f09a8ad48a87e9');
    expect(publicRequestClinicId('/request/cln_1/')).toBe('cln_1');
    expect(publicRequestClinicId('/request/a%20b')).toBe('a b');
  });

  it('treats every other path as the staff app', () => {
    for (const path of ['/', '/request', '/request/', '/request/a/b', '/enquiries', '/xrequest/cln_1', '/request/%E0%A4%A']) {
      expect(publicRequestClinicId(path)).toBeUndefined();
    }
  });

  it('builds the path back from the id', () => {
    expect(publicRequestPath('cln_1')).toBe('/request/cln_1');
    expect(publicRequestClinicId(publicRequestPath('odd/id'))).toBe('odd/id');
  });
});
