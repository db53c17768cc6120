import { describe, expect, it } from 'vitest';
import {
  canDecideEligibility,
  canEditHistory,
  canExportResearch,
  canManageEnquiries,
  canOpen,
  canReadMeasures,
  canReadOutcomes,
  canRecordMeasures,
  canRegisterPatients,
  canWriteFollowUp,
  navItemFor,
  navItemsFor,
  pageTitle,
  patientChartId,
  patientChartPath,
  progressLetterPath,
  progressLetterPatientId,
  publicRequestClinicId,
  publicRequestPath,
  roleLabel,
  sectionFor,
} from './navigation';

const labels = (roles: Parameters<typeof navItemsFor>[0]) => navItemsFor(roles).map((item) => item.label);

describe('navigation by role', () => {
  it('gives an admin every page, Clinic settings last', () => {
    expect(labels(['admin'])).toEqual(['Patients', 'Calendar', 'Station', 'Inbox', 'Questionnaires due', 'Follow-up', 'Enquiries', 'Waiting lists', 'Consent library', 'REMS forms', 'Outcomes', 'Users', 'Audit log', 'Clinic settings']);
  });

  it('gives a nurse Patients, the inbox, the due questionnaires, missed follow-up, Enquiries and Waiting lists', () => {
    expect(labels(['nurse'])).toEqual(['Patients', 'Calendar', 'Station', 'Inbox', 'Questionnaires due', 'Follow-up', 'Double checks', 'Enquiries', 'Waiting lists', 'Consent library', 'REMS forms']);
  });

  it('gives a prescriber what a nurse has and the clinic outcomes', () => {
    expect(labels(['prescriber'])).toEqual(['Patients', 'Calendar', 'Station', 'Inbox', 'Questionnaires due', 'Follow-up', 'Double checks', 'Enquiries', 'Waiting lists', 'Consent library', 'REMS forms', 'Outcomes']);
  });

  it('gives the front desk Patients, Enquiries and Waiting lists, but no measures', () => {
    expect(labels(['front_desk'])).toEqual(['Patients', 'Calendar', 'Enquiries', 'Waiting lists', 'Consent library']);
  });

  it('gives a therapist Patients, the station, the inbox, the due questionnaires and the REMS forms', () => {
    expect(labels(['therapist'])).toEqual(['Patients', 'Calendar', 'Station', 'Inbox', 'Questionnaires due', 'Follow-up', 'Consent library', 'REMS forms']);
  });

  it('gives a user with several roles the union of their pages', () => {
    expect(labels(['nurse', 'admin'])).toEqual(['Patients', 'Calendar', 'Station', 'Inbox', 'Questionnaires due', 'Follow-up', 'Double checks', 'Enquiries', 'Waiting lists', 'Consent library', 'REMS forms', 'Outcomes', 'Users', 'Audit log', 'Clinic settings']);
    expect(labels(['therapist', 'front_desk'])).toEqual(['Patients', 'Calendar', 'Station', 'Inbox', 'Questionnaires due', 'Follow-up', 'Enquiries', 'Waiting lists', 'Consent library', 'REMS forms']);
  });

  it('keeps Clinic settings for admins: others who type its address are refused', () => {
    const settings = navItemFor('/settings') ?? { path: '/patients', label: 'missing' };
    expect(settings.label).toBe('Clinic settings');
    expect(canOpen(settings, ['admin'])).toBe(true);
    for (const role of ['prescriber', 'nurse', 'therapist', 'front_desk'] as const) expect(canOpen(settings, [role])).toBe(false);
  });

  it('titles the due list "Due questionnaires" though its link says "Questionnaires due"', () => {
    expect(navItemFor('/measures')?.label).toBe('Questionnaires due');
    expect(pageTitle('/measures')).toBe('Due questionnaires · KetaClinic');
    expect(pageTitle('/inbox')).toBe('Inbox · KetaClinic');
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
    expect(navItemFor('/nowhere')).toBeUndefined();
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

describe('patient chart', () => {
  it('lets admin, prescriber and nurse edit the history; front desk and therapist only read it', () => {
    expect(canEditHistory(['admin'])).toBe(true);
    expect(canEditHistory(['prescriber'])).toBe(true);
    expect(canEditHistory(['nurse'])).toBe(true);
    expect(canEditHistory(['front_desk'])).toBe(false);
    expect(canEditHistory(['therapist'])).toBe(false);
    expect(canEditHistory(['therapist', 'nurse'])).toBe(true);
  });

  it('shows measures to every clinical role and lets them record; not to the front desk', () => {
    for (const role of ['admin', 'prescriber', 'nurse', 'therapist'] as const) {
      expect(canReadMeasures([role])).toBe(true);
      expect(canRecordMeasures([role])).toBe(true);
    }
    expect(canReadMeasures(['front_desk'])).toBe(false);
    expect(canRecordMeasures(['front_desk'])).toBe(false);
    expect(canRecordMeasures(['front_desk', 'therapist'])).toBe(true);
  });

  it('lets only a prescriber record an eligibility decision', () => {
    expect(canDecideEligibility(['prescriber'])).toBe(true);
    expect(canDecideEligibility(['admin', 'nurse', 'front_desk', 'therapist'])).toBe(false);
    expect(canDecideEligibility(['nurse', 'prescriber'])).toBe(true);
  });

  it('finds the patient id in /patients/{id} and builds the path back', () => {
    expect(patientChartId('/patients/pat_7f2534d9081a6b1177b5')).toBe('pat_7f2534d9081a6b1177b5');
    expect(patientChartId('/patients/pat_1/')).toBe('pat_1');
    expect(patientChartId(patientChartPath('odd/id'))).toBe('odd/id');
    for (const path of ['/patients', '/patients/', '/patients/a/b', '/enquiries/x', '/patients/%E0%A4%A']) {
      expect(patientChartId(path)).toBeUndefined();
    }
  });

  it('puts a chart under Patients in the navigation, titled without the patient’s name', () => {
    expect(sectionFor('/patients/pat_1')?.path).toBe('/patients');
    expect(sectionFor('/users')?.path).toBe('/users');
    expect(sectionFor('/patients/a/b')).toBeUndefined();
    expect(pageTitle('/patients/pat_1')).toBe('Patient chart · KetaClinic');
    expect(pageTitle('/patients')).toBe('Patients · KetaClinic');
    expect(pageTitle('/nowhere')).toBe('KetaClinic');
  });
});

describe('follow-up and outcomes', () => {
  it('shows progress to every clinical role, lets prescribers, nurses and therapists keep the follow-up, and the admin alone export', () => {
    for (const role of ['admin', 'prescriber', 'nurse', 'therapist'] as const) expect(canReadOutcomes([role])).toBe(true);
    expect(canReadOutcomes(['front_desk'])).toBe(false);
    for (const role of ['prescriber', 'nurse', 'therapist'] as const) expect(canWriteFollowUp([role])).toBe(true);
    expect(canWriteFollowUp(['admin'])).toBe(false);
    expect(canWriteFollowUp(['front_desk'])).toBe(false);
    expect(canExportResearch(['admin'])).toBe(true);
    expect(canExportResearch(['prescriber'])).toBe(false);
  });

  it('refuses the Outcomes page to a nurse who types its address, and titles the pages', () => {
    const outcomes = navItemFor('/outcomes') ?? { path: '/patients', label: 'missing' };
    expect(canOpen(outcomes, ['nurse'])).toBe(false);
    expect(canOpen(outcomes, ['prescriber'])).toBe(true);
    expect(pageTitle('/outcomes')).toBe('Clinic outcomes · KetaClinic');
    expect(pageTitle('/follow-up')).toBe('Missed follow-up · KetaClinic');
  });

  it('puts the progress letter under Patients, titled without the patient’s name', () => {
    expect(progressLetterPath('pat_1')).toBe('/patients/pat_1/progress-letter');
    expect(progressLetterPatientId('/patients/pat_1/progress-letter')).toBe('pat_1');
    expect(progressLetterPatientId(progressLetterPath('odd/id'))).toBe('odd/id');
    expect(progressLetterPatientId('/patients/pat_1')).toBeUndefined();
    expect(sectionFor('/patients/pat_1/progress-letter')?.path).toBe('/patients');
    expect(pageTitle('/patients/pat_1/progress-letter')).toBe('Progress letter · KetaClinic');
  });
});
