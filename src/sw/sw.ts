// The service worker: the app shell, the catalogue, icons and fonts are precached at install, so the app
// opens with no connection. Module bundles are not cached here: the app stores them in IndexedDB when a
// learner downloads or opens a module (src/db/). Lesson images use a bounded cache-first runtime cache.
/// <reference lib="webworker" />

import type { RouteHandlerCallback } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { lessonArticleHtml } from '../lesson-markup/lesson-article-html';
import { lessonAddress } from '../shared/content/lesson-address';
import { lessonPageHtml } from '../shared/content/lesson-page-html';
import { listenForReminders } from './reminder-push';
import { storedLesson } from './stored-lesson';

declare let self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every app route opens the shell, with or without a connection; the API and content files must reach the
// network (or fail visibly) rather than receive index.html. A lesson this device has downloaded comes with
// its text already in the page, so it reads as soon as the page paints, before the app has started.
const shell = createHandlerBoundToURL('/index.html');
const openApp: RouteHandlerCallback = async (options) => {
  const response = await shell(options);
  const address = lessonAddress(options.url.pathname);
  if (!address || !response.ok) return response;
  try {
    const lesson = await storedLesson(address.moduleId, address.lessonId);
    // Labelled with the address exactly as the app will see it, so the app finds and keeps it.
    const html =
      lesson &&
      lessonPageHtml(
        await response.clone().text(),
        lessonArticleHtml(lesson),
        lesson.lesson.title,
        options.url.pathname,
      );
    if (!html) return response;
    // The precached headers describe the stored bytes (compression, length, validator): not these.
    const headers = new Headers(response.headers);
    for (const name of ['content-encoding', 'content-length', 'etag', 'last-modified']) headers.delete(name);
    return new Response(html, { headers });
  } catch {
    // Whatever went wrong reading the lesson, the plain shell still opens it.
    return response;
  }
};

registerRoute(new NavigationRoute(openApp, { denylist: [/^\/api\//, /^\/content\//, /\.[a-z0-9]+$/i] }));

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

listenForReminders(self);
