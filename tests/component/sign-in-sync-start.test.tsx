// What a phone says right after signing in (issue 22): "Syncing…" until its first download has finished,
// never "Synced" before anything arrived; and when the server cannot be reached during sign-in, that the
// server cannot be reached and that nothing on the phone is lost.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { eventsRepo } from '../../src/db/events-repo';
import { appSync } from '../../src/sync/app-sync';
import { renderApp } from '../helpers/render-app';
import { setupSyncTestServer } from '../helpers/sync-test-server';

const server = setupSyncTestServer();
const PASSWORD = 'correct horse battery';
const UNREACHABLE = /Can't reach the server\. .*Nothing on this phone is lost/;

async function signInForm() {
  const view = renderApp('/settings');
  server.connect();
  await view.user.click(await screen.findByRole('link', { name: 'Back up and sync' }));
  await view.user.click(await screen.findByRole('button', { name: 'Sign in', pressed: false }));
  const form = (await screen.findByRole('heading', { level: 2, name: 'Sign in' }))
    .parentElement as HTMLElement;
  await view.user.type(within(form).getByRole('textbox', { name: 'Email' }), 'sam@example.org');
  await view.user.type(within(form).getByLabelText('Password'), PASSWORD);
  return { ...view, form };
}

describe('signing in on a phone', () => {
  it('says "Syncing…" until the first download has finished, then when it synced', async () => {
    const signUp = await server.call('POST', '/api/v1/accounts', {
      body: { email: 'sam@example.org', name: 'Sam', password: PASSWORD },
    });
    expect(signUp.status).toBe(201);
    const { user, form } = await signInForm();
    // The first download is slow, as on a poor connection.
    const serverFetch = globalThis.fetch;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).includes('/sync/pull')) await held;
        return serverFetch(input, init);
      }),
    );
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/Signed in as/)).toBeInTheDocument();
    const banner = screen.getByRole('banner');
    await waitFor(() => expect(banner).toHaveTextContent('Syncing…'));
    expect(banner).not.toHaveTextContent('Synced');

    release();
    await waitFor(() => expect(banner).toHaveTextContent('Synced just now'));
  });

  it('says the server cannot be reached and nothing is lost, when it cannot be reached', async () => {
    await eventsRepo.record('lesson-completed', 'foundations-what-sen-means', {});
    const { user, form } = await signInForm();
    server.offline = true;
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(UNREACHABLE);
  });

  it('says the same when the part of the app that syncs cannot be loaded from the server', async () => {
    const { user, form } = await signInForm();
    vi.spyOn(appSync, 'load').mockRejectedValue(
      new TypeError('Failed to fetch dynamically imported module: /assets/start-sync.js'),
    );
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent(UNREACHABLE);
    expect(alert).not.toHaveTextContent('Reload the app');
  });
});
