import { describe, expect, it } from 'vitest';
import { canOpen, canRegisterPatients, navItemFor, navItemsFor, roleLabel } from './navigation';

const labels = (roles: Parameters<typeof navItemsFor>[0]) => navItemsFor(roles).map((item) => item.label);

describe('navigation by role', () => {
  it('gives an admin Patients, Users and Audit log', () => {
    expect(labels(['admin'])).toEqual(['Patients', 'Users', 'Audit log']);
  });

  it.each(['prescriber', 'nurse', 'therapist', 'front_desk'] as const)('gives a %s only Patients', (role) => {
    expect(labels([role])).toEqual(['Patients']);
  });

  it('gives a user with several roles the union of their pages', () => {
    expect(labels(['nurse', 'admin'])).toEqual(['Patients', 'Users', 'Audit log']);
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
