import MiniSearch from 'minisearch';
import type { Catalog, ModuleBundle } from '../shared/content/content-types';
import { SEARCH_INDEX_FILE, searchOptions } from '../shared/content/search-options';
import type { CompileResult } from './compile-course';
import { searchDocuments } from './search-documents';

/** The serialised search index over every lesson's title, objectives, headings and text. */
export function buildSearchIndex(catalog: Catalog, bundles: readonly ModuleBundle[]): string {
  const index = new MiniSearch(searchOptions);
  index.addAll(searchDocuments(catalog, bundles));
  return JSON.stringify(index);
}

/** Adds the search index to the compiler's output, beside `content/catalog.json`. */
export function addSearchIndex({ catalog, bundles, output }: CompileResult): void {
  output.set(SEARCH_INDEX_FILE, buildSearchIndex(catalog, bundles));
}
