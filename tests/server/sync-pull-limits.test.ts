// What one pull may cost the server: pages capped by bytes and by doc count, and a cap on the pulls and
// pushes one learner has running at once, so a single account cannot push server memory to gigabytes.
import { describe, expect, it } from 'vitest';
import {
  type ApiError,
  MAX_PULL_DOCS,
  MAX_PULL_PAGE_BYTES,
  type PullResponse,
} from '../../src/shared/protocol/sync-protocol';
import { freshLearnerPerTest } from './support/fresh-learner';
import { json, type Learner, makeEvent, type TestApp } from './support/test-app';
import { testDbKinds } from './support/test-databases';

describe.each(testDbKinds)('pull limits on %s', (kind) => {
  let t: TestApp;
  let a: Learner;
  freshLearnerPerTest(kind, (fresh) => ({ t, a } = fresh));

  const push = (body: unknown) => t.call('POST', '/api/v1/sync/push', { token: a.token, body });
  const pull = (cursor?: string) =>
    t.call('GET', `/api/v1/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, { token: a.token });

  /** Notes of about 60 KB each, 14 to a push so each push stays under the 1 MB body limit. */
  async function storeLargeNotes(count: number): Promise<void> {
    for (let first = 0; first < count; first += 14) {
      const docs = Array.from({ length: Math.min(14, count - first) }, (_, i) => ({
        id: `note:${String(first + i).padStart(4, '0')}`,
        baseRev: 0,
        body: { text: `${first + i} `.padEnd(60_000, 'x') },
      }));
      const res = await push({ deviceId: a.deviceId, events: [], docs });
      expect(res.status).toBe(200);
    }
  }

  it('caps each page near 1 MB and still delivers every note exactly once', async () => {
    await storeLargeNotes(40);
    await push({ deviceId: a.deviceId, events: [1, 2, 3].map((n) => makeEvent(a.deviceId, n)) });
    const seen: string[] = [];
    let events = 0;
    let cursor: string | undefined;
    let pages = 0;
    for (; pages < 50; pages += 1) {
      const res = await pull(cursor);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_PULL_PAGE_BYTES + 1024);
      const page = JSON.parse(text) as PullResponse;
      seen.push(...page.docs.map((d) => d.id));
      events += page.events.length;
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(events).toBe(3);
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => `note:${String(i).padStart(4, '0')}`));
  });

  it(`sends at most ${MAX_PULL_DOCS} docs in a page however small they are`, async () => {
    for (let first = 0; first < 150; first += 50) {
      const docs = Array.from({ length: 50 }, (_, i) => ({
        id: `pos:${first + i}`,
        baseRev: 0,
        body: { at: i },
      }));
      expect((await push({ deviceId: a.deviceId, events: [], docs })).status).toBe(200);
    }
    const first = await json<PullResponse>(await pull());
    expect(first.docs).toHaveLength(MAX_PULL_DOCS);
    expect(first.hasMore).toBe(true);
    const second = await json<PullResponse>(await pull(first.nextCursor));
    expect(second.docs).toHaveLength(150 - MAX_PULL_DOCS);
    expect(second.hasMore).toBe(false);
  });

  it('answers 429 with Retry-After to pulls past the per-learner cap, and serves them once it has room', async () => {
    await storeLargeNotes(28);
    const answers = await Promise.all(Array.from({ length: 8 }, () => pull()));
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    const refused = answers.filter((res) => res.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(refused[0]?.headers.get('retry-after')).toBe('1');
    expect((await json<ApiError>(refused[0] as Response)).error.code).toBe('too_many_requests');
    expect((await pull()).status).toBe(200);
  });
});
