import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './app/styles.css';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes, firstPageReady } from './app/app-routes';
import { prefetchFirstPage } from './app/prefetch-first-page';
import { startAppSync } from './app/start-app-sync';
import { db } from './db/db';
import { readLessonSeed } from './lib/data/lesson-seed-context';
import { nextTask } from './lib/timing/next-task';

// IndexedDB opens in the browser while the first page's chunk loads and React renders, so the page's first
// reads do not wait for it. A failure here resurfaces on those reads, where the page reports it.
db.open().catch(() => undefined);
prefetchFirstPage(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A lesson's page as the server sent it, rendered at build time from this seed, is adopted as it is
// (hydration); any other page replaces the static shell in index.html.
const seed = readLessonSeed(document, window.location.pathname);

// A transition lets React render the first screen in slices that yield to the browser, instead of one long
// task that would block taps on a slow phone while the static shell is already on screen.
// That first render also starts in a task of its own, after the one that evaluated this code and opened the
// database. On a lesson page the build rendered (which loads this code after its first paint, see
// src/lesson-entry.ts), a tap before the app has taken over reaches the page as sent: a link works as a
// plain link, and the checks and "Mark complete" are not usable until the learner's progress is read.
void firstPageReady(window.location.pathname)
  .then(nextTask)
  .then(() => {
    const app = (
      <StrictMode>
        <BrowserRouter>
          <AppRoutes seed={seed} />
        </BrowserRouter>
      </StrictMode>
    );
    startTransition(() => {
      if (seed) hydrateRoot(root, app);
      else createRoot(root).render(app);
    });
  });

startAppSync();
