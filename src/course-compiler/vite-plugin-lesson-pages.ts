import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createServer, type Plugin, type ResolvedConfig } from 'vite';
import { APP_CODE_ID, APP_ENTRY, appCode, LESSON_ENTRY, type Manifest } from '../shared/content/app-chunks';
import type { Catalog, ModuleBundle } from '../shared/content/content-types';
import { escapeHtml } from '../shared/content/lesson-page-html';
import { type LessonSeed, nextStep, seedScript } from '../shared/content/lesson-seed';

type RenderLessonPage = (path: string, seed: LessonSeed) => Promise<string>;

// The app's renderer, loaded through Vite in Node: the build must not import the app's own code.
const RENDERER = '/src/app/render-lesson-page.tsx';
const ROOT = '<div id="root">';
const ROOT_END = '<noscript>';

/** The scripts a rendered lesson page starts with: its own entry, and the app's code for it to load. */
export type LessonPageCode = { entry: string; app: string[] };

const APP_SCRIPT = /<script type="module" crossorigin src="[^"]+"><\/script>/g;
const APP_PRELOAD = /\s*<link rel="modulepreload" crossorigin href="[^"]+">/g;
const CATALOG_PRELOAD = /\s*<link rel="preload" href="[^"]*content\/catalog\.json"[^>]*>/;

/**
 * index.html with the app's markup for a lesson in `#root`, the seed it was rendered from, the lesson's
 * title, and `code.entry` (src/lesson-entry.ts) in place of the app's script and its preloads (the
 * catalogue's too), with the list of the app's code it loads once the lesson is on screen. Throws when index.html lacks the root
 * element or has other than one app script, so a changed shell fails the build.
 */
export function lessonPageDocument(
  shell: string,
  appHtml: string,
  seed: LessonSeed,
  code: LessonPageCode,
): string {
  const start = shell.indexOf(ROOT);
  const end = shell.indexOf(ROOT_END, start);
  if (start < 0 || end < 0)
    throw new Error(`lesson pages: index.html has no ${ROOT} followed by ${ROOT_END}`);
  const scripts = shell.match(APP_SCRIPT) ?? [];
  if (scripts.length !== 1)
    throw new Error(`lesson pages: index.html has ${scripts.length} module scripts, not the app's one`);
  const title = `<title>${escapeHtml(seed.lesson.title)} – Pocket CPD</title>`;
  const entry =
    `<script type="module" crossorigin src="${code.entry}"></script>\n    ` +
    `<script type="application/json" id="${APP_CODE_ID}">${JSON.stringify(code.app)}</script>`;
  const page = `${shell.slice(0, start)}${ROOT}${appHtml}</div>\n    ${seedScript(seed)}\n    ${shell.slice(end)}`;
  return page
    .replace(/<title>[^<]*<\/title>/, () => title)
    .replace(APP_PRELOAD, '')
    .replace(CATALOG_PRELOAD, '')
    .replace(APP_SCRIPT, () => entry);
}

/**
 * Writes `modules/<module>/<lesson>/index.html` for every lesson: the app as it renders that lesson for a
 * learner with no progress yet, so a first visit reads the lesson at the first paint and the app adopts
 * the page (src/main.tsx) instead of building it again. The page starts at src/lesson-entry.ts, which
 * loads the app once the lesson is on screen. The server answers a lesson's address with it;
 * the service worker does not precache these pages (offline, it builds the page from the lesson stored on
 * the device, src/sw/stored-lesson.ts).
 */
export function lessonPagesPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'pocket-cpd-lesson-pages',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    // After the other plugins' (the service worker is built then), one at a time: a second Vite running
    // alongside vite-plugin-pwa's build of the service worker kept it from being written.
    closeBundle: { order: 'post', sequential: true, handler: renderPages },
  };

  async function renderPages(): Promise<void> {
    if (config.build.ssr) return;
    const outDir = path.resolve(config.root, config.build.outDir);
    const read = (file: string) => readFile(path.join(outDir, file), 'utf8');
    const shell = await read('index.html');
    const manifest = JSON.parse(await read('.vite/manifest.json')) as Manifest;
    const entry = manifest[LESSON_ENTRY]?.file;
    if (!entry || !manifest[APP_ENTRY]) throw new Error(`lesson pages: the build has no ${LESSON_ENTRY}`);
    const code = {
      entry: `${config.base}${entry}`,
      app: appCode(manifest, { lesson: true }).map((file) => `${config.base}${file}`),
    };
    const catalog = JSON.parse(await read('content/catalog.json')) as Catalog;
    const vite = await createServer({
      configFile: false,
      root: config.root,
      base: config.base,
      logLevel: 'error',
      appType: 'custom',
      server: { middlewareMode: true, hmr: false, ws: false, watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    try {
      const { renderLessonPage } = (await vite.ssrLoadModule(RENDERER)) as {
        renderLessonPage: RenderLessonPage;
      };
      for (const module of catalog.modules) {
        const bundle = JSON.parse(await read(`content/${module.file}`)) as ModuleBundle;
        for (const lesson of bundle.lessons) {
          const seed: LessonSeed = { module, lesson, next: nextStep(catalog, module.id, lesson.id) };
          const address = `/modules/${encodeURIComponent(module.id)}/${encodeURIComponent(lesson.id)}`;
          const page = lessonPageDocument(shell, await renderLessonPage(address, seed), seed, code);
          const dir = path.join(outDir, ...address.slice(1).split('/').map(decodeURIComponent));
          await mkdir(dir, { recursive: true });
          await writeFile(path.join(dir, 'index.html'), page);
        }
      }
    } finally {
      await vite.close();
    }
  }
}
