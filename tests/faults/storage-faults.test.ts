// Device storage failing under the sync engine, against the real server: IndexedDB wiped (the browser
// evicted the site, or the learner cleared it) and restored from the server after sign-in; and a full
// device (QuotaExceededError) while the engine stores a pulled page or a push answer. The learner-facing
// side of a full device is in tests/component/quota.test.tsx and tests/component/storage-faults.test.tsx.
import { describe, expect, it, vi } from 'vitest';
import { PocketDb } from '../../src/db/db';
import type { LearnerEvent } from '../../src/shared/progress/events';
import { foldProgress } from '../../src/shared/progress/progress';
import { toWireEvent } from '../../src/sync/outbox';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from '../server/support/test-databases';
import { scenarioWorld } from './support/scenario-world';
import type { SimDevice } from './support/sim-device';

/**
 * Frozen copies of every schema that shipped before the current one. A version bump in src/db/db.ts fails
 * the test below until the schema it replaces is copied here, so every old database stays covered.
 */
const EARLIER_SCHEMAS: Record<number, Record<string, string>> = {
  1: {
    modules: 'id, order',
    lessons: 'id, moduleId',
    events: 'id, lessonId, type, synced, deviceSeq, [lessonId+type]',
    docs: 'id, dirty',
    meta: 'key',
  },
};

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

