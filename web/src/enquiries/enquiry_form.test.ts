import { describe, expect, it } from 'vitest';
import { ApiError, type ConsultationRequest, type EnquiryDetails } from '../api';
import { DETAIL_FIELDS, EMPTY_DETAILS, REQUEST_FIELDS, checkDetails, checkRequest, errorsAfterChange, firstErrorField, submitProblem, trimmedDetails } from './enquiry_form';

const JANE: EnquiryDetails = { ...EMPTY_DETAILS, given_name: 'Jane', family_name: 'Doe', email: 'jane@example.org', preferred_contact: 'email' };
const request = (change: Partial<ConsultationRequest> = {}): ConsultationRequest => ({ ...JANE, consent_to_contact: true, website: '', ...change });

describe('checkDetails', () => {
  it('accepts a name, an e-mail and the e-mail as the way to reply', () => {
    expect(checkDetails(JANE)).toEqual({});
    expect(checkDetails({ ...JANE, email: '', phone: '+44 (20) 7946-0958', preferred_contact: 'text' })).toEqual({});
  });

  it('reports every missing answer of an empty form at once', () => {
    expect(checkDetails(EMPTY_DETAILS)).toEqual({
      given_name: 'Enter a given name.',
      family_name: 'Enter a family name.',
      email: 'Give an e-mail address or a phone number so that we can reply.',
      preferred_contact: 'Choose how you would like to be contacted.',
    });
  });

  it('needs the detail of the chosen way to reply', () => {
    expect(checkDetails({ ...JANE, email: '', phone: '0123 456 789', preferred_contact: 'email' })).toEqual({
      email: 'Enter an e-mail address, or choose another way to be contacted.',
    });
    expect(checkDetails({ ...JANE, preferred_contact: 'phone' })).toEqual({ phone: 'Enter a phone number, or choose another way to be contacted.' });
    expect(checkDetails({ ...JANE, preferred_contact: 'text' })).toHaveProperty('phone');
  });

  it.each(['jane', '@example.org', 'jane@example', 'jane@.org', 'jane@example.', 'jane doe@example.org', 'a@b@example.org'])(
    'refuses the e-mail %j as the server does',
    (email) => expect(checkDetails({ ...JANE, email })).toEqual({ email: 'Enter an e-mail address like name@example.org.' }),
  );

  it.each(['123456', '1234567890123456', '+44 20 7946 0958 ext 2', '44+207946095', 'call me'])('refuses the phone number %j', (phone) => {
    expect(Object.keys(checkDetails({ ...JANE, phone }))).toEqual(['phone']);
  });

  it.each(['1234567', '+123456789012345', '(020) 7946-0958', '020.7946.0958'])('accepts the phone number %j', (phone) => {
    expect(checkDetails({ ...JANE, phone })).toEqual({});
  });

  it('keeps to the server limits, counting characters as people do', () => {
    expect(checkDetails({ ...JANE, reason_text: 'é'.repeat(2000) })).toEqual({});
    expect(checkDetails({ ...JANE, reason_text: '😊'.repeat(2000) })).toEqual({});
    expect(checkDetails({ ...JANE, reason_text: 'x'.repeat(2001) })).toEqual({ reason_text: 'Keep this to 2000 characters or fewer (it has 2001).' });
    expect(checkDetails({ ...JANE, given_name: 'x'.repeat(101), heard_from: 'x'.repeat(201) })).toEqual({
      given_name: 'Keep this to 100 characters or fewer (it has 101).',
      heard_from: 'Keep this to 200 characters or fewer (it has 201).',
    });
  });
});

describe('checkRequest', () => {
  it('needs consent to be contacted, and ignores the honeypot', () => {
    expect(checkRequest(request({ website: 'http://spam.example' }))).toEqual({});
    expect(checkRequest(request({ consent_to_contact: false }))).toEqual({
      consent_to_contact: 'Tick the box to agree to be contacted: we can only reply if you agree.',
    });
  });
});

describe('trimmedDetails', () => {
  it('removes surrounding spaces from text, not from the choices', () => {
    const spaced = { ...JANE, given_name: ' Jane ', email: ' jane@example.org\n', reason_text: '  Line 1\nLine 2  ', conditions: ['ptsd'] };
    expect(trimmedDetails(spaced)).toEqual({ ...JANE, reason_text: 'Line 1\nLine 2', conditions: ['ptsd'] });
  });
});

describe('firstErrorField', () => {
  it('follows the order of the form', () => {
    expect(firstErrorField({ consent_to_contact: 'x', phone: 'y', reason_text: 'z' })).toBe('phone');
    expect(firstErrorField({})).toBeUndefined();
  });
});

describe('submitProblem', () => {
  it('puts the message next to a field the form has', () => {
    const error = new ApiError(400, 'validation_failed', 'A phone number has 7 to 15 digits.', 'phone');
    expect(submitProblem(error, REQUEST_FIELDS)).toEqual({ errors: { phone: 'A phone number has 7 to 15 digits.' }, general: '' });
  });

  it('shows a message about a field the form lacks above the button', () => {
    const consent = new ApiError(400, 'validation_failed', 'Tick the box.', 'consent_to_contact');
    expect(submitProblem(consent, DETAIL_FIELDS)).toEqual({ errors: {}, general: 'Tick the box.' });
    const tooLarge = new ApiError(413, 'body_too_large', 'The request is too large.');
    expect(submitProblem(tooLarge, REQUEST_FIELDS)).toEqual({ errors: {}, general: 'The request is too large.' });
  });

  it('asks to try again later after 429, in words', () => {
    const limited = (retryAfterS?: number) => new ApiError(429, 'rate_limited', 'Too many requests.', undefined, retryAfterS);
    expect(submitProblem(limited(), REQUEST_FIELDS).general).toBe('We have had several requests from here in a short time. Please try again later.');
    expect(submitProblem(limited(30), REQUEST_FIELDS).general).toMatch(/try again in a minute\.$/);
    expect(submitProblem(limited(600), REQUEST_FIELDS).general).toMatch(/try again in 10 minutes\.$/);
    expect(submitProblem(limited(3600), REQUEST_FIELDS).general).toMatch(/try again in an hour\.$/);
    expect(submitProblem(limited(7300), REQUEST_FIELDS).general).toMatch(/try again in 3 hours\.$/);
  });

  it('says something calm about an unexpected failure', () => {
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(submitProblem(new TypeError('boom'), REQUEST_FIELDS)).toEqual({ errors: {}, general: 'Something unexpected went wrong. Please try again.' });
    } finally {
      console.error = quiet;
    }
  });
});

describe('errorsAfterChange', () => {
  const errors = { given_name: 'a', email: 'b', preferred_contact: 'c', consent_to_contact: 'd' };

  it('clears the error of the field the person changed', () => {
    expect(errorsAfterChange(errors, ['given_name'])).toEqual({ email: 'b', preferred_contact: 'c', consent_to_contact: 'd' });
    expect(errorsAfterChange(errors, ['consent_to_contact'])).toEqual({ given_name: 'a', email: 'b', preferred_contact: 'c' });
  });

  it('clears the e-mail, phone and preferred method together', () => {
    expect(errorsAfterChange(errors, ['phone'])).toEqual({ given_name: 'a', consent_to_contact: 'd' });
  });

  it('keeps everything when an untroubled field changes', () => {
    expect(errorsAfterChange(errors, ['heard_from'])).toEqual(errors);
  });
});
