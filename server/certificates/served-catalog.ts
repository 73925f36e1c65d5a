// The catalogue this server serves (config.distDir/content/catalog.json), read again only when a new build
// replaces it, so a certificate is always checked against the lessons learners are actually given.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '../../src/shared/content-types';

export function servedCatalog(distDir: string): () => Promise<Catalog | null> {
  const file = path.join(distDir, 'content', 'catalog.json');
  let cached: { mtimeMs: number; catalog: Catalog } | null = null;
  return async () => {
    try {
      const { mtimeMs } = await stat(file);
      if (cached?.mtimeMs !== mtimeMs) {
        cached = { mtimeMs, catalog: JSON.parse(await readFile(file, 'utf8')) as Catalog };
      }
      return cached.catalog;
    } catch {
      // No build (or a partial copy): there is nothing to check completions against.
      return null;
    }
  };
}
