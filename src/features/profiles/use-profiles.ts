import { type ProfileRow, profilesRepo } from '../../db/profiles-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';

export type People = { list: ProfileRow[]; activeDatabaseName: string };

/** The people on this device and who is studying; undefined while it is read. */
export function useProfiles(): People | undefined {
  const list = useLiveQuery(() => profilesRepo.list(), []);
  return list && { list, activeDatabaseName: profilesRepo.activeDatabaseName() };
}
