import { lazy } from 'react';
import { WhenIdle } from '../lib/timing/when-idle';

// The update prompt pulls in workbox-window; it loads once the browser is idle and only where service
// workers exist (not in jsdom, not in old browsers), so a missing service worker never breaks the page. It
// sits at the end of <main>: its "Ready to work offline" line takes its place below the page, where its
// arrival moves nothing and covers nothing.
const UpdateBanner = lazy(async () => ({ default: (await import('./update-banner')).UpdateBanner }));

export function LazyUpdateBanner() {
  return (
    <WhenIdle>
      <UpdateBannerWhereWorkersRun />
    </WhenIdle>
  );
}

// Asked only once idle, so in the browser: the build renders lesson pages in Node, where there is no navigator.
function UpdateBannerWhereWorkersRun() {
  return 'serviceWorker' in navigator ? <UpdateBanner /> : null;
}
