import { describe, expect, it } from 'vitest';
import { createStatusStore, type SyncStatus } from '../../../src/sync/sync-status';

describe('sync status store', () => {
  it('starts local-only and tells subscribers about each real change only', () => {
    const store = createStatusStore();
    const seen: SyncStatus[] = [];
    const unsubscribe = store.subscribe((status) => seen.push(status));
    expect(store.get()).toMatchObject({ state: 'local-only', waiting: 0, rejected: [], conflicts: 0 });

    store.set({ state: 'signed-out', waiting: 3 });
    store.set({ waiting: 3 });
    store.set({ rejected: [] });
    store.set({ rejected: [{ id: 'e1', reason: 'too far in the future' }] });
    unsubscribe();
    store.set({ state: 'idle' });

    expect(seen.map((s) => [s.state, s.waiting, s.rejected.length])).toEqual([
      ['signed-out', 3, 0],
      ['signed-out', 3, 1],
    ]);
    expect(seen[0]?.message).toBe('Sync paused — sign in again.');
  });

  it('keeps the same object while nothing changes, so React does not re-render', () => {
    const store = createStatusStore();
    const first = store.get();
    store.set({ state: 'local-only', waiting: 0 });
    expect(store.get()).toBe(first);
  });

  it.each([
    ['offline', 'Offline — progress is saved on this device and will sync when you are back online.'],
    ['idle', undefined],
    ['local-only', 'Progress is saved on this device only.'],
  ] as const)('state %s shows message %s', (state, message) => {
    const store = createStatusStore({ state: 'syncing', waiting: 0, rejected: [], conflicts: 0 });
    store.set({ state });
    expect(store.get().message).toBe(message);
  });
});
