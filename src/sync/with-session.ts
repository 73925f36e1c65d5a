// A call with this device's session: the stored token (and the learner it belongs to), or, without one
// (never signed in, or paused by a 401), the caller's signed-out answer and nothing sent to the server.
import type { ApiFailure } from '../api/api-client';
import type { SyncStore } from '../db/sync-store';

export async function withSession<T, S>(
  store: Pick<SyncStore, 'getSession'>,
  signedOut: S,
  run: (token: string, learnerId: string) => Promise<T>,
): Promise<T | S> {
  const session = await store.getSession();
  return session?.token ? run(session.token, session.learnerId) : signedOut;
}

/** The account screens' answer to a call made without a session (signed out meanwhile). */
export const SIGN_IN_TO_CONTINUE: { ok: false; failure: ApiFailure } = {
  ok: false,
  failure: { kind: 'unauthorized', status: 401, code: 'unauthorized', message: 'Sign in to continue.' },
};
