// Accounts people can trust, as a learner meets them: the name given at sign-up reaches the certificate,
// the welcome offers sign-in, a device whose storage the browser cleared says so, and Settings changes
// the name and the password (with show-password toggles) — against the real server app.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import { SIGNED_IN_MARKER } from '../../src/shared/protocol/signed-in-marker';
import { renderApp } from '../helpers/render-app';
import { setupSyncTestServer } from '../helpers/sync-test-server';

const server = setupSyncTestServer();
const PASSWORD = 'correct horse battery';

/** Sets (or clears) the cookie the server sets with a session, as a browser that kept it would have it. */
function marker(present: boolean) {
  // biome-ignore lint/suspicious/noDocumentCookie: jsdom has no Cookie Store API; the test plays the server's part.
  document.cookie = present ? `${SIGNED_IN_MARKER}=1; Path=/` : `${SIGNED_IN_MARKER}=; Max-Age=0; Path=/`;
}

afterEach(() => {
  marker(false);
});

async function createAccount(name: string) {
  const view = renderApp('/settings/sync');
  server.connect();
  const form = (await screen.findByRole('heading', { level: 2, name: 'Create an account' }))
    .parentElement as HTMLElement;
  await view.user.type(within(form).getByRole('textbox', { name: 'Email' }), 'sam@example.org');
  await view.user.type(within(form).getByRole('textbox', { name: 'Display name' }), name);
  await view.user.type(within(form).getByLabelText('Password'), PASSWORD);
  await view.user.click(within(form).getByRole('button', { name: 'Create account' }));
  // The recovery codes come first (tests/component/recovery.test.tsx), then the account.
  await view.user.click(await screen.findByRole('button', { name: 'I have kept my codes' }));
  await screen.findByText(/Signed in as/);
  return view;
}

async function completeFoundations() {
  await eventsRepo.record('lesson-completed', 'foundations-what-sen-means', {});
  await eventsRepo.record('lesson-completed', 'foundations-sen-support', {});
}

describe('the name given at sign-up', () => {
  it('is printed on the certificate and offered in Settings, without typing it again', async () => {
    const view = await createAccount('Priya Shah');
    view.unmount();
    await completeFoundations();
    renderApp('/record/certificate/foundations');
    const certificate = await screen.findByRole('region', { name: 'Certificate' });
    expect(within(certificate).getByText('Priya Shah')).toBeInTheDocument();
    expect(screen.queryByText(/Your name is not on this certificate yet/)).not.toBeInTheDocument();
  });

  it('is shown under Your account, and a new one is saved, kept on the device and printed', async () => {
    const { user } = await createAccount('Priya Shah');
    expect(screen.getAllByRole('definition').map((dd) => dd.textContent)).toEqual([
      'Priya Shah',
      'sam@example.org',
    ]);
    await user.click(screen.getByRole('button', { name: 'Change name' }));
    const form = screen.getByRole('form', { name: 'Change your name' });
    const field = within(form).getByRole('textbox', { name: 'Display name' });
    await user.clear(field);
    await user.click(within(form).getByRole('button', { name: 'Save name' }));
    expect(field).toHaveAccessibleDescription('Enter your name (up to 100 characters).');
    await user.type(field, 'Priya Shah-Khan');
    await user.click(within(form).getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText(/Your name is changed/)).toBeInTheDocument();
    await waitFor(async () =>
      expect((await db.meta.get('session'))?.value).toMatchObject({ name: 'Priya Shah-Khan' }),
    );
    const signedIn = await server.call('POST', '/api/v1/sessions', {
      body: { email: 'sam@example.org', password: PASSWORD },
    });
    expect(((await signedIn.json()) as { name: string }).name).toBe('Priya Shah-Khan');
  });
});

