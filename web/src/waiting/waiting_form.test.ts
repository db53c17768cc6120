import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { EMPTY_PERSON, JOIN_FIELDS, PERSON_FIELDS, checkJoin, checkPerson, checkProgram, errorsAfterChange, firstErrorField, personFrom, programFrom, submitProblem, trimmedPerson, type PersonDraft } from './waiting_form';

const JANE: PersonDraft = {
  given_name: 'Jane',
  family_name: 'Doe',
  email: '',
  phone: '+44 20 7946 0958',
  preferred_contact: 'text',
  pregnant: 'no',
  substance_use: 'unknown',
  high_blood_pressure: 'yes',
  age_years: '34',
};

describe('checkPerson', () => {
  it('accepts a complete person', () => {
    expect(checkPerson(JANE)).toEqual({});
  });

  it('finds every problem of an empty form at once, names and contact first', () => {
    const errors = checkPerson(EMPTY_PERSON);
    expect(Object.keys(errors)).toEqual(['given_name', 'family_name', 'email', 'preferred_contact', 'prescreen.pregnant', 'prescreen.substance_use', 'prescreen.high_blood_pressure']);
    expect(errors['prescreen.pregnant']).toBe('Choose yes, no or unknown.');
    expect(firstErrorField(errors)).toBe('given_name');
  });

  it('uses the enquiry form’s contact rules', () => {
    expect(checkPerson({ ...JANE, phone: '' }).phone).toBe('Enter a phone number, or choose another way to be contacted.');
    expect(checkPerson({ ...JANE, email: 'not-an-address' }).email).toBe('Enter an e-mail address like name@example.org.');
  });

  it('takes an empty age or whole years from 0 to 120', () => {
    for (const ok of ['', '0', '34', '120']) expect(checkPerson({ ...JANE, age_years: ok }).age_years).toBeUndefined();
    for (const bad of ['-1', '121', '34.5', 'forty', '1e2']) expect(checkPerson({ ...JANE, age_years: bad }).age_years).toMatch(/^Enter the age in whole years/);
  });
});

describe('checkJoin', () => {
  it('also asks for a list and consent, in the visitor’s words', () => {
    const errors = checkJoin({ ...JANE, pregnant: '' }, '', false);
    expect(Object.keys(errors)).toEqual(['prescreen.pregnant', 'program_id', 'consent_to_contact']);
    expect(errors['prescreen.pregnant']).toBe('Choose yes, no or not sure.');
    expect(firstErrorField(errors)).toBe('program_id');
    expect(checkJoin(JANE, 'wp_1', true)).toEqual({});
  });
});

describe('personFrom', () => {
  it('builds the server’s body from trimmed answers', () => {
    const person = personFrom(trimmedPerson({ ...JANE, given_name: ' Jane ', age_years: ' 34 ' }));
    expect(person).toEqual({
      given_name: 'Jane',
      family_name: 'Doe',
      email: '',
      phone: '+44 20 7946 0958',
      preferred_contact: 'text',
      prescreen: { pregnant: 'no', substance_use: 'unknown', high_blood_pressure: 'yes' },
      age_years: 34,
    });
    expect(personFrom({ ...JANE, age_years: '' }).age_years).toBeNull();
  });
});

describe('errorsAfterChange', () => {
  it('clears the changed field, and the contact fields together', () => {
    const errors = { given_name: 'a', phone: 'b', preferred_contact: 'c', 'prescreen.pregnant': 'd' };
    expect(errorsAfterChange(errors, ['prescreen.pregnant'])).toEqual({ given_name: 'a', phone: 'b', preferred_contact: 'c' });
    expect(errorsAfterChange(errors, ['email'])).toEqual({ given_name: 'a', 'prescreen.pregnant': 'd' });
  });
});

describe('submitProblem', () => {
  it('puts the server’s message next to the field it names, with or without "prescreen."', () => {
    const nested = new ApiError(400, 'validation_failed', 'Answer yes, no or unknown.', 'prescreen.substance_use');
    const bare = new ApiError(400, 'validation_failed', 'Answer yes, no or unknown.', 'high_blood_pressure');
    expect(submitProblem(nested, PERSON_FIELDS).errors).toEqual({ 'prescreen.substance_use': 'Answer yes, no or unknown.' });
    expect(submitProblem(bare, PERSON_FIELDS).errors).toEqual({ 'prescreen.high_blood_pressure': 'Answer yes, no or unknown.' });
  });

  it('shows a field the form does not have above the button', () => {
    const consent = new ApiError(400, 'validation_failed', 'Tick the box.', 'consent_to_contact');
    expect(submitProblem(consent, PERSON_FIELDS)).toEqual({ errors: {}, general: 'Tick the box.' });
    expect(submitProblem(consent, JOIN_FIELDS).errors).toEqual({ consent_to_contact: 'Tick the box.' });
  });

  it('asks to try again later after 429, in words', () => {
    const limited = new ApiError(429, 'rate_limited', 'Too many.', undefined, 3600);
    expect(submitProblem(limited, JOIN_FIELDS).general).toBe('We have had several requests from here in a short time. Please try again in an hour.');
  });
});

describe('checkProgram', () => {
  it('needs a name, places of 0 or more and at least an hour for offers', () => {
    expect(checkProgram({ name: 'Intake', capacity: '0', offer_hours: '48' }, true)).toEqual({});
    expect(Object.keys(checkProgram({ name: ' ', capacity: '-1', offer_hours: '0' }, true))).toEqual(['name', 'capacity', 'offer_hours']);
    expect(checkProgram({ name: '', capacity: '2.5', offer_hours: '24' }, false)).toEqual({ capacity: 'Enter the number of places as a whole number from 0 to 100000.' });
    expect(Object.keys(checkProgram({ name: 'x', capacity: '100001', offer_hours: '1441' }, true))).toEqual(['capacity', 'offer_hours']);
    expect(checkProgram({ name: 'x', capacity: '100000', offer_hours: '1440' }, true)).toEqual({});
    expect(programFrom({ name: ' Intake ', capacity: '3', offer_hours: '24' })).toEqual({ name: 'Intake', capacity: 3, offer_hours: 24 });
  });
});
