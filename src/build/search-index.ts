import MiniSearch from 'minisearch';
import type { Catalog } from '../shared/content-types';
import { SEARCH_INDEX_FILE, searchOptions } from '../shared/search-options';
import { searchDocuments } from './search-documents';

/** The serialised search index over every lesson's title, objectives, headings and text. */
export function buildSearchIndex(catalog: Catalog, output: ReadonlyMap<string, string | Uint8Array>): string {
  const index = new MiniSearch(searchOptions);
  index.addAll(searchDocuments(catalog, output));
  return JSON.stringify(index);
}

/** Adds the search index to the compiler's output, beside `content/catalog.json`. */
export function addSearchIndex(catalog: Catalog, output: Map<string, string | Uint8Array>): void {
  output.set(SEARCH_INDEX_FILE, buildSearchIndex(catalog, output));
}
