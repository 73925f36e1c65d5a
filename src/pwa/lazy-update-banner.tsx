import { lazy, Suspense } from 'react';
import { useIdle } from '../lib/use-idle';

// The update prompt pulls in workbox-window; it loads once the browser is idle and only where service
// workers exist (not in jsdom, not in old browsers), so a missing service worker never breaks the page. It
// sits at the end of <main>: its "Ready to work offline" line takes its place below the page, where its
// arrival moves nothing and covers nothing.
const UpdateBanner = lazy(async () => ({ default: (await import('./update-banner')).UpdateBanner }));

export function LazyUpdateBanner() {
  const idle = useIdle();
  if (!idle || !('serviceWorker' in navigator)) return null;
  return (
    <Suspense fallback={null}>
      <UpdateBanner />
    </Suspense>
  );
}
