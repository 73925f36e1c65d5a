import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountProfile } from '../../src/shared/protocol/account-protocol';
import type { ApiError, SessionResponse } from '../../src/shared/protocol/sync-protocol';
import { json, makeTestApp, newLearner, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';

const PASSWORD = 'correct horse battery';

describe.each(testDbKinds)('the account and its name, email and password on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });
  beforeEach(() => {
    t = makeTestApp(testDb.db);
  });

  const signIn = (email: string, password: string) =>
    t.call('POST', '/api/v1/sessions', { body: { email, password } });
  const storedHash = async (email: string) =>
    (
      await testDb.db.kysely
        .selectFrom('learners')
        .select('password_hash')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).password_hash;

  it('answers sign-up and sign-in with the display name and email, and marks the browser as signed in', async () => {
    const created = await t.call('POST', '/api/v1/accounts', {
      body: { email: 'Ada@Example.org', name: 'Ada Lovelace', password: PASSWORD },
    });
    expect(created.status).toBe(201);
    expect(await json<SessionResponse>(created)).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.org',
    });
    expect(created.headers.get('set-cookie')).toMatch(
      /^pcpd_signed_in=1; Max-Age=34560000; Path=\/; SameSite=Strict/,
    );
    const signedIn = await signIn('ada@example.org', PASSWORD);
    expect(await json<SessionResponse>(signedIn)).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.org',
    });
    expect(signedIn.headers.get('set-cookie')).toContain('pcpd_signed_in=1');
    const { token } = await json<SessionResponse>(await signIn('ada@example.org', PASSWORD));
    const out = await t.call('DELETE', '/api/v1/sessions/current', { token });
    expect(out.headers.get('set-cookie')).toMatch(/^pcpd_signed_in=; Max-Age=0/);
  });

  it('refuses one of the most common passwords at sign-up and stores nothing', async () => {
    const res = await t.call('POST', '/api/v1/accounts', {
      body: { email: 'ada@example.org', name: 'Ada', password: 'Password123' },
    });
    expect(res.status).toBe(400);
    expect((await json<ApiError>(res)).error.code).toBe('common_password');
    expect(await testDb.db.kysely.selectFrom('learners').selectAll().execute()).toHaveLength(0);
  });

  it('keeps passwords to 10–200 characters', async () => {
    for (const password of ['nine char', 'x'.repeat(201)]) {
      const res = await t.call('POST', '/api/v1/accounts', {
        body: { email: 'a@example.org', name: 'A', password },
      });
      expect(res.status).toBe(400);
    }
  });

  it('hashes an older, cheaper password hash again at the next sign-in', async () => {
    await newLearner(t, 'ada@example.org');
    expect((await storedHash('ada@example.org')).split('$')[1]).toBe('10');
    const stronger = makeTestApp(testDb.db, { scryptLogN: 11 });
    const res = await stronger.call('POST', '/api/v1/sessions', {
      body: { email: 'ada@example.org', password: PASSWORD },
    });
    expect(res.status).toBe(200);
    expect((await storedHash('ada@example.org')).split('$')[1]).toBe('11');
    expect((await signIn('ada@example.org', PASSWORD)).status).toBe(200);
  });

  it('reads the account and changes the display name without a password', async () => {
    const ada = await newLearner(t, 'ada@example.org');
    const read = await t.call('GET', '/api/v1/account', { token: ada.token });
    expect(await json<AccountProfile>(read)).toEqual({
      learnerId: ada.learnerId,
      email: 'ada@example.org',
      name: 'Sam Learner',
    });
    const renamed = await t.call('PATCH', '/api/v1/account', {
      token: ada.token,
      body: { name: '  Ada King ' },
    });
    expect(renamed.status).toBe(200);
    expect((await json<AccountProfile>(renamed)).name).toBe('Ada King');
    expect((await json<SessionResponse>(await signIn('ada@example.org', PASSWORD))).name).toBe('Ada King');
    expect((await t.call('GET', '/api/v1/account')).status).toBe(401);
  });

  it('changes the email only with the current password, and never to one another account uses', async () => {
    const ada = await newLearner(t, 'ada@example.org');
    await newLearner(t, 'bob@example.org');
    const patch = (body: unknown) => t.call('PATCH', '/api/v1/account', { token: ada.token, body });
    expect((await patch({ email: 'ada@new.example.org' })).status).toBe(400);
    const wrong = await patch({ email: 'ada@new.example.org', currentPassword: 'not my password' });
    expect(wrong.status).toBe(403);
    expect((await json<ApiError>(wrong)).error.code).toBe('wrong_password');
    const taken = await patch({ email: 'BOB@example.org', currentPassword: PASSWORD });
    expect(taken.status).toBe(409);
    const moved = await patch({ email: 'Ada@New.example.org', currentPassword: PASSWORD });
    expect(moved.status).toBe(200);
    expect((await json<AccountProfile>(moved)).email).toBe('ada@new.example.org');
    expect((await signIn('ada@example.org', PASSWORD)).status).toBe(401);
    expect((await signIn('ada@new.example.org', PASSWORD)).status).toBe(200);
    // The session that made the change goes on working.
    expect((await t.call('GET', '/api/v1/account', { token: ada.token })).status).toBe(200);
  });

  it('changes the password with the current one, refuses a common one, and can sign out the other devices', async () => {
    const ada = await newLearner(t, 'ada@example.org');
    const other = await json<SessionResponse>(await signIn('ada@example.org', PASSWORD));
    const change = (body: unknown) => t.call('PUT', '/api/v1/account/password', { token: ada.token, body });
    const before = await storedHash('ada@example.org');
    expect(
      (await change({ currentPassword: 'not my password', newPassword: 'a brand new secret' })).status,
    ).toBe(403);
    const common = await change({ currentPassword: PASSWORD, newPassword: 'qwertyuiop' });
    expect(common.status).toBe(400);
    expect((await json<ApiError>(common)).error.code).toBe('common_password');
    expect((await change({ currentPassword: PASSWORD, newPassword: 'short' })).status).toBe(400);
    expect(await storedHash('ada@example.org')).toBe(before);

    expect(
      (
        await change({
          currentPassword: PASSWORD,
          newPassword: 'a brand new secret',
          signOutOtherDevices: true,
        })
      ).status,
    ).toBe(204);
    expect((await signIn('ada@example.org', PASSWORD)).status).toBe(401);
    expect((await signIn('ada@example.org', 'a brand new secret')).status).toBe(200);
    expect((await t.call('GET', '/api/v1/account', { token: other.token })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/account', { token: ada.token })).status).toBe(200);
  });

  it('keeps the other devices signed in when not asked to sign them out', async () => {
    const ada = await newLearner(t, 'ada@example.org');
    const other = await json<SessionResponse>(await signIn('ada@example.org', PASSWORD));
    const res = await t.call('PUT', '/api/v1/account/password', {
      token: ada.token,
      body: { currentPassword: PASSWORD, newPassword: 'a brand new secret' },
    });
    expect(res.status).toBe(204);
    expect((await t.call('GET', '/api/v1/account', { token: other.token })).status).toBe(200);
  });

  it('slows guesses of the current password through a stolen session too', async () => {
    const ada = await newLearner(t, 'ada@example.org');
    const change = () =>
      t.call('PUT', '/api/v1/account/password', {
        token: ada.token,
        body: { currentPassword: 'a wrong guess', newPassword: 'a brand new secret' },
      });
    for (let i = 0; i < 3; i++) expect((await change()).status).toBe(403);
    const slowed = await change();
    expect(slowed.status).toBe(429);
    expect(slowed.headers.get('retry-after')).toBe('2');
  });
});
