import { lazy, Suspense, useEffect, useState } from 'react';

// Loaded as its own chunk once the browser is idle after the first screen (precached, so offline it
// arrives at once): the offline line, the service worker registration and the watch for stale downloads
// cost nothing on the first screen's JavaScript budget and do not compete with the page being opened.
const PwaServices = lazy(async () => ({ default: (await import('./pwa-services')).PwaServices }));

export function LazyPwaServices() {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const start = () => setIdle(true);
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(start, { timeout: 1500 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(start, 100);
    return () => clearTimeout(timer);
  }, []);
  if (!idle) return null;
  return (
    <Suspense fallback={null}>
      <PwaServices />
    </Suspense>
  );
}
