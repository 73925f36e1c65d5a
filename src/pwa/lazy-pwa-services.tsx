import { lazy, Suspense } from 'react';

// Loaded as its own chunk after the shell renders (precached, so offline it arrives at once): the offline
// line, the service worker registration and the watch for stale downloads cost nothing on the first
// screen's JavaScript budget.
const PwaServices = lazy(async () => ({ default: (await import('./pwa-services')).PwaServices }));

export function LazyPwaServices() {
  return (
    <Suspense fallback={null}>
      <PwaServices />
    </Suspense>
  );
}
