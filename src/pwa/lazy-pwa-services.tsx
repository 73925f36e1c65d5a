import { lazy, Suspense } from 'react';

// Loaded as its own chunk after the shell renders, so registering the service worker and watching for
// stale downloads cost nothing on the first screen's JavaScript budget.
const PwaServices = lazy(async () => ({ default: (await import('./pwa-services')).PwaServices }));

export function LazyPwaServices() {
  return (
    <Suspense fallback={null}>
      <PwaServices />
    </Suspense>
  );
}
