// The facilitated-session calls of this device, over the engine's api client (so a 401 takes the one 401
// path) and the stored session. A facilitator's sessions wait on the device (facilitated-sessions-repo.ts)
// until they reach the server: `sendPending` sends each one not yet sent, or whose ticked names changed.
import type { ApiClient, ApiFailure, ApiResult } from '../api/api-client';
import { facilitatedSessionsRepo, needsSending } from '../db/facilitated-sessions-repo';
import type { StoredFacilitatedSession } from '../db/meta';
import type { SyncStore } from '../db/sync-store';
import type { SessionPreview } from '../shared/session-protocol';

export type SessionCallResult<T> = ApiResult<T> | { ok: false; failure: 'signed-out' };
export type SendOutcome = { sessionId: string; ok: boolean; failure?: ApiFailure | 'signed-out' };
export type SessionCalls = ReturnType<typeof createSessionCalls>;

export function createSessionCalls(api: ApiClient, store: Pick<SyncStore, 'getSession'>) {
  const token = async () => (await store.getSession())?.token;

  /** Sends the session (the server keeps the first copy) and then its ticked names when they changed. */
  async function send(session: StoredFacilitatedSession): Promise<SendOutcome> {
    const bearer = await token();
    if (!bearer) return { sessionId: session.sessionId, ok: false, failure: 'signed-out' };
    const { ticked: _t, code: _c, expiresAt: _e, sentTicked: _s, attendees: _a, ...request } = session;
    const started = await api.startSession(bearer, request);
    if (!started.ok) return { sessionId: session.sessionId, ok: false, failure: started.failure };
    const names = [...session.ticked];
    const put = await api.putTickedNames(bearer, session.sessionId, names);
    if (!put.ok) {
      await facilitatedSessionsRepo.update(session.sessionId, (current) => ({
        ...(current ?? session),
        code: started.value.code,
        expiresAt: started.value.expiresAt,
      }));
      return { sessionId: session.sessionId, ok: false, failure: put.failure };
    }
    await facilitatedSessionsRepo.update(session.sessionId, (current) => ({
      ...(current ?? session),
      code: started.value.code,
      expiresAt: started.value.expiresAt,
      sentTicked: names,
      attendees: put.value.attendees,
    }));
    return { sessionId: session.sessionId, ok: true };
  }

  return {
    send,

    /** Every session on this device the server lacks, or whose ticked names it has not got yet. */
    async sendPending(): Promise<SendOutcome[]> {
      const outcomes: SendOutcome[] = [];
      for (const session of await facilitatedSessionsRepo.all()) {
        if (!needsSending(session)) continue;
        const outcome = await send(session);
        outcomes.push(outcome);
        // No signal or no account: the rest would fail the same way, and wait for the next try.
        if (outcome.failure === 'signed-out' || (outcome.failure && outcome.failure.kind === 'network'))
          break;
      }
      return outcomes;
    },

    /** Who the server knows attended (joined by code, and the ticked names it has). */
    async refreshAttendance(sessionId: string): Promise<SessionCallResult<unknown>> {
      const bearer = await token();
      if (!bearer) return { ok: false, failure: 'signed-out' };
      const answer = await api.sessionAttendance(bearer, sessionId);
      if (answer.ok) {
        await facilitatedSessionsRepo.update(sessionId, (current) => {
          if (!current) throw new Error(`No session ${sessionId} on this device.`);
          return { ...current, attendees: answer.value.attendees };
        });
      }
      return answer;
    },

    async preview(code: string): Promise<SessionCallResult<SessionPreview>> {
      const bearer = await token();
      return bearer ? api.previewSession(bearer, code) : { ok: false, failure: 'signed-out' };
    },

    async attend(code: string): Promise<SessionCallResult<SessionPreview>> {
      const bearer = await token();
      return bearer ? api.attendSession(bearer, code) : { ok: false, failure: 'signed-out' };
    },
  };
}
