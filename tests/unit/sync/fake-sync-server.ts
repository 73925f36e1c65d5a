// A small in-memory stand-in for the sync server (DESIGN.md §5), enough to drive the engine in unit tests,
// with a hook to fail any request. The real server is exercised in tests/server/sync-engine.test.ts.

import type { FetchLike } from '../../../src/api/api-client';
import type { LearnerEvent } from '../../../src/shared/progress/events';
import type { PushRequest } from '../../../src/shared/protocol/sync-protocol';

type Route = { method: string; path: string; body: unknown };
/** Return a Response to answer instead of the fake, 'network' to throw like an offline fetch, or undefined. */
export type Interceptor = (route: Route) => Response | 'network' | undefined;

export function fakeSyncServer() {
  const events: LearnerEvent[] = [];
  const docs = new Map<string, { rev: number; body: Record<string, unknown>; seq: number }>();
  const devices = new Set<string>();
  const tokens = new Set(['token-1']);
  const requests: Route[] = [];
  let docSeq = 0;
  let intercept: Interceptor = () => undefined;

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  const fetch: FetchLike = async (url, init) => {
    const { pathname, searchParams } = new URL(url, 'http://fake');
    const route: Route = {
      method: init.method ?? 'GET',
      path: pathname,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(route);
    const override = intercept(route);
    if (override === 'network') throw new TypeError('Failed to fetch');
    if (override) return override;
    const token = new Headers(init.headers).get('authorization')?.replace('Bearer ', '') ?? '';
    if (!tokens.has(token)) return json(401, { error: { code: 'unauthorized', message: 'Sign in again.' } });
    if (pathname === '/api/v1/devices') {
      const deviceId = `00000000-0000-4000-8000-${String(devices.size + 1).padStart(12, 'f')}`;
      devices.add(deviceId);
      return json(201, { deviceId });
    }
    if (pathname === '/api/v1/sync/push') {
      const push = route.body as Required<PushRequest>;
      if (!devices.has(push.deviceId)) return json(403, { error: { code: 'unknown_device', message: 'no' } });
      const results = push.events.map((event) => {
        const stored = events.find((e) => e.id === event.id);
        if (stored)
          return {
            id: event.id,
            status: JSON.stringify(stored) === JSON.stringify(event) ? 'duplicate' : 'conflict',
          };
        if (event.deviceId !== push.deviceId)
          return { id: event.id, status: 'rejected', reason: 'wrong device' };
        events.push(event);
        return { id: event.id, status: 'acked' };
      });
      const docResults = push.docs.map((doc) => {
        const stored = docs.get(doc.id);
        const rev = stored?.rev ?? 0;
        if (doc.baseRev !== rev) return { id: doc.id, status: 'conflict', rev, body: stored?.body ?? {} };
        docs.set(doc.id, { rev: rev + 1, body: doc.body, seq: ++docSeq });
        return { id: doc.id, status: 'saved', rev: rev + 1 };
      });
      return json(200, { results, docs: docResults, serverSeq: events.length });
    }
    if (pathname === '/api/v1/sync/pull') {
      const [eventFrom, docFrom] = (searchParams.get('cursor') ?? '0.0').split('.').map(Number) as [
        number,
        number,
      ];
      const limit = Number(searchParams.get('limit') ?? 500);
      const page = events.slice(eventFrom, eventFrom + limit);
      const changed = [...docs.entries()].filter(([, d]) => d.seq > docFrom);
      return json(200, {
        events: page,
        docs: changed.map(([id, d]) => ({ id, rev: d.rev, body: d.body })),
        nextCursor: `${eventFrom + page.length}.${docSeq}`,
        hasMore: eventFrom + page.length < events.length,
      });
    }
    return json(404, { error: { code: 'not_found', message: pathname } });
  };

  return {
    fetch,
    events,
    docs,
    tokens,
    requests,
    setIntercept: (next: Interceptor) => {
      intercept = next;
    },
  };
}
