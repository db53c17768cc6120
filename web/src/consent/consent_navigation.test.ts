import { describe, expect, it } from 'vitest';
import {
  canAcceptConsentVersion,
  canAuthorConsent,
  canCountersignConsent,
  canHandOverConsent,
  canWithdrawConsent,
  consentRecordId,
  consentRecordPath,
  consentSigningPath,
  consentSigningTarget,
} from '../navigation';

describe('consent paths', () => {
  it('round-trips the signing screen and the printable record', () => {
    const path = consentSigningPath('pat 1/x', 'cdoc_9');
    expect(path).toBe('/consent-signing/pat%201%2Fx/cdoc_9');
    expect(consentSigningTarget(path)).toEqual({ patientId: 'pat 1/x', documentId: 'cdoc_9' });
    expect(consentSigningTarget('/consent-signing/pat_1')).toBeUndefined();
    expect(consentSigningTarget('/consent-signing/%E0%A4%A/doc')).toBeUndefined();
    expect(consentRecordId(consentRecordPath('cns_1'))).toBe('cns_1');
    expect(consentRecordId('/consents')).toBeUndefined();
    expect(consentRecordId('/consents/cns_1')).toBeUndefined();
  });

  it('offers each action to the roles the server allows', () => {
    expect(canAuthorConsent(['prescriber'])).toBe(true);
    expect(canAuthorConsent(['nurse'])).toBe(false);
    expect(canHandOverConsent(['front_desk'])).toBe(true);
    expect(canHandOverConsent(['therapist'])).toBe(false);
    expect(canCountersignConsent(['nurse'])).toBe(true);
    expect(canCountersignConsent(['admin'])).toBe(false);
    expect(canWithdrawConsent(['admin'])).toBe(true);
    expect(canWithdrawConsent(['front_desk'])).toBe(false);
    expect(canAcceptConsentVersion(['prescriber'])).toBe(true);
    expect(canAcceptConsentVersion(['nurse', 'admin'])).toBe(false);
  });
});
