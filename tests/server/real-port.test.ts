import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse, SessionResponse } from '../../src/shared/protocol/sync-protocol';
import { makeEvent, makeTestApp } from './support/test-app';
import { openTestDb, type TestDb, testDbKinds } from './support/test-databases';

// One round trip over a real socket: what app.request() cannot show (node-server adapter, client IP).
describe.each(testDbKinds)('the server on a real port, %s', (kind) => {
  let testDb: TestDb;
  let server: ReturnType<typeof serve>;
  let base = '';
  beforeAll(async () => {
    testDb = await openTestDb(kind);
    const { app } = makeTestApp(testDb.db, { authRatePerIpPerMin: 3 });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await testDb.close();
  });

  const post = (p: string, body: unknown, token?: string) =>
    fetch(base + p, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it('signs up, registers a device, pushes and pulls', async () => {
    const session = (await (
      await post('/api/v1/accounts', { email: 'port@example.org', name: 'P', password: 'long enough pw' })
    ).json()) as SessionResponse;
    const { deviceId } = (await (await post('/api/v1/devices', {}, session.token)).json()) as {
      deviceId: string;
    };
    const events = [makeEvent(deviceId, 1), makeEvent(deviceId, 2)];
    const pushed = (await (
      await post('/api/v1/sync/push', { deviceId, events }, session.token)
    ).json()) as PushResponse;
    expect(pushed.results.map((r) => r.status)).toEqual(['acked', 'acked']);
    const pulled = await fetch(`${base}/api/v1/sync/pull?limit=10`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(pulled.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(((await pulled.json()) as PullResponse).events).toEqual(events);
  });

  it('limits sign-in attempts by the socket address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await post('/api/v1/sessions', { email: 'who@example.org', password: 'whatever123' })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
