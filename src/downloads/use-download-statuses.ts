import { useStore } from '../lib/stores/use-store';
import type { DownloadStatus } from './download-status';
import { moduleDownloader } from './module-downloader';

/** What the downloader is doing for every module, live. */
export function useDownloadStatuses(): ReadonlyMap<string, DownloadStatus> {
  return useStore(moduleDownloader);
}
