// What the learner is told about sync: the wording for every state (a table over the pure describer), and
// the header line against the real server app — a write waiting then synced, a session ended elsewhere, and
// an item the server refuses, with its reason on the sync page.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import { describeSync } from '../../src/features/sync-status/describe-sync';
import { appSync } from '../../src/sync/app-sync';
import { INITIAL_STATUS, type SyncStatus } from '../../src/sync/sync-status';
import { renderApp } from '../helpers/render-app';
import { setupSyncTestServer } from '../helpers/sync-test-server';

const NOW = Date.parse('2026-05-04T10:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const status = (change: Partial<SyncStatus>): SyncStatus => ({ ...INITIAL_STATUS, ...change });
const refused = [{ id: 'e1', reason: 'too far ahead' }];

describe('sync status wording', () => {
  it.each([
    ['no account', status({}), 'Saved on this device only', ''],
    ['synced just now', status({ state: 'idle', lastSyncedAt: ago(20_000) }), 'Synced just now', ''],
    ['synced minutes ago', status({ state: 'idle', lastSyncedAt: ago(2 * 60_000) }), 'Synced 2 min ago', ''],
    ['synced hours ago', status({ state: 'idle', lastSyncedAt: ago(3 * 3_600_000) }), 'Synced 3 h ago', ''],
    [
      'synced a day ago',
      status({ state: 'idle', lastSyncedAt: ago(26 * 3_600_000) }),
      'Synced 1 day ago',
      '',
    ],
    [
      'waiting',
      status({ state: 'idle', lastSyncedAt: ago(60_000), waiting: 3 }),
      'Saved on this device · 3 waiting to sync',
      '',
    ],
    ['signed in, first download not finished', status({ state: 'syncing' }), 'Syncing…', ''],
    [
      'signed in with progress, first round not finished',
      status({ state: 'idle', waiting: 2 }),
      'Syncing… · 2 waiting to sync',
      '',
    ],
    [
      'syncing keeps the line',
      status({ state: 'syncing', lastSyncedAt: ago(2 * 60_000) }),
      'Synced 2 min ago',
      '',
    ],
    [
      'offline',
      status({ state: 'offline', waiting: 1 }),
      "Offline — will sync when you're back · 1 waiting to sync",
      "Offline — will sync when you're back",
    ],
    [
      'paused',
      status({ state: 'signed-out', waiting: 2 }),
      'Sync paused — sign in again · 2 waiting to sync',
      'Sync paused — sign in again',
    ],
    [
      'error',
      status({ state: 'error' }),
      'Sync hit a problem — will try again',
      'Sync hit a problem — will try again',
    ],
    [
      'refused items and a note to check',
      status({ state: 'idle', lastSyncedAt: ago(0), rejected: refused, conflicts: 1 }),
      'Synced just now · 1 item not accepted · 1 note to check',
      '1 item not accepted · 1 note to check',
    ],
  ])('%s', (_name, given, text, announcement) => {
    const summary = describeSync(given, NOW, false);
    expect(summary.text).toBe(text);
    expect(summary.announcement).toBe(announcement);
  });

  it('asks to sign in only when paused, and points at the sync page when something needs the learner', () => {
    expect(describeSync(status({ state: 'signed-out' }), NOW, false).needsSignIn).toBe(true);
    expect(describeSync(status({ state: 'offline' }), NOW, false).needsSignIn).toBe(false);
    expect(describeSync(status({ state: 'idle', conflicts: 2 }), NOW, false).needsAttention).toBe(true);
    expect(describeSync(status({ state: 'idle', waiting: 5 }), NOW, false).needsAttention).toBe(false);
  });
});

describe('the sync status in the header', () => {
  const server = setupSyncTestServer();

  async function signedInDevice(email = 'sam@example.org') {
    const res = await server.call('POST', '/api/v1/accounts', {
      body: { email, name: 'Sam', password: 'correct horse battery' },
    });
    const { learnerId, token } = (await res.json()) as { learnerId: string; token: string };
    await db.meta.put({ key: 'session', value: { learnerId, token, email } });
    return token;
  }

  it('says nothing for a learner without an account', async () => {
    renderApp('/');
    server.connect();
    await screen.findByRole('heading', { level: 1 });
    await appSync.load();
    const banner = screen.getByRole('banner');
    // The status line is its own chunk and may arrive after the page.
    await waitFor(() => expect(within(banner).getByRole('status')).toBeEmptyDOMElement());
    expect(banner).not.toHaveTextContent(/sync|saved/i);
  });

  it('shows a write waiting, then pushes it after a short pause and says it is synced', async () => {
    await signedInDevice();
    renderApp('/');
    server.connect();
    await appSync.load();
    const banner = screen.getByRole('banner');
    await waitFor(() => expect(banner).toHaveTextContent('Synced just now'));

    await eventsRepo.record('lesson-completed', 'foundations-what-sen-means', {});
    await waitFor(() => expect(banner).toHaveTextContent('Saved on this device · 1 waiting to sync'));
    await waitFor(() => expect(banner).not.toHaveTextContent('waiting'), { timeout: 8000 });
    expect(banner).toHaveTextContent('Synced just now');
    expect(await db.events.where('synced').equals(1).count()).toBe(1);
    expect(within(banner).getByRole('status')).toBeEmptyDOMElement();
  });

  it('pauses when the session ended elsewhere, links to sign in, and carries on after signing in', async () => {
    const token = await signedInDevice();
    await server.call('DELETE', '/api/v1/sessions', { token });
    await eventsRepo.record('lesson-opened', 'foundations-what-sen-means', {});
    const { user } = renderApp('/');
    server.connect();
    await appSync.load();

    const banner = screen.getByRole('banner');
    await waitFor(() =>
      expect(within(banner).getByRole('status')).toHaveTextContent('Sync paused — sign in again'),
    );
    expect(banner).toHaveTextContent('Sync paused — sign in again · 1 waiting to sync');
    await user.click(within(banner).getByRole('link', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Sign in again' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveValue('sam@example.org');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(banner).toHaveTextContent('Synced just now'));
    expect(banner).not.toHaveTextContent('waiting');
    expect(await db.events.where('synced').equals(1).count()).toBe(1);
  });

  it('lists what the server refused, with its reason, and does not send it again', async () => {
    await signedInDevice();
    // A server clock three days behind this device: events from "now" are too far in its future.
    server.app.clock.now = Date.now() - 3 * 24 * 3_600_000;
    await eventsRepo.record('lesson-opened', 'foundations-what-sen-means', {});
    const { user } = renderApp('/');
    server.connect();
    await appSync.load();

    const banner = screen.getByRole('banner');
    await waitFor(() => expect(banner).toHaveTextContent('Synced just now · 1 item not accepted'));
    expect(within(banner).getByRole('status')).toHaveTextContent('1 item not accepted');
    await user.click(within(banner).getByRole('link', { name: 'See what needs you' }));

    const details = (await screen.findByRole('heading', { level: 2, name: 'Sync' }))
      .parentElement as HTMLElement;
    expect(
      within(details).getByRole('heading', { level: 3, name: 'Not accepted by the server' }),
    ).toBeInTheDocument();
    expect(within(details).getByRole('listitem')).toHaveTextContent(
      'more than 24 h ahead of the server clock',
    );
    expect(await db.events.where('synced').equals(0).count()).toBe(1);
  });
});
