// What the learner is told about sync. The engine owns one status store; the UI reads it with
// `useSyncExternalStore(store.subscribe, store.get)`, so `get` returns the same object until it changes.

export type SyncState = 'local-only' | 'idle' | 'syncing' | 'offline' | 'signed-out' | 'error';

export type RejectedItem = { id: string; reason: string };

export type SyncStatus = {
  state: SyncState;
  /** Events and doc edits on this device the server has not saved yet (rejected ones excluded). */
  waiting: number;
  lastSyncedAt?: string;
  /** Items the server refused for good; kept on the device and never retried. */
  rejected: RejectedItem[];
  /** Docs holding a server copy that differs from the local one, for the learner to resolve. */
  conflicts: number;
  /** One plain sentence for the learner, when the state needs explaining. */
  message?: string;
};

export type SyncStatusStore = {
  get: () => SyncStatus;
  set: (change: Partial<SyncStatus>) => void;
  subscribe: (listener: (status: SyncStatus) => void) => () => void;
};

export const STATE_MESSAGES: Record<SyncState, string | undefined> = {
  'local-only': 'Progress is saved on this device only.',
  idle: undefined,
  syncing: undefined,
  offline: 'Offline — progress is saved on this device and will sync when you are back online.',
  'signed-out': 'Sync paused — sign in again.',
  error: 'Sync hit a problem and will try again shortly. Your progress is safe on this device.',
};

export const INITIAL_STATUS: SyncStatus = {
  state: 'local-only',
  waiting: 0,
  rejected: [],
  conflicts: 0,
  message: STATE_MESSAGES['local-only'],
};

function sameRejected(a: RejectedItem[], b: RejectedItem[]): boolean {
  return a.length === b.length && a.every((item, i) => item.id === b[i]?.id && item.reason === b[i]?.reason);
}

export function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return (
    a.state === b.state &&
    a.waiting === b.waiting &&
    a.lastSyncedAt === b.lastSyncedAt &&
    a.conflicts === b.conflicts &&
    a.message === b.message &&
    sameRejected(a.rejected, b.rejected)
  );
}

export function createStatusStore(initial: SyncStatus = INITIAL_STATUS): SyncStatusStore {
  let current = initial;
  const listeners = new Set<(status: SyncStatus) => void>();
  return {
    get: () => current,
    set(change) {
      const next: SyncStatus = { ...current, ...change };
      if ('state' in change && !('message' in change)) next.message = STATE_MESSAGES[next.state];
      if (sameStatus(current, next)) return;
      current = next;
      for (const listener of [...listeners]) listener(current);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
