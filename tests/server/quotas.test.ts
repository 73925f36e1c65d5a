// Per-learner quotas: docs kept, their bytes and new events a day answer 403 quota_exceeded with nothing
// stored; devices past their quota retire the oldest unused one instead of refusing the new one.
import { describe, expect, it } from 'vitest';
import type { Quotas } from '../../server/config';
import {
  type PushResponse,
  QUOTA_EXCEEDED_CODE,
  type QuotaError,
} from '../../src/shared/protocol/sync-protocol';
import { json, type Learner, makeEvent, makeTestApp, newLearner, T0, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';

const SMALL: Quotas = { docs: 3, docBytes: 100_000, eventsPerDay: 10, devices: 2 };

describe.each(testDbKinds)('quotas on %s', (kind) => {
  let testDb: TestDb;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });

  async function setUp(quotas: Partial<Quotas> = {}): Promise<{ t: TestApp; a: Learner }> {
    const t = makeTestApp(testDb.db, { quotas: { ...SMALL, ...quotas } });
    return { t, a: await newLearner(t) };
  }
  const push = (t: TestApp, a: Learner, body: object) =>
    t.call('POST', '/api/v1/sync/push', {
      token: a.token,
      body: { deviceId: a.deviceId, events: [], ...body },
    });
  const note = (id: string, chars = 10, baseRev = 0) => ({ id, baseRev, body: { text: 'n'.repeat(chars) } });
  const storedDocIds = async (a: Learner) =>
    (
      await testDb.db.kysely
        .selectFrom('docs')
        .select('doc_id')
        .where('learner_id', '=', a.learnerId)
        .execute()
    )
      .map((r) => r.doc_id)
      .sort();

  async function expectQuota(res: Response, quota: string): Promise<QuotaError> {
    expect(res.status).toBe(403);
    const body = await json<QuotaError>(res);
    expect(body.error.code).toBe(QUOTA_EXCEEDED_CODE);
    expect(body.error.quota).toBe(quota);
    expect(body.error.message.length).toBeGreaterThan(20);
    return body;
  }

  it('refuses a new doc past the doc count, stores nothing of that push, and still takes edits', async () => {
    const { t, a } = await setUp();
    expect((await push(t, a, { docs: [note('note:a'), note('note:b'), note('note:c')] })).status).toBe(200);
    const event = makeEvent(a.deviceId, 1);
    await expectQuota(await push(t, a, { events: [event], docs: [note('note:d')] }), 'docs');
    expect(await storedDocIds(a)).toEqual(['note:a', 'note:b', 'note:c']);
    expect(await testDb.db.kysely.selectFrom('events').select('event_id').execute()).toEqual([]);
    const edit = await json<PushResponse>(await push(t, a, { docs: [note('note:a', 20, 1)] }));
    expect(edit.docs[0]).toMatchObject({ status: 'saved', rev: 2 });
  });

  it('refuses a doc that would take the learner past the byte quota, and allows shrinking one', async () => {
    const { t, a } = await setUp();
    expect((await push(t, a, { docs: [note('note:a', 60_000)] })).status).toBe(200);
    const refused = await expectQuota(await push(t, a, { docs: [note('note:b', 50_000)] }), 'doc-bytes');
    expect(refused.error.message).toMatch(/MB/);
    expect(await storedDocIds(a)).toEqual(['note:a']);
    expect((await push(t, a, { docs: [note('note:a', 1_000, 1)] })).status).toBe(200);
    expect((await push(t, a, { docs: [note('note:b', 50_000)] })).status).toBe(200);
  });

  it('counts new events a UTC day, not duplicates, and says when to come back', async () => {
    const { t, a } = await setUp();
    const events = Array.from({ length: 10 }, (_, i) => makeEvent(a.deviceId, i + 1));
    expect((await push(t, a, { events })).status).toBe(200);
    const again = await json<PushResponse>(await push(t, a, { events }));
    expect(again.results.every((r) => r.status === 'duplicate')).toBe(true);
    const over = await push(t, a, { events: [makeEvent(a.deviceId, 11)] });
    const retryAfter = Number(over.headers.get('retry-after'));
    await expectQuota(over, 'events-per-day');
    const midnight = Math.ceil(T0 / 86_400_000) * 86_400_000;
    expect(retryAfter).toBe(Math.ceil((midnight - T0) / 1000));
    t.clock.now = midnight + 1;
    expect((await push(t, a, { events: [makeEvent(a.deviceId, 11)] })).status).toBe(200);
  });

  it('retires the oldest unused device instead of refusing a new one', async () => {
    const { t, a } = await setUp();
    // `a` has pushed recently; the second device registered but never synced.
    t.clock.now += 60_000;
    const idle = await json<{ deviceId: string }>(
      await t.call('POST', '/api/v1/devices', { token: a.token, body: {} }),
    );
    t.clock.now += 2 * 60 * 60_000;
    expect((await push(t, a, { events: [makeEvent(a.deviceId, 1)] })).status).toBe(200);
    const third = await t.call('POST', '/api/v1/devices', { token: a.token, body: { name: 'Tablet' } });
    expect(third.status).toBe(201);
    const devices = await testDb.db.kysely
      .selectFrom('devices')
      .select('id')
      .where('learner_id', '=', a.learnerId)
      .execute();
    expect(devices).toHaveLength(2);
    expect(devices.map((d) => d.id)).not.toContain(idle.deviceId);
    const retired = await t.call('POST', '/api/v1/sync/push', {
      token: a.token,
      body: { deviceId: idle.deviceId, events: [makeEvent(idle.deviceId, 1)] },
    });
    expect(retired.status).toBe(403);
    expect((await push(t, a, { events: [makeEvent(a.deviceId, 2)] })).status).toBe(200);
  });
});
