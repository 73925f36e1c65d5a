// Starts a session for a learner: a new random token returned once, its hash stored with an expiry, with the
// account's name and email so the device can show them (the name goes on certificates).
import type { SessionResponse } from '../src/shared/protocol/sync-protocol';
import type { AppDeps } from './app-env';
import { hashSessionToken, newSessionToken } from './session-tokens';

export async function createSession(
  { db, clock, config }: AppDeps,
  learner: { id: string; name: string; email: string },
): Promise<SessionResponse> {
  const learnerId = learner.id;
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
  return {
    learnerId,
    token,
    expiresAt: new Date(expiresAt).toISOString(),
    name: learner.name,
    email: learner.email,
  };
}
