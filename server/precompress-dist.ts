// Writes .br and .gz siblings next to the compressible files of the built PWA, once per build, so
// the server sends compressed bytes without spending CPU per request. Run after `vite build`; the
// service worker's precache manifest is already written by then, so the siblings never enter it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.webmanifest',
  '.txt',
  '.xml',
  '.ico',
]);
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

async function isFresh(target: string, sourceMtime: number): Promise<boolean> {
  try {
    return (await fs.stat(target)).mtimeMs >= sourceMtime;
  } catch {
    return false;
  }
}

/** Returns how many files it compressed. */
export async function precompressDist(dir: string): Promise<number> {
  let count = 0;
  for await (const file of walk(dir)) {
    if (!COMPRESSIBLE.has(path.extname(file).toLowerCase())) continue;
    const stat = await fs.stat(file);
    if (stat.size < MIN_BYTES) continue;
    if ((await isFresh(`${file}.br`, stat.mtimeMs)) && (await isFresh(`${file}.gz`, stat.mtimeMs))) continue;
    const data = await fs.readFile(file);
    const [br, gzipped] = await Promise.all([
      brotli(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }),
      gz(data, { level: 9 }),
    ]);
    // A sibling that saves little is not worth the extra file and Content-Encoding.
    if (br.length < data.length * 0.9) await fs.writeFile(`${file}.br`, br);
    if (gzipped.length < data.length * 0.9) await fs.writeFile(`${file}.gz`, gzipped);
    count += 1;
  }
  return count;
}
