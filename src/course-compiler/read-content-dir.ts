import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ContentFiles } from './compile-course';

const TEXT = /\.(md|ya?ml)$/i;

/** Reads every file under `dir` (skipping dot-files) into the map the compiler takes. */
export async function readContentDir(dir: string): Promise<ContentFiles> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string | Uint8Array>();
  const reads = entries
    .filter((e) => e.isFile())
    .map(async (e) => {
      const full = join(e.parentPath, e.name);
      const path = relative(dir, full).split(sep).join('/');
      if (path.split('/').some((part) => part.startsWith('.'))) return;
      files.set(path, TEXT.test(path) ? await readFile(full, 'utf8') : await readFile(full));
    });
  await Promise.all(reads);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
