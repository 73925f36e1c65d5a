// Who is signed in on this device, live from Dexie `meta` (the sync engine writes it).
import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';

export type SessionView =
  | { state: 'loading' }
  | { state: 'none' }
  /** A 401 ended the session: the learner is known, the queue waits, they must sign in again. */
  | { state: 'paused'; email?: string }
  | { state: 'signed-in'; email?: string; name?: string };

export function useSession(): SessionView {
  const session = useLiveQuery(async () => (await metaRepo.get('session')) ?? null, []);
  if (session === undefined) return { state: 'loading' };
  if (session === null) return { state: 'none' };
  if (!session.token) return { state: 'paused', email: session.email };
  return { state: 'signed-in', email: session.email, name: session.name };
}
