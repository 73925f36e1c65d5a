// Runs in Node when the app is built (src/course-compiler/vite-plugin-lesson-pages.ts loads it through Vite): the
// app's markup at a lesson's address, rendered from the lesson's seed. The browser shows it before any
// JavaScript has run, and main.tsx then adopts it (hydration) with the same seed.
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import type { LessonSeed } from '../shared/content/lesson-seed';
import { AppRoutes, firstPageReady } from './app-routes';

export async function renderLessonPage(path: string, seed: LessonSeed): Promise<string> {
  // The lesson page's chunks, loaded first, render at once rather than as a loading fallback.
  await firstPageReady(path);
  return renderToString(
    <StrictMode>
      <StaticRouter location={path}>
        <AppRoutes seed={seed} />
      </StaticRouter>
    </StrictMode>,
  );
}
