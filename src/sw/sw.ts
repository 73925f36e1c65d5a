// The service worker: the app shell, the catalogue, icons and fonts are precached at install, so the app
// opens with no connection. Module bundles are not cached here: the app stores them in IndexedDB when a
// learner downloads or opens a module (src/db/). Lesson images use a bounded cache-first runtime cache.
/// <reference lib="webworker" />
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

declare let self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every app route opens the shell offline; the API and content files must reach the network (or fail
// visibly) rather than receive index.html.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/content\//, /\.[a-z0-9]+$/i],
  }),
);

registerRoute(
  ({ url, request }) => request.destination === 'image' && url.pathname.startsWith('/content/images/'),
  new CacheFirst({
    cacheName: 'lesson-images',
    plugins: [
      new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 180 * 24 * 60 * 60, purgeOnQuotaError: true }),
    ],
  }),
);

// The new version waits until the learner presses Update (src/pwa/), so nobody is reloaded mid-lesson.
self.addEventListener('message', (event) => {
  if (event.data && (event.data as { type?: string }).type === 'SKIP_WAITING') void self.skipWaiting();
});
