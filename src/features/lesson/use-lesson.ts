// A lesson for the reader: rendered from the copy in Dexie when there is one, while the module's bundle
// is fetched (and stored with its module) whenever the device lacks it or holds an older version. A lesson
// the device lacks shows straight from the fetched bundle, without waiting for it to be stored. On a page
// the build rendered, the lesson and its module come from the page's seed (the server's current build),
// so the first render matches the page, and a device's older copy never replaces it.
// Offline with no copy, it says the lesson needs a connection, and tries again when the connection returns;
// "unavailable" is kept for a fetch that failed while online (server down, captive portal).
import { use, useEffect, useMemo, useState } from 'react';
import { eventsRepo } from '../../db/events-repo';
import { lessonsRepo } from '../../db/lessons-repo';
import { metaRepo } from '../../db/meta-repo';
import { modulesRepo } from '../../db/modules-repo';
import { contentFetch } from '../../lib/browser/content-fetch';
import { isQuotaError } from '../../lib/browser/is-quota-error';
import { useOnlineStatus } from '../../lib/browser/online-status';
import { LessonSeedContext } from '../../lib/data/lesson-seed-context';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { useCatalogStatus, useFetchedCatalog } from '../../lib/stores/catalog-status';
import { writeErrors } from '../../lib/stores/write-errors';
import { checkedBundle } from '../../shared/content/checked-bundle';
import type { ModuleBundle } from '../../shared/content/content-types';
import { type NextStep, nextStep } from '../../shared/content/lesson-seed';
import { foldProgress } from '../../shared/progress/progress';
import { type LessonView, lessonView } from './lesson-view';

export function useLesson(moduleId: string, lessonId: string): LessonView {
  const seed = use(LessonSeedContext);
  const seeded = seed?.module.id === moduleId && seed.lesson.id === lessonId ? seed : null;
  // This session's fetched catalogue first (as useCatalog does), kept apart: the seed waits for it.
  const storedCatalog = useLiveQuery(() => metaRepo.getCatalog(), []);
  const freshCatalog = useFetchedCatalog();
  const catalog = freshCatalog ?? storedCatalog;
  const stored = useLiveQuery(() => lessonsRepo.get(lessonId), [lessonId]);
  const storedModule = useLiveQuery(() => modulesRepo.get(moduleId), [moduleId]);
  const events = useLiveQuery(() => eventsRepo.forLesson(lessonId), [lessonId]);
  const status = useCatalogStatus();
  const online = useOnlineStatus();
  const [fetchFailed, setFetchFailed] = useState(false);
  // The bundle as it came from the network: the lesson shows from it at once, while it is being stored.
  const [fetched, setFetched] = useState<ModuleBundle | null>(null);
  const progress = useMemo(() => (events ? foldProgress(events) : undefined), [events]);

  const module = catalog?.modules.find((m) => m.id === moduleId);
  const catalogLesson = module?.lessons.find((l) => l.id === lessonId);
  const needsDownload = Boolean(
    module && catalogLesson && storedModule !== undefined && storedModule?.downloadedHash !== module.hash,
  );

  // The fetch runs even while `navigator.onLine` says offline (it can be wrong); `online` is a dependency
  // so that a fetch which failed with no signal is tried again when the signal returns.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `online` re-runs the fetch, see above.
  useEffect(() => {
    if (!needsDownload || !module) return;
    let cancelled = false;
    const download = async () => {
      setFetchFailed(false);
      try {
        // A bundle that is not the version the catalogue names is neither shown nor stored.
        const bundle = checkedBundle(module, await contentFetch.moduleBundle(module.file));
        if (cancelled) return;
        setFetched(bundle);
        await modulesRepo.storeBundle(module, bundle);
      } catch (error) {
        if (cancelled) return;
        setFetchFailed(true);
        if (isQuotaError(error)) writeErrors.report(error);
      }
    };
    void download();
    return () => {
      cancelled = true;
    };
  }, [needsDownload, module, online]);

  // The fetched copy when there is one: it is the newest version, and keeping it (rather than switching to
  // the stored copy of the same lesson once it lands in Dexie) gives the page one lesson object. Else, on
  // a page rendered at build time, its seed: as new as the server's build, so newer than or the same as
  // the device's copy, and the same object throughout, so the adopted page is not rendered again for
  // nothing. The stored copy otherwise.
  const lesson = useMemo(() => {
    const fromNetwork = fetched?.id === moduleId ? fetched.lessons.find((l) => l.id === lessonId) : undefined;
    if (seeded) return fromNetwork && fromNetwork.hash !== seeded.lesson.hash ? fromNetwork : seeded.lesson;
    return fromNetwork ?? stored;
  }, [fetched, stored, moduleId, lessonId, seeded]);

  // The seed shows at once, and until this session's catalogue has arrived (a device's older catalogue
  // could lack the lesson); the learner's marks follow once their events are read.
  const fromSeed = seeded !== null && lesson === seeded.lesson && (!freshCatalog || !progress);
  const lessonProgress = progress?.get(lessonId);
  const progressRead = progress !== undefined;
  // The page's objects stay the same while their content does (the catalogue arriving, then being stored,
  // a download finishing), so the long lesson below is not rendered again for nothing.
  const readyModule = seeded && (fromSeed || module?.hash === seeded.module.hash) ? seeded.module : module;
  const next = useMemo((): NextStep => {
    const step = catalog && !fromSeed ? nextStep(catalog, moduleId, lessonId) : (seeded?.next ?? null);
    return seeded && sameStep(step, seeded.next) ? seeded.next : step;
  }, [catalog, fromSeed, seeded, moduleId, lessonId]);
  const ready = useMemo(
    () =>
      readyModule && lesson
        ? ({
            state: 'ready',
            module: readyModule,
            lesson,
            progress: lessonProgress,
            progressRead,
            next,
          } as const)
        : null,
    [readyModule, lesson, lessonProgress, progressRead, next],
  );

  return lessonView({
    moduleId,
    catalog,
    catalogStatus: status,
    module,
    catalogLesson,
    lesson,
    progressRead,
    online,
    fetchFailed,
    ready,
    fromSeed,
  });
}

function sameStep(a: NextStep, b: NextStep): boolean {
  return (
    a === b ||
    (a !== null &&
      b !== null &&
      a.title === b.title &&
      a.ref.moduleId === b.ref.moduleId &&
      a.ref.lessonId === b.ref.lessonId)
  );
}
