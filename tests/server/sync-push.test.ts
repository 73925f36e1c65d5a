import { describe, expect, it } from 'vitest';
import type { ApiError, PullResponse, PushResponse } from '../../src/shared/protocol/sync-protocol';
import { freshLearnerPerTest } from './support/fresh-learner';
import { json, type Learner, makeEvent, makeTestApp, newLearner, T0, type TestApp } from './support/test-app';
import { type TestDb, testDbKinds } from './support/test-databases';

describe.each(testDbKinds)('sync push on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let a: Learner;
  freshLearnerPerTest(kind, (fresh) => ({ testDb, t, a } = fresh));

  const push = (who: Learner, body: unknown) =>
    t.call('POST', '/api/v1/sync/push', { token: who.token, body });
  const storedEvents = () => testDb.db.kysely.selectFrom('events').selectAll().orderBy('seq').execute();
  const storedDocs = () => testDb.db.kysely.selectFrom('docs').selectAll().execute();

  it('acks new events with increasing server sequences, and a re-push stores nothing twice', async () => {
    const events = [1, 2, 3].map((n) => makeEvent(a.deviceId, n));
    const first = await push(a, { deviceId: a.deviceId, events });
    expect(first.status).toBe(200);
    const firstBody = await json<PushResponse>(first);
    expect(firstBody.results).toEqual(events.map((e) => ({ id: e.id, status: 'acked' })));
    expect(firstBody.serverSeq).toBe(3);
    const again = await json<PushResponse>(await push(a, { deviceId: a.deviceId, events }));
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(again.serverSeq).toBe(3);
    const rows = await storedEvents();
    expect(rows.map((r) => [r.event_id, r.seq])).toEqual(events.map((e, i) => [e.id, i + 1]));
  });

  it('treats the same event with keys in another order as a duplicate', async () => {
    const event = makeEvent(a.deviceId, 1);
    await push(a, { deviceId: a.deviceId, events: [event] });
    const reordered = Object.fromEntries(Object.entries(event).reverse());
    const res = await json<PushResponse>(await push(a, { deviceId: a.deviceId, events: [reordered] }));
    expect(res.results[0]?.status).toBe('duplicate');
  });

  it('answers conflict for a known id with a different body and keeps the original', async () => {
    const original = makeEvent(a.deviceId, 1, { lessonId: 'lesson-one' });
    await push(a, { deviceId: a.deviceId, events: [original] });
    const changed = { ...original, lessonId: 'lesson-two' };
    const res = await json<PushResponse>(await push(a, { deviceId: a.deviceId, events: [changed] }));
    expect(res.results[0]).toMatchObject({ id: original.id, status: 'conflict' });
    expect(res.results[0]?.reason).toBeTruthy();
    const rows = await storedEvents();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.body ?? '{}').lessonId).toBe('lesson-one');
  });

  it('rejects an event dated more than 24 h ahead and still stores the rest', async () => {
    const ok = makeEvent(a.deviceId, 1);
    const nearFuture = makeEvent(a.deviceId, 2, { at: new Date(T0 + 23 * 3600_000).toISOString() });
    const farFuture = makeEvent(a.deviceId, 3, { at: new Date(T0 + 25 * 3600_000).toISOString() });
    const res = await json<PushResponse>(
      await push(a, { deviceId: a.deviceId, events: [ok, nearFuture, farFuture] }),
    );
    expect(res.results.map((r) => r.status)).toEqual(['acked', 'acked', 'rejected']);
    expect(res.results[2]?.reason).toContain('24 h');
    expect((await storedEvents()).map((r) => r.event_id)).toEqual([ok.id, nearFuture.id]);
  });

  it("rejects an event whose own deviceId is not the request's", async () => {
    const other = await json<{ deviceId: string }>(
      await t.call('POST', '/api/v1/devices', { token: a.token, body: {} }),
    );
    const res = await json<PushResponse>(
      await push(a, {
        deviceId: a.deviceId,
        events: [makeEvent(other.deviceId, 1), makeEvent(a.deviceId, 1)],
      }),
    );
    expect(res.results.map((r) => r.status)).toEqual(['rejected', 'acked']);
    expect(res.results[0]?.reason).toContain('deviceId');
    expect(await storedEvents()).toHaveLength(1);
  });

  it('saves docs by revision and answers conflict with the server copy for a stale base', async () => {
    const save = (baseRev: number, text: string) =>
      push(a, {
        deviceId: a.deviceId,
        events: [],
        docs: [{ id: 'note:lesson-one', baseRev, body: { text } }],
      });
    expect((await json<PushResponse>(await save(0, 'first'))).docs).toEqual([
      { id: 'note:lesson-one', status: 'saved', rev: 1 },
    ]);
    expect((await json<PushResponse>(await save(1, 'second'))).docs[0]).toEqual({
      id: 'note:lesson-one',
      status: 'saved',
      rev: 2,
    });
    const stale = await json<PushResponse>(await save(1, 'from another device'));
    expect(stale.docs[0]).toEqual({
      id: 'note:lesson-one',
      status: 'conflict',
      rev: 2,
      body: { text: 'second' },
    });
    const rows = await storedDocs();
    expect(rows.map((r) => [r.rev, JSON.parse(r.body)])).toEqual([[2, { text: 'second' }]]);
  });

  it('stores a doc the server has lost (baseRev > 0, nothing stored) past the device revision', async () => {
    const res = await json<PushResponse>(
      await push(a, {
        deviceId: a.deviceId,
        events: [],
        docs: [{ id: 'settings', baseRev: 4, body: { x: 1 } }],
      }),
    );
    expect(res.docs[0]).toEqual({ id: 'settings', status: 'saved', rev: 5 });
    expect((await storedDocs()).map((d) => [d.doc_id, d.rev, JSON.parse(d.body)])).toEqual([
      ['settings', 5, { x: 1 }],
    ]);
  });

  describe('refuses the whole request, storing nothing, for', () => {
    const event = () => makeEvent(a.deviceId, 1);
    const cases: [string, () => unknown, number, string][] = [
      ['malformed JSON', () => '{"deviceId": ', 400, 'bad_json'],
      [
        'a wrong type',
        () => ({ deviceId: a.deviceId, events: [{ ...event(), deviceSeq: 'one' }] }),
        400,
        'invalid_request',
      ],
      [
        'an unknown event type',
        () => ({ deviceId: a.deviceId, events: [{ ...event(), type: 'hacked' }] }),
        400,
        'invalid_request',
      ],
      [
        'an unknown top-level field',
        () => ({ deviceId: a.deviceId, events: [event()], learnerId: 'x' }),
        400,
        'invalid_request',
      ],
      [
        'an unknown event field',
        () => ({ deviceId: a.deviceId, events: [{ ...event(), extra: 1 }] }),
        400,
        'invalid_request',
      ],
      [
        'an unknown payload field',
        () => ({ deviceId: a.deviceId, events: [{ ...event(), payload: { x: 1 } }] }),
        400,
        'invalid_request',
      ],
      ['a missing deviceId', () => ({ events: [event()] }), 400, 'invalid_request'],
      [
        'more than 500 events',
        () => ({
          deviceId: a.deviceId,
          events: Array.from({ length: 501 }, (_, i) => makeEvent(a.deviceId, i + 1)),
        }),
        400,
        'invalid_request',
      ],
      [
        'an id repeated inside the batch',
        () => {
          const e = event();
          return { deviceId: a.deviceId, events: [e, makeEvent(a.deviceId, 2), { ...e, deviceSeq: 3 }] };
        },
        400,
        'repeated_id',
      ],
      [
        'a doc id repeated inside the batch',
        () => ({
          deviceId: a.deviceId,
          events: [event()],
          docs: [
            { id: 'n', baseRev: 0, body: {} },
            { id: 'n', baseRev: 0, body: {} },
          ],
        }),
        400,
        'repeated_id',
      ],
      [
        'a doc over 64 KB',
        () => ({
          deviceId: a.deviceId,
          events: [event()],
          docs: [{ id: 'n', baseRev: 0, body: { t: 'x'.repeat(70_000) } }],
        }),
        413,
        'doc_too_large',
      ],
      [
        'a body over 1 MB',
        () => ({ deviceId: a.deviceId, events: [event()], pad: 'x'.repeat(1_100_000) }),
        413,
        'body_too_large',
      ],
      [
        'a device nobody registered',
        () => ({ deviceId: crypto.randomUUID(), events: [event()] }),
        403,
        'unknown_device',
      ],
    ];
    it.each(cases)('%s', async (_name, body, status, code) => {
      const res = await push(a, body());
      expect(res.status).toBe(status);
      const error = (await json<ApiError>(res)).error;
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(5);
      expect(await storedEvents()).toHaveLength(0);
      expect(await storedDocs()).toHaveLength(0);
    });
  });

  describe('isolation between learners', () => {
    it("refuses A's push naming B's device, and stores nothing", async () => {
      const b = await newLearner(t);
      const res = await push(a, { deviceId: b.deviceId, events: [makeEvent(b.deviceId, 1)] });
      expect(res.status).toBe(403);
      expect(await storedEvents()).toHaveLength(0);
    });

    it("never shows A's events or docs to B, even with the same event id", async () => {
      const b = await newLearner(t);
      const shared = makeEvent(a.deviceId, 1, { lessonId: 'from-a' });
      await push(a, {
        deviceId: a.deviceId,
        events: [shared],
        docs: [{ id: 'note', baseRev: 0, body: { by: 'a' } }],
      });
      // B pushing an event with A's id is B's own event, not a duplicate or conflict of A's.
      const bRes = await json<PushResponse>(
        await push(b, {
          deviceId: b.deviceId,
          events: [{ ...shared, deviceId: b.deviceId, lessonId: 'from-b' }],
        }),
      );
      expect(bRes.results[0]?.status).toBe('acked');
      expect(bRes.serverSeq).toBe(1);
      const bDoc = await json<PushResponse>(
        await push(b, {
          deviceId: b.deviceId,
          events: [],
          docs: [{ id: 'note', baseRev: 0, body: { by: 'b' } }],
        }),
      );
      expect(bDoc.docs[0]).toEqual({ id: 'note', status: 'saved', rev: 1 });
      const pullB = await json<PullResponse>(await t.call('GET', '/api/v1/sync/pull', { token: b.token }));
      expect(pullB.events.map((e) => e.lessonId)).toEqual(['from-b']);
      expect(pullB.docs).toEqual([{ id: 'note', rev: 1, body: { by: 'b' } }]);
      const pullA = await json<PullResponse>(await t.call('GET', '/api/v1/sync/pull', { token: a.token }));
      expect(pullA.events.map((e) => e.lessonId)).toEqual(['from-a']);
      expect(pullA.docs).toEqual([{ id: 'note', rev: 1, body: { by: 'a' } }]);
    });
  });

  it('keeps per-learner sequences gap-free under concurrent pushes', async () => {
    const batches = Array.from({ length: 8 }, (_, b) =>
      Array.from({ length: 25 }, (_, i) => makeEvent(a.deviceId, b * 25 + i + 1)),
    );
    // Past the default per-learner cap (2 in flight) a push would wait for a 429's Retry-After.
    const roomy = makeTestApp(testDb.db, { syncRequestsPerLearner: 8 });
    const responses = await Promise.all(
      batches.map((events) =>
        roomy.call('POST', '/api/v1/sync/push', { token: a.token, body: { deviceId: a.deviceId, events } }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    const seqs = (await storedEvents()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('answers concurrent pushes of the same events from what the first one stored', async () => {
    const events = Array.from({ length: 25 }, (_, i) => makeEvent(a.deviceId, i + 1));
    const roomy = makeTestApp(testDb.db, { syncRequestsPerLearner: 8 });
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        roomy.call('POST', '/api/v1/sync/push', { token: a.token, body: { deviceId: a.deviceId, events } }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    const statuses = await Promise.all(
      responses.map(async (r) => (await json<PushResponse>(r)).results.map((x) => x.status)),
    );
    expect(statuses.filter((s) => s.every((x) => x === 'acked'))).toHaveLength(1);
    expect(statuses.filter((s) => s.every((x) => x === 'duplicate'))).toHaveLength(7);
    const seqs = (await storedEvents()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });
});
