// Every team route against every kind of caller: the owner, a leader, a member, the leader of another
// team, a signed-in stranger and a signed-out caller. Each gets the contract's status, and an answer that
// refuses carries nothing of the team: not its name, nor any member's name, email or id, nor its codes.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  courseDist,
  createTeam,
  type Person,
  person,
  setRole,
  teamWithMembers,
} from './support/team-fixture';
import { makeTestApp, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, type TestDb, testDbKinds } from './support/test-databases';
import { makeXapiKey } from './support/xapi-fixture';

type Caller = 'owner' | 'leader' | 'member' | 'otherLeader' | 'stranger' | 'signedOut';
const CALLERS: Caller[] = ['owner', 'leader', 'member', 'otherLeader', 'stranger', 'signedOut'];

type World = {
  people: Record<Exclude<Caller, 'signedOut'> | 'member2', Person>;
  teamId: string;
  otherTeamId: string;
  code: string;
  assignmentId: string;
  xapiKeyId: string;
};

type Route = {
  name: string;
  method: string;
  path: (w: World) => string;
  body?: (w: World) => unknown;
  /** Made ready for this caller first (a reset code of theirs to cancel). */
  before?: (t: TestApp, w: World, caller: Caller) => Promise<void>;
  /** The status each caller gets; a caller missing here gets the team-route default. */
  expect: Partial<Record<Caller, number>>;
};

const TEAM_DEFAULT: Record<Caller, number> = {
  owner: 200,
  leader: 200,
  member: 403,
  otherLeader: 404,
  stranger: 404,
  signedOut: 401,
};

const dist = courseDist();

