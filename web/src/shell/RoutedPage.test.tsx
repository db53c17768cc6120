// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, type Fetch } from '../api';
import { RoutedPage } from './RoutedPage';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

function fakeApi() {
  const fetchFn = vi.fn<Fetch>(() =>
    Promise.resolve(new Response(JSON.stringify({ items: [], next_cursor: null }), { status: 200 })),
  );
  return { api: new ApiClient(fetchFn), requestedUrls: () => fetchFn.mock.calls.map(([url]) => url) };
}

describe('RoutedPage', () => {
  it('tells a nurse who opens /users that she has no access, without calling the admin API', async () => {
    const { api, requestedUrls } = fakeApi();
    await act(() => render(<RoutedPage path="/users" roles={['nurse']} clinicId="cln_1" api={api} />, container));
    expect(container.querySelector('[role="alert"] h1')?.textContent).toBe('You do not have access to this page');
    expect(requestedUrls()).toEqual([]);
  });

  it('shows an admin the users page, which loads the users', async () => {
    const { api, requestedUrls } = fakeApi();
    await act(() => render(<RoutedPage path="/users" roles={['admin']} clinicId="cln_1" api={api} />, container));
    expect(container.querySelector('h1')?.textContent).toBe('Users and roles');
    expect(requestedUrls()).toEqual(['/api/v1/users?limit=50']);
  });

  it('offers a therapist the patient search but not "Add patient"', async () => {
    const { api, requestedUrls } = fakeApi();
    await act(() => render(<RoutedPage path="/patients" roles={['therapist']} clinicId="cln_1" api={api} />, container));
    const headings = [...container.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['Find a patient']);
    expect(requestedUrls()).toEqual(['/api/v1/patients?limit=50']);
  });

  it('says so when no page exists at the path', async () => {
    const { api } = fakeApi();
    await act(() => render(<RoutedPage path="/nowhere" roles={['admin']} clinicId="cln_1" api={api} />, container));
    expect(container.querySelector('h1')?.textContent).toBe('Page not found');
  });
});
