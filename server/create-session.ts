// Starts a session for a learner: a new random token returned once, its hash stored with an expiry.
import type { SessionResponse } from '../src/shared/sync-protocol';
import type { AppDeps } from './app-env';
import { hashSessionToken, newSessionToken } from './session-tokens';

export async function createSession(
  { db, clock, config }: AppDeps,
  learnerId: string,
): Promise<SessionResponse> {
  const token = newSessionToken();
  const now = clock();
  const expiresAt = now + config.sessionTtlMs;
  // Expired sessions are useless; dropping this learner's at each sign-in keeps the table small.
  await db.kysely
    .deleteFrom('sessions')
    .where('learner_id', '=', learnerId)
    .where('expires_at', '<=', now)
    .execute();
  await db.kysely
    .insertInto('sessions')
    .values({
      token_hash: hashSessionToken(token),
      learner_id: learnerId,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { learnerId, token, expiresAt: new Date(expiresAt).toISOString() };
}
