import { useEffect, useSyncExternalStore } from 'react';
import { docsRepo } from '../../db/docs-repo';
import { useLiveQuery } from '../../lib/use-live-query';
import { parseSettings, type Settings } from '../../shared/settings';
import { localSettings } from './local-settings';

/** The learner's settings: their latest choice, else the `settings` doc; undefined while loading. */
export function useSettings(): Settings | undefined {
  const stored = useLiveQuery(async () => parseSettings((await docsRepo.get('settings'))?.body), []);
  const chosen = useSyncExternalStore(localSettings.subscribe, localSettings.get, localSettings.get);
  useEffect(() => {
    if (stored) localSettings.settle(stored);
  }, [stored]);
  return chosen ?? stored;
}
