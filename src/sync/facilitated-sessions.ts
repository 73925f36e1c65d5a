// The facilitated-session calls of this device, over the engine's api client (so a 401 takes the one 401
// path) with the stored session's token. What waits to be sent lives with the screens that ran the session
// (src/features/facilitate/send-pending-sessions.ts), which call these.
import type { ApiClient, ApiResult } from '../api/api-client';
import type { SyncStore } from '../db/sync-store';
import type { StartSessionRequest, TickedMember } from '../shared/protocol/session-protocol';
import { withSession } from './with-session';

export type SessionCallResult<T> = ApiResult<T> | { ok: false; failure: 'signed-out' };
export type SessionCalls = ReturnType<typeof createSessionCalls>;

export function createSessionCalls(api: ApiClient, store: Pick<SyncStore, 'getSession'>) {
  const withToken =
    <A extends unknown[], T>(call: (token: string, ...args: A) => Promise<ApiResult<T>>) =>
    (...args: A): Promise<SessionCallResult<T>> =>
      withSession(store, { ok: false, failure: 'signed-out' } as const, (token) => call(token, ...args));
  return {
    start: withToken((token, body: StartSessionRequest) => api.startSession(token, body)),
    attendance: withToken((token, sessionId: string) => api.sessionAttendance(token, sessionId)),
    putTicked: withToken(
      (token, sessionId: string, names: readonly string[], members: readonly TickedMember[]) =>
        api.putTickedNames(token, sessionId, names, members),
    ),
    preview: withToken((token, code: string) => api.previewSession(token, code)),
    attend: withToken((token, code: string) => api.attendSession(token, code)),
  };
}
