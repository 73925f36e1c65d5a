// Device storage failing under the sync engine, against the real server: IndexedDB wiped (the browser
// evicted the site, or the learner cleared it) and restored from the server after sign-in; and a full
// device (QuotaExceededError) while the engine stores a pulled page or a push answer. The learner-facing
// side of a full device is in tests/component/quota.test.tsx and tests/component/storage-faults.test.tsx.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LearnerEvent } from '../../src/shared/events';
import { foldProgress } from '../../src/shared/progress';
import { toWireEvent } from '../../src/sync/outbox';
import { openTestDb, type TestDb, testDbKinds } from '../server/support/test-databases';
import { scenarioWorld } from './support/scenario-world';
import type { SimDevice } from './support/sim-device';

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
  beforeAll(async () => {
    testDb = await openTestDb(kind);
  });
  afterAll(async () => {
    await testDb.close();
  });
  beforeEach(async () => {
    await testDb.reset();
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
});
