import MiniSearch from 'minisearch';
import { SEARCH_INDEX_FILE, searchOptions } from '../../shared/search-options';
import type { SearchDocument } from '../../shared/search-terms';

let loading: Promise<MiniSearch<SearchDocument>> | undefined;

/**
 * The course's search index, fetched once per app start: the service worker precaches it with the app,
 * so this works offline. A failed load is tried again on the next call.
 */
export function loadSearchIndex(): Promise<MiniSearch<SearchDocument>> {
  loading ??= fetch(`${import.meta.env.BASE_URL}${SEARCH_INDEX_FILE}`)
    .then(async (response) => {
      if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
      return MiniSearch.loadJSONAsync<SearchDocument>(await response.text(), searchOptions);
    })
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
