import { useLiveQuery } from 'dexie-react-hooks';
import { docsRepo } from '../../db/docs-repo';
import { parseSettings, type Settings } from '../../shared/settings';

/** The learner's settings from the `settings` doc; undefined while loading. */
export function useSettings(): Settings | undefined {
  return useLiveQuery(async () => parseSettings((await docsRepo.get('settings'))?.body), []);
}
