// Keeps downloaded modules current: when a newer catalogue lands in Dexie (see use-catalog-refresh), every
// downloaded module whose hash changed is fetched again in the background, while online. Progress is
// untouched: it is a fold of events keyed by lesson id, and refreshing only replaces lesson content.
import { useEffect } from 'react';
import { metaRepo } from '../db/meta-repo';
import { modulesRepo } from '../db/modules-repo';
import { useOnlineStatus } from '../lib/browser/online-status';
import { useLiveQuery } from '../lib/data/use-live-query';
import { moduleDownloader } from './module-downloader';
import { staleDownloads } from './stale-downloads';

export function DownloadRefresher() {
  const catalog = useLiveQuery(() => metaRepo.getCatalog(), []);
  const held = useLiveQuery(() => modulesRepo.downloaded(), []);
  const online = useOnlineStatus();

  useEffect(() => {
    if (!online || !catalog || !held) return;
    for (const module of staleDownloads(catalog, held)) void moduleDownloader.start(module);
  }, [online, catalog, held]);

  return null;
}
