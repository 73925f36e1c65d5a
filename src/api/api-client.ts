// The one door to our server (DESIGN.md §2, §5): every call to /api/v1/* goes through here, typed by the
// shared zod schemas, with one error shape, one timeout and one place that notices a lost session (401).
// It keeps nothing: every call returns a result instead of throwing, so callers decide what a failure
// means — offline (network or timeout), signed out (401), refused for good (other 4xx), too big (413),
// slow down (429) or try later (5xx, with Retry-After when the server gives one).
import { z } from 'zod';
import {
  type AccountPatch,
  accountProfileSchema,
  type PasswordChange,
} from '../shared/protocol/account-protocol';
import {
  myCertificateSchema,
  myCertificatesResponseSchema,
  publicKeysResponseSchema,
  signedCertificateSchema,
  verifyResponseSchema,
} from '../shared/protocol/certificate-protocol';
import {
  issuedResetCodeSchema,
  type LeaderCodeReset,
  leaderCodeRecordsSchema,
} from '../shared/protocol/leader-reset-protocol';
import { type DeleteAccountRequest, myDataSchema } from '../shared/protocol/my-data-protocol';
import {
  emailResetResponseSchema,
  type RecoveryCodeReset,
  recoveryCodesResponseSchema,
  recoveryCodesStatusSchema,
  resetOptionsSchema,
  type TokenReset,
} from '../shared/protocol/recovery-protocol';
import { type PushSubscriptionBody, vapidKeyResponseSchema } from '../shared/protocol/reminder-protocol';
import {
  type StartSessionRequest,
  sessionAttendanceSchema,
  sessionPreviewSchema,
  startedSessionSchema,
  type TickedMember,
} from '../shared/protocol/session-protocol';
import {
  type AccountRequest,
  type ApiError,
  apiErrorBodySchema,
  deviceResponseSchema,
  type PushRequest,
  pullResponseSchema,
  pushResponseSchema,
  QUOTA_EXCEEDED_CODE,
  type QuotaKind,
  type SessionRequest,
  sessionResponseSchema,
} from '../shared/protocol/sync-protocol';
import {
  assignmentSchema,
  type createAssignmentRequestSchema,
  type createInviteRequestSchema,
  invitePreviewSchema,
  inviteSchema,
  invitesResponseSchema,
  memberRecordSchema,
  myTeamSchema,
  myTeamsResponseSchema,
  type StaffRole,
  teamDashboardSchema,
  trustOverviewResponseSchema,
} from '../shared/protocol/team-protocol';
import {
  type CreateXapiKeyRequest,
  createdXapiKeySchema,
  type SetXapiForwardRequest,
  xapiForwardResponseSchema,
  xapiKeysResponseSchema,
} from '../shared/protocol/xapi-protocol';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** The kinds of failure, by what a caller does about them. */
export type ApiFailureKind =
  | 'network'
  | 'unauthorized'
  | 'too-large'
  | 'rate-limited'
  | 'rejected'
  | 'server';

/** The one error shape of every call to our server. */
export type ApiFailure = {
  kind: ApiFailureKind;
  /** The HTTP status; 0 when no answer came (offline, the connection dropped, the timeout passed). */
  status: number;
  /** The server's error code (`unauthorized`, `unknown_device` …), else `network`, `timeout` or `bad-response`. */
  code: string;
  /** The server's message, in words a person can read. */
  message: string;
  /** How long the server asked us to wait (Retry-After on a 429 or a 503, or until a daily quota resets). */
  retryAfterMs?: number;
  /** With code quota_exceeded: which limit the push hit; `message` is written for the learner. */
  quota?: QuotaKind;
  /** With quota events-per-day: how many new events the server still takes today. */
  remaining?: number;
};

export type CreateInviteRequest = z.input<typeof createInviteRequestSchema>;
export type CreateAssignmentRequest = z.input<typeof createAssignmentRequestSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

export type ApiClient = ReturnType<typeof createApiClient>;

