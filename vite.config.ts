import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { stringRendererOnly } from './src/course-compiler/string-renderer-only';
import { contentPlugin } from './src/course-compiler/vite-plugin-content';
import { lessonPagesPlugin } from './src/course-compiler/vite-plugin-lesson-pages';
import { webManifest } from './src/course-compiler/web-manifest';
import { APP_ENTRY, LESSON_ENTRY } from './src/shared/content/app-chunks';

const STUDY_SCREENS = /(^|\/)(catalogue-page|module-page|lesson-page)-[\w-]+\.js$/;

export default defineConfig({
  plugins: [
    react(),
    // CONTENT_DIR lets an author preview another course folder (and tests use a copy of a fixture).
    contentPlugin({ contentDir: process.env.CONTENT_DIR ?? 'content' }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      includeManifestIcons: false,
      manifest: webManifest,
      injectManifest: {
        // One glob list, so nothing is precached twice (the plugin adds manifest.webmanifest itself);
        // module bundles and lesson images stay out on purpose.
        globPatterns: [
          'index.html',
          'assets/**/*.{js,css,woff2}',
          'content/catalog.json',
          // Search works offline over the whole course (src/features/search/).
          'content/search-index.json',
          'icons/*.png',
          'favicon.svg',
        ],
        // The search index of a large course passes Workbox's 2 MB default; it must still be precached.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        globIgnores: ['**/*.map', 'content/modules/**'],
        buildPlugins: { vite: [stringRendererOnly()] },
      },
      devOptions: { enabled: false },
    }),
    lessonPagesPlugin(),
  ],
  build: {
    sourcemap: false,
    target: 'es2022',
    manifest: true,
    // A lesson page the build rendered starts at lesson-entry.ts, which loads the app's entry (index.html's
    // main.tsx) once the lesson is on screen (vite-plugin-lesson-pages.ts).
    rolldownOptions: { input: { index: APP_ENTRY, 'lesson-entry': LESSON_ENTRY } },
    // The first screen's code carries, for each lazy screen, the names of the files to fetch beside it. Only
    // the screens a learner goes to from Today in a few seconds' slot (the courses, a module, a lesson) keep
    // that list; the rest fetch theirs once opened: one round trip later on a first visit, nothing once the
    // service worker holds the app, and about 1 KB less before the first screen renders.
    modulePreload: {
      resolveDependencies: (filename, deps) => (STUDY_SCREENS.test(filename) ? deps : []),
    },
  },
});
