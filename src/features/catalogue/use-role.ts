import { docsRepo } from '../../db/docs-repo';
import { useLiveQuery } from '../../lib/use-live-query';
import { parseSettings, type Role } from '../../shared/settings';

/** The learner's role from the settings doc, for their pathway; undefined before one is chosen. */
export function useRole(): Role | undefined {
  return useLiveQuery(async () => parseSettings((await docsRepo.get('settings'))?.body).role, []);
}
