// The device sync engine against the real server app (through app.request), with fake-indexeddb as each
// device's IndexedDB. Each "device" is its own Dexie database, engine and network wrapper that can drop
// requests, lose responses after the server committed, or answer 5xx.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, type FetchLike } from '../../src/api/api-client';
import { type DocRow, type EventRow, PocketDb } from '../../src/db/db';
import { createDocsRepo } from '../../src/db/docs-repo';
import { createSyncStore } from '../../src/db/sync-store';
import type { LearnerEvent } from '../../src/shared/progress/events';
import { formatHlc } from '../../src/shared/progress/hlc';
import type { PullResponse, PushResponse } from '../../src/shared/protocol/sync-protocol';
import { createAccountActions } from '../../src/sync/account-actions';
import { createReminders } from '../../src/sync/reminders';
import { createSyncEngine } from '../../src/sync/sync-engine';
import type { Timers } from '../../src/sync/timers';
import { json, makeTestApp, T0, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';

type Fault = 'drop' | 'lose-response' | 'server-error' | undefined;
type Request = { method: string; path: string };

/** Timers that fire only when the test moves the clock. */
function manualTimers(): Timers & { advance: (ms: number) => Promise<void>; pending: () => number } {
  let now = T0;
  let id = 0;
  const waiting = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout: (run, ms) => {
      waiting.set(++id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (handle) => {
      waiting.delete(handle as number);
    },
    pending: () => waiting.size,
    advance: async (ms) => {
      now += ms;
      for (const [key, timer] of [...waiting.entries()].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now) continue;
        waiting.delete(key);
        timer.run();
      }
      for (let i = 0; i < 50; i += 1) await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

let dbCount = 0;

describe.each(testDbKinds)('sync engine against the server on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  const opened: PocketDb[] = [];

  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });
  beforeEach(() => {
    t = makeTestApp(testDb.db);
  });
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });

  function makeDevice(options: { batchSize?: number } = {}) {
    const db = new PocketDb(`device-${++dbCount}`);
    opened.push(db);
    const store = createSyncStore(db);
    const timers = manualTimers();
    const requests: Request[] = [];
    const pushAnswers: PushResponse[] = [];
    const faults: Fault[] = [];
    let fault: (request: Request, index: number) => Fault | Promise<Fault> = () => undefined;
    const fetch: FetchLike = async (url, init) => {
      const request = { method: init.method ?? 'GET', path: url.split('?')[0] ?? url };
      const planned = await fault(request, requests.length);
      requests.push(request);
      if (planned) faults.push(planned);
      if (planned === 'drop') throw new TypeError('Failed to fetch');
      const response = await t.app.request(url, init);
      if (request.path === '/api/v1/sync/push' && response.ok) {
        pushAnswers.push((await response.clone().json()) as PushResponse);
      }
      if (planned === 'lose-response') throw new TypeError('network connection was lost');
      if (planned === 'server-error') {
        return new Response(JSON.stringify({ error: { code: 'internal', message: 'after commit' } }), {
          status: 502,
        });
      }
      return response;
    };
    // As start-sync wires it: the api client's one 401 path drops the token and refreshes the status.
    const api = createApiClient({
      baseUrl: '',
      fetch,
      onUnauthorized: async () => {
        await store.expireSession();
        await engine.refreshStatus();
      },
    });
    const engine = createSyncEngine({
      store,
      api,
      timers,
      random: () => 0.5,
      backoff: { baseMs: 1_000, maxMs: 60_000 },
      batchSize: options.batchSize,
    });
    const account = createAccountActions(api, store, () => undefined, createReminders(api, store));
    let seq = 0;
    let clock = 0;

    /** What the events repository does: stamp with meta deviceId (made locally at first) and the next seq. */
    async function record(count: number, lessonId = 'foundations-what-send-means'): Promise<string[]> {
      const ids: string[] = [];
      await db.transaction('rw', db.events, db.meta, async () => {
        let deviceId = (await db.meta.get('deviceId'))?.value as string | undefined;
        if (!deviceId) {
          deviceId = randomUUID();
          await db.meta.put({ key: 'deviceId', value: deviceId });
        }
        const rows = Array.from({ length: count }, (): EventRow => {
          seq += 1;
          const id = randomUUID();
          ids.push(id);
          return {
            id,
            deviceId: deviceId as string,
            deviceSeq: seq,
            at: new Date(T0 - 60_000 + seq).toISOString(),
            hlc: formatHlc({ wall: T0 - 60_000 + seq, counter: 0, node: (deviceId as string).slice(0, 8) }),
            type: 'section-reached',
            lessonId,
            payload: { sectionId: `s${seq}`, index: seq % 1000 },
            synced: 0,
          };
        });
        await db.events.bulkAdd(rows);
      });
      return ids;
    }

    /** What the docs repository does on an edit: new body, dirty, a fresh updatedAt. */
    async function editNote(id: string, text: string): Promise<void> {
      clock += 1;
      const row = await db.docs.get(id);
      const next: DocRow = {
        id,
        body: { text },
        rev: row?.rev ?? 0,
        dirty: 1,
        updatedAt: new Date(T0 + clock).toISOString(),
        ...(row?.conflict ? { conflict: row.conflict } : {}),
      };
      await db.docs.put(next);
    }

    /** Runs rounds and retries (advancing the clock past each backoff) until the engine settles. */
    async function syncUntilSettled(maxSteps = 50): Promise<void> {
      await engine.syncNow();
      for (let step = 0; step < maxSteps && timers.pending() > 0; step += 1) {
        await timers.advance(60_000);
        await engine.whenSettled();
      }
    }

    return {
      db,
      store,
      engine,
      account,
      requests,
      pushAnswers,
      faults,
      record,
      editNote,
      syncUntilSettled,
      timers,
      setFault: (next: typeof fault) => {
        fault = next;
      },
    };
  }

  async function serverEvents(token: string): Promise<LearnerEvent[]> {
    const all: LearnerEvent[] = [];
    let cursor = '';
    for (;;) {
      const res = await t.call('GET', `/api/v1/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, {
        token,
      });
      const page = await json<PullResponse>(res);
      all.push(...page.events);
      cursor = page.nextCursor;
      if (!page.hasMore) return all;
    }
  }

  const credentials = { email: 'sam@example.org', name: 'Sam Learner', password: 'correct horse battery' };

  async function signedUp(device: ReturnType<typeof makeDevice>) {
    const result = await device.account.createAccount(credentials);
    expect(result.ok).toBe(true);
    const session = await device.store.getSession();
    return session?.token as string;
  }

  it('two devices of one learner converge on the same events and notes', async () => {
    const phone = makeDevice();
    const laptop = makeDevice();
    // Learning starts before any account exists: those events wait locally.
    const early = await phone.record(3);
    await phone.editNote('note:what-send-means', 'Ask the SENCo about the graduated approach');
    expect(await phone.engine.syncNow()).toBe('local-only');

    const token = await signedUp(phone);
    expect((await laptop.account.signIn(credentials)).ok).toBe(true);
    await laptop.record(2, 'foundations-sen-support');

    await phone.syncUntilSettled();
    await laptop.syncUntilSettled();
    await phone.syncUntilSettled();

    const phoneIds = (await phone.db.events.toArray()).map((e) => e.id).sort();
    const laptopIds = (await laptop.db.events.toArray()).map((e) => e.id).sort();
    expect(phoneIds).toHaveLength(5);
    expect(laptopIds).toEqual(phoneIds);
    expect(phoneIds).toEqual(expect.arrayContaining(early));
    expect(await laptop.db.docs.get('note:what-send-means')).toMatchObject({
      body: { text: 'Ask the SENCo about the graduated approach' },
      rev: 1,
      dirty: 0,
    });
    // Events made before registration carry the id the server gave the phone.
    const phoneDevice = (await phone.store.getDevice())?.deviceId;
    const onServer = await serverEvents(token);
    expect(onServer.filter((e) => early.includes(e.id)).map((e) => e.deviceId)).toEqual([
      phoneDevice,
      phoneDevice,
      phoneDevice,
    ]);
    expect(new Set(onServer.map((e) => e.deviceId)).size).toBe(2);
    for (const device of [phone, laptop]) {
      expect(device.engine.status.get()).toMatchObject({
        state: 'idle',
        waiting: 0,
        rejected: [],
        conflicts: 0,
      });
    }
  });

  it('a 5xx after the server committed, then a retry, stores nothing twice', async () => {
    const phone = makeDevice();
    const token = await signedUp(phone);
    await phone.record(40);
    let failed = false;
    phone.setFault((request) => {
      if (request.path !== '/api/v1/sync/push' || failed) return undefined;
      failed = true;
      return 'server-error';
    });

    expect(await phone.engine.syncNow()).toBe('retrying');
    expect(phone.engine.status.get()).toMatchObject({ state: 'error', waiting: 40 });
    await phone.timers.advance(60_000);
    await phone.engine.whenSettled();

    expect(phone.engine.status.get()).toMatchObject({ state: 'idle', waiting: 0 });
    expect(phone.pushAnswers.map((a) => new Set(a.results.map((r) => r.status)))).toEqual([
      new Set(['acked']),
      new Set(['duplicate']),
    ]);
    const onServer = await serverEvents(token);
    expect(onServer).toHaveLength(40);
    expect(new Set(onServer.map((e) => e.id)).size).toBe(40);
  });

  it('a response lost on the way back: the re-push is answered duplicate and marked synced', async () => {
    const phone = makeDevice();
    const token = await signedUp(phone);
    const ids = await phone.record(5);
    let lost = false;
    phone.setFault((request) => {
      if (request.path !== '/api/v1/sync/push' || lost) return undefined;
      lost = true;
      return 'lose-response';
    });

    expect(await phone.engine.syncNow()).toBe('retrying');
    expect(phone.engine.status.get()).toMatchObject({ state: 'offline', waiting: 5 });
    // The browser's `online` event runs a round at once, without waiting for the backoff.
    expect(await phone.engine.syncNow()).toBe('synced');

    expect(phone.pushAnswers[1]?.results).toEqual(ids.map((id) => ({ id, status: 'duplicate' })));
    expect((await phone.db.events.toArray()).every((e) => e.synced === 1)).toBe(true);
    expect(await serverEvents(token)).toHaveLength(5);
  });

  it('survives a flapping connection: every event reaches the server exactly once', async () => {
    const phone = makeDevice({ batchSize: 50 });
    const laptop = makeDevice();
    const token = await signedUp(phone);
    expect((await laptop.account.signIn(credentials)).ok).toBe(true);
    const pattern: Fault[] = [
      undefined,
      'drop',
      'lose-response',
      undefined,
      'server-error',
      undefined,
      'drop',
    ];
    phone.setFault((_request, index) => pattern[index % pattern.length]);

    for (let burst = 0; burst < 6; burst += 1) {
      await phone.record(37);
      await phone.engine.syncNow();
      await phone.timers.advance(5_000);
      await phone.engine.whenSettled();
    }
    phone.setFault(() => undefined);
    await phone.syncUntilSettled();
    await laptop.syncUntilSettled();

    // The pattern really hit the engine: lost responses came back as duplicates on the re-push.
    expect(phone.pushAnswers.some((a) => a.results.some((r) => r.status === 'duplicate'))).toBe(true);
    expect(new Set(phone.faults)).toEqual(new Set(['drop', 'lose-response', 'server-error']));
    const onServer = await serverEvents(token);
    expect(onServer).toHaveLength(222);
    expect(new Set(onServer.map((e) => e.id)).size).toBe(222);
    expect(await phone.db.events.where('synced').equals(0).count()).toBe(0);
    expect(await laptop.db.events.count()).toBe(222);
    expect(phone.engine.status.get()).toMatchObject({ state: 'idle', waiting: 0, rejected: [] });
  });

  it('a 401 in the middle of the queue keeps the rest, pauses, and finishes after signing in again', async () => {
    const phone = makeDevice({ batchSize: 100 });
    const token = await signedUp(phone);
    await phone.record(250);
    let pushes = 0;
    phone.setFault(async (request) => {
      // Signed out everywhere (from another device) right after the first batch was stored.
      if (request.path === '/api/v1/sync/push' && ++pushes === 2) {
        expect((await t.call('DELETE', '/api/v1/sessions', { token })).status).toBe(204);
      }
      return undefined;
    });

    expect(await phone.engine.syncNow()).toBe('signed-out');
    expect(phone.engine.status.get()).toMatchObject({
      state: 'signed-out',
      waiting: 150,
      message: 'Sync paused — sign in again.',
    });
    expect(phone.timers.pending()).toBe(0);
    expect(await phone.db.events.count()).toBe(250);
    expect(await phone.engine.syncNow()).toBe('signed-out');

    expect((await phone.account.signIn(credentials)).ok).toBe(true);
    expect(await phone.engine.syncNow()).toBe('synced');
    const newToken = (await phone.store.getSession())?.token as string;
    expect(await serverEvents(newToken)).toHaveLength(250);
    expect(phone.engine.status.get()).toMatchObject({ state: 'idle', waiting: 0 });
  });

  it('conflicting edits of one note keep both versions until the learner resolves them', async () => {
    const phone = makeDevice();
    const laptop = makeDevice();
    await signedUp(phone);
    expect((await laptop.account.signIn(credentials)).ok).toBe(true);
    await phone.editNote('note:reflection', 'First thoughts');
    await phone.syncUntilSettled();
    await laptop.syncUntilSettled();

    await phone.editNote('note:reflection', 'Phone: talk to the SENCo');
    await phone.syncUntilSettled();
    await laptop.editNote('note:reflection', 'Laptop: try visual timetables');
    await laptop.syncUntilSettled();

    expect(await laptop.db.docs.get('note:reflection')).toMatchObject({
      body: { text: 'Laptop: try visual timetables' },
      dirty: 1,
      conflict: { rev: 2, body: { text: 'Phone: talk to the SENCo' } },
    });
    expect(laptop.engine.status.get()).toMatchObject({ conflicts: 1, waiting: 0 });
    // The server still has the phone's version: nothing was overwritten.
    await phone.syncUntilSettled();
    expect((await phone.db.docs.get('note:reflection'))?.body).toEqual({ text: 'Phone: talk to the SENCo' });

    await createDocsRepo(laptop.db).resolveConflict(
      'note:reflection',
      { text: 'Talk to the SENCo; try visual timetables' },
      new Date(T0 + 10),
    );
    await laptop.syncUntilSettled();
    await phone.syncUntilSettled();
    for (const device of [phone, laptop]) {
      expect(await device.db.docs.get('note:reflection')).toMatchObject({
        body: { text: 'Talk to the SENCo; try visual timetables' },
        rev: 3,
        dirty: 0,
      });
      expect(device.engine.status.get()).toMatchObject({ conflicts: 0, waiting: 0 });
    }
  });

  it('a note edited on two devices before either synced shows up as a conflict on pull as well', async () => {
    const phone = makeDevice();
    const laptop = makeDevice();
    await signedUp(phone);
    expect((await laptop.account.signIn(credentials)).ok).toBe(true);
    await phone.editNote('note:plan', 'Phone plan');
    await laptop.editNote('note:plan', 'Laptop plan');
    await phone.syncUntilSettled();
    await laptop.syncUntilSettled();
    const row = await laptop.db.docs.get('note:plan');
    expect(row?.body).toEqual({ text: 'Laptop plan' });
    expect(row?.conflict?.body).toEqual({ text: 'Phone plan' });
  });

  /** Every row of every table, as a backup holds them; `restore` puts the server back to exactly that. */
  async function backUpServer() {
    const kysely = testDb.db.kysely;
    const tables = ['learners', 'sessions', 'devices', 'events', 'docs'] as const;
    const copies = await Promise.all(tables.map((table) => kysely.selectFrom(table).selectAll().execute()));
    return async function restore(): Promise<void> {
      for (const table of [...tables].reverse()) await kysely.deleteFrom(table).execute();
      for (const [i, table] of tables.entries()) {
        const rows = copies[i] ?? [];
        if (rows.length > 0) await kysely.insertInto(table).values(rows).execute();
      }
    };
  }

  it('after a restore from backup, devices send again what the server lost and a new device sees it all', async () => {
    const phone = makeDevice();
    const laptop = makeDevice();
    const token = await signedUp(phone);
    await phone.record(5);
    await phone.syncUntilSettled();
    const restore = await backUpServer();

    // Acknowledged after the backup: these are what the restore loses.
    const lost = await phone.record(5);
    await phone.editNote('note:plan', 'Written after the backup');
    await phone.syncUntilSettled();
    expect(phone.engine.status.get()).toMatchObject({ state: 'idle', waiting: 0 });
    await restore();

    // Another device syncs first, so the server's sequence passes the phone's cursor again with
    // other events: a plain "cursor ahead of the server" check would not notice.
    expect((await laptop.account.signIn(credentials)).ok).toBe(true);
    await laptop.record(7, 'foundations-sen-support');
    await laptop.syncUntilSettled();
    await phone.syncUntilSettled();
    expect(phone.engine.status.get()).toMatchObject({ state: 'idle', waiting: 0, rejected: [] });

    const tablet = makeDevice();
    expect((await tablet.account.signIn(credentials)).ok).toBe(true);
    await tablet.syncUntilSettled();
    const tabletIds = new Set((await tablet.db.events.toArray()).map((e) => e.id));
    expect(tabletIds.size).toBe(17);
    for (const id of lost) expect(tabletIds.has(id)).toBe(true);
    expect((await tablet.db.docs.get('note:plan'))?.body).toEqual({ text: 'Written after the backup' });
    const onServer = await serverEvents(token);
    expect(onServer).toHaveLength(17);
    expect(new Set(onServer.map((e) => e.id)).size).toBe(17);
  });

  it('a full account: the note that does not fit stays on the device, is shown, and is not sent again unchanged', async () => {
    t = makeTestApp(testDb.db, {
      quotas: { docs: 1, docBytes: 1024 * 1024, eventsPerDay: 1_000, devices: 10 },
    });
    const phone = makeDevice();
    await signedUp(phone);
    await phone.record(3);
    await phone.editNote('note:a', 'First note');
    await phone.editNote('note:b', 'Second note');
    await phone.syncUntilSettled();

    const status = phone.engine.status.get();
    expect(status).toMatchObject({ state: 'idle', waiting: 0 });
    expect(status.rejected).toEqual([
      { id: 'doc:note:b', reason: expect.stringMatching(/1 notes, the most it can/) },
    ]);
    expect((await phone.db.events.toArray()).every((e) => e.synced === 1)).toBe(true);
    expect((await phone.db.docs.get('note:a'))?.dirty).toBe(0);

    const pushes = () => phone.requests.filter((r) => r.path === '/api/v1/sync/push').length;
    const before = pushes();
    await phone.syncUntilSettled();
    expect(pushes()).toBe(before);
    // Changed, it is tried again (and, the account still full, kept and shown again).
    await phone.editNote('note:b', 'Second note, shorter');
    await phone.syncUntilSettled();
    expect(pushes()).toBeGreaterThan(before);
    expect(phone.engine.status.get().rejected.map((r) => r.id)).toEqual(['doc:note:b']);
  });

  it("past today's event quota what fits goes, the rest waits on the device in plain words until the next day", async () => {
    t = makeTestApp(testDb.db, {
      quotas: { docs: 100, docBytes: 1024 * 1024, eventsPerDay: 5, devices: 10 },
    });
    const phone = makeDevice();
    const token = await signedUp(phone);
    const ids = await phone.record(8);
    await phone.syncUntilSettled(3);
    const status = phone.engine.status.get();
    expect(status.rejected.map((r) => r.id).sort()).toEqual(ids.slice(5).sort());
    expect(status.rejected[0]?.reason).toMatch(/today.*tomorrow/);
    expect((await serverEvents(token)).map((e) => e.id)).toEqual(ids.slice(0, 5));
    const pushes = phone.requests.filter((r) => r.path === '/api/v1/sync/push').length;
    await phone.engine.syncNow();
    expect(phone.requests.filter((r) => r.path === '/api/v1/sync/push').length).toBe(pushes);

    t.clock.now = Math.ceil(T0 / 86_400_000) * 86_400_000 + 60_000;
    await phone.timers.advance(24 * 60 * 60_000);
    await phone.engine.syncNow();
    expect((await serverEvents(token)).map((e) => e.id)).toEqual(ids);
    expect(phone.engine.status.get()).toMatchObject({ waiting: 0, rejected: [] });
  });
});