describe('signing in again on a device the account used', () => {
  it('sends the device’s id, so the server can spare it the slow-down guesses from elsewhere cause', async () => {
    const { user } = await createAccount('Sam');
    await waitFor(async () => expect((await db.meta.get('syncDevice'))?.value).toBeDefined());
    const deviceId = ((await db.meta.get('syncDevice'))?.value as { deviceId: string } | undefined)?.deviceId;
    expect(deviceId).toEqual(expect.any(String));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await user.click(
      await screen.findByRole('button', { name: 'Sign out and keep my progress on this device' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Sign in', pressed: false }));
    const form = (await screen.findByRole('heading', { level: 2, name: 'Sign in' }))
      .parentElement as HTMLElement;
    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'sam@example.org');
    await user.type(within(form).getByLabelText('Password'), PASSWORD);
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    await screen.findByText(/Signed in as/);
    const bodies = vi
      .mocked(fetch)
      .mock.calls.filter(([url, init]) => String(url).endsWith('/api/v1/sessions') && init?.method === 'POST')
      .map(([, init]) => JSON.parse(String(init?.body)) as Record<string, unknown>);
    expect(bodies).toEqual([{ email: 'sam@example.org', password: PASSWORD, deviceId }]);
  });
});

describe('changing the password', () => {
  it('asks for the current password, refuses a common one, and signs out the other devices when asked', async () => {
    const { user } = await createAccount('Sam');
    const other = await server.call('POST', '/api/v1/sessions', {
      body: { email: 'sam@example.org', password: PASSWORD },
    });
    const { token: otherToken } = (await other.json()) as { token: string };
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    const form = screen.getByRole('form', { name: 'Change your password' });
    const current = within(form).getByLabelText('Current password');
    const next = within(form).getByLabelText('New password');

    // Every password field has its own show-password toggle: a named button whose pressed state says it.
    const toggles = within(form).getAllByRole('button', { name: 'Show password' });
    expect(toggles).toHaveLength(2);
    expect(toggles[1]).toHaveAttribute('aria-pressed', 'false');
    expect(next).toHaveAttribute('type', 'password');
    await user.click(toggles[1] as HTMLElement);
    expect(toggles[1]).toHaveAttribute('aria-pressed', 'true');
    expect(next).toHaveAttribute('type', 'text');

    await user.type(current, 'not my password');
    await user.type(next, 'a brand new secret');
    await user.click(within(form).getByRole('button', { name: 'Save password' }));
    await waitFor(() => expect(current).toHaveAccessibleDescription('Your current password is not right.'));
    expect(current).toHaveFocus();

    await user.clear(current);
    await user.type(current, PASSWORD);
    await user.clear(next);
    await user.type(next, 'Password123');
    await user.click(within(form).getByRole('button', { name: 'Save password' }));
    await waitFor(() =>
      expect(next).toHaveAccessibleDescription(expect.stringContaining('one of the most common passwords')),
    );

    await user.clear(next);
    await user.type(next, 'a brand new secret');
    expect(within(form).getByRole('checkbox', { name: 'Sign out my other devices' })).toBeChecked();
    await user.click(within(form).getByRole('button', { name: 'Save password' }));
    expect(
      await screen.findByText(/Your password is changed, and your other devices are signed out/),
    ).toBeInTheDocument();
    expect((await server.call('GET', '/api/v1/account', { token: otherToken })).status).toBe(401);
    expect(screen.getByText(/Signed in as/)).toBeInTheDocument();
  });
});

describe('the welcome', () => {
  it('offers sign-in to someone who already has an account', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('heading', { name: 'Welcome. What is your role?' });
    expect(screen.queryByText(/not on this device any more/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'I already have an account' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in', pressed: true })).toBeInTheDocument();
  });

  it('says so when the browser cleared a signed-in device, and offers to bring everything back', async () => {
    marker(true);
    const { user } = renderApp('/');
    const notice = (await screen.findByText('Your progress is not on this device any more'))
      .parentElement as HTMLElement;
    expect(notice).toHaveTextContent('Your progress and notes are safe in your account.');
    await user.click(within(notice).getByRole('link', { name: 'Sign in to bring everything back' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Sign in' })).toBeInTheDocument();
  });

  it('says nothing of lost data on a device that is still signed in', async () => {
    marker(true);
    await db.meta.put({ key: 'session', value: { learnerId: 'l1', email: 'sam@example.org' } });
    renderApp('/');
    await screen.findByRole('heading', { name: 'Welcome. What is your role?' });
    await screen.findByRole('link', { name: 'I already have an account' });
    // The notice's chunk and its query have had time to settle.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.queryByText(/not on this device any more/)).not.toBeInTheDocument();
  });
});