export type ApiClientOptions = {
  /** Origin and path prefix of the server, e.g. `https://cpd.example.org` or '' for the same origin. */
  baseUrl: string;
  fetch?: FetchLike;
  /** Give up on a request that hangs (a captive portal, a dead mobile link) and treat it as offline. */
  timeoutMs?: number;
  /**
   * The one 401 path: called when a call made with a session token is refused with 401 (the session
   * expired, or the learner signed out everywhere), before the caller sees the failure. A 401 to a call
   * without a token (a wrong password at sign-in) is not a lost session and does not call it.
   */
  onUnauthorized?: (failure: ApiFailure) => void | Promise<void>;
};

type Call = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  token?: string;
  body?: unknown;
};

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

async function errorBody(response: Response): Promise<ApiError['error']> {
  try {
    const parsed = apiErrorBodySchema.safeParse(await response.json());
    if (parsed.success) return parsed.data.error;
  } catch {
    // Not JSON (a proxy's page): the status says what there is to say.
  }
  return { code: `http-${response.status}`, message: response.statusText || `HTTP ${response.status}` };
}

function kindOf(status: number): ApiFailureKind {
  if (status === 401) return 'unauthorized';
  if (status === 413) return 'too-large';
  if (status === 429) return 'rate-limited';
  if (status >= 400 && status < 500) return 'rejected';
  return 'server';
}

async function failureOf(response: Response): Promise<ApiFailure> {
  const { code, message, quota, remaining } = await errorBody(response);
  const failure: ApiFailure = { kind: kindOf(response.status), status: response.status, code, message };
  // A quota answer is a 403, so already 'rejected'.
  if (quota && code === QUOTA_EXCEEDED_CODE) {
    failure.quota = quota;
    if (remaining !== undefined) failure.remaining = remaining;
  }
  // A 429, or a 503 while the server's database restarts, says when to come back; others leave it to backoff.
  const after = retryAfterMs(response.headers.get('retry-after'));
  if (after !== undefined) failure.retryAfterMs = after;
  return failure;
}

function networkFailure(error: unknown): ApiFailure {
  const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
  return {
    kind: 'network',
    status: 0,
    code: timedOut ? 'timeout' : 'network',
    message: timedOut ? 'The server did not answer in time.' : String(error),
  };
}