const ROUTES: Route[] = [
  {
    name: 'POST /teams',
    method: 'POST',
    path: () => '/teams',
    body: () => ({ name: 'A new team' }),
    expect: { owner: 201, leader: 201, member: 201, otherLeader: 201, stranger: 201 },
  },
  {
    name: 'GET /teams',
    method: 'GET',
    path: () => '/teams',
    expect: { member: 200, otherLeader: 200, stranger: 200 },
  },
  {
    name: 'GET /teams/overview',
    method: 'GET',
    path: () => '/teams/overview',
    expect: { member: 200, otherLeader: 200, stranger: 200 },
  },
  {
    name: 'PATCH /teams/:teamId',
    method: 'PATCH',
    path: (w) => `/teams/${w.teamId}`,
    body: () => ({ name: 'Renamed' }),
    expect: {},
  },
  {
    name: 'DELETE /teams/:teamId',
    method: 'DELETE',
    path: (w) => `/teams/${w.teamId}`,
    expect: { owner: 204, leader: 403 },
  },
  {
    name: 'POST /teams/:teamId/owner',
    method: 'POST',
    path: (w) => `/teams/${w.teamId}/owner`,
    body: (w) => ({ learnerId: w.people.member2.learnerId }),
    expect: { owner: 204, leader: 403 },
  },
  {
    name: 'GET /teams/:teamId/dashboard',
    method: 'GET',
    path: (w) => `/teams/${w.teamId}/dashboard`,
    expect: {},
  },
  {
    name: 'GET /teams/:teamId/members/:learnerId',
    method: 'GET',
    path: (w) => `/teams/${w.teamId}/members/${w.people.member2.learnerId}`,
    expect: {},
  },
  {
    name: 'PUT /teams/:teamId/members/:learnerId/role',
    method: 'PUT',
    path: (w) => `/teams/${w.teamId}/members/${w.people.member2.learnerId}/role`,
    body: () => ({ teamRole: 'leader' }),
    expect: { owner: 204, leader: 204 },
  },
  {
    name: 'DELETE /teams/:teamId/members/:learnerId (someone else)',
    method: 'DELETE',
    path: (w) => `/teams/${w.teamId}/members/${w.people.member2.learnerId}`,
    expect: { owner: 204, leader: 204 },
  },
  {
    name: 'POST /teams/:teamId/members/:learnerId/reset-code',
    method: 'POST',
    path: (w) => `/teams/${w.teamId}/members/${w.people.member2.learnerId}/reset-code`,
    expect: { owner: 201, leader: 201 },
  },
  {
    name: 'DELETE /teams/:teamId/members/:learnerId/reset-code',
    method: 'DELETE',
    path: (w) => `/teams/${w.teamId}/members/${w.people.member2.learnerId}/reset-code`,
    // A code is waiting, made by the caller when they may make one, else by the owner: the refusals are
    // about who calls, not about there being nothing to cancel.
    before: async (t, w, caller) => {
      const by = caller === 'leader' ? w.people.leader : w.people.owner;
      const made = await t.call(
        'POST',
        `/api/v1/teams/${w.teamId}/members/${w.people.member2.learnerId}/reset-code`,
        {
          token: by.token,
        },
      );
      expect(made.status).toBe(201);
    },
    expect: { owner: 204, leader: 204 },
  },
  {
    name: 'POST /teams/:teamId/invites',
    method: 'POST',
    path: (w) => `/teams/${w.teamId}/invites`,
    body: () => ({ expiresInDays: 7 }),
    expect: { owner: 201, leader: 201 },
  },
  {
    name: 'GET /teams/:teamId/invites',
    method: 'GET',
    path: (w) => `/teams/${w.teamId}/invites`,
    expect: {},
  },
  {
    name: 'DELETE /teams/:teamId/invites/:code',
    method: 'DELETE',
    path: (w) => `/teams/${w.teamId}/invites/${w.code}`,
    expect: { owner: 204, leader: 204 },
  },
  {
    name: 'POST /teams/:teamId/assignments',
    method: 'POST',
    path: (w) => `/teams/${w.teamId}/assignments`,
    body: () => ({ target: { kind: 'module', moduleId: 'foundations' }, group: 'everyone' }),
    expect: { owner: 201, leader: 201 },
  },
  {
    name: 'DELETE /teams/:teamId/assignments/:id',
    method: 'DELETE',
    path: (w) => `/teams/${w.teamId}/assignments/${w.assignmentId}`,
    expect: { owner: 204, leader: 204 },
  },
  {
    name: 'GET /teams/:teamId/xapi-keys',
    method: 'GET',
    path: (w) => `/teams/${w.teamId}/xapi-keys`,
    expect: {},
  },
  {
    name: 'POST /teams/:teamId/xapi-keys',
    method: 'POST',
    path: (w) => `/teams/${w.teamId}/xapi-keys`,
    body: () => ({ label: 'College LRS' }),
    expect: { owner: 201, leader: 201 },
  },
  {
    name: 'DELETE /teams/:teamId/xapi-keys/:keyId',
    method: 'DELETE',
    path: (w) => `/teams/${w.teamId}/xapi-keys/${w.xapiKeyId}`,
    expect: { owner: 204, leader: 204 },
  },
  {
    name: 'GET /teams/:teamId/xapi-forward',
    method: 'GET',
    path: (w) => `/teams/${w.teamId}/xapi-forward`,
    expect: {},
  },
  {
    name: 'PUT /teams/:teamId/xapi-forward',
    method: 'PUT',
    path: (w) => `/teams/${w.teamId}/xapi-forward`,
    body: () => ({ endpoint: 'https://lrs.example/xapi/', keyName: 'pocket', keySecret: 'lrs-secret' }),
    expect: {},
  },
  {
    name: 'DELETE /teams/:teamId/xapi-forward',
    method: 'DELETE',
    path: (w) => `/teams/${w.teamId}/xapi-forward`,
    expect: { owner: 204, leader: 204 },
  },
  {
    name: 'POST /facilitated-sessions for the team',
    method: 'POST',
    path: () => '/facilitated-sessions',
    body: (w) => ({
      sessionId: randomUUID(),
      moduleId: 'foundations',
      title: 'Foundations',
      lessonIds: ['what-sen-means'],
      checks: [],
      minutes: 20,
      startedAt: '2026-03-02T09:00:00.000Z',
      followUpOn: '2026-03-16',
      teamId: w.teamId,
    }),
    expect: { owner: 201, leader: 201 },
  },
  {
    name: 'GET /invites/:code',
    method: 'GET',
    path: (w) => `/invites/${w.code}`,
    expect: { member: 200, otherLeader: 200, stranger: 200 },
  },
  {
    name: 'POST /invites/:code/accept',
    method: 'POST',
    path: (w) => `/invites/${w.code}/accept`,
    body: () => ({ staffRole: 'teacher' }),
    expect: { member: 200, otherLeader: 201, stranger: 201 },
  },
];

