import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import type { Catalog } from '../../shared/content/content-types';
import {
  isGroupTerm,
  queryTerms,
  type SearchDocument,
  termOf,
  words,
} from '../../shared/content/search-terms';

export type SearchHit = {
  moduleId: string;
  lessonId: string;
  title: string;
  moduleTitle: string;
  minutes: number;
};

export type SearchResult = {
  hits: SearchHit[];
  /** True when no lesson has every word, and these lessons have some of them. */
  partial: boolean;
};

// A title match counts most, then the lesson's objectives and headings, then its text.
const BOOST = { title: 4, objectives: 2, headings: 2, text: 1 };

/**
 * Lessons matching `query`, best first, named as the catalogue names them (a lesson the index knows but the
 * catalogue no longer has is left out). The last word is matched as the start of a word while it is being
 * typed; longer words forgive a typo.
 */
export function searchLessons(
  index: MiniSearch<SearchDocument>,
  catalog: Catalog,
  query: string,
  limit = 50,
): SearchResult {
  const terms = queryTerms(query);
  if (terms.length === 0) return { hits: [], partial: false };
  // The word still being typed also counts as the start of a longer word, as typed: its stem may not be a
  // start of anything ("sens" stems to "sen", which is not how "sensory" begins).
  const last = query.endsWith(' ') ? undefined : words(query).at(-1);
  const typed = last && last.length >= 2 && termOf(last) ? last : undefined;
  const lastTerm = terms.at(-1) as string;
  const lastQuery: Query = typed
    ? {
        combineWith: 'OR',
        queries: [{ queries: [lastTerm] }, { queries: [typed], prefix: true, fuzzy: false }],
      }
    : lastTerm;
  const run = (combineWith: 'AND' | 'OR') =>
    index.search(
      { combineWith, queries: [...terms.slice(0, -1), lastQuery] },
      {
        tokenize: (text) => text.split(' '),
        processTerm: (term) => term,
        boost: BOOST,
        fuzzy: (term) => (term.length >= 6 && !isGroupTerm(term) ? 1 : false),
      },
    );
  let results = run('AND');
  const partial = results.length === 0 && terms.length > 1;
  if (partial) results = run('OR');

  const lessons = new Map<string, SearchHit>();
  for (const module of catalog.modules) {
    for (const lesson of module.lessons) {
      lessons.set(`${module.id}/${lesson.id}`, {
        moduleId: module.id,
        lessonId: lesson.id,
        title: lesson.title,
        moduleTitle: module.title,
        minutes: lesson.minutes,
      });
    }
  }
  const hits: SearchHit[] = [];
  for (const result of results) {
    const hit = lessons.get(String(result.id));
    if (hit) hits.push(hit);
    if (hits.length === limit) break;
  }
  return { hits, partial: partial && hits.length > 0 };
}
