// Prints the JavaScript a first visit to `/` needs — the app's entry chunk, its static imports, and the
// Today page with its imports (part of the entry, or its own chunk if it is ever made lazy again) —
// gzipped, and fails over the budget; then the stylesheets that page waits for before its first paint
// (the global one: a lazy screen's stylesheet loads with that screen). Reads dist/.vite/manifest.json,
// so run `npm run build` first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { APP_ENTRY, chunkFiles, type Manifest } from '../src/shared/content/app-chunks';

export const BUDGET_KB = 125;
/** The CSS the first paint of `/` waits for; a lazy screen's rules go beside it (docs/styles.md). */
export const CSS_BUDGET_KB = 4;
const FIRST_PAGE = 'src/features/today/today-page.tsx';

type SizedFile = { file: string; gzipBytes: number };

function readManifest(dist: string): Manifest {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  if (!manifest[APP_ENTRY]) throw new Error('manifest lacks the entry');
  return manifest;
}

function sized(dist: string, files: string[]): SizedFile[] {
  return files.map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
  }));
}

export function initialJs(dist: string): SizedFile[] {
  const manifest = readManifest(dist);
  return sized(
    dist,
    chunkFiles(manifest, [APP_ENTRY, FIRST_PAGE]).filter((file) => file.endsWith('.js')),
  );
}

/** The stylesheets of the same chunks: what `/` loads (render-blocking) before its first paint. */
export function initialCss(dist: string): SizedFile[] {
  const manifest = readManifest(dist);
  const chunks = new Set(chunkFiles(manifest, [APP_ENTRY, FIRST_PAGE]));
  const css = Object.values(manifest)
    .filter((chunk) => chunks.has(chunk.file))
    .flatMap((chunk) => chunk.css ?? []);
  return sized(dist, [...new Set(css)]);
}

function print(files: SizedFile[], label: string): number {
  let total = 0;
  for (const { file, gzipBytes } of files) {
    total += gzipBytes;
    console.log(`${(gzipBytes / 1024).toFixed(1).padStart(7)} KB  ${file}`);
  }
  console.log(`${(total / 1024).toFixed(1).padStart(7)} KB  ${label} (gzipped, ${total} bytes)`);
  return total;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  const total = print(initialJs(dist), `initial JS for /, budget ${BUDGET_KB} KB`);
  const css = print(initialCss(dist), `initial CSS for /, budget ${CSS_BUDGET_KB} KB`);
  if (total > BUDGET_KB * 1024 || css > CSS_BUDGET_KB * 1024) process.exit(1);
}
