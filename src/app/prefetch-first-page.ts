// On a cold start the page's first data requests would wait for the app's code, its first render and the
// effects that ask for them: one after another, each a round trip on a slow phone signal. Started here,
// they run while the code loads; contentFetch hands each response to the first screen that asks.
import { modulesRepo } from '../db/modules-repo';
import { contentFetch } from '../lib/browser/content-fetch';
import { lessonAddress } from '../shared/content/lesson-address';

export function prefetchFirstPage(pathname: string): void {
  const catalog = contentFetch.startCatalog();
  const moduleId = lessonAddress(pathname)?.moduleId;
  if (!moduleId) return;
  // A lesson's module bundle too, unless this device already holds that version of it.
  void Promise.all([catalog, modulesRepo.get(moduleId)])
    .then(([course, stored]) => {
      const module = course.modules.find((m) => m.id === moduleId);
      if (module && stored?.downloadedHash !== module.hash) void contentFetch.startModuleBundle(module.file);
    })
    .catch(() => undefined);
}