async function foldOf(device: SimDevice) {
  const rows = await device.db().events.toArray();
  const events = rows.map((row) => toWireEvent(row)).filter((e): e is LearnerEvent => e !== undefined);
  return [...foldProgress(events).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

async function notes(device: SimDevice) {
  const rows = await device.db().docs.orderBy('id').toArray();
  return rows.map(({ id, body, rev, dirty }) => ({ id, body, rev, dirty }));
}

describe.each(testDbKinds)('device storage faults on %s', (kind) => {
  let testDb: TestDb;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });

  it('IndexedDB wiped: after sign-in the device gets every event and note back and the same progress', async () => {
    const world = scenarioWorld(testDb.db);
    const sam = await world.signUp('sam');
    const phone = world.device('phone', sam, { batchSize: 30, pullLimit: 17 });
    const laptop = world.device('laptop', sam);
    await phone.record(40);
    await phone.editNote('note:foundations-what-send-means:my-pupil');
    for (const device of [phone, laptop]) expect(await device.signIn()).toBe(true);
    await phone.settled();
    await laptop.record(25);
    await laptop.editNote('note:semh-calm-corners:plan');
    await laptop.syncNow();
    await laptop.settled();
    await phone.syncNow();
    await phone.settled();
    const progressBefore = await foldOf(phone);
    const notesBefore = await notes(phone);
    expect(await phone.db().events.count()).toBe(65);
    expect(notesBefore).toHaveLength(2);

    await phone.wipe();
    expect(await phone.db().events.count()).toBe(0);
    expect(await phone.store().getSession()).toBeUndefined();

    expect(await phone.signIn()).toBe(true);
    await phone.settled();
    expect(await phone.db().events.count()).toBe(65);
    expect(await foldOf(phone)).toEqual(progressBefore);
    expect(await notes(phone)).toEqual(notesBefore);
    expect(phone.engine().status.get()).toMatchObject({ state: 'idle', waiting: 0, conflicts: 0 });
    // The restored device records and syncs as before, under a new device registration.
    await phone.record(2);
    await phone.syncNow();
    await phone.settled();
    await laptop.syncNow();
    await laptop.settled();
    expect(await laptop.db().events.count()).toBe(67);
  });

  it('a full device while storing a pulled page keeps nothing half-done and catches up once there is space', async () => {
    const world = scenarioWorld(testDb.db);
    const sam = await world.signUp('sam');
    const phone = world.device('phone', sam);
    const tablet = world.device('tablet', sam, { pullLimit: 10 });
    for (const device of [phone, tablet]) expect(await device.signIn()).toBe(true);
    await phone.record(35);
    await phone.syncNow();
    await phone.settled();
    await tablet.settled();
    const cursorBefore = await tablet.db().meta.get('syncCursor');
    const countBefore = await tablet.db().events.count();

    const bulkAdd = vi.spyOn(tablet.db().events, 'bulkAdd').mockRejectedValue(quotaError());
    await tablet.syncNow();
    await tablet.settled();
    expect(tablet.engine().status.get()).toMatchObject({ state: 'error' });
    expect(tablet.engine().status.get().message).toMatch(/storage/);
    expect(await tablet.db().events.count()).toBe(countBefore);
    expect(await tablet.db().meta.get('syncCursor')).toEqual(cursorBefore);

    bulkAdd.mockRestore();
    await tablet.syncNow();
    await tablet.settled();
    expect(await tablet.db().events.count()).toBe(35);
    expect(tablet.engine().status.get()).toMatchObject({ state: 'idle', waiting: 0 });
  });

  it('a full device while storing a push answer: the events stay queued and the re-push marks them synced', async () => {
    const world = scenarioWorld(testDb.db);
    const sam = await world.signUp('sam');
    const phone = world.device('phone', sam, { batchSize: 50 });
    expect(await phone.signIn()).toBe(true);
    await phone.settled();
    await phone.record(12);
    const put = vi.spyOn(phone.db().events, 'put').mockRejectedValue(quotaError());
    await phone.syncNow();
    await phone.settled();
    expect(await phone.db().events.where('synced').equals(0).count()).toBe(12);
    put.mockRestore();
    await phone.syncNow();
    await phone.settled();
    expect(await phone.db().events.where('synced').equals(0).count()).toBe(0);
    const stored = await testDb.db.kysely.selectFrom('events').select('event_id').execute();
    expect(stored.map((r) => r.event_id).sort()).toEqual([...phone.created].sort());
  });

  it.each(Object.keys(EARLIER_SCHEMAS).map(Number))(
    'a device database from schema version %i opens with all its data, and its queue syncs',
    async (version) => {
      const current = new PocketDb('version-probe');
      expect(Object.keys(EARLIER_SCHEMAS).map(Number).sort()).toEqual(
        Array.from({ length: current.verno - 1 }, (_, i) => i + 1),
      );
      const world = scenarioWorld(testDb.db);
      const sam = await world.signUp('sam');
      const phone = world.device('phone', sam);
      // An older app version wrote these rows; the current one has not opened the database yet.
      const old = phone.openRaw('pocket-cpd');
      for (let v = 1; v <= version; v += 1)
        old.version(v).stores(EARLIER_SCHEMAS[v] as Record<string, string>);
      const deviceId = world.random.uuid();
      const events = Array.from({ length: 6 }, (_, i) => ({
        id: world.random.uuid(),
        deviceId,
        deviceSeq: i + 1,
        at: new Date(world.t.clock.now - 60_000 + i).toISOString(),
        hlc: `${String(world.t.clock.now - 60_000 + i).padStart(15, '0')}:00000:${deviceId}`,
        type: 'section-reached',
        lessonId: 'foundations-what-send-means',
        payload: { sectionId: `s${i}`, index: i },
        synced: 0,
      }));
      const note = {
        id: 'note:foundations-what-send-means:my-pupil',
        body: { text: 'written before the update' },
        rev: 0,
        dirty: 1,
        updatedAt: new Date(world.t.clock.now - 30_000).toISOString(),
      };
      await old.table('events').bulkAdd(events);
      await old.table('docs').add(note);
      await old.table('meta').bulkAdd([
        { key: 'deviceId', value: deviceId },
        { key: 'deviceSeq', value: 6 },
      ]);
      old.close();

      expect(await phone.db().events.count()).toBe(6);
      expect(phone.db().verno).toBe(current.verno);
      expect(await phone.db().docs.get(note.id)).toEqual(note);
      expect(await phone.signIn()).toBe(true);
      await phone.settled();
      expect(phone.engine().status.get()).toMatchObject({ state: 'idle', waiting: 0, rejected: [] });
      const stored = await testDb.db.kysely.selectFrom('events').select('event_id').execute();
      expect(stored.map((r) => r.event_id).sort()).toEqual(events.map((e) => e.id).sort());
      const doc = await testDb.db.kysely.selectFrom('docs').select('body').executeTakeFirstOrThrow();
      expect(JSON.parse(doc.body)).toEqual(note.body);
    },
  );
});
