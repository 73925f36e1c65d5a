import { beforeEach, describe, expect, it } from 'vitest';
import { hashedAccount } from '../../server/auth-limits';
import { createRateLimiter } from '../../server/rate-limiter';
import type { ApiError } from '../../src/shared/protocol/sync-protocol';
import { json, makeTestApp, newLearner, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';

const OWNER_PASSWORD = 'correct horse battery';

describe.each(testDbKinds)('auth rate limits on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });
  beforeEach(() => {
    t = makeTestApp(testDb.db, { authRatePerIpPerMin: 1000, trustProxy: true });
  });

  const signIn = (email: string, password: string, ip = '203.0.113.7', deviceId?: string) =>
    t.call('POST', '/api/v1/sessions', {
      body: { email, password, ...(deviceId ? { deviceId } : {}) },
      headers: { 'x-forwarded-for': ip },
    });
  const retryAfter = (res: Response) => Number(res.headers.get('retry-after'));

  it('slows one address guessing one account with growing delays, and lets the owner in from elsewhere', async () => {
    await newLearner(t, 'ada@example.org');
    // Three free tries, then 2 s, 4 s, 8 s … between guesses from this address.
    for (let i = 0; i < 3; i++) expect((await signIn('ada@example.org', 'wrong password')).status).toBe(401);
    const first = await signIn('ada@example.org', 'wrong password');
    expect(first.status).toBe(429);
    expect(retryAfter(first)).toBe(2);
    expect((await json<ApiError>(first)).error.code).toBe('rate_limited');
    t.clock.now += 2_000;
    expect((await signIn('ada@example.org', 'wrong password')).status).toBe(401);
    const second = await signIn('ada@example.org', OWNER_PASSWORD);
    expect(second.status).toBe(429);
    expect(retryAfter(second)).toBe(4);
    // Refused tries are not counted: knocking during the wait does not make it longer or shorter.
    for (let i = 0; i < 5; i++) expect(retryAfter(await signIn('ada@example.org', 'x1234567890'))).toBe(4);
    // Meanwhile the owner, from another address and with the right password, gets in at once.
    expect((await signIn('ada@example.org', OWNER_PASSWORD, '198.51.100.20')).status).toBe(200);
  });

  it('caps the delay at 15 minutes and forgets the failures a day after the last one', async () => {
    await newLearner(t, 'ada@example.org');
    let last = 0;
    for (let i = 0; i < 15; i++) {
      const res = await signIn('ada@example.org', 'wrong password');
      expect(res.status).toBe(401);
      const wait = await signIn('ada@example.org', 'wrong password');
      last = wait.status === 429 ? retryAfter(wait) : 0;
      t.clock.now += last * 1000;
    }
    expect(last).toBe(15 * 60);
    t.clock.now += 24 * 60 * 60 * 1000;
    expect((await signIn('ada@example.org', 'wrong password')).status).toBe(401);
    expect((await signIn('ada@example.org', 'wrong password')).status).toBe(401);
  });

  it('slows a guesser spread over many addresses, while the owner gets in from an address or device they used', async () => {
    const ada = await newLearner(t, 'ada@example.org');
    // Ada signed in from home before.
    expect((await signIn('ada@example.org', OWNER_PASSWORD, '192.0.2.50')).status).toBe(200);
    // Ten addresses, one guess each: no address is slow yet, but the account is.
    for (let i = 0; i < 10; i++)
      expect((await signIn('ada@example.org', 'wrong password', `198.51.100.${i}`)).status).toBe(401);
    const refused = await signIn('ada@example.org', OWNER_PASSWORD, '198.51.100.99');
    expect(refused.status).toBe(429);
    expect(retryAfter(refused)).toBe(2);
    // From home, or from a device the account registered, the right password works straight away.
    expect((await signIn('ada@example.org', OWNER_PASSWORD, '192.0.2.50')).status).toBe(200);
    expect((await signIn('ada@example.org', OWNER_PASSWORD, '203.0.113.200', ada.deviceId)).status).toBe(200);
    // A device id of another account proves nothing.
    const bob = await newLearner(t, 'bob@example.org');
    expect((await signIn('ada@example.org', OWNER_PASSWORD, '203.0.113.201', bob.deviceId)).status).toBe(429);
    // The guessers keep being slowed, a little longer each time (at most 5 minutes for the account).
    t.clock.now += 2_000;
    expect((await signIn('ada@example.org', 'wrong password', '198.51.100.11')).status).toBe(401);
    expect(retryAfter(await signIn('ada@example.org', 'wrong password', '198.51.100.12'))).toBe(4);
  });

  it('slows one address spraying a password over many accounts', async () => {
    for (let i = 0; i < 20; i++) expect((await signIn(`n${i}@example.org`, 'Spring2026!!')).status).toBe(401);
    const refused = await signIn('n99@example.org', 'Spring2026!!');
    expect(refused.status).toBe(429);
    expect(retryAfter(refused)).toBe(2);
    expect((await signIn('n99@example.org', 'Spring2026!!', '203.0.113.8')).status).toBe(401);
  });

  it('answers an unknown email exactly as a known one, so slowing reveals no accounts', async () => {
    await newLearner(t, 'ada@example.org');
    const statuses = async (email: string, ip: string) => {
      const out: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await signIn(email, 'wrong password', ip);
        out.push(`${res.status}:${res.headers.get('retry-after') ?? ''}`);
      }
      return out;
    };
    expect(await statuses('nobody@example.org', '198.51.100.1')).toEqual(
      await statuses('ada@example.org', '198.51.100.2'),
    );
  });

  it('shares the slow-down between two server processes on one database, across a restart', async () => {
    await newLearner(t, 'ada@example.org');
    const other = makeTestApp(testDb.db, { authRatePerIpPerMin: 1000, trustProxy: true });
    other.clock.now = t.clock.now;
    const signInOn = (app: TestApp, password: string) =>
      app.call('POST', '/api/v1/sessions', {
        body: { email: 'ada@example.org', password },
        headers: { 'x-forwarded-for': '198.51.100.2' },
      });
    for (let i = 0; i < 3; i++)
      expect((await signInOn(i % 2 ? other : t, 'wrong password')).status).toBe(401);
    expect((await signInOn(t, OWNER_PASSWORD)).status).toBe(429);
    expect((await signInOn(other, OWNER_PASSWORD)).status).toBe(429);
  });

  it('allows 10 sign-ins per IP per minute', async () => {
    t = makeTestApp(testDb.db, { authRatePerIpPerMin: 10, trustProxy: true });
    await newLearner(t, 'ada@example.org');
    for (let i = 0; i < 10; i++) expect((await signIn('ada@example.org', OWNER_PASSWORD)).status).toBe(200);
    const limited = await signIn('ada@example.org', OWNER_PASSWORD);
    expect(limited.status).toBe(429);
    expect(retryAfter(limited)).toBe(60);
    expect((await signIn('ada@example.org', OWNER_PASSWORD, '203.0.113.8')).status).toBe(200);
    t.clock.now += 60_000;
    expect((await signIn('ada@example.org', OWNER_PASSWORD)).status).toBe(200);
  });

  it('counts the address the proxy added, not one the client wrote into X-Forwarded-For', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await signIn(`n${i}@example.org`, 'whatever123', `10.0.0.${i}, 203.0.113.9`);
      expect(res.status).toBe(401);
    }
    expect((await signIn('n@example.org', 'whatever123', '10.9.9.9, 203.0.113.9')).status).toBe(429);
  });

  it('allows 10 sign-ups per IP per minute and stores nothing for the refused one', async () => {
    t = makeTestApp(testDb.db, { authRatePerIpPerMin: 10, trustProxy: true });
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

  it('logs failed and refused sign-ins with a hashed account and the client address, never the email', async () => {
    await newLearner(t, 'ada@example.org');
    for (let i = 0; i < 4; i++) await signIn('ada@example.org', 'wrong password');
    const lines = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    const failed = lines.filter((l) => l.msg === 'sign-in failed');
    expect(failed).toHaveLength(3);
    expect(failed[0]).toMatchObject({
      level: 'warn',
      ip: '203.0.113.7',
      account: hashedAccount('ada@example.org'),
    });
    expect(lines.find((l) => l.msg === 'sign-in refused: too many failures')).toMatchObject({
      account: hashedAccount('ada@example.org'),
      by: 'pair',
      retryAfter: 2,
    });
    expect(t.logs.join('\n')).not.toContain('ada@example.org');
    const keys = await testDb.db.kysely.selectFrom('auth_throttle').select('key').execute();
    expect(keys.map((k) => k.key).join(' ')).not.toContain('ada@example.org');
  });

  it('sweeps finished windows and forgotten failures, so the tables hold only live rows', async () => {
    for (let i = 0; i < 50; i++) await signIn(`n${i}@example.org`, 'whatever123', `198.51.100.${i}`);
    const count = async (table: 'rate_limits' | 'auth_throttle') =>
      Number(
        (
          await testDb.db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('rate_limits')).toBe(50);
    expect(await count('auth_throttle')).toBe(150);
    t.clock.now += 25 * 60 * 60 * 1000;
    await signIn('late@example.org', 'whatever123');
    expect(await count('rate_limits')).toBe(1);
    expect(await count('auth_throttle')).toBe(3);
  });
});

describe('the slow-down under a flood of addresses', () => {
  let testDb: TestDb;
  let t: TestApp;
  emptyDatabasePerTest('sqlite', (db) => {
    testDb = db;
  });
  beforeEach(() => {
    t = makeTestApp(testDb.db, { authRatePerIpPerMin: 10, trustProxy: true });
  });

  it('keeps an account slowed while 100,000 other addresses try to sign in', async () => {
    await newLearner(t, 'ada@example.org');
    for (let i = 0; i < 10; i++)
      await t.call('POST', '/api/v1/sessions', {
        body: { email: 'ada@example.org', password: 'wrong password' },
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
      });
    // The flood goes straight to the shared table (through HTTP it would take minutes here): each
    // address counts an attempt as the sign-in route does, and nothing makes room by evicting a row.
    const flood = createRateLimiter(testDb.db, () => t.clock.now);
    for (let n = 0; n < 100_000; n++) {
      await flood.hit(`signin:ip:10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, 60_000);
    }
    const res = await t.call('POST', '/api/v1/sessions', {
      body: { email: 'ada@example.org', password: OWNER_PASSWORD },
      headers: { 'x-forwarded-for': '198.51.100.77' },
    });
    expect(res.status).toBe(429);
  }, 60_000);
});
