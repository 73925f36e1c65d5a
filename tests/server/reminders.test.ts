import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import {
  newSchedulerMemo,
  runReminderTick,
  type SchedulerDeps,
} from '../../server/reminders/reminder-scheduler';
import { vapidKeysOnce } from '../../server/reminders/vapid-keys';
import type { ReminderPayload } from '../../src/shared/protocol/reminder-protocol';
import { type PushReceiver, startPushReceiver } from './support/push-receiver';
import { json, type Learner, makeEvent, makeTestApp, newLearner, T0, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';

// T0 is Monday 2 March 2026, 09:00 UTC, which is 09:00 in London (GMT until the end of March).
const MONDAY_NINE = { id: 'mon', days: ['MO'], time: '09:00', label: 'before assembly' };
const FIVE_MINUTES_IN = new Date(T0 + 5 * 60_000);

describe.each(testDbKinds)('reminders on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let a: Learner;
  let receiver: PushReceiver;
  let deps: SchedulerDeps;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });
  beforeAll(async () => {
    receiver = await startPushReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  beforeEach(async () => {
    receiver.received.length = 0;
    receiver.rejected.length = 0;
    t = makeTestApp(testDb.db, { allowLoopbackPush: true });
    a = await newLearner(t);
    deps = {
      db: testDb.db,
      logger: createLogger('silent'),
      vapidKeys: vapidKeysOnce(testDb.db, () => T0),
      vapidSubject: 'mailto:test@example.org',
    };
  });

  const subscribe = (who: Learner, path: string) =>
    t.call('PUT', '/api/v1/reminders/subscription', { token: who.token, body: receiver.subscribe(path) });
  const storedEndpoints = async () =>
    (await testDb.db.kysely.selectFrom('push_subscriptions').select('endpoint').execute()).map(
      (r) => r.endpoint,
    );
  const syncUp = (who: Learner, slots: unknown[], events = [makeEvent(who.deviceId, 1)]) =>
    t.call('POST', '/api/v1/sync/push', {
      token: who.token,
      body: {
        deviceId: who.deviceId,
        events,
        docs: [{ id: 'study-slots', baseRev: 0, body: { slots, timeZone: 'Europe/London' } }],
      },
    });

  it('gives the same public key every time, made once and kept in the database', async () => {
    expect((await t.call('GET', '/api/v1/reminders/vapid-key')).status).toBe(401);
    const first = await json<{ publicKey: string }>(
      await t.call('GET', '/api/v1/reminders/vapid-key', { token: a.token }),
    );
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
    const otherProcess = makeTestApp(testDb.db);
    const again = await json<{ publicKey: string }>(
      await otherProcess.call('GET', '/api/v1/reminders/vapid-key', { token: a.token }),
    );
    expect(again.publicKey).toBe(first.publicKey);
    expect(await testDb.db.kysely.selectFrom('server_keys').select('name').execute()).toEqual([
      { name: 'vapid' },
    ]);
  });

  it('keeps a subscription from a push service, refuses any other address, and deletes on request', async () => {
    const elsewhere = await t.call('PUT', '/api/v1/reminders/subscription', {
      token: a.token,
      body: { endpoint: 'https://intranet.example.org/hook', keys: { p256dh: 'x', auth: 'y' } },
    });
    expect(elsewhere.status).toBe(400);
    expect((await json<{ error: { code: string } }>(elsewhere)).error.code).toBe('unsupported_push_service');
    const onLoopbackWithoutTestConfig = makeTestApp(testDb.db);
    const refused = await onLoopbackWithoutTestConfig.call('PUT', '/api/v1/reminders/subscription', {
      token: a.token,
      body: receiver.subscribe('/refused'),
    });
    expect(refused.status).toBe(400);
    expect((await subscribe(a, '/phone')).status).toBe(204);
    expect(await storedEndpoints()).toEqual([`${receiver.url}/phone`]);
    const other = await newLearner(t);
    const notTheirs = await t.call('DELETE', '/api/v1/reminders/subscription', {
      token: other.token,
      body: { endpoint: `${receiver.url}/phone` },
    });
    expect(notTheirs.status).toBe(204);
    expect(await storedEndpoints()).toEqual([`${receiver.url}/phone`]);
    await t.call('DELETE', '/api/v1/reminders/subscription', {
      token: a.token,
      body: { endpoint: `${receiver.url}/phone` },
    });
    expect(await storedEndpoints()).toEqual([]);
  });

  it('at a slot with a lesson half done, delivers an encrypted, VAPID-signed reminder to each device, once', async () => {
    await subscribe(a, '/phone');
    await subscribe(a, '/laptop');
    expect((await syncUp(a, [MONDAY_NINE])).status).toBe(200);
    const { publicKey } = await json<{ publicKey: string }>(
      await t.call('GET', '/api/v1/reminders/vapid-key', { token: a.token }),
    );

    const summary = await runReminderTick(deps, FIVE_MINUTES_IN);

    expect(receiver.rejected).toEqual([]);
    expect(summary).toEqual({ learners: 1, reminded: 1, sent: 2, removed: 0, failed: 0 });
    expect(receiver.received.map((r) => r.path).sort()).toEqual(['/laptop', '/phone']);
    for (const push of receiver.received) {
      expect(JSON.parse(push.plaintext) as ReminderPayload).toEqual({
        title: 'Pick up where you left off',
        body: 'You are part way through a lesson. A few minutes now will finish it.',
        url: '/',
        tag: 'pocket-cpd-reminder',
      });
      expect(push.headers['content-encoding']).toBe('aes128gcm');
      expect(Number(push.headers.ttl)).toBeGreaterThan(0);
      expect(push.vapid.k).toBe(publicKey);
      expect(push.vapid.claims.aud).toBe(receiver.url);
      expect(push.vapid.claims.sub).toBe('mailto:test@example.org');
      expect(push.vapid.claims.exp * 1000).toBeGreaterThan(Date.now());
    }
    // The next tick in the same slot sends nothing more.
    expect((await runReminderTick(deps, new Date(T0 + 10 * 60_000))).reminded).toBe(0);
    expect(receiver.received).toHaveLength(2);
  });

  it('sends nothing outside a slot, and nothing at a slot when there is nothing to do', async () => {
    await subscribe(a, '/phone');
    await syncUp(a, [MONDAY_NINE], []);
    expect((await runReminderTick(deps, FIVE_MINUTES_IN)).reminded).toBe(0);
    const b = await newLearner(t);
    await subscribe(b, '/b-phone');
    await syncUp(b, [{ ...MONDAY_NINE, time: '15:00' }]);
    expect(await runReminderTick(deps, FIVE_MINUTES_IN)).toMatchObject({ learners: 2, reminded: 0 });
    expect(receiver.received).toEqual([]);
  });

  it('a scheduler that found nothing to do looks again once the learner has new events', async () => {
    await subscribe(a, '/phone');
    await syncUp(a, [MONDAY_NINE], []);
    const memo = newSchedulerMemo();
    expect((await runReminderTick(deps, FIVE_MINUTES_IN, memo)).reminded).toBe(0);
    expect((await runReminderTick(deps, new Date(T0 + 6 * 60_000), memo)).reminded).toBe(0);
    await t.call('POST', '/api/v1/sync/push', {
      token: a.token,
      body: { deviceId: a.deviceId, events: [makeEvent(a.deviceId, 1)], docs: [] },
    });
    expect((await runReminderTick(deps, new Date(T0 + 7 * 60_000), memo)).reminded).toBe(1);
    expect(receiver.received.map((r) => r.path)).toEqual(['/phone']);
  });

  it('deletes a subscription the push service says is gone (404, 410), and keeps one that failed for now', async () => {
    await subscribe(a, '/gone');
    await subscribe(a, '/unsubscribed');
    await subscribe(a, '/busy');
    receiver.answer('/gone', 410);
    receiver.answer('/unsubscribed', 404);
    receiver.answer('/busy', 503);
    await syncUp(a, [MONDAY_NINE]);
    const summary = await runReminderTick(deps, FIVE_MINUTES_IN);
    expect(summary).toMatchObject({ reminded: 1, sent: 0, removed: 2, failed: 1 });
    expect(await storedEndpoints()).toEqual([`${receiver.url}/busy`]);
  });
});