/** Everything of team A that must never reach someone the route refuses. */
function secrets(w: World): string[] {
  const people = [w.people.owner, w.people.leader, w.people.member, w.people.member2];
  return [
    'Oak Tree Nursery',
    w.code,
    w.assignmentId,
    w.xapiKeyId,
    ...people.flatMap((p) => [p.name, p.email, p.learnerId]),
  ];
}

describe.each(testDbKinds)('team route authorisation on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  let w: World;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });

  beforeEach(async () => {
    t = makeTestApp(testDb.db, { distDir: dist });
    const owner = await person(t, 'Olive Ownerby', 'olive@oaktree.example');
    const leader = await person(t, 'Leo Leadbetter', 'leo@oaktree.example');
    const member = await person(t, 'Mia Memberson', 'mia@oaktree.example');
    const member2 = await person(t, 'Max Memberley', 'max@oaktree.example');
    const otherLeader = await person(t, 'Bea Elsewhere', 'bea@birch.example');
    const stranger = await person(t, 'Stan Stranger', 'stan@nowhere.example');
    const team = await teamWithMembers(t, owner, 'Oak Tree Nursery', [leader, member, member2]);
    const { invite } = team;
    await setRole(t, owner, team.teamId, leader, 'leader');
    const other = await createTeam(t, otherLeader, 'Birch Primary');
    const assigned = await t.call('POST', `/api/v1/teams/${team.teamId}/assignments`, {
      token: owner.token,
      body: { target: { kind: 'pathway', role: 'ta' }, group: 'everyone', dueOn: '2026-12-31' },
    });
    expect(assigned.status).toBe(201);
    const { id: assignmentId } = (await assigned.json()) as { id: string };
    const key = await makeXapiKey(t, owner.token, `/teams/${team.teamId}/xapi-keys`, { label: 'Trust LRS' });
    w = {
      people: { owner, leader, member, member2, otherLeader, stranger },
      teamId: team.teamId,
      otherTeamId: other.teamId,
      code: invite.code,
      assignmentId,
      xapiKeyId: key.id,
    };
    // Eleven calls with six sign-ups: on a busy shared machine with PostgreSQL, more than the default 10 s.
  }, 60_000);

  for (const route of ROUTES) {
    it.each(CALLERS)(`${route.name}: %s`, async (caller) => {
      const expected = route.expect[caller] ?? TEAM_DEFAULT[caller];
      const token = caller === 'signedOut' ? undefined : w.people[caller].token;
      await route.before?.(t, w, caller);
      const res = await t.call(route.method, `/api/v1${route.path(w)}`, {
        ...(token ? { token } : {}),
        ...(route.body ? { body: route.body(w) } : {}),
      });
      const text = await res.text();
      expect(res.status, text).toBe(expected);
      if (expected === 404) expect(JSON.parse(text).error.code).toBe('team_not_found');
      if (expected === 403) expect(JSON.parse(text).error.code).toMatch(/^not_a_leader$|^not_the_owner$/);
      if (caller === 'member' && expected === 403) expect(JSON.parse(text).error.code).toBe('not_a_leader');
      // Refused, or a route of the caller's own (their list, their overview): nothing of team A, except
      // where joining with its code shows its name, which is what a code is for.
      const mayKnowTeam =
        ['owner', 'leader', 'member'].includes(caller) || route.path(w).startsWith('/invites/');
      if (expected >= 400 || !mayKnowTeam) {
        for (const secret of secrets(w)) expect(text).not.toContain(secret);
      }
    });
  }

  it('a leader of another team cannot reach team A through their own team id either', async () => {
    const res = await t.call('GET', `/api/v1/teams/${w.otherTeamId}/members/${w.people.member.learnerId}`, {
      token: w.people.otherLeader.token,
    });
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe('member_not_found');
    for (const secret of secrets(w)) expect(text).not.toContain(secret);
  });
});
