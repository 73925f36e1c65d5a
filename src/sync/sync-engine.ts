// One device's sync loop: push the outbox, then pull every page, with backoff on failure. It keeps nothing
// itself — the queue, session, device id and cursor live in Dexie (src/db/sync-store.ts), so a closed tab
// loses nothing. Offline and 5xx retry with backoff; a 401 keeps the queue and pauses until sign-in; items the
// server refuses for good are kept on the device and listed in the status.
import type { ApiClient, ApiFailure } from '../api/api-client';
import type { SyncStore } from '../db/sync-store';
import { MAX_PUSH_EVENTS, SERVER_BEHIND_CODE } from '../shared/protocol/sync-protocol';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { applyDocResult, mergePulledDoc } from './doc-merge';
import { itemId, type OutboxItem, planPush, pushRequestFor } from './outbox';
import { createStatusStore, type SyncStatusStore } from './sync-status';
import type { TimerHandle, Timers } from './timers';

export type SyncEngineOptions = {
  store: SyncStore;
  api: ApiClient;
  timers: Timers;
  random: () => number;
  deviceName?: string;
  backoff?: BackoffPolicy;
  batchSize?: number;
  pullLimit?: number;
  /** Quiet time after the last local write before a push, so a burst of taps is one request. */
  writeDebounceMs?: number;
  status?: SyncStatusStore;
};

export type RoundOutcome = 'synced' | 'local-only' | 'signed-out' | 'retrying' | 'stopped';

export type SyncEngine = {
  status: SyncStatusStore;
  /** Runs a round now (even during backoff). A call during a round queues one more round after it. */
  syncNow: () => Promise<RoundOutcome>;
  /** Resolves when no round is running (a retry may still be scheduled). */
  whenSettled: () => Promise<void>;
  /** A trigger that respects backoff: the interval tick. */
  requestSync: () => void;
  /** Call after every local write; pushes after a short quiet time and updates the waiting count. */
  notifyWrite: () => void;
  /** Reloads the counts and session state into the status without talking to the server. */
  refreshStatus: () => Promise<void>;
  stop: () => void;
};

type Failure = ApiFailure | { kind: 'unknown-device' } | { kind: 'no-progress' } | { kind: 'server-behind' };

