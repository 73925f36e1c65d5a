import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/api-client';
import { PocketDb } from '../../../src/db/db';
import { createSyncStore } from '../../../src/db/sync-store';
import { createSyncEngine } from '../../../src/sync/sync-engine';
import { fakeSyncServer } from './fake-sync-server';
import { manualTimers, settle } from './manual-timers';
import { docRow, eventRow } from './sample-rows';

let count = 0;
const opened: PocketDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function setup(options: { signedIn?: boolean; batchSize?: number } = {}) {
  const db = new PocketDb(`engine-${++count}`);
  opened.push(db);
  const store = createSyncStore(db);
  const server = fakeSyncServer();
  const timers = manualTimers();
  const engine = createSyncEngine({
    store,
    // As start-sync wires it: the api client's one 401 path drops the token and refreshes the status.
    api: createApiClient({
      baseUrl: '',
      fetch: server.fetch,
      onUnauthorized: async () => {
        await store.expireSession();
        await engine.refreshStatus();
      },
    }),
    timers,
    random: () => 0.5,
    backoff: { baseMs: 1_000, maxMs: 60_000 },
    batchSize: options.batchSize,
    writeDebounceMs: 1_000,
  });
  if (options.signedIn ?? true) await store.setSession({ learnerId: 'learner-1', token: 'token-1' });
  return { db, store, server, timers, engine };
}

const pushes = (requests: { path: string }[]) =>
  requests.filter((r) => r.path === '/api/v1/sync/push').length;

