// The entry of a lesson page the build rendered (src/course-compiler/vite-plugin-lesson-pages.ts), in place of the
// app's. The page is readable as sent, and the app's code is most of its bytes: it loads once the lesson's
// text is on screen, so on a slow connection the text and its fonts do not share the line with it. The
// page lists that code, in the order it is needed: the app's entry (src/main.tsx, which adopts the page
// as it is), what the entry imports, and the lesson page's own. A link works before then, as a plain link.
import { afterFirstContentfulPaint } from './lib/timing/after-first-paint';
import { APP_CODE_ID } from './shared/content/app-chunks';

const [entry, ...rest] = JSON.parse(document.getElementById(APP_CODE_ID)?.textContent ?? '[]') as string[];

// A connection lost before the code has arrived leaves the page as sent, still readable: the app is asked
// for again when the browser is back online.
const start = () =>
  import(/* @vite-ignore */ entry ?? '').catch((error: unknown) => {
    console.error('The app could not be loaded', error);
    window.addEventListener('online', start, { once: true });
  });

void afterFirstContentfulPaint().then(() => {
  // All at once: the entry's imports and the lesson's chunks would otherwise be found one after another.
  for (const file of rest) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = file;
    document.head.append(link);
  }
  if (entry) void start();
  else console.error(`This page does not list the app's code (#${APP_CODE_ID})`);
});