export function createApiClient({
  baseUrl,
  fetch: fetchFn,
  timeoutMs = 30_000,
  onUnauthorized,
}: ApiClientOptions) {
  const base = baseUrl.replace(/\/+$/, '');

  async function call<T>({ method, path, token, body }: Call, schema: z.ZodType<T>): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const init: RequestInit = {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    // Browsers before 2022 (Safari 15 on older iPads) lack AbortSignal.timeout: they wait for the
    // browser's own timeout instead.
    if (typeof AbortSignal.timeout === 'function') init.signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await (fetchFn ?? defaultFetch)(`${base}${path}`, init);
    } catch (error) {
      return { ok: false, failure: networkFailure(error) };
    }
    if (!response.ok) {
      const failure = await failureOf(response);
      if (failure.kind === 'unauthorized' && token) await onUnauthorized?.(failure);
      return { ok: false, failure };
    }
    let json: unknown;
    try {
      json = response.status === 204 ? undefined : await response.json();
    } catch (error) {
      // The body timed out or was cut off: nothing was answered, so it is the same as offline.
      if (error instanceof DOMException) return { ok: false, failure: networkFailure(error) };
      // A proxy's HTML page: the request may not have reached us, so retry later.
      return {
        ok: false,
        failure: serverFailure(response.status, 'The server answered with unreadable data.'),
      };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      return {
        ok: false,
        failure: serverFailure(response.status, 'The server answered in an unexpected shape.'),
      };
    }
    return { ok: true, value: parsed.data };
  }

  return {
    createAccount: (body: AccountRequest) =>
      call({ method: 'POST', path: '/api/v1/accounts', body }, sessionResponseSchema),
    signIn: (body: SessionRequest) =>
      call({ method: 'POST', path: '/api/v1/sessions', body }, sessionResponseSchema),
    signOut: (token: string) =>
      call({ method: 'DELETE', path: '/api/v1/sessions/current', token }, nothingSchema),
    signOutEverywhere: (token: string) =>
      call({ method: 'DELETE', path: '/api/v1/sessions', token }, nothingSchema),
    getAccount: (token: string) =>
      call({ method: 'GET', path: '/api/v1/account', token }, accountProfileSchema),
    updateAccount: (token: string, body: AccountPatch) =>
      call({ method: 'PATCH', path: '/api/v1/account', token, body }, accountProfileSchema),
    changePassword: (token: string, body: PasswordChange) =>
      call({ method: 'PUT', path: '/api/v1/account/password', token, body }, nothingSchema),
    registerDevice: (token: string, name?: string) =>
      call(
        { method: 'POST', path: '/api/v1/devices', token, body: name ? { name } : {} },
        deviceResponseSchema,
      ),
    push: (token: string, body: PushRequest) =>
      call({ method: 'POST', path: '/api/v1/sync/push', token, body }, pushResponseSchema),
    pull: (token: string, cursor: string | undefined, limit: number) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor) query.set('cursor', cursor);
      return call({ method: 'GET', path: `/api/v1/sync/pull?${query}`, token }, pullResponseSchema);
    },
    reminderKey: (token: string) =>
      call({ method: 'GET', path: '/api/v1/reminders/vapid-key', token }, vapidKeyResponseSchema),
    putPushSubscription: (token: string, body: PushSubscriptionBody) =>
      call({ method: 'PUT', path: '/api/v1/reminders/subscription', token, body }, nothingSchema),
    deletePushSubscription: (token: string, endpoint: string) =>
      call(
        { method: 'DELETE', path: '/api/v1/reminders/subscription', token, body: { endpoint } },
        nothingSchema,
      ),
    issueCertificate: (token: string, moduleId: string) =>
      call({ method: 'POST', path: '/api/v1/certificates', token, body: { moduleId } }, myCertificateSchema),
    myCertificates: (token: string) =>
      call({ method: 'GET', path: '/api/v1/certificates', token }, myCertificatesResponseSchema),
    signedCertificate: (token: string, id: string) =>
      call({ method: 'GET', path: apiPath('certificates', id, 'signed'), token }, signedCertificateSchema),
    revokeCertificate: (token: string, id: string) =>
      call({ method: 'POST', path: apiPath('certificates', id, 'revoke'), token }, myCertificateSchema),
    certificateKeys: () =>
      call({ method: 'GET', path: '/api/v1/certificates/keys' }, publicKeysResponseSchema),
    verifyCertificate: (id: string) =>
      call({ method: 'GET', path: apiPath('certificates', 'verify', id) }, verifyResponseSchema),
    // Ways back in (docs/accounts.md). A wrong password on the signed-in calls is a 403, never a 401.
    makeRecoveryCodes: (token: string, password: string) =>
      call(
        { method: 'POST', path: '/api/v1/account/recovery-codes', token, body: { password } },
        recoveryCodesResponseSchema,
      ),
    recoveryCodesStatus: (token: string) =>
      call({ method: 'GET', path: '/api/v1/account/recovery-codes', token }, recoveryCodesStatusSchema),
    resetOptions: () => call({ method: 'GET', path: '/api/v1/password-resets/options' }, resetOptionsSchema),
    resetWithRecoveryCode: (body: RecoveryCodeReset) =>
      call({ method: 'POST', path: '/api/v1/password-resets/recovery-code', body }, sessionResponseSchema),
    emailResetLink: (email: string) =>
      call(
        { method: 'POST', path: '/api/v1/password-resets/email', body: { email } },
        emailResetResponseSchema,
      ),
    resetWithToken: (body: TokenReset) =>
      call({ method: 'POST', path: '/api/v1/password-resets/token', body }, sessionResponseSchema),
    resetWithLeaderCode: (body: LeaderCodeReset) =>
      call({ method: 'POST', path: '/api/v1/password-resets/leader-code', body }, sessionResponseSchema),
    leaderCodeRecords: (token: string) =>
      call({ method: 'GET', path: '/api/v1/account/leader-reset-codes', token }, leaderCodeRecordsSchema),
    /** A team leader's one-time reset code for a member of their team (shown once). */
    issueResetCode: (token: string, teamId: string, learnerId: string) =>
      call(
        { method: 'POST', path: apiPath('teams', teamId, 'members', learnerId, 'reset-code'), token },
        issuedResetCodeSchema,
      ),
    /** Cancels the reset code this leader made for the member, if it still works (404 when none does). */
    cancelResetCode: (token: string, teamId: string, learnerId: string) =>
      call(
        { method: 'DELETE', path: apiPath('teams', teamId, 'members', learnerId, 'reset-code'), token },
        nothingSchema,
      ),
    // The learner's data rights (docs/privacy.md).
    myData: (token: string) => call({ method: 'GET', path: '/api/v1/account/data', token }, myDataSchema),
    deleteAccount: (token: string, body: DeleteAccountRequest) =>
      call({ method: 'DELETE', path: '/api/v1/account', token, body }, nothingSchema),
    // xAPI keys (docs/xapi.md): a learner's own, or a team's when `teamId` is given.
    xapiKeys: (token: string, teamId?: string) =>
      call({ method: 'GET', path: xapiKeysPath(teamId), token }, xapiKeysResponseSchema),
    createXapiKey: (token: string, body: CreateXapiKeyRequest, teamId?: string) =>
      call({ method: 'POST', path: xapiKeysPath(teamId), token, body }, createdXapiKeySchema),
    revokeXapiKey: (token: string, keyId: string, teamId?: string) =>
      call(
        { method: 'DELETE', path: `${xapiKeysPath(teamId)}/${encodeURIComponent(keyId)}`, token },
        nothingSchema,
      ),
    // A team's forwarding to its external LRS (docs/xapi.md); the answer never carries the LRS's secret.
    xapiForward: (token: string, teamId: string) =>
      call(
        { method: 'GET', path: apiPath('teams', teamId, 'xapi-forward'), token },
        xapiForwardResponseSchema,
      ),
    setXapiForward: (token: string, teamId: string, body: SetXapiForwardRequest) =>
      call(
        { method: 'PUT', path: apiPath('teams', teamId, 'xapi-forward'), token, body },
        xapiForwardResponseSchema,
      ),
    stopXapiForward: (token: string, teamId: string) =>
      call({ method: 'DELETE', path: apiPath('teams', teamId, 'xapi-forward'), token }, nothingSchema),
    // Teams (src/shared/protocol/team-protocol.ts).
    createTeam: (token: string, name: string) =>
      call({ method: 'POST', path: '/api/v1/teams', token, body: { name } }, myTeamSchema),
    myTeams: (token: string) => call({ method: 'GET', path: '/api/v1/teams', token }, myTeamsResponseSchema),
    trustOverview: (token: string) =>
      call({ method: 'GET', path: '/api/v1/teams/overview', token }, trustOverviewResponseSchema),
    renameTeam: (token: string, teamId: string, name: string) =>
      call({ method: 'PATCH', path: apiPath('teams', teamId), token, body: { name } }, myTeamSchema),
    deleteTeam: (token: string, teamId: string) =>
      call({ method: 'DELETE', path: apiPath('teams', teamId), token }, nothingSchema),
    handOver: (token: string, teamId: string, learnerId: string) =>
      call(
        { method: 'POST', path: apiPath('teams', teamId, 'owner'), token, body: { learnerId } },
        nothingSchema,
      ),
    teamDashboard: (token: string, teamId: string) =>
      call({ method: 'GET', path: apiPath('teams', teamId, 'dashboard'), token }, teamDashboardSchema),
    memberRecord: (token: string, teamId: string, learnerId: string) =>
      call(
        { method: 'GET', path: apiPath('teams', teamId, 'members', learnerId), token },
        memberRecordSchema,
      ),
    setTeamRole: (token: string, teamId: string, learnerId: string, teamRole: 'leader' | 'member') =>
      call(
        {
          method: 'PUT',
          path: apiPath('teams', teamId, 'members', learnerId, 'role'),
          token,
          body: { teamRole },
        },
        nothingSchema,
      ),
    /** A leader removes a member, or a member leaves (their own learner id). */
    removeMember: (token: string, teamId: string, learnerId: string) =>
      call({ method: 'DELETE', path: apiPath('teams', teamId, 'members', learnerId), token }, nothingSchema),
    createInvite: (token: string, teamId: string, body: CreateInviteRequest) =>
      call({ method: 'POST', path: apiPath('teams', teamId, 'invites'), token, body }, inviteSchema),
    invites: (token: string, teamId: string) =>
      call({ method: 'GET', path: apiPath('teams', teamId, 'invites'), token }, invitesResponseSchema),
    revokeInvite: (token: string, teamId: string, code: string) =>
      call({ method: 'DELETE', path: apiPath('teams', teamId, 'invites', code), token }, nothingSchema),
    createAssignment: (token: string, teamId: string, body: CreateAssignmentRequest) =>
      call({ method: 'POST', path: apiPath('teams', teamId, 'assignments'), token, body }, assignmentSchema),
    deleteAssignment: (token: string, teamId: string, assignmentId: string) =>
      call(
        { method: 'DELETE', path: apiPath('teams', teamId, 'assignments', assignmentId), token },
        nothingSchema,
      ),
    invitePreview: (token: string, code: string) =>
      call({ method: 'GET', path: apiPath('invites', code), token }, invitePreviewSchema),
    acceptInvite: (token: string, code: string, staffRole: StaffRole) =>
      call(
        { method: 'POST', path: apiPath('invites', code, 'accept'), token, body: { staffRole } },
        myTeamSchema,
      ),
    startSession: (token: string, body: StartSessionRequest) =>
      call({ method: 'POST', path: '/api/v1/facilitated-sessions', token, body }, startedSessionSchema),
    sessionAttendance: (token: string, sessionId: string) =>
      call(
        { method: 'GET', path: apiPath('facilitated-sessions', sessionId), token },
        sessionAttendanceSchema,
      ),
    putTickedNames: (
      token: string,
      sessionId: string,
      names: readonly string[],
      members: readonly TickedMember[] = [],
    ) =>
      call(
        {
          method: 'PUT',
          path: apiPath('facilitated-sessions', sessionId, 'ticked'),
          token,
          body: { names, members },
        },
        sessionAttendanceSchema,
      ),
    previewSession: (token: string, code: string) =>
      call({ method: 'GET', path: apiPath('attend', code), token }, sessionPreviewSchema),
    attendSession: (token: string, code: string) =>
      call({ method: 'POST', path: apiPath('attend', code), token }, sessionPreviewSchema),
  };
}

/** A path under /api/v1 from its segments; ids and codes are escaped, as a person may type them. */
const apiPath = (...segments: string[]) => `/api/v1/${segments.map(encodeURIComponent).join('/')}`;
const xapiKeysPath = (teamId?: string) =>
  teamId === undefined ? '/api/v1/account/xapi-keys' : apiPath('teams', teamId, 'xapi-keys');

// Called through a wrapper so `fetch` is never invoked as a method of another object ("Illegal invocation").
const defaultFetch: FetchLike = (url, init) => fetch(url, init);

function serverFailure(status: number, message: string): ApiFailure {
  return { kind: 'server', status, code: 'bad-response', message };
}

/** Sign-out answers 204 with no body; there is nothing in it to read. */
const nothingSchema = z.unknown().transform(() => undefined);
