// Which pages exist, which roles may open them, and what else a role may do
// (docs/api.md, "Roles and permissions"). The server enforces the same rules on
// the API; this only decides what the UI offers and renders.
import type { Role } from './api';

export type PagePath = '/patients' | '/users' | '/audit';

export interface NavItem {
  path: PagePath;
  label: string;
  /** Roles that may open the page; undefined means every signed-in user. */
  allowed_roles?: readonly Role[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/patients', label: 'Patients' },
  { path: '/users', label: 'Users', allowed_roles: ['admin'] },
  { path: '/audit', label: 'Audit log', allowed_roles: ['admin'] },
];

/** Where "/" and a fresh sign-in land. */
export const HOME_PATH: PagePath = '/patients';

export function navItemFor(path: string): NavItem | undefined {
  return NAV_ITEMS.find((item) => item.path === path);
}

export function canOpen(item: NavItem, roles: readonly Role[]): boolean {
  return !item.allowed_roles || item.allowed_roles.some((role) => roles.includes(role));
}

export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => canOpen(item, roles));
}

const PATIENT_REGISTRARS: readonly Role[] = ['admin', 'prescriber', 'nurse', 'front_desk'];

/** Whether the "Add patient" form is offered (a therapist alone may not register patients). */
export function canRegisterPatients(roles: readonly Role[]): boolean {
  return roles.some((role) => PATIENT_REGISTRARS.includes(role));
}

const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  prescriber: 'Prescriber',
  nurse: 'Nurse',
  therapist: 'Therapist',
  front_desk: 'Front desk',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
