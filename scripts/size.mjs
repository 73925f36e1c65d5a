// Prints the JavaScript a first visit to `/` downloads (entry script plus its modulepreloads), gzipped,
// and fails when it is over the budget. Reads dist/, so run `npm run build` first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 125;
const dist = process.argv[2] ?? 'dist';

export function initialScripts(html) {
  const urls = new Set();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(m[1]);
  return [...urls];
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
let total = 0;
for (const url of initialScripts(html)) {
  const bytes = gzipSync(readFileSync(join(dist, url.replace(/^\//, '')))).length;
  total += bytes;
  console.log(`${(bytes / 1024).toFixed(1).padStart(7)} KB  ${url}`);
}
console.log(
  `${(total / 1024).toFixed(1).padStart(7)} KB  initial JS for / (gzipped), budget ${BUDGET_KB} KB`,
);
if (total > BUDGET_KB * 1024) process.exit(1);
