// Prints the JavaScript a first visit to `/` needs — the app's entry chunk, its static imports, and the
// Today page with its imports (part of the entry, or its own chunk if it is ever made lazy again) —
// gzipped, and fails over the budget. Reads dist/.vite/manifest.json, so run `npm run build` first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { APP_ENTRY, chunkFiles, type Manifest } from '../src/shared/content/app-chunks';

export const BUDGET_KB = 125;
const FIRST_PAGE = 'src/features/today/today-page.tsx';

export function initialJs(dist: string): { file: string; gzipBytes: number }[] {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  if (!manifest[APP_ENTRY]) throw new Error('manifest lacks the entry');
  return chunkFiles(manifest, [APP_ENTRY, FIRST_PAGE])
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = initialJs(process.argv[2] ?? 'dist');
  let total = 0;
  for (const { file, gzipBytes } of files) {
    total += gzipBytes;
    console.log(`${(gzipBytes / 1024).toFixed(1).padStart(7)} KB  ${file}`);
  }
  console.log(
    `${(total / 1024).toFixed(1).padStart(7)} KB  initial JS for / (gzipped), budget ${BUDGET_KB} KB`,
  );
  if (total > BUDGET_KB * 1024) process.exit(1);
}
