import { beforeEach, describe, expect, it } from 'vitest';
import { hashedAccount } from '../../server/auth-limits';
import { createRateLimiter } from '../../server/rate-limiter';
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

  const lockAda = async () => {
    await newLearner(t, 'ada@example.org');
    for (let i = 0; i < 5; i++) expect((await signIn('ada@example.org', 'wrong password')).status).toBe(401);
    expect((await signIn('ada@example.org', 'correct horse battery')).status).toBe(429);
  };

  it('keeps a lock across a restart: a new server process on the same database still refuses', async () => {
    await lockAda();
    const restarted = makeTestApp(testDb.db, { authRatePerIpPerMin: 10, trustProxy: true });
    restarted.clock.now = t.clock.now;
    const res = await restarted.call('POST', '/api/v1/sessions', {
      body: { email: 'ada@example.org', password: 'correct horse battery' },
      headers: { 'x-forwarded-for': '198.51.100.1' },
    });
    expect(res.status).toBe(429);
  });

  it('shares the limits between two server processes on one database', async () => {
    await newLearner(t, 'ada@example.org');
    const other = makeTestApp(testDb.db, { authRatePerIpPerMin: 10, trustProxy: true });
    other.clock.now = t.clock.now;
    const signInOn = (app: TestApp, password: string) =>
      app.call('POST', '/api/v1/sessions', {
        body: { email: 'ada@example.org', password },
        headers: { 'x-forwarded-for': '198.51.100.2' },
      });
    // Failures alternate between the two: five in all lock the account on both.
    for (let i = 0; i < 5; i++)
      expect((await signInOn(i % 2 ? other : t, 'wrong password')).status).toBe(401);
    expect((await signInOn(t, 'correct horse battery')).status).toBe(429);
    expect((await signInOn(other, 'correct horse battery')).status).toBe(429);
  });

  it('logs failed sign-ins and the lock with a hashed account and the client address, never the email', async () => {
    await lockAda();
    const lines = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    const failed = lines.filter((l) => l.msg === 'sign-in failed');
    expect(failed).toHaveLength(5);
    expect(failed[0]).toMatchObject({
      level: 'warn',
      ip: '203.0.113.7',
      account: hashedAccount('ada@example.org'),
    });
    expect(lines.find((l) => l.msg === 'account locked')).toMatchObject({ ip: '203.0.113.7' });
    expect(lines.find((l) => l.msg === 'sign-in refused: account locked')).toMatchObject({
      account: hashedAccount('ada@example.org'),
    });
    expect(t.logs.join('\n')).not.toContain('ada@example.org');
  });

  it('sweeps finished windows, so the table holds only live ones', async () => {
    for (let i = 0; i < 50; i++) await signIn(`n${i}@example.org`, 'whatever123', `198.51.100.${i}`);
    const count = async () =>
      Number(
        (
          await testDb.db.kysely
            .selectFrom('rate_limits')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(100);
    // Past the account window (15 min) every row is over; the next attempt sweeps them away.
    t.clock.now += 16 * 60 * 1000;
    await signIn('late@example.org', 'whatever123');
    expect(await count()).toBe(2);
  });
});

describe('the account lock under a flood of addresses', () => {
  let testDb: TestDb;
  let t: TestApp;
  emptyDatabasePerTest('sqlite', (db) => {
    testDb = db;
  });
  beforeEach(() => {
    t = makeTestApp(testDb.db, { authRatePerIpPerMin: 10, trustProxy: true });
  });
  const signIn = (email: string, password: string, ip = '203.0.113.7') =>
    t.call('POST', '/api/v1/sessions', { body: { email, password }, headers: { 'x-forwarded-for': ip } });
  const lockAda = async () => {
    await newLearner(t, 'ada@example.org');
    for (let i = 0; i < 5; i++) expect((await signIn('ada@example.org', 'wrong password')).status).toBe(401);
    expect((await signIn('ada@example.org', 'correct horse battery')).status).toBe(429);
  };

  it('keeps the account lock while 100,000 other addresses try to sign in', async () => {
    await lockAda();
    // The flood goes straight to the shared table (through HTTP it would take minutes here): each
    // address counts an attempt as the sign-in route does, and nothing makes room by evicting a row.
    const flood = createRateLimiter(testDb.db, () => t.clock.now);
    for (let n = 0; n < 100_000; n++) {
      await flood.hit(`signin:ip:10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, 60_000);
    }
    expect((await signIn('ada@example.org', 'correct horse battery', '198.51.100.77')).status).toBe(429);
  }, 60_000);
});
