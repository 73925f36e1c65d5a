// The learner's data rights on each test database: the download holds every row the server has of them (and
// no secrets), and deleting the account leaves no row that names them in any table the catalogue lists.
import { beforeEach, describe, expect, it } from 'vitest';
import { hashedAccount } from '../../server/auth-limits';
import type { MyData } from '../../src/shared/protocol/my-data-protocol';
import type { ApiError } from '../../src/shared/protocol/sync-protocol';
import { countEveryTable, rowsMentioning } from './support/catalogue-rows';
import { json, type Learner, makeEvent, makeTestApp, newLearner, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';

const PASSWORD = 'correct horse battery';

describe.each(testDbKinds)('my data on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let a: Learner;
  let b: Learner;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });

  /** Gives a learner a row in every table the app writes: events, a note, a push subscription, a reminder sent, codes, a reset link, a failed sign-in. */
  async function fill(l: Learner, note: string) {
    const pushed = await t.call('POST', '/api/v1/sync/push', {
      token: l.token,
      body: {
        deviceId: l.deviceId,
        events: [makeEvent(l.deviceId, 1), makeEvent(l.deviceId, 2, { type: 'lesson-completed' })],
        docs: [{ id: 'note:foundations-what-send-means:r1', baseRev: 0, body: { text: note } }],
      },
    });
    expect(pushed.status).toBe(200);
    const db = testDb.db.kysely;
    await db
      .insertInto('push_subscriptions')
      .values({
        endpoint: `https://push.example.org/${l.learnerId}`,
        learner_id: l.learnerId,
        p256dh: 'k',
        auth: 'a',
        created_at: t.clock.now,
      })
      .execute();
    await db
      .insertInto('reminders_sent')
      .values({ learner_id: l.learnerId, occurrence: '2026-03-02T09:00', sent_at: t.clock.now })
      .execute();
    expect(
      (
        await t.call('POST', '/api/v1/account/recovery-codes', {
          token: l.token,
          body: { password: PASSWORD },
        })
      ).status,
    ).toBe(201);
    await db
      .insertInto('password_resets')
      .values({
        token_hash: `hash-${l.learnerId}`,
        learner_id: l.learnerId,
        created_at: t.clock.now,
        expires_at: t.clock.now + 1000,
      })
      .execute();
    await t.call('POST', '/api/v1/sessions', { body: { email: l.email, password: 'wrong password here' } });
    await t.call('POST', '/api/v1/account/recovery-codes', {
      token: l.token,
      body: { password: 'wrong password here' },
    });
  }

  beforeEach(async () => {
    t = makeTestApp(testDb.db);
    a = await newLearner(t);
    b = await newLearner(t);
    await fill(a, 'What I will try with my group tomorrow');
    await fill(b, 'Bea’s own note');
  });

  const remove = (token: string, password: string) =>
    t.call('DELETE', '/api/v1/account', { token, body: { password } });

  it('downloads every row the server holds about the learner, and no secret', async () => {
    const res = await t.call('GET', '/api/v1/account/data', { token: a.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const data = await json<MyData>(res);
    expect(data.account).toEqual({
      id: a.learnerId,
      email: a.email,
      name: 'Sam Learner',
      createdAt: new Date(t.clock.now).toISOString(),
    });
    expect(data.tables.events).toHaveLength(2);
    expect(data.tables.events?.[1]?.body).toMatchObject({ type: 'lesson-completed' });
    expect(data.tables.docs?.[0]?.body).toEqual({ text: 'What I will try with my group tomorrow' });
    expect(data.tables.devices).toEqual([
      expect.objectContaining({
        id: a.deviceId,
        name: 'Phone',
        created_at: new Date(t.clock.now).toISOString(),
      }),
    ]);
    expect(data.tables.sessions).toHaveLength(1);
    expect(data.tables.push_subscriptions).toHaveLength(1);
    expect(data.tables.reminders_sent).toHaveLength(1);
    expect(data.tables.recovery_codes).toHaveLength(10);
    expect(data.tables.password_resets).toHaveLength(1);
    expect(data.tables.rate_limits?.map((r) => r.key).sort()).toEqual([
      `reauth:learner:${a.learnerId}`,
      `signup:account:${a.email}`,
    ]);
    // The wrong sign-in's slow-down, keyed by a hash of the email (server/auth-limits.ts).
    expect(data.tables.auth_throttle?.map((r) => r.key)).toContain(`account:${hashedAccount(a.email)}`);
    const text = JSON.stringify(data);
    expect(text).not.toContain('password_hash');
    expect(text).not.toContain('token_hash');
    expect(text).not.toContain('code_hash');
    expect(text).not.toContain(b.learnerId);
    expect(text).not.toContain('Bea’s own note');
    const stored = await testDb.db.kysely.selectFrom('sessions').select('token_hash').execute();
    for (const { token_hash } of stored) expect(text).not.toContain(token_hash);
  });

  it('asks for the password before deleting, with 403 so the session stays', async () => {
    const res = await remove(a.token, 'not my password');
    expect(res.status).toBe(403);
    expect((await json<ApiError>(res)).error.code).toBe('wrong_password');
    expect((await t.call('GET', '/api/v1/account/data', { token: a.token })).status).toBe(200);
  });

  it('deletes every row of the learner in every table, and only theirs', async () => {
    const before = await countEveryTable(testDb.db);
    const mine = [a.learnerId, a.email];
    expect((await rowsMentioning(testDb.db, mine)).length).toBeGreaterThan(10);
    const res = await remove(a.token, PASSWORD);
    expect(res.status).toBe(204);
    expect(await rowsMentioning(testDb.db, mine)).toEqual([]);
    const after = await countEveryTable(testDb.db);
    // Learner b kept every row: each table lost at most what a had, and b's rows are all still there.
    const theirs = await rowsMentioning(testDb.db, [b.learnerId, b.email]);
    for (const table of [
      'learners',
      'devices',
      'sessions',
      'events',
      'docs',
      'push_subscriptions',
      'reminders_sent',
      'recovery_codes',
      'password_resets',
      'rate_limits',
    ]) {
      expect(
        theirs.some((row) => row.startsWith(`${table}.`)),
        table,
      ).toBe(true);
    }
    for (const [table, n] of Object.entries(before)) expect(after[table], table).toBeLessThanOrEqual(n);
    expect(after.learners).toBe((before.learners ?? 0) - 1);
    expect(after.events).toBe((before.events ?? 0) - 2);
    expect((await t.call('GET', '/api/v1/account/data', { token: a.token })).status).toBe(401);
    expect(
      (await t.call('POST', '/api/v1/sessions', { body: { email: a.email, password: PASSWORD } })).status,
    ).toBe(401);
  });

  it('refuses to delete the owner of a team with other members, and takes a team they own alone with them', async () => {
    const team = async (token: string, name: string) =>
      (await json<{ teamId: string }>(await t.call('POST', '/api/v1/teams', { token, body: { name } })))
        .teamId;
    const shared = await team(a.token, 'Oak Class Nursery');
    const invite = await json<{ code: string }>(
      await t.call('POST', `/api/v1/teams/${shared}/invites`, { token: a.token, body: {} }),
    );
    const joined = await t.call('POST', `/api/v1/invites/${invite.code}/accept`, {
      token: b.token,
      body: { staffRole: 'ta' },
    });
    expect(joined.ok).toBe(true);
    const refused = await remove(a.token, PASSWORD);
    expect(refused.status).toBe(409);
    expect((await json<ApiError>(refused)).error).toMatchObject({ code: 'owns_team' });
    expect(
      await testDb.db.kysely.selectFrom('learners').select('id').where('id', '=', a.learnerId).execute(),
    ).toHaveLength(1);

    const alone = await team(b.token, 'B on its own');
    expect(
      (
        await t.call('POST', `/api/v1/teams/${shared}/owner`, {
          token: a.token,
          body: { learnerId: b.learnerId },
        })
      ).status,
    ).toBe(204);
    expect((await remove(a.token, PASSWORD)).status).toBe(204);
    // b now owns both teams alone, so both go with b's account.
    expect((await remove(b.token, PASSWORD)).status).toBe(204);
    const left = await testDb.db.kysely.selectFrom('teams').select('id').execute();
    expect(left.map((row) => row.id)).not.toContain(alone);
    expect(left.map((row) => row.id)).not.toContain(shared);
    expect(await rowsMentioning(testDb.db, [b.learnerId, b.email])).toEqual([]);
  });

  it('gives and removes a leader’s reset codes: the member’s record, and the codes a leader issued', async () => {
    const teamId = (
      await json<{ teamId: string }>(
        await t.call('POST', '/api/v1/teams', { token: a.token, body: { name: 'Oak Class Nursery' } }),
      )
    ).teamId;
    const invite = await json<{ code: string }>(
      await t.call('POST', `/api/v1/teams/${teamId}/invites`, { token: a.token, body: {} }),
    );
    const joined = await t.call('POST', `/api/v1/invites/${invite.code}/accept`, {
      token: b.token,
      body: { staffRole: 'ta' },
    });
    expect(joined.ok).toBe(true);
    const issued = await t.call('POST', `/api/v1/teams/${teamId}/members/${b.learnerId}/reset-code`, {
      token: a.token,
    });
    expect(issued.status).toBe(201);
    const { code } = await json<{ code: string }>(issued);
    const download = async (token: string) =>
      json<MyData>(await t.call('GET', '/api/v1/account/data', { token }));

    const member = await download(b.token);
    expect(member.tables.leader_reset_codes).toEqual([
      expect.objectContaining({ team_id: teamId, issued_by: a.learnerId, used_at: null }),
    ]);
    const leader = await download(a.token);
    expect(leader.tables.leader_reset_codes_issued).toEqual([
      expect.objectContaining({ learner_id: b.learnerId, team_id: teamId }),
    ]);
    for (const data of [member, leader]) {
      const text = JSON.stringify(data);
      expect(text).not.toContain('code_hash');
      expect(text).not.toContain('scrypt$');
      expect(text).not.toContain(code);
    }

    expect((await remove(b.token, PASSWORD)).status).toBe(204);
    expect(await rowsMentioning(testDb.db, [b.learnerId, b.email])).toEqual([]);
    expect(await testDb.db.kysely.selectFrom('leader_reset_codes').selectAll().execute()).toEqual([]);
  });

  it('lets the same email sign up again afterwards, as a new account with nothing in it', async () => {
    expect((await remove(a.token, PASSWORD)).status).toBe(204);
    const again = await t.call('POST', '/api/v1/accounts', {
      body: { email: a.email, name: 'Sam', password: PASSWORD },
    });
    expect(again.status).toBe(201);
    const token = (await json<{ token: string }>(again)).token;
    const data = await json<MyData>(await t.call('GET', '/api/v1/account/data', { token }));
    expect(data.tables.events).toEqual([]);
    expect(data.tables.docs).toEqual([]);
  });

  it('needs a session for both routes', async () => {
    expect((await t.call('GET', '/api/v1/account/data')).status).toBe(401);
    expect((await t.call('DELETE', '/api/v1/account', { body: { password: PASSWORD } })).status).toBe(401);
  });
});
