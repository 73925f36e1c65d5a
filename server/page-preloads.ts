// The app's pages are one index.html whose code and data the browser discovers one after another: the
// entry, then its imports, then (once it has run) the page's own chunk and the course files. Sent as `Link`
// preloads with the document, they start together before the HTML is even parsed, and in the order they
// are listed. On HTTP/1.1 a page gets six connections, so on a slow signal that order is the order they
// arrive: the stylesheet first (it gates the first paint), then the entry and its imports (the largest,
// and everything waits for them), a lesson's own code, and last the data the page renders. Read from the
// build (Vite's manifest and the catalogue), once per build.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { APP_ENTRY, appCode, type Manifest } from '../src/shared/content/app-chunks';
import { lessonAddress } from '../src/shared/content/lesson-address';

type CatalogFiles = { modules: { id: string; file: string }[] };
type Build = { manifest: Manifest; catalog: CatalogFiles };

// No custom headers and crossorigin=anonymous, as the app's fetch() makes: only then does the browser hand
// the preloaded response to the app instead of downloading the file twice.
const fetchPreload = (file: string) => `</${file}>; rel=preload; as=fetch; crossorigin=anonymous`;

/**
 * `Link` header values for a navigation to `pathname` (as requested, percent-encoded) that the server
 * answers with one of the app's pages: every page gets the stylesheet, the entry's code and the catalogue;
 * a lesson's address also gets the lesson page's code and its module's bundle. A page the build rendered
 * (`rendered`) gets the stylesheet alone: it carries the data it shows, and it loads the app's code once
 * its text is on screen (src/lesson-entry.ts), so nothing else shares the line with the text and its fonts.
 */
export function pagePreloadLinks(build: Build, pathname: string, { rendered = false } = {}): string[] {
  const styles = (build.manifest[APP_ENTRY]?.css ?? []).map(
    (file) => `</${file}>; rel=preload; as=style; crossorigin`,
  );
  if (rendered) return styles;
  const moduleId = lessonAddress(pathname)?.moduleId;
  const code = appCode(build.manifest, { lesson: moduleId !== undefined });
  const links = [...styles, ...code.map((file) => `</${file}>; rel=modulepreload`)];
  links.push(fetchPreload('content/catalog.json'));
  const module = moduleId ? build.catalog.modules.find((m) => m.id === moduleId) : undefined;
  if (module) links.push(fetchPreload(`content/${module.file}`));
  return links;
}

/** Loads the build's manifest and catalogue, again only when a new build has replaced them. */
export function buildReader(distDir: string): () => Promise<Build | null> {
  const manifestFile = path.join(distDir, '.vite', 'manifest.json');
  const catalogFile = path.join(distDir, 'content', 'catalog.json');
  let cached: { key: string; build: Build } | null = null;
  return async () => {
    try {
      const [m, c] = await Promise.all([stat(manifestFile), stat(catalogFile)]);
      const key = `${m.mtimeMs}:${c.mtimeMs}`;
      if (cached?.key !== key) {
        const [manifest, catalog] = await Promise.all([
          readFile(manifestFile, 'utf8').then((text) => JSON.parse(text) as Manifest),
          readFile(catalogFile, 'utf8').then((text) => JSON.parse(text) as CatalogFiles),
        ]);
        cached = { key, build: { manifest, catalog } };
      }
      return cached.build;
    } catch {
      // A dist without them (a test fixture, a partial copy) simply gets no preloads.
      return null;
    }
  };
}
