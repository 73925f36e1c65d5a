import { lazy } from 'react';
import { WhenIdle } from '../lib/timing/when-idle';

// Loaded as its own chunk once the browser is idle after the first screen (precached, so offline it
// arrives at once): the offline line and the watch for stale downloads (the service worker registration
// loads the same way, from lazy-update-banner.tsx at the end of <main>) cost nothing on the first screen's
// JavaScript budget and do not compete with the page being opened.
const PwaServices = lazy(async () => ({ default: (await import('./pwa-services')).PwaServices }));

export function LazyPwaServices() {
  return (
    <WhenIdle>
      <PwaServices />
    </WhenIdle>
  );
}
