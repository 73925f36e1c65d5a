// Team calls for the team screens, with the stored session's token. Joining and leaving change which teams
// (and so which assignments) this device shows, so after either one the list is fetched again and stored
// in `meta`, as a pull would; Today reads it from there, offline too. Without a session every call answers
// `unauthorized` without asking the server, so a screen shows "sign in" rather than a network error.
import type {
  ApiClient,
  ApiFailure,
  ApiResult,
  CreateAssignmentRequest,
  CreateInviteRequest,
} from '../api/api-client';
import type { SyncStore } from '../db/sync-store';
import type { MyTeam, StaffRole } from '../shared/protocol/team-protocol';
import type { CreateXapiKeyRequest, SetXapiForwardRequest } from '../shared/protocol/xapi-protocol';
import { withSession } from './with-session';

export type TeamActions = ReturnType<typeof createTeamActions>;

const SIGNED_OUT: { ok: false; failure: ApiFailure } = {
  ok: false,
  failure: {
    kind: 'unauthorized',
    status: 401,
    code: 'signed-out',
    message: 'Sign in to use teams.',
  },
};

export function createTeamActions(
  api: ApiClient,
  store: Pick<SyncStore, 'getSession' | 'setTeams' | 'setTeamRoster'>,
) {
  const withToken = <T>(
    run: (token: string, learnerId: string) => Promise<ApiResult<T>>,
  ): Promise<ApiResult<T>> => withSession(store, SIGNED_OUT, run);

  /** Fetches and stores the learner's teams; a failure keeps what the device has (the next pull brings it). */
  async function refreshMyTeams(): Promise<ApiResult<MyTeam[]>> {
    return withToken(async (token, learnerId) => {
      const result = await api.myTeams(token);
      if (!result.ok) return result;
      await store.setTeams(learnerId, result.value.teams);
      return { ok: true, value: result.value.teams };
    });
  }

  return {
    refreshMyTeams,
    myLearnerId: async () => (await store.getSession())?.learnerId,
    createTeam: async (name: string) => {
      const result = await withToken((token) => api.createTeam(token, name));
      if (result.ok) await refreshMyTeams();
      return result;
    },
    overview: () => withToken((token) => api.trustOverview(token)),
    renameTeam: (teamId: string, name: string) => withToken((token) => api.renameTeam(token, teamId, name)),
    deleteTeam: async (teamId: string) => {
      const result = await withToken((token) => api.deleteTeam(token, teamId));
      if (result.ok) await refreshMyTeams();
      return result;
    },
    handOver: async (teamId: string, learnerId: string) => {
      const result = await withToken((token) => api.handOver(token, teamId, learnerId));
      if (result.ok) await refreshMyTeams();
      return result;
    },
    /** The dashboard; its members are kept as the team's roster, to tick in a session with no signal. */
    dashboard: (teamId: string) =>
      withToken(async (token, learnerId) => {
        const result = await api.teamDashboard(token, teamId);
        if (result.ok) {
          const { team, members } = result.value;
          await store.setTeamRoster(learnerId, {
            teamId: team.teamId,
            teamName: team.name,
            members: members.map((m) => ({ learnerId: m.learnerId, name: m.name })),
            savedAt: new Date().toISOString(),
          });
        }
        return result;
      }),
    memberRecord: (teamId: string, learnerId: string) =>
      withToken((token) => api.memberRecord(token, teamId, learnerId)),
    setTeamRole: (teamId: string, learnerId: string, teamRole: 'leader' | 'member') =>
      withToken((token) => api.setTeamRole(token, teamId, learnerId, teamRole)),
    removeMember: (teamId: string, learnerId: string) =>
      withToken((token) => api.removeMember(token, teamId, learnerId)),
    /** Leaving stops sharing at once on the server; the device forgets the team's assignments too. */
    leave: async (teamId: string) => {
      const result = await withToken((token, learnerId) => api.removeMember(token, teamId, learnerId));
      if (result.ok) await refreshMyTeams();
      return result;
    },
    issueResetCode: (teamId: string, learnerId: string) =>
      withToken((token) => api.issueResetCode(token, teamId, learnerId)),
    cancelResetCode: (teamId: string, learnerId: string) =>
      withToken((token) => api.cancelResetCode(token, teamId, learnerId)),
    createInvite: (teamId: string, body: CreateInviteRequest) =>
      withToken((token) => api.createInvite(token, teamId, body)),
    invites: (teamId: string) => withToken((token) => api.invites(token, teamId)),
    /** The team's xAPI keys (docs/xapi.md), for its owner and leaders. */
    xapiKeys: (teamId: string) => withToken((token) => api.xapiKeys(token, teamId)),
    createXapiKey: (teamId: string, body: CreateXapiKeyRequest) =>
      withToken((token) => api.createXapiKey(token, body, teamId)),
    revokeXapiKey: (teamId: string, keyId: string) =>
      withToken((token) => api.revokeXapiKey(token, keyId, teamId)),
    /** The team's forwarding to its external LRS (docs/xapi.md), for its owner and leaders. */
    xapiForward: (teamId: string) => withToken((token) => api.xapiForward(token, teamId)),
    setXapiForward: (teamId: string, body: SetXapiForwardRequest) =>
      withToken((token) => api.setXapiForward(token, teamId, body)),
    stopXapiForward: (teamId: string) => withToken((token) => api.stopXapiForward(token, teamId)),
    revokeInvite: (teamId: string, code: string) =>
      withToken((token) => api.revokeInvite(token, teamId, code)),
    createAssignment: (teamId: string, body: CreateAssignmentRequest) =>
      withToken((token) => api.createAssignment(token, teamId, body)),
    deleteAssignment: (teamId: string, assignmentId: string) =>
      withToken((token) => api.deleteAssignment(token, teamId, assignmentId)),
    invitePreview: (code: string) => withToken((token) => api.invitePreview(token, code)),
    join: async (code: string, staffRole: StaffRole) => {
      const result = await withToken((token) => api.acceptInvite(token, code, staffRole));
      if (result.ok) await refreshMyTeams();
      return result;
    },
  };
}
