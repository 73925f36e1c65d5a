// Wires the engine into a real page: the shared Dexie instance, the api/ client for our own origin, Web Locks for one
// leader tab, browser triggers, and a BroadcastChannel so other tabs forward their writes to the leader and
// show the leader's status. Call once from the app shell; everything else talks to the returned handle.

import { createApiClient } from '../api/api-client';
import { db as defaultDb, type PocketDb } from '../db/db';
import { createSyncStore } from '../db/sync-store';
import { DATABASE_NAME } from '../shared/device/database-name';
import { type AccountActions, createAccountActions } from './account-actions';
import { type Certificates, createCertificates } from './certificates';
import { createSessionCalls, type SessionCalls } from './facilitated-sessions';
import { acquireLeadership, type LockManagerLike, SYNC_LOCK_NAME } from './leader';
import { createRecoveryActions, type RecoveryActions } from './recovery-actions';
import { createReminders, type Reminders } from './reminders';
import { removeLearnerData } from './remove-learner-data';
import { createSyncEngine, type RoundOutcome } from './sync-engine';
import { createStatusStore, type SyncStatus, type SyncStatusStore } from './sync-status';
import { createTeamActions, type TeamActions } from './team-actions';
import { realTimers } from './timers';
import { installTriggers } from './triggers';
import { watchLocalWrites } from './watch-local-writes';

export type SyncHandle = {
  status: Pick<SyncStatusStore, 'get' | 'subscribe'>;
  notifyWrite: () => void;
  syncNow: () => Promise<RoundOutcome | 'forwarded'>;
  account: AccountActions;
  /** Recovery codes, password resets, the data download and account deletion. */
  recovery: RecoveryActions;
  /** The team screens' calls, with this device's session; joining and leaving refresh the stored teams. */
  teams: TeamActions;
  /** Push reminders for this device: turned on and off with the stored session; sign-out ends them. */
  reminders: Reminders;
  /** The learner's verified certificates, issued and revoked by the server. */
  certificates: Certificates;
  /** Facilitated sessions: a facilitator's sessions sent from this device, and joining one by code. */
  sessions: SessionCalls;
  /** After sign-out on a shared device: removes this learner's events, notes and sync state here. */
  removeLearnerData: () => Promise<void>;
  /** Resolves once the status holds what is stored (counts, session), so the UI never shows a guess. */
  ready: Promise<void>;
  /** Resolves when no round is running in this tab. */
  whenSettled: () => Promise<void>;
  stop: () => void;
};

export type StartSyncOptions = { db?: PocketDb; baseUrl?: string; deviceName?: string; intervalMs?: number };

type TabMessage =
  | { type: 'write' }
  | { type: 'sync' }
  | { type: 'hello' }
  | { type: 'status'; status: SyncStatus };

export const SYNC_CHANNEL_NAME = 'pocket-cpd-sync';

/**
 * Tabs syncing one person's database talk to each other and elect one leader; on a shared device each
 * person's tabs form their own group, so a tab of one never forwards writes to, or waits on, another's.
 */
export function syncGroupName(base: string, databaseName: string): string {
  return databaseName === DATABASE_NAME ? base : `${base}:${databaseName}`;
}

export function startSync(options: StartSyncOptions = {}): SyncHandle {
  const db = options.db ?? defaultDb;
  const store = createSyncStore(db);
  const status = createStatusStore();
  const api = createApiClient({
    baseUrl: options.baseUrl ?? '',
    // The one 401 path: whichever call finds the session gone, the token is dropped here (the learner id and
    // every unsent row stay) and the status says "Sync paused — sign in again" in every screen.
    onUnauthorized: async () => {
      await store.expireSession();
      await engine.refreshStatus();
    },
  });
  const engine = createSyncEngine({
    store,
    api,
    timers: realTimers,
    random: Math.random,
    deviceName: options.deviceName,
    status,
  });
  const channel =
    typeof BroadcastChannel === 'undefined'
      ? undefined
      : new BroadcastChannel(syncGroupName(SYNC_CHANNEL_NAME, db.name));
  const post = (message: TabMessage) => channel?.postMessage(message);
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  const leadership = acquireLeadership(locks, syncGroupName(SYNC_LOCK_NAME, db.name));
  let leading = false;
  let removeTriggers: () => void = () => undefined;
  let unsubscribe: () => void = () => undefined;

  channel?.addEventListener('message', (event: MessageEvent<TabMessage>) => {
    const message = event.data;
    if (leading) {
      if (message.type === 'write') engine.notifyWrite();
      if (message.type === 'sync') void engine.syncNow();
      if (message.type === 'hello') post({ type: 'status', status: status.get() });
    } else if (message.type === 'status') {
      status.set(message.status);
    }
  });

  const ready = engine.refreshStatus().catch(() => undefined);
  post({ type: 'hello' });
  void leadership.led.then(() => {
    leading = true;
    unsubscribe = status.subscribe((next) => post({ type: 'status', status: next }));
    removeTriggers = installTriggers(
      {
        window,
        document,
        setInterval: (run, ms) => window.setInterval(run, ms),
        clearInterval: (handle) => window.clearInterval(handle as number),
      },
      options.intervalMs ?? 5 * 60_000,
      (reason) => (reason === 'interval' ? engine.requestSync() : void engine.syncNow()),
      () => {
        if (['idle', 'syncing', 'error'].includes(status.get().state)) status.set({ state: 'offline' });
      },
    );
    return engine.syncNow();
  });

  const onSessionChange = () => {
    if (leading) void engine.syncNow();
    else {
      post({ type: 'sync' });
      void engine.refreshStatus().catch(() => undefined);
    }
  };

  const notifyWrite = () => {
    if (leading) engine.notifyWrite();
    else {
      post({ type: 'write' });
      void engine.refreshStatus().catch(() => undefined);
    }
  };
  const stopWatching = watchLocalWrites(db, notifyWrite);
  const reminders = createReminders(api, store);

  return {
    status,
    notifyWrite,
    syncNow: async () => {
      if (leading) return engine.syncNow();
      post({ type: 'sync' });
      return 'forwarded';
    },
    account: createAccountActions(api, store, onSessionChange, reminders),
    recovery: createRecoveryActions(api, store, onSessionChange, reminders),
    teams: createTeamActions(api, store),
    reminders,
    certificates: createCertificates(api, store),
    sessions: createSessionCalls(api, store),
    removeLearnerData: async () => {
      // A round in flight could still apply a pulled page after the wipe; let it finish first.
      await engine.whenSettled();
      await removeLearnerData(db);
      await engine.refreshStatus();
    },
    ready,
    whenSettled: engine.whenSettled,
    stop: () => {
      stopWatching();
      engine.stop();
      removeTriggers();
      unsubscribe();
      leadership.release();
      channel?.close();
    },
  };
}
