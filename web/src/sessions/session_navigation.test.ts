import { describe, expect, it } from 'vitest';
import { canOpen, canOverrideDischarge, canReadSessions, canRunSessions, canWriteSessionNotes, navItemFor, pageTitle, sectionFor, sessionPage, sessionPath } from '../navigation';

describe('session pages', () => {
  it('finds the session and the view in the path, and builds it back', () => {
    expect(sessionPage('/sessions/ses_1')).toEqual({ sessionId: 'ses_1', view: 'console' });
    expect(sessionPage('/sessions/ses_1/discharge-sheet')).toEqual({ sessionId: 'ses_1', view: 'discharge-sheet' });
    expect(sessionPage('/sessions/ses_1/rems-form/')).toEqual({ sessionId: 'ses_1', view: 'rems-form' });
    expect(sessionPage(sessionPath('odd/id', 'rems-form'))).toEqual({ sessionId: 'odd/id', view: 'rems-form' });
    for (const path of ['/sessions', '/sessions/', '/sessions/a/other', '/sessions/%E0%A4%A', '/station']) expect(sessionPage(path)).toBeUndefined();
  });

  it('puts a session under Station, titled without the patient’s name', () => {
    expect(sectionFor('/sessions/ses_1')?.path).toBe('/station');
    expect(sectionFor('/sessions/ses_1/discharge-sheet')?.path).toBe('/station');
    expect(pageTitle('/sessions/ses_1')).toBe('Session console · KetaClinic');
    expect(pageTitle('/sessions/ses_1/rems-form')).toBe('REMS monitoring form · KetaClinic');
    expect(pageTitle('/station')).toBe('Nurse station · KetaClinic');
  });

  it('opens the station and the REMS forms to the clinical roles, not the front desk', () => {
    for (const path of ['/station', '/rems-forms'] as const) {
      const item = navItemFor(path) ?? { path, label: 'missing' };
      expect(canOpen(item, ['front_desk'])).toBe(false);
      for (const role of ['admin', 'prescriber', 'nurse', 'therapist'] as const) expect(canOpen(item, [role])).toBe(true);
    }
    expect(canReadSessions(['front_desk'])).toBe(false);
  });

  it('lets nurses and prescribers run a session, prescribers override, therapists write the note', () => {
    expect(canRunSessions(['nurse'])).toBe(true);
    expect(canRunSessions(['prescriber'])).toBe(true);
    expect(canRunSessions(['admin', 'therapist'])).toBe(false);
    expect(canOverrideDischarge(['prescriber'])).toBe(true);
    expect(canOverrideDischarge(['nurse', 'admin'])).toBe(false);
    expect(canWriteSessionNotes(['therapist'])).toBe(true);
    expect(canWriteSessionNotes(['admin'])).toBe(false);
  });
});
