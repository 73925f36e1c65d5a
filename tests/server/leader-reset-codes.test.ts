// A team leader's one-time reset code for a member, on each test database: issued from the person's page,
// stored only as a slow hash, single use, replaced by a newer one, expiring, guarded like the recovery
// codes, working only while the person is still in the team, and recorded for the member to see.
import { beforeEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../server/purge';
import type { IssuedResetCode, LeaderCodeRecords } from '../../src/shared/protocol/leader-reset-protocol';
import type { ApiError, SessionResponse } from '../../src/shared/protocol/sync-protocol';
import { rowsMentioning } from './support/catalogue-rows';
import {
  courseDist,
  createInvite,
  createTeam,
  join,
  type Person,
  person,
  setRole,
} from './support/team-fixture';
import { json, makeTestApp, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';

const NEW_PASSWORD = 'a brand new sentence';
const HOUR = 60 * 60 * 1000;
const dist = courseDist();

describe.each(testDbKinds)('leader reset codes on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let owner: Person;
  let leader: Person;
  let member: Person;
  let teamId: string;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });

  beforeEach(async () => {
    t = makeTestApp(testDb.db, { distDir: dist });
    owner = await person(t, 'Olive Ownerby', 'olive@oaktree.example');
    leader = await person(t, 'Leo Leadbetter', 'leo@oaktree.example');
    member = await person(t, 'Mia Memberson', 'mia@oaktree.example');
    teamId = (await createTeam(t, owner, 'Oak Tree Nursery')).teamId;
    const invite = await createInvite(t, owner, teamId);
    for (const p of [leader, member]) expect((await join(t, p, invite.code)).status).toBe(201);
    await setRole(t, owner, teamId, leader, 'leader');
  }, 30_000);

  const issue = (by: Person, who: Person, team = teamId) =>
    t.call('POST', `/api/v1/teams/${team}/members/${who.learnerId}/reset-code`, { token: by.token });
  const issued = async (by: Person, who: Person) => {
    const res = await issue(by, who);
    expect(res.status, await res.clone().text()).toBe(201);
    return json<IssuedResetCode>(res);
  };
  const spend = (code: string, email = member.email, password = NEW_PASSWORD) =>
    t.call('POST', '/api/v1/password-resets/leader-code', { body: { email, code, password } });
  const signIn = (email: string, password: string) =>
    t.call('POST', '/api/v1/sessions', { body: { email, password } });
  const pull = (token: string) => t.call('GET', '/api/v1/sync/pull', { token });
  const records = async (token: string) =>
    json<LeaderCodeRecords>(await t.call('GET', '/api/v1/account/leader-reset-codes', { token }));

  it('issues a short readable code that expires in 24 hours, stored only as a hash', async () => {
    const { code, expiresAt } = await issued(leader, member);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(expiresAt).toBe(new Date(t.clock.now + 24 * HOUR).toISOString());
    const rows = await testDb.db.kysely.selectFrom('leader_reset_codes').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      learner_id: member.learnerId,
      team_id: teamId,
      issued_by: leader.learnerId,
    });
    expect(rows[0]?.code_hash).toMatch(/^scrypt\$/);
    expect(rows[0]?.code_hash).not.toContain(code.replace('-', ''));
  });

  it('lets the member choose a new password with it once, and signs out their other devices', async () => {
    const { code } = await issued(leader, member);
    // Typed as read aloud: lower case, with a space for the hyphen.
    const res = await spend(code.toLowerCase().replace('-', ' '));
    expect(res.status, await res.clone().text()).toBe(200);
    const session = await json<SessionResponse>(res);
    expect(session).toMatchObject({
      learnerId: member.learnerId,
      email: member.email,
      name: 'Mia Memberson',
    });
    expect((await pull(session.token)).status).toBe(200);
    expect((await pull(member.token)).status).toBe(401);
    expect((await signIn(member.email, NEW_PASSWORD)).status).toBe(200);
    expect((await signIn(member.email, 'correct horse battery')).status).toBe(401);
    // Single use.
    const again = await spend(code, member.email, 'yet another sentence');
    expect(again.status).toBe(401);
    expect((await json<ApiError>(again)).error.code).toBe('invalid_leader_reset_code');
    expect((await records(session.token)).codes).toEqual([
      {
        issuedAt: new Date(t.clock.now).toISOString(),
        expiresAt: new Date(t.clock.now + 24 * HOUR).toISOString(),
        issuedBy: 'Leo Leadbetter',
        teamName: 'Oak Tree Nursery',
        state: 'used',
        usedAt: new Date(t.clock.now).toISOString(),
      },
    ]);
  });

  it('refuses a common new password without spending the code', async () => {
    const { code } = await issued(leader, member);
    const res = await spend(code, member.email, 'password123');
    expect(res.status).toBe(400);
    expect((await json<ApiError>(res)).error.code).toBe('common_password');
    expect((await spend(code)).status).toBe(200);
  });

  it('answers a wrong code, a wrong email and another person’s code alike', async () => {
    const { code } = await issued(leader, member);
    const wrongCode = await spend('ABCDE-FGHJK');
    const wrongEmail = await spend(code, 'nobody@example.org');
    const someoneElse = await spend(code, leader.email);
    for (const res of [wrongCode, wrongEmail, someoneElse]) expect(res.status).toBe(401);
    const bodies = await Promise.all([wrongCode, wrongEmail, someoneElse].map((r) => json<ApiError>(r)));
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    expect((await spend(code)).status).toBe(200);
  });

  it('a new code replaces the old one, and the record says so', async () => {
    const first = await issued(leader, member);
    t.clock.now += 60_000;
    const second = await issued(owner, member);
    expect((await spend(first.code)).status).toBe(401);
    const res = await spend(second.code);
    expect(res.status).toBe(200);
    const { token } = await json<SessionResponse>(res);
    expect((await records(token)).codes.map((c) => [c.issuedBy, c.state])).toEqual([
      ['Olive Ownerby', 'used'],
      ['Leo Leadbetter', 'cancelled'],
    ]);
  });

  const cancel = (by: Person, who: Person, team = teamId) =>
    t.call('DELETE', `/api/v1/teams/${team}/members/${who.learnerId}/reset-code`, { token: by.token });

  it('is cancelled by the leader who made it: it stops working at once, and the record says so for good', async () => {
    const { code } = await issued(leader, member);
    t.clock.now += 60_000;
    const res = await cancel(leader, member);
    expect(res.status, await res.clone().text()).toBe(204);
    expect((await spend(code)).status).toBe(401);
    const [row] = await testDb.db.kysely.selectFrom('leader_reset_codes').selectAll().execute();
    expect(row?.code_hash).toBeNull();
    expect(Number(row?.expires_at)).toBe(t.clock.now);
    const cancelled = (await records(member.token)).codes;
    expect(cancelled.map((c) => [c.issuedBy, c.state, c.usedAt])).toEqual([
      ['Leo Leadbetter', 'cancelled', null],
    ]);
    expect(cancelled[0]?.expiresAt).toBe(new Date(t.clock.now).toISOString());
    // Still "cancelled", not "expired", after the day it would have worked.
    t.clock.now += 25 * HOUR;
    expect((await records(member.token)).codes[0]?.state).toBe('cancelled');
    // Nothing is left to cancel.
    expect((await cancel(leader, member)).status).toBe(404);
  });

  it('cancels only a code the caller made, still waiting, for that person in that team', async () => {
    const nothing = await cancel(leader, member);
    expect(nothing.status).toBe(404);
    expect((await json<ApiError>(nothing)).error.code).toBe('reset_code_not_found');

    const { code } = await issued(owner, member);
    const notTheirs = await cancel(leader, member);
    expect(notTheirs.status).toBe(404);
    expect((await json<ApiError>(notTheirs)).error.code).toBe('reset_code_not_found');
    const otherPerson = await cancel(owner, leader);
    expect(otherPerson.status).toBe(404);

    const otherTeam = (await createTeam(t, leader, 'Birch Primary')).teamId;
    const elsewhere = await cancel(leader, member, otherTeam);
    expect(elsewhere.status).toBe(404);
    expect((await json<ApiError>(elsewhere)).error.code).toBe('member_not_found');
    const byMember = await cancel(member, member);
    expect(byMember.status).toBe(403);
    expect((await json<ApiError>(byMember)).error.code).toBe('not_a_leader');

    // None of these touched the owner's code.
    const spent = await spend(code);
    expect(spent.status).toBe(200);
    expect((await cancel(owner, member)).status).toBe(404);
    const { token } = await json<SessionResponse>(spent);
    expect((await records(token)).codes[0]?.state).toBe('used');
  });

  it('keeps a leader from cancelling the owner’s or another leader’s code, as from issuing one', async () => {
    const onOwner = await cancel(leader, owner);
    expect(onOwner.status).toBe(403);
    expect((await json<ApiError>(onOwner)).error.code).toBe('not_the_owner');
  });

  it('does not cancel a code that has expired or was used', async () => {
    const { code } = await issued(leader, member);
    const spent = await spend(code);
    expect(spent.status).toBe(200);
    expect((await cancel(leader, member)).status).toBe(404);
    t.clock.now += 60_000;
    await issued(leader, member);
    t.clock.now += 24 * HOUR;
    expect((await cancel(leader, member)).status).toBe(404);
    const { token } = await json<SessionResponse>(spent);
    expect((await records(token)).codes.map((c) => c.state)).toEqual(['expired', 'used']);
  });

  it('expires after 24 hours, and the purge clears the hash, then the record after 90 days', async () => {
    const { code } = await issued(leader, member);
    t.clock.now += 24 * HOUR;
    expect((await spend(code)).status).toBe(401);
    expect((await records(member.token)).codes[0]?.state).toBe('expired');
    await purgeExpired(testDb.db, t.clock.now);
    const [row] = await testDb.db.kysely.selectFrom('leader_reset_codes').selectAll().execute();
    expect(row?.code_hash).toBeNull();
    const later = t.clock.now + 90 * 24 * HOUR;
    expect((await purgeExpired(testDb.db, later)).leaderCodeRecords).toBe(1);
    expect(await testDb.db.kysely.selectFrom('leader_reset_codes').selectAll().execute()).toEqual([]);
  });

  it('stops working when the member leaves the team or the issuer stops leading it', async () => {
    const { code } = await issued(leader, member);
    await setRole(t, owner, teamId, leader, 'member');
    expect((await spend(code)).status).toBe(401);
    await setRole(t, owner, teamId, leader, 'leader');
    const removed = await t.call('DELETE', `/api/v1/teams/${teamId}/members/${member.learnerId}`, {
      token: owner.token,
    });
    expect(removed.status).toBe(204);
    expect((await spend(code)).status).toBe(401);
    expect((await signIn(member.email, 'correct horse battery')).status).toBe(200);
  });

  it('is cancelled when the password is reset another way', async () => {
    const { code } = await issued(leader, member);
    const made = await t.call('POST', '/api/v1/account/recovery-codes', {
      token: member.token,
      body: { password: 'correct horse battery' },
    });
    const { codes } = await json<{ codes: string[] }>(made);
    const byRecovery = await t.call('POST', '/api/v1/password-resets/recovery-code', {
      body: { email: member.email, code: codes[0], password: NEW_PASSWORD },
    });
    expect(byRecovery.status).toBe(200);
    expect((await spend(code, member.email, 'yet another sentence')).status).toBe(401);
    const { token } = await json<SessionResponse>(byRecovery);
    expect((await records(token)).codes[0]?.state).toBe('cancelled');
  });

  it('is cancelled when the member changes their password in Settings', async () => {
    const { code } = await issued(leader, member);
    const changed = await t.call('PUT', '/api/v1/account/password', {
      token: member.token,
      body: {
        currentPassword: 'correct horse battery',
        newPassword: NEW_PASSWORD,
        signOutOtherDevices: false,
      },
    });
    expect(changed.status).toBe(204);
    expect((await spend(code, member.email, 'yet another sentence')).status).toBe(401);
    expect((await records(member.token)).codes[0]?.state).toBe('cancelled');
  });

  it('slows guessing: wrong codes share the account’s budget with recovery codes', async () => {
    const { code } = await issued(leader, member);
    for (let i = 0; i < 10; i += 1) expect((await spend(`WRNG${i}-AAAAA`)).status).toBe(401);
    const limited = await spend(code);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const recovery = await t.call('POST', '/api/v1/password-resets/recovery-code', {
      body: { email: member.email, code: 'AAAA-AAAA-AAAA', password: NEW_PASSWORD },
    });
    expect(recovery.status).toBe(429);
    t.clock.now += HOUR + 1;
    expect((await spend(code)).status).toBe(200);
  });

  it('keeps leaders to members, the owner to anyone else, and nobody to themselves', async () => {
    const onOwner = await issue(leader, owner);
    expect(onOwner.status).toBe(403);
    expect((await json<ApiError>(onOwner)).error.code).toBe('not_the_owner');
    const other = await person(t, 'Lou Leader', 'lou@oaktree.example');
    const invite = await createInvite(t, owner, teamId);
    expect((await join(t, other, invite.code)).status).toBe(201);
    await setRole(t, owner, teamId, other, 'leader');
    expect((await issue(leader, other)).status).toBe(403);
    expect((await issue(owner, other)).status).toBe(201);
    const own = await issue(leader, leader);
    expect(own.status).toBe(409);
    expect((await json<ApiError>(own)).error.code).toBe('own_reset_code');
    const stranger = await person(t, 'Stan Stranger', 'stan@nowhere.example');
    const notInTeam = await issue(leader, stranger);
    expect(notInTeam.status).toBe(404);
    expect((await json<ApiError>(notInTeam)).error.code).toBe('member_not_found');
  });

  it('limits codes issued for one person to five an hour', async () => {
    for (let i = 0; i < 5; i += 1) expect((await issue(leader, member)).status).toBe(201);
    expect((await issue(owner, member)).status).toBe(429);
    t.clock.now += HOUR + 1;
    expect((await issue(owner, member)).status).toBe(201);
  });

  it('keeps the member’s record when the leader deletes their account, without naming them', async () => {
    const { code } = await issued(leader, member);
    const gone = await t.call('DELETE', '/api/v1/account', {
      token: leader.token,
      body: { password: 'correct horse battery' },
    });
    expect(gone.status).toBe(204);
    expect(await rowsMentioning(testDb.db, [leader.learnerId, leader.email])).toEqual([]);
    const { codes } = await records(member.token);
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatchObject({ issuedBy: null, teamName: 'Oak Tree Nursery', state: 'cancelled' });
    expect((await spend(code)).status).toBe(401);
  });
});
