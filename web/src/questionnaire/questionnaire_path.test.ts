import { describe, expect, it } from 'vitest';
import { questionnaireLink, questionnairePath } from './questionnaire_path';

describe('questionnaireLink', () => {
  it('reads the clinic id and the token from /q/{clinic_id}/{token}', () => {
    expect(questionnaireLink('/q/cln_1/abc-DEF_123')).toEqual({ clinicId: 'cln_1', token: 'abc-DEF_123' });
    expect(questionnaireLink('/q/cln_1/abc/')).toEqual({ clinicId: 'cln_1', token: 'abc' });
  });

  it('decodes escapes, like the request page address', () => {
    expect(questionnaireLink('/q/cln%201/a%2Bb')).toEqual({ clinicId: 'cln 1', token: 'a+b' });
  });

  it('is undefined for other addresses and for malformed escapes', () => {
    for (const path of ['/', '/q', '/q/', '/q/cln_1', '/q/cln_1/', '/q//tok', '/q/cln_1/tok/more', '/request/cln_1', '/patients/q/cln_1/tok', '/q/cln_1/%E0%A4%A'])
      expect(questionnaireLink(path), path).toBeUndefined();
  });

  it('round-trips with questionnairePath', () => {
    const link = { clinicId: 'cln/1', token: 'a b?c' };
    expect(questionnaireLink(questionnairePath(link.clinicId, link.token))).toEqual(link);
  });
});
