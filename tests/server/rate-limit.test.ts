import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/shared/sync-protocol';
import { json, makeTestApp, newLearner, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';

describe.each(testDbKinds)('auth rate limits on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });
  beforeEach(() => {
    t = makeTestApp(testDb.db, { authRatePerIpPerMin: 10, trustProxy: true });
  });

  const signIn = (email: string, password: string, ip = '203.0.113.7') =>
    t.call('POST', '/api/v1/sessions', { body: { email, password }, headers: { 'x-forwarded-for': ip } });

  it('allows 5 failed sign-ins per account in 15 minutes, then 429 with Retry-After, even from new IPs', async () => {
    await newLearner(t, 'ada@example.org');
    for (let i = 0; i < 5; i++)
      expect((await signIn('ada@example.org', 'wrong password', `198.51.100.${i}`)).status).toBe(401);
    const limited = await signIn('ada@example.org', 'correct horse battery', '198.51.100.99');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(15 * 60);
    expect((await json<ApiError>(limited)).error.code).toBe('rate_limited');
    t.clock.now += 15 * 60 * 1000;
    expect((await signIn('ada@example.org', 'correct horse battery', '198.51.100.99')).status).toBe(200);
  });

  it('allows 10 sign-ins per IP per minute', async () => {
    for (let i = 0; i < 10; i++) expect((await signIn(`n${i}@example.org`, 'whatever123')).status).toBe(401);
    const limited = await signIn('n99@example.org', 'whatever123');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(60);
    expect((await signIn('n99@example.org', 'whatever123', '203.0.113.8')).status).toBe(401);
    t.clock.now += 60_000;
    expect((await signIn('n99@example.org', 'whatever123')).status).toBe(401);
  });

  it('counts the address the proxy added, not one the client wrote into X-Forwarded-For', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await signIn(`n${i}@example.org`, 'whatever123', `10.0.0.${i}, 203.0.113.9`);
      expect(res.status).toBe(401);
    }
    expect((await signIn('n@example.org', 'whatever123', '10.9.9.9, 203.0.113.9')).status).toBe(429);
  });

  it('allows 10 sign-ups per IP per minute and stores nothing for the refused one', async () => {
    const signUp = (i: number) =>
      t.call('POST', '/api/v1/accounts', {
        body: { email: `s${i}@example.org`, name: 'S', password: 'long enough pw' },
        headers: { 'x-forwarded-for': '192.0.2.1' },
      });
    for (let i = 0; i < 10; i++) expect((await signUp(i)).status).toBe(201);
    const limited = await signUp(10);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    const rows = await testDb.db.kysely.selectFrom('learners').select('email').execute();
    expect(rows).toHaveLength(10);
  });
});
