import MiniSearch from 'minisearch';
import { contentFetch } from '../../lib/browser/content-fetch';
import { searchOptions } from '../../shared/content/search-options';
import type { SearchDocument } from '../../shared/content/search-terms';

let loading: Promise<MiniSearch<SearchDocument>> | undefined;

/**
 * The course's search index, fetched once per app start: the service worker precaches it with the app,
 * so this works offline. A failed load is tried again on the next call.
 */
export function loadSearchIndex(): Promise<MiniSearch<SearchDocument>> {
  loading ??= contentFetch
    .searchIndex()
    .then((text) => MiniSearch.loadJSONAsync<SearchDocument>(text, searchOptions))
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

/** Back to a fresh app start (component tests share one module instance). */
export function forgetSearchIndex(): void {
  loading = undefined;
}
