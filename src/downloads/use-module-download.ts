// A module's download state for the screens, and the actions on it. Reads Dexie live, so a download
// finished in another tab (or refreshed in the background) shows here too.
import { downloadsRepo } from '../db/downloads-repo';
import { modulesRepo } from '../db/modules-repo';
import { useOnlineStatus } from '../lib/browser/online-status';
import { useLiveQuery } from '../lib/data/use-live-query';
import type { CatalogModule } from '../shared/content/content-types';
import { askToKeepStorage } from './ask-to-keep-storage';
import { type DownloadView, downloadView } from './download-view';
import { moduleDownloader } from './module-downloader';
import { useDownloadStatuses } from './use-download-statuses';

export type ModuleDownload = {
  view: DownloadView;
  download: () => Promise<void>;
  remove: () => Promise<void>;
  dismiss: () => void;
};

export function useModuleDownload(module: CatalogModule): ModuleDownload {
  const statuses = useDownloadStatuses();
  const online = useOnlineStatus();
  const stored = useLiveQuery(() => modulesRepo.get(module.id), [module.id]);
  const partial = useLiveQuery(async () => (await downloadsRepo.partial()).get(module.id) ?? 0, [module.id]);
  return {
    view: downloadView({ module, stored, partialBytes: partial, status: statuses.get(module.id), online }),
    download: async () => {
      if (await moduleDownloader.start(module)) await askToKeepStorage();
    },
    remove: () => moduleDownloader.remove(module.id),
    dismiss: () => moduleDownloader.dismiss(module.id),
  };
}
