// Teams end to end through the API: joining with a code (expiry, revocation, email domain, twice, rate
// limit), assignments checked against the served course, leaving and removal, hand-over, deletion, the
// dashboard's statuses relative to the server's date, and the learner's teams on the last pull page.
import { beforeEach, describe, expect, it } from 'vitest';
import { assignmentsDueSoon } from '../../server/teams/assignments-due-soon';
import { readableCodePattern } from '../../src/shared/protocol/readable-code';
import type { PullResponse } from '../../src/shared/protocol/sync-protocol';
import type {
  Assignment,
  Invite,
  InvitePreview,
  MemberRecord,
  MyTeam,
  TeamDashboard,
  TrustOverview,
} from '../../src/shared/protocol/team-protocol';
import { courseDist, createInvite, createTeam, join, type Person, person } from './support/team-fixture';
import { json, makeEvent, makeTestApp, T0, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';

const DAY = 24 * 60 * 60 * 1000;
const dist = courseDist();

describe.each(testDbKinds)('teams on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let owner: Person;
  let staff: Person;
  let team: MyTeam;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });
  beforeEach(async () => {
    t = makeTestApp(testDb.db, { distDir: dist });
    owner = await person(t, 'Olive Ownerby', 'olive@oaktree.sch.uk');
    staff = await person(t, 'Sam Staff', 'sam@oaktree.sch.uk');
    team = await createTeam(t, owner, 'Oak Tree Nursery');
  });

  const call = (who: Person, method: string, path: string, body?: unknown) =>
    t.call(method, `/api/v1${path}`, { token: who.token, ...(body === undefined ? {} : { body }) });
  const dashboard = async () =>
    json<TeamDashboard>(await call(owner, 'GET', `/teams/${team.teamId}/dashboard`));
  const assign = async (body: unknown) => {
    const res = await call(owner, 'POST', `/teams/${team.teamId}/assignments`, body);
    expect(res.status, await res.clone().text()).toBe(201);
    return json<Assignment>(res);
  };
  const push = async (who: Person, events: unknown[]) => {
    const res = await call(who, 'POST', '/sync/push', { deviceId: who.deviceId, events });
    expect(res.status).toBe(200);
    const { results } = await json<{ results: { status: string }[] }>(res);
    expect(results.every((r) => r.status === 'acked')).toBe(true);
  };
  const completed = (who: Person, lessonId: string, at: number, seq: number) =>
    makeEvent(who.deviceId, seq, {
      type: 'lesson-completed',
      lessonId,
      at: new Date(at).toISOString(),
      hlc: `${String(at).padStart(15, '0')}:0000:${who.deviceId.slice(0, 8)}`,
    });

  it('the creator owns the team and sees it in their list', async () => {
    expect(team).toMatchObject({ name: 'Oak Tree Nursery', myRole: 'owner', assignments: [] });
    const { teams } = await json<{ teams: MyTeam[] }>(await call(owner, 'GET', '/teams'));
    expect(teams.map((x) => [x.teamId, x.myRole])).toEqual([[team.teamId, 'owner']]);
  });

  it('an invite is an 8-character code of the alphabet with a join link, previewed then accepted', async () => {
    const invite = await createInvite(t, owner, team.teamId);
    expect(invite.code).toMatch(readableCodePattern(8));
    expect(invite.url).toMatch(new RegExp(`/join/${invite.code}$`));
    expect(Date.parse(invite.expiresAt) - T0).toBe(14 * DAY);
    // Typed in lower case from the wall poster.
    const preview = await json<InvitePreview>(
      await call(staff, 'GET', `/invites/${invite.code.toLowerCase()}`),
    );
    expect(preview).toEqual({
      teamName: 'Oak Tree Nursery',
      expiresAt: invite.expiresAt,
      alreadyMember: false,
    });
    const joined = await join(t, staff, invite.code, 'ta');
    expect(joined.status).toBe(201);
    expect(await json<MyTeam>(joined)).toMatchObject({
      teamId: team.teamId,
      myRole: 'member',
      staffRole: 'ta',
    });
    // Twice is fine, and changes nothing.
    const again = await join(t, staff, invite.code, 'teacher');
    expect(again.status).toBe(200);
    expect(await json<MyTeam>(again)).toMatchObject({ staffRole: 'ta' });
    expect(
      (await json<InvitePreview>(await call(staff, 'GET', `/invites/${invite.code}`))).alreadyMember,
    ).toBe(true);
    const members = (await dashboard()).members.map((m) => [m.name, m.teamRole, m.staffRole]);
    expect(members).toEqual([
      ['Olive Ownerby', 'owner', 'leader'],
      ['Sam Staff', 'member', 'ta'],
    ]);
  });

  it('an expired invite answers 410 and joins no one', async () => {
    const invite = await createInvite(t, owner, team.teamId, { expiresInDays: 1 });
    t.clock.now = T0 + DAY + 1;
    const preview = await call(staff, 'GET', `/invites/${invite.code}`);
    expect(preview.status).toBe(410);
    const res = await join(t, staff, invite.code);
    expect(res.status).toBe(410);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe('invite_expired');
    expect((await dashboard()).members).toHaveLength(1);
  });

  it('a revoked invite is unknown at once, and the list keeps it as past', async () => {
    const invite = await createInvite(t, owner, team.teamId);
    t.clock.now = T0 + 5000;
    expect((await call(owner, 'DELETE', `/teams/${team.teamId}/invites/${invite.code}`)).status).toBe(204);
    const res = await join(t, staff, invite.code);
    expect(res.status).toBe(404);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe('invite_not_found');
    const { invites } = await json<{ invites: Invite[] }>(
      await call(owner, 'GET', `/teams/${team.teamId}/invites`),
    );
    expect(invites).toEqual([{ ...invite, revokedAt: new Date(T0 + 5000).toISOString() }]);
    expect((await dashboard()).members).toHaveLength(1);
  });

  it('an unknown or malformed code is 404 invite_not_found', async () => {
    for (const code of ['ZZZZZZZZ', 'not-a-code', '0O1IL000']) {
      const res = await call(staff, 'GET', `/invites/${code}`);
      expect(res.status).toBe(404);
      expect((await json<{ error: { code: string } }>(res)).error.code).toBe('invite_not_found');
    }
  });

  it("an invite limited to a domain takes that domain's addresses (and its subdomains) only", async () => {
    const invite = await createInvite(t, owner, team.teamId, { emailDomain: 'OakTree.sch.uk' });
    expect(invite.emailDomain).toBe('oaktree.sch.uk');
    const outsider = await person(t, 'Out Sider', 'out@gmail.example');
    const sneaky = await person(t, 'Sneaky', 'x@notoaktree.sch.uk');
    const sub = await person(t, 'Sub Domain', 'y@staff.oaktree.sch.uk');
    for (const who of [outsider, sneaky]) {
      const res = await join(t, who, invite.code);
      expect(res.status).toBe(403);
      const { error } = await json<{ error: { code: string; message: string } }>(res);
      expect(error.code).toBe('invite_domain');
      expect(error.message).toContain('oaktree.sch.uk');
    }
    expect((await join(t, staff, invite.code)).status).toBe(201);
    expect((await join(t, sub, invite.code)).status).toBe(201);
    expect((await dashboard()).members.map((m) => m.name).sort()).toEqual([
      'Olive Ownerby',
      'Sam Staff',
      'Sub Domain',
    ]);
  });

  it('trying codes is rate-limited per account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await call(staff, 'GET', '/invites/ZZZZZZZZ')).status);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    t.clock.now = T0 + 61_000;
    expect((await call(staff, 'GET', '/invites/ZZZZZZZZ')).status).toBe(404);
  });

  it('assignments are checked against the course and pathways resolved to its modules when assigned', async () => {
    const unknown = await call(owner, 'POST', `/teams/${team.teamId}/assignments`, {
      target: { kind: 'module', moduleId: 'no-such-module' },
      group: 'everyone',
    });
    expect(unknown.status).toBe(400);
    const noPathway = await call(owner, 'POST', `/teams/${team.teamId}/assignments`, {
      target: { kind: 'pathway', role: 'support' },
      group: 'everyone',
    });
    expect(noPathway.status).toBe(400);
    const past = await call(owner, 'POST', `/teams/${team.teamId}/assignments`, {
      target: { kind: 'module', moduleId: 'foundations' },
      group: 'everyone',
      dueOn: '2026-03-01',
    });
    expect(past.status).toBe(400);
    const pathway = await assign({ target: { kind: 'pathway', role: 'teacher' }, group: 'teacher' });
    // The pathway's module the course no longer has is left out.
    expect(pathway).toMatchObject({ title: 'Teachers in schools', moduleIds: ['foundations', 'extra'] });
    t.clock.now += 1000;
    const one = await assign({
      target: { kind: 'module', moduleId: 'four-areas' },
      group: 'everyone',
      dueOn: '2026-04-01',
    });
    expect(one).toMatchObject({
      title: 'The four areas of need',
      moduleIds: ['four-areas'],
      dueOn: '2026-04-01',
    });
    // A TA sees only what is meant for everyone; a teacher sees both.
    const invite = await createInvite(t, owner, team.teamId);
    const teacher = await person(t, 'Tia Teacher', 'tia@oaktree.sch.uk');
    expect(
      (await json<MyTeam>(await join(t, staff, invite.code, 'ta'))).assignments.map((a) => a.id),
    ).toEqual([one.id]);
    expect(
      (await json<MyTeam>(await join(t, teacher, invite.code, 'teacher'))).assignments.map((a) => a.id),
    ).toEqual([pathway.id, one.id]);
    expect((await call(owner, 'DELETE', `/teams/${team.teamId}/assignments/${one.id}`)).status).toBe(204);
    expect((await call(owner, 'DELETE', `/teams/${team.teamId}/assignments/${one.id}`)).status).toBe(404);
    const { teams } = await json<{ teams: MyTeam[] }>(await call(teacher, 'GET', '/teams'));
    expect(teams[0]?.assignments.map((a) => a.id)).toEqual([pathway.id]);
  });

  it('the last pull page carries the learner’s teams; earlier pages do not', async () => {
    const invite = await createInvite(t, owner, team.teamId);
    await join(t, staff, invite.code, 'ta');
    const one = await assign({ target: { kind: 'module', moduleId: 'foundations' }, group: 'everyone' });
    await push(staff, [makeEvent(staff.deviceId, 1), makeEvent(staff.deviceId, 2)]);
    const first = await json<PullResponse>(await call(staff, 'GET', '/sync/pull?limit=1'));
    expect(first.hasMore).toBe(true);
    expect(first.teams).toBeUndefined();
    const last = await json<PullResponse>(
      await call(staff, 'GET', `/sync/pull?limit=5&cursor=${first.nextCursor}`),
    );
    expect(last.hasMore).toBe(false);
    expect(last.teams).toEqual([
      expect.objectContaining({ teamId: team.teamId, myRole: 'member', assignments: [one] }),
    ]);
    // After leaving, the list is empty: the device drops the team.
    expect((await call(staff, 'DELETE', `/teams/${team.teamId}/members/${staff.learnerId}`)).status).toBe(
      204,
    );
    const after = await json<PullResponse>(await call(staff, 'GET', '/sync/pull'));
    expect(after.teams).toEqual([]);
  });

  it('leaving and removal take effect at once; the owner must hand over before leaving', async () => {
    const invite = await createInvite(t, owner, team.teamId);
    const other = await person(t, 'Ola Other', 'ola@oaktree.sch.uk');
    await join(t, staff, invite.code);
    await join(t, other, invite.code);
    expect((await call(staff, 'DELETE', `/teams/${team.teamId}/members/${staff.learnerId}`)).status).toBe(
      204,
    );
    expect((await dashboard()).members.map((m) => m.name)).toEqual(['Ola Other', 'Olive Ownerby']);
    expect((await call(staff, 'GET', `/teams/${team.teamId}/dashboard`)).status).toBe(404);
    expect((await call(owner, 'DELETE', `/teams/${team.teamId}/members/${other.learnerId}`)).status).toBe(
      204,
    );
    expect((await dashboard()).members.map((m) => m.name)).toEqual(['Olive Ownerby']);
    expect((await call(owner, 'GET', `/teams/${team.teamId}/members/${other.learnerId}`)).status).toBe(404);
    const ownerLeaves = await call(owner, 'DELETE', `/teams/${team.teamId}/members/${owner.learnerId}`);
    expect(ownerLeaves.status).toBe(409);
    expect((await json<{ error: { code: string } }>(ownerLeaves)).error.code).toBe('owner_must_hand_over');
  });

  it('hand-over makes the member the owner and keeps the old owner a leader, who may then leave', async () => {
    const invite = await createInvite(t, owner, team.teamId);
    await join(t, staff, invite.code);
    expect((await call(owner, 'POST', `/teams/${team.teamId}/owner`, { learnerId: 'nobody' })).status).toBe(
      404,
    );
    expect(
      (await call(owner, 'POST', `/teams/${team.teamId}/owner`, { learnerId: staff.learnerId })).status,
    ).toBe(204);
    const roles = (await dashboard()).members.map((m) => [m.name, m.teamRole]);
    expect(roles).toEqual([
      ['Olive Ownerby', 'leader'],
      ['Sam Staff', 'owner'],
    ]);
    // The new owner cannot be demoted or removed by a leader.
    expect(
      (
        await call(owner, 'PUT', `/teams/${team.teamId}/members/${staff.learnerId}/role`, {
          teamRole: 'member',
        })
      ).status,
    ).toBe(409);
    expect((await call(owner, 'DELETE', `/teams/${team.teamId}/members/${staff.learnerId}`)).status).toBe(
      403,
    );
    expect((await call(owner, 'DELETE', `/teams/${team.teamId}/members/${owner.learnerId}`)).status).toBe(
      204,
    );
    expect((await call(staff, 'DELETE', `/teams/${team.teamId}`)).status).toBe(204);
  });

  it('deleting a team removes its memberships, invites and assignments', async () => {
    const invite = await createInvite(t, owner, team.teamId);
    await join(t, staff, invite.code);
    await assign({ target: { kind: 'module', moduleId: 'foundations' }, group: 'everyone' });
    const keep = await createTeam(t, staff, 'Another team');
    expect((await call(owner, 'DELETE', `/teams/${team.teamId}`)).status).toBe(204);
    const k = testDb.db.kysely;
    for (const table of ['team_members', 'team_invites', 'team_assignments'] as const) {
      const rows = await k.selectFrom(table).select('team_id').where('team_id', '=', team.teamId).execute();
      expect(rows, table).toEqual([]);
    }
    expect(await k.selectFrom('teams').select('id').execute()).toEqual([{ id: keep.teamId }]);
    expect((await join(t, await person(t, 'Late', 'late@oaktree.sch.uk'), invite.code)).status).toBe(404);
    expect(
      (await json<{ teams: MyTeam[] }>(await call(staff, 'GET', '/teams'))).teams.map((x) => x.name),
    ).toEqual(['Another team']);
  });

  it('a study reminder names an assignment still to do and due within two weeks, and not once it is done', async () => {
    const invite = await createInvite(t, owner, team.teamId);
    await join(t, staff, invite.code, 'ta');
    t.clock.now = Date.parse('2026-03-06T12:00:00Z');
    await assign({ target: { kind: 'module', moduleId: 'foundations' }, group: 'ta', dueOn: '2026-03-10' });
    await assign({ target: { kind: 'module', moduleId: 'extra' }, group: 'everyone', dueOn: '2026-06-30' });
    const dueSoon = assignmentsDueSoon(testDb.db);
    const now = new Date(t.clock.now);
    expect(await dueSoon(staff.learnerId, now)).toEqual([
      { title: 'Foundations, due 2026-03-10', url: '/modules/foundations' },
    ]);
    // Not the owner's: their role is "leader", and the other assignment is months away.
    expect(await dueSoon(owner.learnerId, now)).toEqual([]);
    const at = Date.parse('2026-03-06T10:00:00Z');
    await push(staff, [completed(staff, 'f1', at, 1), completed(staff, 'f2', at + 1000, 2)]);
    expect(await dueSoon(staff.learnerId, now)).toEqual([]);
  });

  it('the dashboard gives done, in progress, not started and overdue relative to the server’s date', async () => {
    const invite = await createInvite(t, owner, team.teamId);
    const busy = await person(t, 'Bea Busy', 'bea@oaktree.sch.uk');
    const idle = await person(t, 'Ian Idle', 'ian@oaktree.sch.uk');
    for (const who of [staff, busy, idle]) await join(t, who, invite.code, 'ta');
    t.clock.now = Date.parse('2026-03-06T12:00:00Z');
    const foundations = await assign({
      target: { kind: 'module', moduleId: 'foundations' },
      group: 'ta',
      dueOn: '2026-03-10',
    });
    const at = Date.parse('2026-03-04T10:15:00.000+00:00');
    await push(staff, [completed(staff, 'f1', at, 1), completed(staff, 'f2', at + DAY, 2)]);
    await push(busy, [completed(busy, 'f1', at, 1)]);
    const statusOf = (d: TeamDashboard, name: string) =>
      d.members.find((m) => m.name === name)?.assignments.find((a) => a.assignmentId === foundations.id);
    const before = await dashboard();
    expect(before.asOf).toBe('2026-03-06');
    expect(statusOf(before, 'Sam Staff')).toEqual({
      assignmentId: foundations.id,
      status: 'done',
      completedOn: '2026-03-05',
    });
    expect(statusOf(before, 'Bea Busy')?.status).toBe('in-progress');
    expect(statusOf(before, 'Ian Idle')?.status).toBe('not-started');
    // The owner chose the "leader" role: the TA assignment is not theirs.
    expect(before.members.find((m) => m.name === 'Olive Ownerby')?.assignments).toEqual([]);
    const sam = before.members.find((m) => m.name === 'Sam Staff');
    expect(sam?.lessonsCompleted).toBe(2);
    expect(sam?.modules).toEqual([
      {
        moduleId: 'foundations',
        lessonsCompleted: 2,
        lessonsTotal: 2,
        completedOn: '2026-03-05',
        minutes: 0,
      },
    ]);
    // Due at the end of 10 March: still not overdue that day, overdue the next.
    t.clock.now = Date.parse('2026-03-10T23:00:00Z');
    expect(statusOf(await dashboard(), 'Ian Idle')?.status).toBe('not-started');
    t.clock.now = Date.parse('2026-03-11T00:30:00Z');
    const after = await dashboard();
    expect(after.asOf).toBe('2026-03-11');
    expect(statusOf(after, 'Ian Idle')?.status).toBe('overdue');
    expect(statusOf(after, 'Bea Busy')?.status).toBe('overdue');
    expect(statusOf(after, 'Sam Staff')?.status).toBe('done');
    const record = await json<MemberRecord>(
      await call(owner, 'GET', `/teams/${team.teamId}/members/${staff.learnerId}`),
    );
    expect(record.modules).toEqual([
      expect.objectContaining({
        moduleId: 'foundations',
        lessons: [
          { lessonId: 'f1', completedOn: '2026-03-04' },
          { lessonId: 'f2', completedOn: '2026-03-05' },
        ],
      }),
    ]);
    // Dates only: no times of day anywhere in what leaders see of a member.
    expect(JSON.stringify(record)).not.toMatch(/T\d\d:\d\d/);
    const overview = await json<TrustOverview>(await call(owner, 'GET', '/teams/overview'));
    expect(overview).toEqual({
      asOf: '2026-03-11',
      teams: [
        {
          teamId: team.teamId,
          name: 'Oak Tree Nursery',
          memberCount: 4,
          assignments: [
            {
              assignmentId: foundations.id,
              title: 'Foundations',
              dueOn: '2026-03-10',
              assigned: 3,
              done: 1,
              overdue: 2,
            },
          ],
        },
      ],
    });
  });

  it('a trust lead sees each team they lead side by side, and no team they only belong to', async () => {
    const second = await createTeam(t, owner, 'Birch Primary');
    const elsewhere = await createTeam(t, staff, 'Cedar College');
    const invite = await createInvite(t, staff, elsewhere.teamId);
    await join(t, owner, invite.code, 'leader');
    const overview = await json<TrustOverview>(await call(owner, 'GET', '/teams/overview'));
    expect(overview.teams.map((x) => x.name)).toEqual(['Birch Primary', 'Oak Tree Nursery']);
    expect(overview.teams.map((x) => x.teamId)).toEqual([second.teamId, team.teamId]);
  });
});
