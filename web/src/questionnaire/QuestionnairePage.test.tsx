// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CRISIS_MESSAGE, GAD7, PAIN, PHQ9, answer, apiError, button, choose, container, fakeLink, forward, openLink, press, questionHeading, radio, text,
} from './questionnaire_test_server';

afterEach(() => render(null, container));

const LINK = '/api/v1/public/clinics/cln_1/questionnaires/tok_1';
const ALL_BUT_LAST = { phq9_1: 1, phq9_2: 2, phq9_3: 0, phq9_4: 3, phq9_5: 1, phq9_6: 0, phq9_7: 2, phq9_8: 0 };
const progressbar = () => container.querySelector('[role="progressbar"]');
const liveRegion = () => container.querySelector('[aria-live="polite"]');

describe('the questionnaire link page', () => {
  it('loads the link without asking who is signed in and shows the first question with its progress', async () => {
    const link = fakeLink();
    await openLink(link.fetchFn);
    expect(link.calls()).toEqual([`GET ${LINK}`]);
    expect(document.title).toBe('Questionnaire · Demo Clinic');
    expect(text('.clinic-name')).toBe('Demo Clinic');
    expect(text('h1')).toBe('Patient Health Questionnaire (PHQ-9)');
    expect(text('.q-count')).toBe('Question 1 of 9');
    expect(progressbar()?.getAttribute('aria-valuenow')).toBe('1');
    expect(progressbar()?.getAttribute('aria-valuemax')).toBe('9');
    expect(progressbar()?.getAttribute('aria-valuetext')).toBe('Question 1 of 9');
    expect(text('.q-instructions')).toBe(PHQ9.instructions);
    const fieldset = container.querySelector('fieldset');
    expect(fieldset?.querySelector('legend')?.textContent).toBe('Little interest or pleasure in doing things');
    expect(fieldset?.getAttribute('aria-describedby')).toBe(container.querySelector('.q-instructions')?.id);
    const radios = [...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => [r.name, r.value, r.checked])).toEqual([
      ['phq9_1', '0', false], ['phq9_1', '1', false], ['phq9_1', '2', false], ['phq9_1', '3', false],
    ]);
    expect(container.querySelector('.q-option')?.textContent).toBe('Not at all');
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Next']); // no Back on the first question
    expect(container.textContent).not.toContain('Questionnaire 1 of');
  });

  it('resumes at the first unanswered question with the saved answers in place', async () => {
    const link = fakeLink({ answers: { phq9: { phq9_1: 1, phq9_2: 2, phq9_4: 0 } } });
    await openLink(link.fetchFn);
    expect(text('.q-count')).toBe('Question 3 of 9');
    expect(questionHeading()?.textContent).toBe('Trouble falling or staying asleep, or sleeping too much');
    expect(radio('Not at all').checked).toBe(false);
    await press('Back');
    expect(text('.q-count')).toBe('Question 2 of 9');
    expect(radio('More than half the days').checked).toBe(true);
    expect(link.posted()).toEqual([]);
  });

  it('asks for an answer before moving on, at the question, sending nothing', async () => {
    const link = fakeLink();
    await openLink(link.fetchFn);
    await press('Next');
    const error = container.querySelector('fieldset .field-error');
    expect(error?.textContent).toBe('Choose an answer to continue.');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(container.querySelector('fieldset')?.getAttribute('aria-describedby')).toContain(error?.id);
    expect(document.activeElement).toBe(container.querySelector('input[name="phq9_1"]'));
    expect(link.posted()).toEqual([]);
    await choose('Several days');
    expect(container.querySelector('.field-error')).toBeNull();
  });

  it('saves the answers so far on each Next, then moves focus to the next question and announces it', async () => {
    const link = fakeLink();
    await openLink(link.fetchFn);
    await answer('More than half the days');
    expect(link.posted()).toEqual([{ instrument: 'phq9', answers: { phq9_1: 2 }, submit: false }]);
    expect(text('.q-count')).toBe('Question 2 of 9');
    expect(progressbar()?.getAttribute('aria-valuenow')).toBe('2');
    expect(document.activeElement).toBe(questionHeading());
    expect(questionHeading()?.textContent).toBe('Feeling down, depressed, or hopeless');
    expect(liveRegion()?.textContent).toBe('Question 2 of 9');
    await answer('Not at all');
    expect(link.posted()[1]).toEqual({ instrument: 'phq9', answers: { phq9_1: 2, phq9_2: 0 }, submit: false });
    expect(link.saved.phq9).toEqual({ phq9_1: 2, phq9_2: 0 });
  });

  it('reviews every answer, changes one and returns to the review, then submits and thanks the patient', async () => {
    const link = fakeLink({ answers: { phq9: ALL_BUT_LAST } });
    await openLink(link.fetchFn);
    expect(text('.q-count')).toBe('Question 9 of 9');
    expect(forward()).toBe('Review answers');
    await answer('Not at all');
    expect(questionHeading()).toBeNull();
    const heading = container.querySelector('h2');
    expect(heading?.textContent).toBe('Check your answers');
    expect(document.activeElement).toBe(heading);
    expect(liveRegion()?.textContent).toBe('Check your answers');
    const answers = [...container.querySelectorAll('.q-review-answer')].map((a) => a.textContent);
    expect(answers).toEqual(['Several days', 'More than half the days', 'Not at all', 'Nearly every day', 'Several days', 'Not at all', 'More than half the days', 'Not at all', 'Not at all']);
    expect(container.querySelectorAll('.q-review-item button')).toHaveLength(9);
    expect(button('Change answer to question 3').type).toBe('button');

    await press('Change answer to question 3');
    expect(text('.q-count')).toBe('Question 3 of 9');
    expect(document.activeElement).toBe(questionHeading());
    expect(radio('Not at all').checked).toBe(true);
    expect(forward()).toBe('Save and review');
    await answer('Nearly every day');
    expect(link.posted().at(-1)).toEqual({ instrument: 'phq9', answers: { ...ALL_BUT_LAST, phq9_3: 3, phq9_9: 0 }, submit: false });
    expect(container.querySelectorAll('.q-review-answer')[2]?.textContent).toBe('Nearly every day');

    await press('Submit');
    expect(link.posted().at(-1)).toEqual({ instrument: 'phq9', answers: { ...ALL_BUT_LAST, phq9_3: 3, phq9_9: 0 }, submit: true });
    expect(container.querySelector('.q-crisis')).toBeNull();
    const thanks = container.querySelector('.q-done');
    expect(thanks?.querySelector('h1')?.textContent).toBe('Thank you');
    expect(thanks?.textContent).toContain('Your answers have been sent to Demo Clinic. You can close this page.');
    expect(document.activeElement).toBe(thanks?.querySelector('h1'));
    expect(container.querySelector('form')).toBeNull();
    expect(document.title).toBe('Questionnaire · Demo Clinic');
  });

  it('shows the crisis message at once, as an alert before the thank-you, with focus on it', async () => {
    const link = fakeLink({ answers: { phq9: ALL_BUT_LAST } });
    await openLink(link.fetchFn);
    await answer('Several days');
    await press('Submit');
    const crisis = container.querySelector('.q-crisis');
    expect(crisis?.getAttribute('role')).toBe('alert');
    expect(crisis?.querySelector('.q-crisis-message')?.textContent).toBe(CRISIS_MESSAGE);
    expect(crisis?.querySelector('.q-crisis-message')?.classList.contains('preserve-lines')).toBe(true);
    const thanks = container.querySelector('.q-done');
    expect(thanks).not.toBeNull();
    expect(crisis && thanks && crisis.compareDocumentPosition(thanks) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(document.activeElement).toBe(crisis?.querySelector('h2'));
  });

  it('goes through several questionnaires in order, skipping submitted ones, and keeps a crisis message on screen', async () => {
    const link = fakeLink({ instruments: [PHQ9, GAD7, PAIN], answers: { phq9: ALL_BUT_LAST }, submitted: ['gad7'] });
    await openLink(link.fetchFn);
    expect(text('.q-place')).toBe('Questionnaire 1 of 3');
    expect(text('.q-count')).toBe('Question 9 of 9');
    await answer('Nearly every day');
    await press('Submit');
    expect(link.done).toEqual(['gad7', 'phq9']);

    // GAD-7 was submitted before: straight on to the pain scale, with the crisis message above it.
    expect(text('.q-place')).toBe('Questionnaire 3 of 3');
    expect(text('h1')).toBe('Pain today');
    expect(text('.q-count')).toBe('Question 1 of 1');
    expect(liveRegion()?.textContent).toBe('Answers sent. Pain: Question 1 of 1');
    expect(container.querySelector('.q-crisis[role="alert"]')?.textContent).toContain(CRISIS_MESSAGE);
    expect(document.activeElement).toBe(container.querySelector('.q-crisis h2'));
    const scale = [...container.querySelectorAll<HTMLInputElement>('input[name="pain_now"]')].map((r) => r.value);
    expect(scale).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    await answer('4');
    await press('Submit');
    expect(link.posted().at(-1)).toEqual({ instrument: 'pain_nrs', answers: { pain_now: 4 }, submit: true });
    expect(container.querySelector('.q-crisis')?.textContent).toContain(CRISIS_MESSAGE);
    expect(text('.q-done p')).toBe('Your answers have been sent to Demo Clinic. You can close this page.');
  });

  it('starts at the first questionnaire not yet submitted', async () => {
    const link = fakeLink({ instruments: [PHQ9, GAD7], submitted: ['phq9'], answers: { gad7: { gad7_1: 1 } } });
    await openLink(link.fetchFn);
    expect(text('.q-place')).toBe('Questionnaire 2 of 2');
    expect(text('h1')).toBe('Generalized Anxiety Disorder (GAD-7)');
    expect(text('.q-count')).toBe('Question 2 of 7');
  });

  it.each([
    ['link_not_found', apiError(404, 'link_not_found', 'No such link.'), 'This link is not valid.'],
    ['link_expired', apiError(410, 'link_expired', 'Expired.'), 'This link has expired.'],
    ['link_used', apiError(410, 'link_used', 'Used.'), 'These questionnaires have already been completed.'],
  ])('says what a %s means, without the server wording', async (_code, response, heading) => {
    const link = fakeLink({ failures: [response] });
    await openLink(link.fetchFn);
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.querySelector('h1')?.textContent).toBe(heading);
    expect(container.querySelector('form')).toBeNull();
    expect(document.title).toBe('Questionnaire');
    expect(text('.clinic-name')).toBe('KetaClinic');
  });

  it('tells the patient to contact the clinic for a new link when it has expired', async () => {
    await openLink(fakeLink({ failures: [apiError(410, 'link_expired', 'Expired.')] }).fetchFn);
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('This link has expired.Please contact the clinic for a new one.');
  });

  it('says a used-up link is complete when the server answers 410 link_used', async () => {
    const link = fakeLink({ submitted: ['phq9'] });
    await openLink(link.fetchFn);
    expect(text('[role="alert"] h1')).toBe('These questionnaires have already been completed.');
  });

  it('offers to try again when the link cannot be loaded', async () => {
    const link = fakeLink({ failures: ['network'] });
    await openLink(link.fetchFn);
    expect(text('[role="alert"] h1')).toBe('The questionnaire could not be loaded');
    expect(text('[role="alert"] p')).toBe('Cannot reach the server. Check the connection and try again.');
    await press('Try again');
    expect(text('.q-count')).toBe('Question 1 of 9');
    expect(link.calls()).toEqual([`GET ${LINK}`, `GET ${LINK}`]);
  });

  it('keeps the patient on the question with a retry message when an answer cannot be saved', async () => {
    const link = fakeLink({ failures: [] });
    await openLink(link.fetchFn);
    link.fetchFn.mockImplementationOnce(() => Promise.reject(new TypeError('Failed to fetch')));
    await answer('Several days');
    const error = container.querySelector('.form-error');
    expect(error?.textContent).toBe("The clinic's server could not be reached, so your answers were not saved. Check your internet connection and try again.");
    expect(error?.getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(error);
    expect(text('.q-count')).toBe('Question 1 of 9');
    expect(radio('Several days').checked).toBe(true);
    await press('Next');
    expect(text('.q-count')).toBe('Question 2 of 9');
    expect(link.saved.phq9).toEqual({ phq9_1: 1 });
  });

  it("shows the server's problem with an answer at that question", async () => {
    const link = fakeLink({ answers: { phq9: { ...ALL_BUT_LAST, phq9_9: 0 } } });
    await openLink(link.fetchFn);
    expect(container.querySelector('h2')?.textContent).toBe('Check your answers');
    link.fetchFn.mockImplementationOnce(() => Promise.resolve(apiError(400, 'validation_failed', 'Choose one of the answers shown.', 'answers.phq9_4')));
    await press('Submit');
    expect(text('.q-count')).toBe('Question 4 of 9');
    expect(text('fieldset .field-error')).toBe('Choose one of the answers shown.');
    expect(document.activeElement).toBe(container.querySelector('input[name="phq9_4"]'));
    await answer('Several days');
    expect(container.querySelector('h2')?.textContent).toBe('Check your answers');
    await press('Submit');
    expect(text('.q-done h1')).toBe('Thank you');
  });

  it('ends with the link problem when the link expires while the patient answers', async () => {
    const link = fakeLink();
    await openLink(link.fetchFn);
    link.fetchFn.mockImplementationOnce(() => Promise.resolve(apiError(410, 'link_expired', 'Expired.')));
    await answer('Several days');
    expect(text('[role="alert"] h1')).toBe('This link has expired.');
    expect(document.activeElement).toBe(container.querySelector('[role="alert"] h1'));
    expect(container.querySelector('form')).toBeNull();
  });

  it('moves on when the questionnaire was already submitted elsewhere', async () => {
    const link = fakeLink({ instruments: [PHQ9, GAD7], answers: { phq9: { ...ALL_BUT_LAST, phq9_9: 0 } } });
    await openLink(link.fetchFn);
    link.fetchFn.mockImplementationOnce(() => Promise.resolve(apiError(409, 'already_submitted', 'Already submitted.')));
    await press('Submit');
    expect(text('h1')).toBe('Generalized Anxiety Disorder (GAD-7)');
    expect(text('.q-count')).toBe('Question 1 of 7');
  });
});
