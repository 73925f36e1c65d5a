// The hourly purge on each test database: ended sessions, expired reset links and long-unused devices go;
// live ones stay.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { DEFAULT_DEVICE_IDLE_MS, purgeExpired, startPurgeScheduler } from '../../server/purge';
import { freshLearnerPerTest } from './support/fresh-learner';
import { type Learner, makeEvent, T0, type TestApp } from './support/test-app';
import { type TestDb, testDbKinds } from './support/test-databases';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDbKinds)('purge on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let a: Learner;
  freshLearnerPerTest(kind, (f) => {
    ({ testDb, t, a } = f);
  });
  let stop: () => void = () => undefined;
  afterEach(() => stop());

  const db = () => testDb.db.kysely;
  const count = async (table: 'sessions' | 'password_resets' | 'devices') =>
    (await db().selectFrom(table).selectAll().execute()).length;

  it('deletes ended sessions and expired reset links, and keeps live ones', async () => {
    await db()
      .insertInto('sessions')
      .values({ token_hash: 'ended', learner_id: a.learnerId, created_at: T0 - 40 * DAY, expires_at: T0 - 1 })
      .execute();
    await db()
      .insertInto('password_resets')
      .values([
        { token_hash: 'old', learner_id: a.learnerId, created_at: T0 - DAY, expires_at: T0 },
        { token_hash: 'live', learner_id: a.learnerId, created_at: T0, expires_at: T0 + 60_000 },
      ])
      .execute();
    expect(await purgeExpired(testDb.db, T0)).toEqual({
      sessions: 1,
      resetLinks: 1,
      devices: 0,
      leaderCodeRecords: 0,
    });
    expect(await db().selectFrom('sessions').select('token_hash').execute()).toHaveLength(1);
    expect(await db().selectFrom('password_resets').select('token_hash').execute()).toEqual([
      { token_hash: 'live' },
    ]);
    expect((await t.call('GET', '/api/v1/sync/pull', { token: a.token })).status).toBe(200);
  });

  it('deletes a device unused for longer than the idle time; one that synced lately stays', async () => {
    const later = T0 + DEFAULT_DEVICE_IDLE_MS + DAY;
    await db()
      .insertInto('devices')
      .values({
        id: 'tablet',
        learner_id: a.learnerId,
        name: 'Tablet',
        created_at: T0,
        last_used_at: later - DAY,
      })
      .execute();
    const pushed = await t.call('POST', '/api/v1/sync/push', {
      token: a.token,
      body: { deviceId: a.deviceId, events: [makeEvent(a.deviceId, 1)] },
    });
    expect(pushed.status).toBe(200);
    expect(await purgeExpired(testDb.db, later)).toEqual({
      sessions: 1,
      resetLinks: 0,
      devices: 1,
      leaderCodeRecords: 0,
    });
    expect(await db().selectFrom('devices').select('id').execute()).toEqual([{ id: 'tablet' }]);
    // The purged device's events are the learner's record: they stay.
    expect(await db().selectFrom('events').select('device_id').execute()).toEqual([
      { device_id: a.deviceId },
    ]);
  });

  it('runs on a schedule and logs what it removed', async () => {
    const logs: string[] = [];
    await db()
      .insertInto('sessions')
      .values({ token_hash: 'ended', learner_id: a.learnerId, created_at: T0 - 40 * DAY, expires_at: T0 - 1 })
      .execute();
    stop = startPurgeScheduler(
      { db: testDb.db, logger: createLogger('info', (line) => logs.push(line)) },
      20,
      () => T0,
    );
    await expect.poll(() => logs.filter((l) => l.includes('"purge"')).length).toBeGreaterThanOrEqual(2);
    expect(logs.find((l) => l.includes('"purge"'))).toContain('"sessions":1');
    expect(await count('sessions')).toBe(1);
  });
});
