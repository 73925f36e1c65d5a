// A module's lessons for presenting, read the way lesson pages read them: the copy on this device when
// the module is downloaded (so a session runs with no signal), else the bundle from the network, checked
// against the catalogue and stored so the next session needs no signal.
import { useEffect, useMemo, useState } from 'react';
import { lessonsRepo } from '../../db/lessons-repo';
import { metaRepo } from '../../db/meta-repo';
import { modulesRepo } from '../../db/modules-repo';
import { contentFetch } from '../../lib/browser/content-fetch';
import { useOnlineStatus } from '../../lib/browser/online-status';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { useFetchedCatalog } from '../../lib/stores/catalog-status';
import { checkedBundle } from '../../shared/content/checked-bundle';
import type { CatalogModule, Lesson } from '../../shared/content/content-types';

export type ModuleLessons =
  | { state: 'loading' }
  | { state: 'not-found' }
  /** Not on this device and no signal to fetch it. */
  | { state: 'needs-connection'; module: CatalogModule }
  | { state: 'failed'; module: CatalogModule }
  | { state: 'ready'; module: CatalogModule; lessons: Lesson[] };

export function useModuleLessons(moduleId: string): ModuleLessons {
  const storedCatalog = useLiveQuery(() => metaRepo.getCatalog(), []);
  const freshCatalog = useFetchedCatalog();
  const catalog = freshCatalog ?? storedCatalog;
  const module = catalog?.modules.find((m) => m.id === moduleId);
  const storedModule = useLiveQuery(() => modulesRepo.get(moduleId), [moduleId]);
  const stored = useLiveQuery(
    async () =>
      module ? Promise.all(module.lessons.map((l) => lessonsRepo.get(l.id))) : Promise.resolve(null),
    [module],
  );
  const online = useOnlineStatus();
  const [fetched, setFetched] = useState<Lesson[] | null>(null);
  const [failed, setFailed] = useState(false);
  const complete = stored?.every((l) => l !== null) === true;
  const needsFetch = Boolean(module && stored && storedModule !== undefined && !complete);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `online` tries again when the signal returns.
  useEffect(() => {
    if (!needsFetch || !module) return;
    let cancelled = false;
    setFailed(false);
    contentFetch
      .moduleBundle(module.file)
      .then(async (raw) => {
        const bundle = checkedBundle(module, raw);
        if (cancelled) return;
        setFetched(bundle.lessons);
        await modulesRepo.storeBundle(module, bundle);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [needsFetch, module, online]);

  return useMemo((): ModuleLessons => {
    if (catalog === undefined || (catalog && module && stored === undefined)) return { state: 'loading' };
    if (!module) return catalog === null ? { state: 'loading' } : { state: 'not-found' };
    if (complete && stored) return { state: 'ready', module, lessons: stored.filter((l) => l !== null) };
    if (fetched) return { state: 'ready', module, lessons: fetched };
    if (failed) return online ? { state: 'failed', module } : { state: 'needs-connection', module };
    return { state: 'loading' };
  }, [catalog, module, stored, complete, fetched, failed, online]);
}
