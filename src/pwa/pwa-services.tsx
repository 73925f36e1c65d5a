import { useEffect } from 'react';
import { DownloadRefresher } from '../downloads/download-refresher';
import { installPromptStore } from './install-prompt-store';
import { OfflineIndicator } from './offline-indicator';

/** What runs beside every page once it has painted: the offline line and background refresh. */
export function PwaServices() {
  useEffect(() => installPromptStore.listen(), []);
  return (
    <>
      <OfflineIndicator />
      <DownloadRefresher />
    </>
  );
}