const MAX_PAGES_PER_ROUND = 10_000;

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, api, timers, random } = options;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const batchSize = Math.min(options.batchSize ?? MAX_PUSH_EVENTS, MAX_PUSH_EVENTS);
  const pullLimit = options.pullLimit ?? 500;
  const writeDebounceMs = options.writeDebounceMs ?? 1_500;
  const status = options.status ?? createStatusStore();

  let stopped = false;
  let running: Promise<RoundOutcome> | undefined;
  let again = false;
  let reregistered = false;
  let resent = false;
  let attempt = 0;
  let retryTimer: TimerHandle | undefined;
  let writeTimer: TimerHandle | undefined;

  const nowIso = () => new Date(timers.now()).toISOString();

  // Refreshes run one after another: two overlapping ones (a write's and a round's) could otherwise land
  // out of order and leave an older count on screen.
  let refreshing: Promise<void> = Promise.resolve();
  function refreshStatus(): Promise<void> {
    const next = refreshing.then(readStatus, readStatus);
    refreshing = next.catch(() => undefined);
    return next;
  }

  async function readStatus(): Promise<void> {
    const [counts, result, session] = await Promise.all([
      store.counts(),
      store.getSyncResult(),
      store.getSession(),
    ]);
    const current = status.get().state;
    let state = current;
    if (!session) state = 'local-only';
    else if (!session.token) state = 'signed-out';
    else if (current === 'local-only' || current === 'signed-out') state = 'idle';
    status.set({ ...counts, lastSyncedAt: result.lastSyncedAt, state });
  }

  function clearRetry(): void {
    if (retryTimer !== undefined) timers.clearTimeout(retryTimer);
    retryTimer = undefined;
  }

  function scheduleRetry(retryAfterMs = 0): void {
    clearRetry();
    const delay = backoffDelay(attempt, random, policy, retryAfterMs);
    attempt += 1;
    retryTimer = timers.setTimeout(() => {
      retryTimer = undefined;
      void syncNow();
    }, delay);
  }

  async function ensureDevice(learnerId: string, token: string): Promise<string | ApiFailure> {
    const device = await store.getDevice();
    if (device?.learnerId === learnerId) return device.deviceId;
    const registered = await api.registerDevice(token, options.deviceName);
    if (!registered.ok) return registered.failure;
    await store.adoptDevice({ learnerId, deviceId: registered.value.deviceId });
    return registered.value.deviceId;
  }

  /** Pushes items; a whole-request 4xx is split in halves until the one item the server refuses is found. */
  async function pushItems(
    token: string,
    deviceId: string,
    items: OutboxItem[],
  ): Promise<Failure | undefined> {
    const response = await api.push(token, pushRequestFor(deviceId, items));
    if (response.ok) {
      const sentDocs = new Map(
        items.flatMap((item) =>
          item.kind === 'doc'
            ? [[item.doc.id, { body: item.doc.body, updatedAt: item.updatedAt }] as const]
            : [],
        ),
      );
      const settled = await store.applyPushResult(response.value, sentDocs, nowIso(), applyDocResult);
      return settled === 0 ? { kind: 'no-progress' } : undefined;
    }
    const failure = response.failure;
    if (failure.kind === 'rejected' && failure.code === 'unknown_device') return { kind: 'unknown-device' };
    if (failure.kind === 'rejected' && failure.quota) return holdOverQuota(token, deviceId, items, failure);
    // Only answers about the body's content are split down to one item. Any other 4xx (403, 404, 409 …)
    // says nothing about the items — e.g. a server with a newer protocol — so it retries later instead of
    // marking good events refused for good.
    const refusedForGood =
      (failure.kind === 'rejected' && (failure.status === 400 || failure.status === 422)) ||
      failure.kind === 'too-large';
    if (!refusedForGood) return failure;
    return refuseTheOneAtFault(token, deviceId, items, failure.message);
  }

  /**
   * The server refused the batch for something in it: halve it until the one item at fault is found, and
   * keep that item on the device, listed with the server's reason; the rest is sent.
   */
  async function refuseTheOneAtFault(
    token: string,
    deviceId: string,
    items: OutboxItem[],
    reason: string,
  ): Promise<Failure | undefined> {
    const [only] = items;
    if (items.length === 1 && only) {
      await store.markRefused([{ id: itemId(only), reason }], nowIso());
      return undefined;
    }
    const middle = Math.ceil(items.length / 2);
    return (
      (await pushItems(token, deviceId, items.slice(0, middle))) ??
      (await pushItems(token, deviceId, items.slice(middle)))
    );
  }

  /**
   * A push past the account's quota stored nothing. Today's event limit: the events that still fit go now
   * and the rest wait on the device until the server's Retry-After (tomorrow), shown with the server's
   * plain-words reason. Notes full: the batch is halved until the one note that does not fit is found;
   * that note is kept on the device, shown, and tried again only once the learner changes it.
   */
  async function holdOverQuota(
    token: string,
    deviceId: string,
    items: OutboxItem[],
    failure: ApiFailure,
  ): Promise<Failure | undefined> {
    if (failure.quota === 'events-per-day') {
      const events = items.filter((item) => item.kind === 'event');
      if (events.length === 0) return failure;
      const fit = Math.max(0, Math.min(failure.remaining ?? 0, events.length - 1));
      const retryAt = new Date(timers.now() + (failure.retryAfterMs ?? 60 * 60_000)).toISOString();
      await store.markRefused(
        events.slice(fit).map((item) => ({ id: itemId(item), reason: failure.message, retryAt })),
        nowIso(),
      );
      const rest = [...events.slice(0, fit), ...items.filter((item) => item.kind === 'doc')];
      return rest.length > 0 ? pushItems(token, deviceId, rest) : undefined;
    }
    return refuseTheOneAtFault(token, deviceId, items, failure.message);
  }

  async function pushOutbox(token: string, deviceId: string): Promise<Failure | undefined> {
    await store.relabelStrays(deviceId);
    for (;;) {
      if (stopped) return undefined;
      const { events, docs } = await store.outbox(nowIso());
      const plan = planPush(events, docs, batchSize);
      await store.markRefused(plan.invalid, nowIso());
      if (plan.items.length === 0) {
        if (plan.invalid.length > 0) continue;
        return undefined;
      }
      const failure = await pushItems(token, deviceId, plan.items);
      if (failure) return failure;
      await refreshStatus();
    }
  }

  async function pullAll(learnerId: string, token: string): Promise<Failure | undefined> {
    let cursor = await store.getCursor(learnerId);
    for (let page = 0; page < MAX_PAGES_PER_ROUND && !stopped; page += 1) {
      const response = await api.pull(token, cursor, pullLimit);
      if (!response.ok) {
        // The server lost data this device already had (restored from a backup): send it all again.
        if (response.failure.kind === 'rejected' && response.failure.code === SERVER_BEHIND_CODE) {
          return { kind: 'server-behind' };
        }
        // A cursor the server cannot read (e.g. after a restore) is dropped; pulling again from the
        // start is safe because pulled events are only added when absent.
        if (response.failure.kind === 'rejected' && response.failure.status === 400 && cursor !== undefined) {
          await store.resetCursor();
          cursor = undefined;
          continue;
        }
        return response.failure;
      }
      await store.applyPulledPage(learnerId, response.value, nowIso(), mergePulledDoc);
      cursor = response.value.nextCursor;
      if (!response.value.hasMore) return undefined;
    }
    return undefined;
  }

  async function round(): Promise<RoundOutcome> {
    const session = await store.getSession();
    if (!session) {
      await refreshStatus();
      return 'local-only';
    }
    if (!session.token) {
      await refreshStatus();
      return 'signed-out';
    }
    status.set({ state: 'syncing' });
    let failure: Failure | undefined;
    const device = await ensureDevice(session.learnerId, session.token);
    if (typeof device !== 'string') failure = device;
    else
      failure =
        (await pushOutbox(session.token, device)) ?? (await pullAll(session.learnerId, session.token));
    if (stopped) return 'stopped';
    if (!failure) {
      attempt = 0;
      clearRetry();
      await store.setSyncResult({ lastSyncedAt: nowIso() });
      status.set({ state: 'idle' });
      await refreshStatus();
      return 'synced';
    }
    return handleFailure(failure);
  }

  async function handleFailure(failure: Failure): Promise<RoundOutcome> {
    if (failure.kind === 'unauthorized') {
      // The api client's onUnauthorized (the one 401 path, wired in start-sync) already dropped the token
      // and refreshed the counts; the engine only stops retrying until the learner signs in again.
      clearRetry();
      status.set({ state: 'signed-out' });
      return 'signed-out';
    }
    if (failure.kind === 'server-behind' && !resent) {
      // Everything goes back in the outbox and the next round (straight away) pushes it and pulls from the
      // start. Once per run: a server that keeps saying so cannot make this loop.
      resent = true;
      await store.markAllForResend();
      again = true;
      return 'retrying';
    }
    if (failure.kind === 'unknown-device') {
      // The server lost or never had this device: register again on the next round, straight away —
      // once per run, so a server that keeps refusing the new id cannot make this loop.
      await store.forgetDevice();
      if (!reregistered) {
        reregistered = true;
        again = true;
        return 'retrying';
      }
    }
    // A write during the failed round must wait for the backoff like everything else.
    again = false;
    status.set({ state: failure.kind === 'network' ? 'offline' : 'error' });
    await refreshStatus();
    scheduleRetry(
      failure.kind === 'rate-limited' || failure.kind === 'server' ? (failure.retryAfterMs ?? 0) : 0,
    );
    return 'retrying';
  }

  async function runRounds(): Promise<RoundOutcome> {
    let outcome: RoundOutcome = 'stopped';
    reregistered = false;
    resent = false;
    do {
      again = false;
      try {
        outcome = await round();
      } catch (error) {
        // IndexedDB failed (quota, the browser closing the database): nothing half-done was kept.
        status.set({ state: 'error', message: `Sync could not use this device's storage: ${String(error)}` });
        scheduleRetry();
        return 'retrying';
      }
    } while (again && !stopped);
    return outcome;
  }

  function syncNow(): Promise<RoundOutcome> {
    if (stopped) return Promise.resolve('stopped');
    if (running) {
      again = true;
      return running;
    }
    clearRetry();
    running = runRounds().finally(() => {
      running = undefined;
    });
    return running;
  }

  function requestSync(): void {
    if (stopped || retryTimer !== undefined) return;
    void syncNow();
  }

  function notifyWrite(): void {
    if (stopped) return;
    void refreshStatus().catch(() => undefined);
    if (writeTimer !== undefined) timers.clearTimeout(writeTimer);
    writeTimer = timers.setTimeout(() => {
      writeTimer = undefined;
      requestSync();
    }, writeDebounceMs);
  }

  function stop(): void {
    stopped = true;
    clearRetry();
    if (writeTimer !== undefined) timers.clearTimeout(writeTimer);
    writeTimer = undefined;
  }

  const whenSettled = async (): Promise<void> => {
    while (running) await running.catch(() => undefined);
  };

  return { status, syncNow, whenSettled, requestSync, notifyWrite, refreshStatus, stop };
}
