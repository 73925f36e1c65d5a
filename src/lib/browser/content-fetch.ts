// Fetches the compiled course from `/content/` (served by the content plugin in dev, precached by the
// service worker in production). Offline with nothing cached, these reject; callers fall back to Dexie.
import type { Catalog, ModuleBundle } from '../../shared/content/content-types';

const base = `${import.meta.env.BASE_URL}content/`;

// Requests started before the app rendered (src/app/prefetch-first-page.ts); the first call for the same
// file takes the response instead of asking again.
const early = new Map<string, Promise<unknown>>();

async function fetchJson<T>(path: string): Promise<T> {
  // No custom headers: a request that differs from the preload (index.html, the server's Link header)
  // would not be matched to it in every browser, and the file would download twice.
  const response = await fetch(`${base}${path}`);
  if (!response.ok) throw new Error(`Could not load ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function fetchText(path: string): Promise<string> {
  const response = await fetch(`${base}${path}`);
  if (!response.ok) throw new Error(`Could not load ${path}: HTTP ${response.status}`);
  return response.text();
}

function getJson<T>(path: string): Promise<T> {
  const started = early.get(path);
  if (!started) return fetchJson<T>(path);
  early.delete(path);
  return started as Promise<T>;
}

function startEarly<T>(path: string): Promise<T> {
  const request = fetchJson<T>(path);
  early.set(path, request);
  // Whoever takes it handles a failure; until then, a failure is not an unhandled rejection.
  request.catch(() => undefined);
  return request;
}

export const contentFetch = {
  catalog: () => getJson<Catalog>('catalog.json'),
  /** `file` is the catalogue's path of the bundle, e.g. `modules/foundations.3f9a1c2b.json`. */
  moduleBundle: (file: string) => getJson<ModuleBundle>(file),
  /** Starts fetching the catalogue now, while the app's code is still loading. */
  startCatalog: () => startEarly<Catalog>('catalog.json'),
  startModuleBundle: (file: string) => startEarly<ModuleBundle>(file),
  /** The search index as text, for MiniSearch to load (`SEARCH_INDEX_FILE`, beside the catalogue). */
  searchIndex: () => fetchText('search-index.json'),
};
