// Every team route of the api client: the method, path and body it sends, and the answer it accepts, by the
// contract's schemas (src/shared/protocol/team-protocol.ts). A body of the wrong shape is a `bad-response`.
import { describe, expect, it } from 'vitest';
import { type ApiClient, createApiClient, type FetchLike } from '../../../src/api/api-client';
import {
  acceptInviteRequestSchema,
  createAssignmentRequestSchema,
  createInviteRequestSchema,
  createTeamRequestSchema,
  handOverRequestSchema,
  setTeamRoleRequestSchema,
} from '../../../src/shared/protocol/team-protocol';
import {
  aDashboard,
  aMemberRecord,
  anAssignment,
  anInvite,
  anOverview,
  aPreview,
  aTeam,
} from '../../helpers/team-fixtures';

type Row = {
  name: string;
  call: (api: ApiClient) => Promise<{ ok: boolean }>;
  method: string;
  path: string;
  /** The request schema the server parses the body with (strict, so an extra field fails). */
  request?: { parse: (body: unknown) => unknown };
  status: number;
  answer?: unknown;
};

const ROWS: Row[] = [
  {
    name: 'createTeam',
    call: (api) => api.createTeam('t', 'Oak Tree'),
    method: 'POST',
    path: '/api/v1/teams',
    request: createTeamRequestSchema,
    status: 201,
    answer: aTeam({ myRole: 'owner' }),
  },
  {
    name: 'myTeams',
    call: (api) => api.myTeams('t'),
    method: 'GET',
    path: '/api/v1/teams',
    status: 200,
    answer: { teams: [aTeam()] },
  },
  {
    name: 'trustOverview',
    call: (api) => api.trustOverview('t'),
    method: 'GET',
    path: '/api/v1/teams/overview',
    status: 200,
    answer: anOverview(),
  },
  {
    name: 'renameTeam',
    call: (api) => api.renameTeam('t', 'team-oak', 'Oak'),
    method: 'PATCH',
    path: '/api/v1/teams/team-oak',
    request: createTeamRequestSchema,
    status: 200,
    answer: aTeam(),
  },
  {
    name: 'deleteTeam',
    call: (api) => api.deleteTeam('t', 'team-oak'),
    method: 'DELETE',
    path: '/api/v1/teams/team-oak',
    status: 204,
  },
  {
    name: 'handOver',
    call: (api) => api.handOver('t', 'team-oak', 'learner-ana'),
    method: 'POST',
    path: '/api/v1/teams/team-oak/owner',
    request: handOverRequestSchema,
    status: 204,
  },
  {
    name: 'teamDashboard',
    call: (api) => api.teamDashboard('t', 'team-oak'),
    method: 'GET',
    path: '/api/v1/teams/team-oak/dashboard',
    status: 200,
    answer: aDashboard(),
  },
  {
    name: 'memberRecord',
    call: (api) => api.memberRecord('t', 'team-oak', 'learner-ana'),
    method: 'GET',
    path: '/api/v1/teams/team-oak/members/learner-ana',
    status: 200,
    answer: aMemberRecord(),
  },
  {
    name: 'setTeamRole',
    call: (api) => api.setTeamRole('t', 'team-oak', 'learner-ana', 'leader'),
    method: 'PUT',
    path: '/api/v1/teams/team-oak/members/learner-ana/role',
    request: setTeamRoleRequestSchema,
    status: 204,
  },
  {
    name: 'removeMember',
    call: (api) => api.removeMember('t', 'team-oak', 'learner-ana'),
    method: 'DELETE',
    path: '/api/v1/teams/team-oak/members/learner-ana',
    status: 204,
  },
  {
    name: 'createInvite',
    call: (api) => api.createInvite('t', 'team-oak', { expiresInDays: 14, emailDomain: 'oak.sch.uk' }),
    method: 'POST',
    path: '/api/v1/teams/team-oak/invites',
    request: createInviteRequestSchema,
    status: 201,
    answer: anInvite(),
  },
  {
    name: 'invites',
    call: (api) => api.invites('t', 'team-oak'),
    method: 'GET',
    path: '/api/v1/teams/team-oak/invites',
    status: 200,
    answer: { invites: [anInvite()] },
  },
  {
    name: 'revokeInvite',
    call: (api) => api.revokeInvite('t', 'team-oak', 'K7M2QX9P'),
    method: 'DELETE',
    path: '/api/v1/teams/team-oak/invites/K7M2QX9P',
    status: 204,
  },
  {
    name: 'createAssignment',
    call: (api) =>
      api.createAssignment('t', 'team-oak', {
        target: { kind: 'pathway', role: 'ta' },
        group: 'ta',
        dueOn: '2026-12-18',
      }),
    method: 'POST',
    path: '/api/v1/teams/team-oak/assignments',
    request: createAssignmentRequestSchema,
    status: 201,
    answer: anAssignment(),
  },
  {
    name: 'deleteAssignment',
    call: (api) => api.deleteAssignment('t', 'team-oak', 'asg-1'),
    method: 'DELETE',
    path: '/api/v1/teams/team-oak/assignments/asg-1',
    status: 204,
  },
  {
    name: 'invitePreview',
    call: (api) => api.invitePreview('t', 'K7M2QX9P'),
    method: 'GET',
    path: '/api/v1/invites/K7M2QX9P',
    status: 200,
    answer: aPreview(),
  },
  {
    name: 'acceptInvite',
    call: (api) => api.acceptInvite('t', 'K7M2QX9P', 'ta'),
    method: 'POST',
    path: '/api/v1/invites/K7M2QX9P/accept',
    request: acceptInviteRequestSchema,
    status: 200,
    answer: aTeam(),
  },
];

