// Back up and sync, as a learner uses it: create an account (with the server's answers for a bad email, a
// taken email and too many tries), sign in, and sign out on a shared device — against the real server app.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import { renderApp } from '../helpers/render-app';
import { setupSyncTestServer } from '../helpers/sync-test-server';

const server = setupSyncTestServer();
const PASSWORD = 'correct horse battery';

async function openSyncPage() {
  const view = renderApp('/settings');
  server.connect();
  await view.user.click(await screen.findByRole('link', { name: 'Back up and sync' }));
  await screen.findByRole('heading', { level: 1, name: 'Back up and sync' });
  return view;
}

async function signUpDirectly(email: string) {
  const res = await server.call('POST', '/api/v1/accounts', {
    body: { email, name: 'Sam', password: PASSWORD },
  });
  expect(res.status).toBe(201);
}

describe('back up and sync: accounts', () => {
  it('shows what is wrong with each field, then creates the account and syncs', async () => {
    const { user } = await openSyncPage();
    const form = (await screen.findByRole('heading', { level: 2, name: 'Create an account' }))
      .parentElement as HTMLElement;
    await user.click(within(form).getByRole('button', { name: 'Create account' }));

    const email = within(form).getByRole('textbox', { name: 'Email' });
    expect(email).toHaveAccessibleDescription('Enter an email address like name@example.org.');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'Display name' })).toHaveAccessibleDescription(
      'Enter your name.',
    );
    const password = within(form).getByLabelText('Password');
    expect(password).toHaveAccessibleDescription(expect.stringContaining('Use at least 10 characters.'));

    // The device lets this address through; the server's reason comes back next to the field.
    await user.type(email, 'sam@localhost');
    await user.type(within(form).getByRole('textbox', { name: 'Display name' }), 'Sam Taylor');
    await user.type(password, PASSWORD);
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('Enter an email address like name@example.org.');
    expect(within(form).getByLabelText('Password')).not.toHaveAttribute('aria-invalid');

    await user.clear(email);
    await user.type(email, 'sam@example.org');
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    // The recovery codes come first (tests/component/recovery.test.tsx), then the account.
    await user.click(await screen.findByRole('button', { name: 'I have kept my codes' }));

    expect(await screen.findByText(/Signed in as/)).toHaveTextContent('Signed in as sam@example.org.');
    const banner = screen.getByRole('banner');
    await waitFor(() => expect(banner).toHaveTextContent('Synced just now'));
    const session = await db.meta.get('session');
    expect(session?.value).toMatchObject({ email: 'sam@example.org', token: expect.any(String) });
  });

  it('says the email already has an account, offers to sign in, and says how long to wait after too many tries', async () => {
    await signUpDirectly('sam@example.org');
    await server.configure({ authRatePerIpPerMin: 1 });
    const { user } = await openSyncPage();
    await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'sam@example.org');
    await user.type(screen.getByRole('textbox', { name: 'Display name' }), 'Sam');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const email = screen.getByRole('textbox', { name: 'Email' });
    await waitFor(() =>
      expect(email).toHaveAccessibleDescription('This email already has an account. Sign in instead.'),
    );
    await user.click(screen.getByRole('button', { name: 'Sign in instead' }));
    const form = (await screen.findByRole('heading', { level: 2, name: 'Sign in' }))
      .parentElement as HTMLElement;
    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'sam@example.org');
    await user.type(within(form).getByLabelText('Password'), 'not my password');
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await within(form).findByText('The email or password is not right.')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await within(form).findByText('Too many tries. Wait 1 minute and try again.')).toHaveAttribute(
      'role',
      'alert',
    );
  });

  it('signs in after a wrong password', async () => {
    await signUpDirectly('sam@example.org');
    const { user } = await openSyncPage();
    await user.click(await screen.findByRole('button', { name: 'Sign in', pressed: false }));
    const form = (await screen.findByRole('heading', { level: 2, name: 'Sign in' }))
      .parentElement as HTMLElement;
    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'sam@example.org');
    await user.type(within(form).getByLabelText('Password'), 'not my password');
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('The email or password is not right.');

    await user.clear(within(form).getByLabelText('Password'));
    await user.type(within(form).getByLabelText('Password'), PASSWORD);
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/Signed in as/)).toHaveTextContent('sam@example.org');
  });

  it('on sign-out warns about changes not yet synced, and removes this learner’s progress when asked', async () => {
    const { user } = await openSyncPage();
    await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'sam@example.org');
    await user.type(screen.getByRole('textbox', { name: 'Display name' }), 'Sam');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await user.click(await screen.findByRole('button', { name: 'I have kept my codes' }));
    await screen.findByText(/Signed in as/);
    await waitFor(() => expect(screen.getByRole('banner')).toHaveTextContent('Synced just now'));

    server.offline = true;
    await eventsRepo.record('lesson-completed', 'foundations-what-sen-means', {});
    await db.docs.put({
      id: 'settings',
      body: { textSize: 150 },
      rev: 0,
      dirty: 1,
      updatedAt: new Date().toISOString(),
    });

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const dialog = (await screen.findByRole('heading', { name: 'Sign out of this device' }))
      .parentElement as HTMLElement;
    expect(dialog).toHaveTextContent('2 changes have not reached the server yet');
    await waitFor(() =>
      expect(screen.getByRole('banner')).toHaveTextContent(
        "Offline — will sync when you're back · 2 waiting to sync",
      ),
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Sign out and remove my progress from this device' }),
    );

    expect(
      await screen.findByText('Signed out. Your progress was removed from this device.'),
    ).toBeInTheDocument();
    expect(await db.events.count()).toBe(0);
    expect(await db.docs.count()).toBe(0);
    expect(await db.meta.get('session')).toBeUndefined();
    expect(screen.getByRole('heading', { level: 2, name: 'Create an account' })).toBeInTheDocument();
  });

  it('keeps progress on a personal device when everything is synced, and signs out everywhere', async () => {
    await signUpDirectly('sam@example.org');
    const other = await server.call('POST', '/api/v1/sessions', {
      body: { email: 'sam@example.org', password: PASSWORD },
    });
    const { token: otherToken } = (await other.json()) as { token: string };
    await eventsRepo.record('lesson-completed', 'foundations-what-sen-means', {});

    const { user } = await openSyncPage();
    await user.click(await screen.findByRole('button', { name: 'Sign in', pressed: false }));
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'sam@example.org');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getAllByRole('button', { name: 'Sign in' }).at(-1) as HTMLElement);
    await screen.findByText(/Signed in as/);

    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    const dialog = (await screen.findByRole('heading', { name: 'Sign out on every device' }))
      .parentElement as HTMLElement;
    expect(dialog).toHaveTextContent('Everything is synced.');
    await user.click(
      within(dialog).getByRole('button', { name: 'Sign out and keep my progress on this device' }),
    );

    expect(
      await screen.findByText('Signed out on every device. Your progress stays on this device.'),
    ).toBeInTheDocument();
    expect(await db.events.count()).toBe(1);
    const after = await server.call('GET', '/api/v1/sync/pull', { token: otherToken });
    expect(after.status).toBe(401);
  });
});
