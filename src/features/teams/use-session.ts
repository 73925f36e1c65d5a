// Whether someone is signed in on this device, live from Dexie `meta`: the Teams screens need a session
// token for every call. (Features do not import each other, so not the account feature's richer hook.)
import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';

export type TeamSession = { state: 'loading' | 'none' | 'paused' | 'signed-in' };

export function useSession(): TeamSession {
  const session = useLiveQuery(async () => (await metaRepo.get('session')) ?? null, []);
  if (session === undefined) return { state: 'loading' };
  if (session === null) return { state: 'none' };
  return { state: session.token ? 'signed-in' : 'paused' };
}