describe('sync engine', () => {
  it('without an account stays local-only and never calls the server', async () => {
    const { db, server, engine } = await setup({ signedIn: false });
    await db.events.bulkAdd([eventRow(1), eventRow(2)]);
    expect(await engine.syncNow()).toBe('local-only');
    expect(engine.status.get()).toMatchObject({ state: 'local-only', waiting: 2 });
    expect(server.requests).toEqual([]);
  });

  it('registers the device once, pushes in batches, pulls, and ends idle with nothing waiting', async () => {
    const { db, server, timers, engine } = await setup({ batchSize: 2 });
    await db.events.bulkAdd([eventRow(1), eventRow(2), eventRow(3), eventRow(4), eventRow(5)]);
    await db.docs.add(docRow('note:a'));

    expect(await engine.syncNow()).toBe('synced');
    expect(await engine.syncNow()).toBe('synced');

    expect(server.requests.filter((r) => r.path === '/api/v1/devices')).toHaveLength(1);
    expect(pushes(server.requests)).toBe(3);
    expect(server.events.map((e) => e.deviceSeq)).toEqual([1, 2, 3, 4, 5]);
    expect(server.docs.get('note:a')?.rev).toBe(1);
    expect(await db.docs.get('note:a')).toMatchObject({ rev: 1, dirty: 0 });
    expect(engine.status.get()).toMatchObject({
      state: 'idle',
      waiting: 0,
      lastSyncedAt: new Date(timers.now()).toISOString(),
    });
  });

  it('offline: waits with growing jittered delays, then syncs at once when the browser is back online', async () => {
    const { db, server, timers, engine } = await setup();
    await db.events.add(eventRow(1));
    let offline = true;
    server.setIntercept(() => (offline ? 'network' : undefined));

    expect(await engine.syncNow()).toBe('retrying');
    expect(engine.status.get()).toMatchObject({ state: 'offline', waiting: 1 });
    const delays = [timers.pending()];
    for (let i = 0; i < 3; i += 1) {
      await timers.advance(timers.pending()[0] ?? 0);
      delays.push(timers.pending());
    }
    // random() = 0.5 of 1 s, 2 s, 4 s, 8 s.
    expect(delays).toEqual([[500], [1_000], [2_000], [4_000]]);

    offline = false;
    expect(await engine.syncNow()).toBe('synced');
    expect(timers.pending()).toEqual([]);
    expect(engine.status.get()).toMatchObject({ state: 'idle', waiting: 0 });
  });

  it('a 5xx shows an error and retries after the backoff; a 429 waits at least Retry-After', async () => {
    const { db, server, timers, engine } = await setup();
    await db.events.add(eventRow(1));
    const answers = [
      new Response('{}', { status: 503 }),
      new Response('{}', { status: 429, headers: { 'retry-after': '30' } }),
    ];
    server.setIntercept((route) => (route.path === '/api/v1/sync/push' ? answers.shift() : undefined));

    await engine.syncNow();
    expect(engine.status.get().state).toBe('error');
    expect(timers.pending()).toEqual([500]);
    await timers.advance(500);
    expect(timers.pending()).toEqual([30_000]);
    await timers.advance(30_000);
    expect(engine.status.get()).toMatchObject({ state: 'idle', waiting: 0 });
    expect(server.events).toHaveLength(1);
  });

  it('a 401 keeps the queue, pauses sync, and resumes after signing in again', async () => {
    const { db, store, server, timers, engine } = await setup();
    await db.events.bulkAdd([eventRow(1), eventRow(2)]);
    server.tokens.clear();

    expect(await engine.syncNow()).toBe('signed-out');
    expect(engine.status.get()).toMatchObject({
      state: 'signed-out',
      waiting: 2,
      message: 'Sync paused — sign in again.',
    });
    expect(timers.pending()).toEqual([]);
    expect(await store.getSession()).toEqual({ learnerId: 'learner-1', email: undefined });

    server.tokens.add('token-2');
    await store.setSession({ learnerId: 'learner-1', token: 'token-2' });
    expect(await engine.syncNow()).toBe('synced');
    expect(server.events).toHaveLength(2);
    expect(engine.status.get()).toMatchObject({ state: 'idle', waiting: 0 });
  });

  it('finds the one event the server refuses in a batch (whole-request 400), keeps it and sends the rest', async () => {
    const { db, server, engine } = await setup();
    await db.events.bulkAdd(Array.from({ length: 8 }, (_, i) => eventRow(i + 1)));
    const poison = eventRow(6).id;
    server.setIntercept((route) => {
      const body = route.body as { events?: { id: string }[] } | undefined;
      if (route.path !== '/api/v1/sync/push' || !body?.events?.some((e) => e.id === poison)) return undefined;
      return new Response(
        JSON.stringify({ error: { code: 'invalid_body', message: 'lessonId is unknown' } }),
        {
          status: 400,
        },
      );
    });

    expect(await engine.syncNow()).toBe('synced');
    expect(server.events.map((e) => e.deviceSeq)).toEqual([1, 2, 3, 4, 5, 7, 8]);
    expect(engine.status.get()).toMatchObject({
      state: 'idle',
      waiting: 0,
      rejected: [{ id: poison, reason: 'lessonId is unknown' }],
    });
    // Never retried: a later round sends nothing.
    const before = pushes(server.requests);
    await engine.syncNow();
    expect(pushes(server.requests)).toBe(before);
  });

  it('debounces writes: a burst of taps becomes one push after the quiet time', async () => {
    const { db, server, timers, engine } = await setup();
    await engine.syncNow();
    for (let seq = 1; seq <= 3; seq += 1) {
      await db.events.add(eventRow(seq));
      engine.notifyWrite();
      await timers.advance(300);
    }
    expect(pushes(server.requests)).toBe(0);
    expect(engine.status.get().waiting).toBe(3);
    await timers.advance(1_000);
    await settle();
    expect(pushes(server.requests)).toBe(1);
    expect(server.events).toHaveLength(3);
  });

  it('a 4xx that is not about the body (here 404) retries later and refuses nothing', async () => {
    const { db, server, timers, engine } = await setup();
    await db.events.bulkAdd([eventRow(1), eventRow(2)]);
    let missing = true;
    server.setIntercept((route) =>
      missing && route.path === '/api/v1/sync/push'
        ? new Response(JSON.stringify({ error: { code: 'not_found', message: 'No route' } }), { status: 404 })
        : undefined,
    );
    expect(await engine.syncNow()).toBe('retrying');
    expect(engine.status.get()).toMatchObject({ state: 'error', waiting: 2, rejected: [] });
    missing = false;
    await timers.advance(timers.pending()[0] ?? 0);
    await engine.whenSettled();
    expect(engine.status.get()).toMatchObject({ state: 'idle', waiting: 0, rejected: [] });
  });

  it('registers again when the server no longer knows the device, re-labelling the queue', async () => {
    const { db, store, server, engine } = await setup();
    await store.adoptDevice({ learnerId: 'learner-1', deviceId: '00000000-0000-4000-8000-00000000dead' });
    await db.events.add(eventRow(1));
    expect(await engine.syncNow()).toBe('synced');
    expect(server.events[0]?.deviceId).toBe((await store.getDevice())?.deviceId);
    expect(server.events[0]?.deviceId).not.toBe('00000000-0000-4000-8000-00000000dead');
  });
});
