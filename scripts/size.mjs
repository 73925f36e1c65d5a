// Prints the JavaScript a first visit to `/` needs — the entry chunk, its static imports, and the Today
// page with its imports (part of the entry, or its own chunk if it is ever made lazy again) — gzipped,
// and fails over the budget. Reads dist/.vite/manifest.json,
// so run `npm run build` first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 125;
const FIRST_PAGE = 'src/features/today/today-page.tsx';

/** Chunk files reached from `keys` through static imports. */
export function chunkClosure(manifest, keys) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...files].filter((file) => file.endsWith('.js'));
}

export function initialJs(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry && key.endsWith('index.html'));
  if (!entry) throw new Error('manifest lacks the entry');
  return chunkClosure(manifest, manifest[FIRST_PAGE] ? [entry, FIRST_PAGE] : [entry]).map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
  }));
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
