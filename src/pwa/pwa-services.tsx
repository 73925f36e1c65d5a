import { lazy, Suspense, useEffect } from 'react';
import { DownloadRefresher } from './download-refresher';
import { installPromptStore } from './install-prompt-store';
import { OfflineIndicator } from './offline-indicator';

// The update prompt pulls in workbox-window; it loads only where service workers exist (not in jsdom,
// not in old browsers), so a missing service worker never breaks the page.
const UpdateBanner = lazy(async () => ({ default: (await import('./update-banner')).UpdateBanner }));

/** What runs beside every page once it has painted: offline line, update prompt, background refresh. */
export function PwaServices() {
  useEffect(() => installPromptStore.listen(), []);
  return (
    <>
      <OfflineIndicator />
      {'serviceWorker' in navigator && (
        <Suspense fallback={null}>
          <UpdateBanner />
        </Suspense>
      )}
      <DownloadRefresher />
    </>
  );
}
