// A stand-in for the server's team routes in component tests, until they exist: it answers the paths and
// methods of src/shared/protocol/team-protocol.ts, parses each request body with the contract's strict request
// schema (400 when it does not fit) and sends contract-shaped answers (the fixtures are parsed when built).
// The app's sync engine also talks to it: device registration, push and a pull whose last page carries
// the learner's teams. Everything else (the course) is the fixture course.
import { vi } from 'vitest';
import {
  acceptInviteRequestSchema,
  createAssignmentRequestSchema,
  createInviteRequestSchema,
  createTeamRequestSchema,
  type Invite,
  type MyTeam,
  type TeamDashboard,
} from '../../src/shared/protocol/team-protocol';
import { serveFixtureCourse } from './render-app';
import { aDashboard, aMemberRecord, anAssignment, anInvite, aPreview, aTeam } from './team-fixtures';

export type FakeTeamServer = {
  /** The teams of the signed-in learner, as GET /teams and pull give them. */
  myTeams: MyTeam[];
  dashboard: TeamDashboard;
  invites: Invite[];
  /** Answer every API call as a lost connection. */
  offline: boolean;
  /** Answer the invite preview and accept with this error instead. */
  inviteError?: { status: number; code: string; message: string };
  requests: string[];
  install: () => void;
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const error = (status: number, code: string, message: string) => json({ error: { code, message } }, status);

export function fakeTeamServer(): FakeTeamServer {
  const server: FakeTeamServer = {
    myTeams: [],
    dashboard: aDashboard(),
    invites: [],
    offline: false,
    requests: [],
    install: () => {
      vi.stubGlobal('fetch', vi.fn(handle));
    },
  };

  async function handle(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const url = String(input);
    if (!url.startsWith('/api/')) return serveFixtureCourse(url);
    if (server.offline) throw new TypeError('Failed to fetch');
    const method = init.method ?? 'GET';
    const path = new URL(url, 'http://localhost').pathname.replace('/api/v1', '');
    server.requests.push(`${method} ${path}`);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const parse = <T>(schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }) => {
      const parsed = schema.safeParse(body);
      return parsed.success ? (parsed.data as T) : undefined;
    };

    if (path === '/devices') return json({ deviceId: '00000000-0000-4000-8000-00000000d001' }, 201);
    if (path === '/sync/push') return json({ results: [], docs: [], serverSeq: 0 });
    if (path === '/sync/pull')
      return json({ events: [], docs: [], nextCursor: 'c1', hasMore: false, teams: server.myTeams });
    if (path === '/teams' && method === 'GET') return json({ teams: server.myTeams });
    if (path === '/teams' && method === 'POST') {
      const request = parse<{ name: string }>(createTeamRequestSchema);
      if (!request) return error(400, 'invalid_body', 'bad');
      const team = aTeam({ teamId: 'team-new', name: request.name, myRole: 'owner', assignments: [] });
      server.myTeams = [...server.myTeams, team];
      server.dashboard = aDashboard({
        team: { teamId: 'team-new', name: request.name, createdAt: '2026-12-07T09:00:00.000Z' },
        assignments: [],
        members: [],
      });
      return json(team, 201);
    }
    const invite = path.match(/^\/invites\/([^/]+)(\/accept)?$/);
    if (invite) {
      if (server.inviteError)
        return error(server.inviteError.status, server.inviteError.code, server.inviteError.message);
      if (!invite[2]) return json(aPreview());
      const request = parse<{ staffRole: MyTeam['staffRole'] }>(acceptInviteRequestSchema);
      if (!request) return error(400, 'invalid_body', 'bad');
      const team = aTeam({ staffRole: request.staffRole });
      server.myTeams = [team];
      return json(team);
    }
    const team = path.match(/^\/teams\/([^/]+)(?:\/(.*))?$/);
    if (!team) return error(404, 'not_found', 'Not found');
    const [, teamId, rest = ''] = team;
    if (teamId !== server.dashboard.team.teamId)
      return error(404, 'team_not_found', 'There is no such team, or you are not in it.');
    if (rest === 'dashboard') return json(server.dashboard);
    if (rest === 'invites' && method === 'GET') return json({ invites: server.invites });
    if (rest === 'invites' && method === 'POST') {
      const request = parse<{ expiresInDays: number; emailDomain?: string }>(createInviteRequestSchema);
      if (!request) return error(400, 'invalid_body', 'bad');
      const created = anInvite({ ...(request.emailDomain ? { emailDomain: request.emailDomain } : {}) });
      server.invites = [created, ...server.invites];
      return json(created, 201);
    }
    const revoke = rest.match(/^invites\/(.+)$/);
    if (revoke && method === 'DELETE') {
      server.invites = server.invites.map((i) =>
        i.code === revoke[1] ? { ...i, revokedAt: '2026-12-07T10:00:00.000Z' } : i,
      );
      return new Response(null, { status: 204 });
    }
    if (rest === 'assignments' && method === 'POST') {
      const request = parse<{ group: string }>(createAssignmentRequestSchema);
      if (!request) return error(400, 'invalid_body', 'bad');
      const created = anAssignment({ id: 'asg-new', title: 'Speech, language and DLD' });
      server.dashboard = { ...server.dashboard, assignments: [...server.dashboard.assignments, created] };
      return json(created, 201);
    }
    const member = rest.match(/^members\/([^/]+)$/);
    if (member && method === 'GET' && member[1] === 'learner-ana') return json(aMemberRecord());
    if (member && method === 'DELETE') {
      server.myTeams = server.myTeams.filter((t) => t.teamId !== team[1] || member[1] !== 'learner-me');
      server.dashboard = {
        ...server.dashboard,
        members: server.dashboard.members.filter((m) => m.learnerId !== member[1]),
      };
      return new Response(null, { status: 204 });
    }
    return error(404, 'not_found', 'Not found');
  }

  return server;
}
