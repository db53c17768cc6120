// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { LoginPage } from './LoginPage';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

function inputLabelled(text: string): HTMLInputElement {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent === text);
  const input = label && document.getElementById(label.htmlFor);
  if (!(input instanceof HTMLInputElement)) throw new Error(`no input labelled ${text}`);
  return input;
}

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('LoginPage', () => {
  it('disables the button while signing in, then shows the server message', async () => {
    let fail: (error: unknown) => void = () => {};
    const signingIn = new Promise<void>((_, reject) => (fail = reject));
    const attempts: [string, string][] = [];
    const onLogin = (email: string, password: string) => {
      attempts.push([email, password]);
      return signingIn;
    };
    await act(() => render(<LoginPage onLogin={onLogin} />, container));

    await act(() => {
      type(inputLabelled('Email'), ' nurse@demo.test ');
      type(inputLabelled('Password'), 'wrong-password');
    });
    await act(() => {
      container.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    const button = container.querySelector('button');
    expect(attempts).toEqual([['nurse@demo.test', 'wrong-password']]);
    expect(button?.disabled).toBe(true);
    expect(button?.textContent).toBe('Signing in…');

    await act(async () => {
      fail(new ApiError(401, 'invalid_credentials', 'Email or password is not correct.'));
      await signingIn.catch(() => undefined);
    });
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Email or password is not correct.');
    expect(button?.disabled).toBe(false);
  });

  it('shows why the user was signed out', async () => {
    await act(() => render(<LoginPage onLogin={() => Promise.resolve()} notice="You were signed out." />, container));
    expect(container.querySelector('[role="status"]')?.textContent).toBe('You were signed out.');
  });
});
