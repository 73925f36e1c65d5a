import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';

/** The display name of the account signed in on this device; null when none, undefined while loading. */
export function useAccountName(): string | null | undefined {
  return useLiveQuery(() => metaRepo.accountName(), []);
}
