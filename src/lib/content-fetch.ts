// Fetches the compiled course from `/content/` (served by the content plugin in dev, precached by the
// service worker in production). Offline with nothing cached, these reject; callers fall back to Dexie.
import type { Catalog, ModuleBundle } from '../shared/content-types';

const base = `${import.meta.env.BASE_URL}content/`;

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${base}${path}`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`Could not load ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export const contentFetch = {
  catalog: () => getJson<Catalog>('catalog.json'),
  /** `file` is the catalogue's path of the bundle, e.g. `modules/foundations.3f9a1c2b.json`. */
  moduleBundle: (file: string) => getJson<ModuleBundle>(file),
};