function recordingFetch(status: number, answer: unknown) {
  const seen: { url: string; method?: string; body?: unknown; auth: string | null }[] = [];
  const fetch: FetchLike = async (url, init) => {
    seen.push({
      url,
      method: init.method,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      auth: new Headers(init.headers).get('authorization'),
    });
    return new Response(status === 204 ? null : JSON.stringify(answer), { status });
  };
  return { fetch, seen };
}

describe('team routes in the api client', () => {
  it.each(ROWS)('$name: $method $path', async ({ call, method, path, request, status, answer }) => {
    const { fetch, seen } = recordingFetch(status, answer);
    const result = await call(createApiClient({ baseUrl: 'https://cpd.test', fetch }));
    expect(result.ok).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ url: `https://cpd.test${path}`, method, auth: 'Bearer t' });
    if (request) expect(() => request.parse(seen[0]?.body)).not.toThrow();
    else expect(seen[0]?.body).toBeUndefined();
  });

  it.each(ROWS.filter((row) => row.answer !== undefined))(
    '$name: an answer of another shape is a bad response, never a half-read value',
    async ({ call, status }) => {
      const { fetch } = recordingFetch(status, { teams: 'nope', members: 3 });
      const result = (await call(createApiClient({ baseUrl: '', fetch }))) as Awaited<
        ReturnType<ApiClient['myTeams']>
      >;
      expect(result).toMatchObject({ ok: false, failure: { kind: 'server', code: 'bad-response' } });
    },
  );

  it('escapes ids and codes in the path, so a typed code cannot reach another route', async () => {
    const { fetch, seen } = recordingFetch(200, aPreview());
    await createApiClient({ baseUrl: '', fetch }).invitePreview('t', '../teams');
    expect(seen[0]?.url).toBe('/api/v1/invites/..%2Fteams');
  });

  it.each([
    { status: 404, code: 'invite_not_found', kind: 'rejected' },
    { status: 410, code: 'invite_expired', kind: 'rejected' },
    { status: 403, code: 'invite_domain', kind: 'rejected' },
    { status: 403, code: 'not_a_leader', kind: 'rejected' },
  ])(
    'an invite or leader refusal ($code) keeps the server code for the screen',
    async ({ status, code, kind }) => {
      const fetch: FetchLike = async () =>
        new Response(JSON.stringify({ error: { code, message: 'words' } }), { status });
      const result = await createApiClient({ baseUrl: '', fetch }).acceptInvite('t', 'K7M2QX9P', 'ta');
      expect(result).toEqual({ ok: false, failure: { kind, status, code, message: 'words' } });
    },
  );
});
