import { describe, expect, it } from 'vitest';
import type { LearnerEvent } from '../../src/shared/progress/events';
import {
  type ApiError,
  type PullResponse,
  type PushResponse,
  SERVER_BEHIND_CODE,
} from '../../src/shared/protocol/sync-protocol';
import { freshLearnerPerTest } from './support/fresh-learner';
import { json, type Learner, makeEvent, type TestApp } from './support/test-app';
import { type TestDb, testDbKinds } from './support/test-databases';

describe.each(testDbKinds)('sync pull on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let a: Learner;
  freshLearnerPerTest(kind, (fresh) => ({ testDb, t, a } = fresh));

  const push = (body: unknown) => t.call('POST', '/api/v1/sync/push', { token: a.token, body });
  const pull = (query: string) => t.call('GET', `/api/v1/sync/pull${query}`, { token: a.token });

  async function pullAll(limit: number, cursor?: string): Promise<{ pages: PullResponse[]; cursor: string }> {
    const pages: PullResponse[] = [];
    let next = cursor;
    for (let guard = 0; guard < 100; guard++) {
      const res = await pull(`?limit=${limit}${next ? `&cursor=${next}` : ''}`);
      expect(res.status).toBe(200);
      const page = await json<PullResponse>(res);
      pages.push(page);
      next = page.nextCursor;
      if (!page.hasMore) break;
    }
    return { pages, cursor: next ?? '' };
  }

  it('pages through events with identical timestamps without skipping or repeating any', async () => {
    const sameAt = '2026-03-02T08:00:00.000Z';
    const pushed: LearnerEvent[] = [];
    for (let batch = 0; batch < 3; batch++) {
      const events = Array.from({ length: 10 }, (_, i) =>
        makeEvent(a.deviceId, batch * 10 + i + 1, { at: sameAt }),
      );
      pushed.push(...events);
      expect((await push({ deviceId: a.deviceId, events })).status).toBe(200);
    }
    const { pages, cursor } = await pullAll(7);
    expect(pages.map((p) => p.events.length)).toEqual([7, 7, 7, 7, 2]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, true, true, false]);
    const pulled = pages.flatMap((p) => p.events);
    expect(pulled).toEqual(pushed);

    // Events pushed later arrive after the stored cursor, and only they.
    const later = [makeEvent(a.deviceId, 31, { at: sameAt })];
    await push({ deviceId: a.deviceId, events: later });
    const resumed = await json<PullResponse>(await pull(`?cursor=${cursor}`));
    expect(resumed.events).toEqual(later);
    expect(resumed.hasMore).toBe(false);
  });

  it('returns an empty page and the same position at the end', async () => {
    const first = await json<PullResponse>(await pull(''));
    expect(first).toMatchObject({ events: [], docs: [], hasMore: false });
    const again = await json<PullResponse>(await pull(`?cursor=${first.nextCursor}`));
    expect(again.nextCursor).toBe(first.nextCursor);
  });

  it('includes docs changed since the cursor, at their latest revision', async () => {
    const save = (id: string, baseRev: number, text: string) =>
      push({ deviceId: a.deviceId, events: [], docs: [{ id, baseRev, body: { text } }] });
    await save('note:one', 0, 'one v1');
    await save('note:two', 0, 'two v1');
    const first = await json<PullResponse>(await pull(''));
    expect(first.docs).toEqual([
      { id: 'note:one', rev: 1, body: { text: 'one v1' } },
      { id: 'note:two', rev: 1, body: { text: 'two v1' } },
    ]);
    await save('note:one', 1, 'one v2');
    const changed = await json<PullResponse>(await pull(`?cursor=${first.nextCursor}`));
    expect(changed.docs).toEqual([{ id: 'note:one', rev: 2, body: { text: 'one v2' } }]);
  });

  it('pages docs as well as events', async () => {
    const docs = Array.from({ length: 5 }, (_, i) => ({ id: `note:${i}`, baseRev: 0, body: { i } }));
    const res = await json<PushResponse>(await push({ deviceId: a.deviceId, events: [], docs }));
    expect(res.docs.every((d) => d.status === 'saved')).toBe(true);
    const { pages } = await pullAll(2);
    expect(pages.flatMap((p) => p.docs.map((d) => d.id))).toEqual(docs.map((d) => d.id));
  });

  const badQueries: [string, string, string][] = [
    ['a garbage cursor', '?cursor=not-a-cursor!', 'bad_cursor'],
    ['a cursor that is not ours', `?cursor=${Buffer.from('{"e":1}').toString('base64url')}`, 'bad_cursor'],
    ['a cursor of plain base64url text', '?cursor=aGVsbG8', 'bad_cursor'],
    ['limit 0', '?limit=0', 'invalid_request'],
    ['limit 1001', '?limit=1001', 'invalid_request'],
    ['limit not a number', '?limit=ten', 'invalid_request'],
    ['limit not an integer', '?limit=2.5', 'invalid_request'],
    ['an unknown parameter', '?since=2026-01-01', 'invalid_request'],
  ];
  it('answers 409 server_behind to a cursor past what the server holds, or naming an event it lost', async () => {
    const ahead = Buffer.from('{"v":1,"e":99,"d":0}').toString('base64url');
    const res = await pull(`?cursor=${ahead}`);
    expect(res.status).toBe(409);
    expect((await json<ApiError>(res)).error.code).toBe(SERVER_BEHIND_CODE);

    const events = [1, 2, 3].map((n) => makeEvent(a.deviceId, n));
    expect((await push({ deviceId: a.deviceId, events })).status).toBe(200);
    const { cursor } = await pullAll(10);
    expect((await pull(`?cursor=${cursor}`)).status).toBe(200);
    // The server loses its last event and takes another at the same sequence, as after a restore.
    await testDb.db.kysely
      .deleteFrom('events')
      .where('event_id', '=', events[2]?.id ?? '')
      .execute();
    await testDb.db.kysely
      .updateTable('learners')
      .set({ event_seq: 2 })
      .where('id', '=', a.learnerId)
      .execute();
    expect((await push({ deviceId: a.deviceId, events: [makeEvent(a.deviceId, 9)] })).status).toBe(200);
    const behind = await pull(`?cursor=${cursor}`);
    expect(behind.status).toBe(409);
    expect((await json<ApiError>(behind)).error.code).toBe(SERVER_BEHIND_CODE);
  });

  it.each(badQueries)('answers 400 for %s', async (_name, query, code) => {
    const res = await pull(query);
    expect(res.status).toBe(400);
    const error = (await json<ApiError>(res)).error;
    expect(error.code).toBe(code);
    expect(error.message).toBeTruthy();
  });
});
