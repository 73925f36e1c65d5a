// Named failure scenarios, each the real engine on its own IndexedDB against the real server. Scenarios
// already proven in tests/server are listed in docs/reliability.md instead of being repeated here.
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api/api-client';
import { createSyncStore } from '../../src/db/sync-store';
import { acquireLeadership } from '../../src/sync/leader';
import { createSyncEngine } from '../../src/sync/sync-engine';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from '../server/support/test-databases';
import { fakeLocks } from './support/fake-locks';
import { scenarioWorld } from './support/scenario-world';

const HOUR = 60 * 60 * 1000;

describe.each(testDbKinds)('sync scenarios on %s', (kind) => {
  let testDb: TestDb;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });

  async function serverEventIds(email: string): Promise<string[]> {
    const rows = await testDb.db.kysely
      .selectFrom('events')
      .innerJoin('learners', 'learners.id', 'events.learner_id')
      .select('events.event_id')
      .where('learners.email', '=', email)
      .orderBy('events.seq')
      .execute();
    return rows.map((row) => row.event_id);
  }

  it('one event the server refuses for good is set aside with its reason; the rest of the queue moves', async () => {
    const world = scenarioWorld(testDb.db);
    const sam = await world.signUp('sam');
    const phone = world.device('phone', sam, { batchSize: 8 });
    expect(await phone.signIn()).toBe(true);
    await phone.record(10);
    // The phone's clock jumps more than a day ahead for one tap: the server refuses that event's `at`.
    phone.setSkew(25 * HOUR);
    await phone.record(1);
    const [refused] = [...phone.created].slice(-1);
    phone.setSkew(0);
    await phone.record(10);

    await phone.syncNow();
    await phone.settled();

    const stored = await serverEventIds(sam.email);
    expect(stored).toHaveLength(20);
    expect(stored).not.toContain(refused);
    expect(phone.engine().status.get()).toMatchObject({
      state: 'idle',
      waiting: 0,
      rejected: [{ id: refused, reason: expect.stringContaining('24 h') }],
    });
    // Kept on the device, not retried: the next round sends nothing.
    const requests = world.log.requests;
    await phone.syncNow();
    await phone.settled();
    expect(await phone.db().events.get(refused as string)).toBeDefined();
    expect(world.log.requests - requests).toBe(1);
  });

  it('a push racing pulls from a third device: every acknowledged event reaches the third device', async () => {
    const world = scenarioWorld(testDb.db);
    const sam = await world.signUp('sam');
    const phone = world.device('phone', sam, { batchSize: 15 });
    const laptop = world.device('laptop', sam, { batchSize: 15 });
    const tablet = world.device('tablet', sam, { pullLimit: 4 });
    for (const device of [phone, laptop, tablet]) expect(await device.signIn()).toBe(true);
    await phone.record(120);
    await laptop.record(90);

    let pushing = true;
    const pushes = Promise.all([phone.syncNow(), laptop.syncNow()]).finally(() => {
      pushing = false;
    });
    let pulls = 0;
    while (pushing) {
      await tablet.syncNow();
      pulls += 1;
    }
    await pushes;
    await tablet.syncNow();
    await tablet.settled();

    expect(pulls).toBeGreaterThan(1);
    const held = new Set((await tablet.db().events.toArray()).map((e) => e.id));
    expect([...world.log.acknowledged].filter((id) => !held.has(id))).toEqual([]);
    expect(held.size).toBe(210);
    expect(await serverEventIds(sam.email)).toHaveLength(210);
  });

  it('two tabs of one browser run one sync loop; the second takes over when the first closes', async () => {
    const world = scenarioWorld(testDb.db);
    const sam = await world.signUp('sam');
    const browser = world.device('browser', sam);
    expect(await browser.signIn()).toBe(true);
    await browser.settled();
    await browser.record(5);

    const locks = fakeLocks();
    const tabs = [browser.openTab(), browser.openTab()].map((db, i) => {
      const calls: string[] = [];
      const engine = createSyncEngine({
        store: createSyncStore(db),
        api: createApiClient({
          baseUrl: '',
          fetch: (url, init) => {
            calls.push(url);
            return browser.transport.fetch(url, init);
          },
        }),
        timers: { now: () => world.t.clock.now, setTimeout: () => 0, clearTimeout: () => undefined },
        random: () => 0.5,
      });
      const leadership = acquireLeadership(locks);
      const rounds: Promise<unknown>[] = [];
      void leadership.led.then(() => rounds.push(engine.syncNow()));
      return { name: `tab ${i + 1}`, db, calls, engine, leadership, rounds };
    });
    const [first, second] = tabs as [(typeof tabs)[number], (typeof tabs)[number]];
    await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all(first.rounds);

    expect(first.rounds).toHaveLength(1);
    expect(second.rounds).toHaveLength(0);
    expect(first.calls.some((url) => url.includes('/sync/push'))).toBe(true);
    expect(second.calls).toEqual([]);
    expect(await serverEventIds(sam.email)).toHaveLength(5);

    // The first tab closes; the second now leads and syncs what was written meanwhile.
    await browser.record(3);
    first.engine.stop();
    first.leadership.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all(second.rounds);
    expect(second.rounds).toHaveLength(1);
    expect(await serverEventIds(sam.email)).toHaveLength(8);
    second.leadership.release();
    for (const tab of tabs) tab.db.close();
  });

  it('a note edited again while its push is in flight, within the same clock tick, is not lost', async () => {
    // Coarse clocks (Firefox's resistFingerprinting rounds Date to 100 ms) give two quick saves the same
    // updatedAt; the push answer for the first must not mark the second as saved.
    const world = scenarioWorld(testDb.db);
    const sam = await world.signUp('sam');
    const phone = world.device('phone', sam);
    const laptop = world.device('laptop', sam);
    for (const device of [phone, laptop]) expect(await device.signIn()).toBe(true);
    await Promise.all([phone.settled(), laptop.settled()]);
    const noteId = 'note:semh-calm-corners:plan';
    await phone.editNote(noteId);
    let edited = false;
    world.log.afterServer = async (url) => {
      if (edited || !url.endsWith('/sync/push')) return;
      edited = true;
      await phone.editNote(noteId);
    };
    await phone.syncNow();
    await phone.settled();
    world.log.afterServer = undefined;
    await phone.syncNow();
    await phone.settled();
    await laptop.syncNow();
    await laptop.settled();

    expect(edited).toBe(true);
    const server = await testDb.db.kysely.selectFrom('docs').select('body').executeTakeFirstOrThrow();
    expect(JSON.parse(server.body)).toEqual({ text: 'phone#1\nphone#2' });
    expect((await laptop.db().docs.get(noteId))?.body).toEqual({ text: 'phone#1\nphone#2' });
    expect(await phone.db().docs.get(noteId)).toMatchObject({ body: { text: 'phone#1\nphone#2' }, dirty: 0 });
  });

  it('a session that expired while offline: the queue survives, and sign-in sends all of it', async () => {
    const world = scenarioWorld(testDb.db, { sessionTtlMs: 8 * HOUR });
    const sam = await world.signUp('sam');
    const phone = world.device('phone', sam, { batchSize: 25 });
    expect(await phone.signIn()).toBe(true);
    await phone.record(3);
    await phone.syncNow();
    await phone.settled();

    phone.transport.setOffline(true);
    for (let day = 0; day < 3; day += 1) {
      world.t.clock.now += 6 * HOUR;
      await phone.record(20);
      await phone.editNote('note:semh-calm-corners:plan');
      await phone.syncNow();
      await phone.settled();
      expect(phone.engine().status.get().state).toBe('offline');
    }
    // The phone is killed and reopened while still offline: everything is still in its queue.
    phone.kill();
    await phone.engine().refreshStatus();
    expect(phone.engine().status.get()).toMatchObject({ waiting: 61 });

    phone.transport.setOffline(false);
    await phone.syncNow();
    await phone.settled();
    expect(phone.engine().status.get()).toMatchObject({ state: 'signed-out', waiting: 61 });
    expect(await serverEventIds(sam.email)).toHaveLength(3);

    expect(await phone.signIn()).toBe(true);
    await phone.settled();
    expect(phone.engine().status.get()).toMatchObject({ state: 'idle', waiting: 0, rejected: [] });
    expect((await serverEventIds(sam.email)).sort()).toEqual([...phone.created].sort());
    const note = await testDb.db.kysely.selectFrom('docs').select(['body', 'rev']).executeTakeFirstOrThrow();
    expect(JSON.parse(note.body)).toEqual({ text: 'phone#1\nphone#2\nphone#3' });
  });
});
