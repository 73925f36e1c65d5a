// The one MiniSearch configuration: the content compiler builds the index with it (src/course-compiler/search-index.ts)
// and the search page loads that index with it, and a loaded index must use the options it was built with.
import type { Options } from 'minisearch';
import { indexTerms, SEARCH_FIELDS, type SearchDocument } from './search-terms';

/** Where the built index is served, beside the catalogue, and precached with it by the service worker. */
export const SEARCH_INDEX_FILE = 'content/search-index.json';

export const searchOptions: Options<SearchDocument> = {
  fields: [...SEARCH_FIELDS],
  // Terms come out of indexTerms already lower-cased, spelled the British way, stemmed and grouped.
  tokenize: (text) => indexTerms(text),
  processTerm: (term) => term,
};
