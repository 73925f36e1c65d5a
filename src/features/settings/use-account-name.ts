import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/use-live-query';

/** The signed-in account's display name, if the session kept one (`name` or `displayName`). */
export function useAccountName(): string | undefined {
  return useLiveQuery(async () => {
    const session: Record<string, unknown> | undefined = await metaRepo.get('session');
    const name = session?.name ?? session?.displayName;
    return typeof name === 'string' && name.trim() ? name.trim() : undefined;
  }, []);
}
