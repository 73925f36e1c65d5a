// A cold start at a lesson's address needs the lesson page's code and its module's bundle, but index.html
// only names the app's entry, and the app asks for the rest after its code has run. Sent as `Link`
// preloads with the document, they download alongside the entry instead: a round trip less before the
// lesson shows on a slow signal. Read from the build (Vite's manifest and the catalogue), once per build.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { lessonAddress } from '../src/shared/lesson-address';

type ManifestChunk = { file: string; imports?: string[]; isEntry?: boolean };
type Manifest = Record<string, ManifestChunk>;
type CatalogFiles = { modules: { id: string; file: string }[] };
type Build = { manifest: Manifest; catalog: CatalogFiles };

const LESSON_PAGE_CHUNKS = ['src/features/lesson/lesson-page.tsx', 'src/features/read-aloud/read-aloud.tsx'];

function chunkFiles(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

/** `Link` header values for a navigation to `pathname` (as requested, percent-encoded); none unless it is a lesson's address. */
export function lessonPreloadLinks(build: Build, pathname: string): string[] {
  const moduleId = lessonAddress(pathname)?.moduleId;
  if (!moduleId) return [];
  const entries = Object.keys(build.manifest).filter((key) => build.manifest[key]?.isEntry);
  // index.html already preloads the entry and its imports.
  const loaded = chunkFiles(build.manifest, entries);
  const links = [...chunkFiles(build.manifest, LESSON_PAGE_CHUNKS)]
    .filter((file) => file.endsWith('.js') && !loaded.has(file))
    .map((file) => `</${file}>; rel=modulepreload`);
  const module = build.catalog.modules.find((m) => m.id === moduleId);
  if (module) links.push(`</content/${module.file}>; rel=preload; as=fetch; crossorigin=anonymous`);
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
