// Offline, a learner with an account used to read two stacked offline messages (the app-wide offline line
// and the sync line), and a screen reader heard both. The offline line speaks; the sync line says only what
// will sync.
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeSync } from '../../src/features/sync-status/describe-sync';
import { SyncDetails } from '../../src/features/sync-status/sync-details';
import { SyncStatusLine } from '../../src/features/sync-status/sync-status-line';
import { OfflineIndicator } from '../../src/pwa/offline-indicator';
import { appSync } from '../../src/sync/app-sync';
import { INITIAL_STATUS, type SyncStatus } from '../../src/sync/sync-status';

const offlineStatus: SyncStatus = { ...INITIAL_STATUS, state: 'offline', waiting: 2 };

beforeEach(() => {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  vi.spyOn(appSync.status, 'get').mockReturnValue(offlineStatus);
});
afterEach(() => vi.restoreAllMocks());

describe('offline with an account', () => {
  it('shows and announces one offline message, and still says what waits to sync', () => {
    render(
      <MemoryRouter>
        <SyncStatusLine />
        <OfflineIndicator />
      </MemoryRouter>,
    );
    expect(screen.getAllByText(/offline/i, { selector: 'p, span, strong' })).toHaveLength(1);
    expect(screen.getByText('You are offline.')).toBeVisible();
    const speaking = screen
      .getAllByRole('status')
      .filter((region) => /offline/i.test(region.textContent ?? ''));
    expect(speaking).toHaveLength(1);
    expect(screen.getByText(/2 waiting to sync/)).toBeVisible();
  });

  it('shows one offline message on the Back up and sync page too, and what waits to sync', async () => {
    render(
      <MemoryRouter>
        <OfflineIndicator />
        <SyncDetails />
      </MemoryRouter>,
    );
    expect(await screen.findByText(/2 waiting to sync/)).toBeVisible();
    expect(screen.getAllByText(/offline/i, { selector: 'p, span, strong' })).toHaveLength(1);
    expect(screen.getByText('You are offline.')).toBeVisible();
  });

  it('still names the problem when the browser is online but the server cannot be reached', () => {
    const summary = describeSync(offlineStatus, Date.now(), false);
    expect(summary.text).toBe("Offline — will sync when you're back · 2 waiting to sync");
    expect(summary.announcement).toBe("Offline — will sync when you're back");
  });

  it('keeps announcing refused items and notes to check while offline', () => {
    const summary = describeSync({ ...offlineStatus, conflicts: 1 }, Date.now(), true);
    expect(summary.text).toBe("Will sync when you're back online · 2 waiting to sync · 1 note to check");
    expect(summary.announcement).toBe('1 note to check');
  });
});
