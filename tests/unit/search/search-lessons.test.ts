import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { searchLessons } from '../../../src/features/search/search-lessons';
import type { Catalog, CatalogLesson } from '../../../src/shared/content/content-types';
import { searchOptions } from '../../../src/shared/content/search-options';
import type { SearchDocument } from '../../../src/shared/content/search-terms';

const doc = (id: string, title: string, text: string, objectives = '', headings = ''): SearchDocument => ({
  id: `m/${id}`,
  title,
  objectives,
  headings,
  text,
});

const docs = [
  doc('applying', 'Applying for an EHC plan', 'Families and schools can ask the council for an assessment.'),
  doc('support', 'SEN support', 'Most pupils are helped without an EHCP. Talk to the SENCO about autism.'),
  doc(
    'reviews',
    'Annual reviews',
    'Each year the plan is reviewed.',
    'Take part in the annual review of an EHCP',
  ),
  doc(
    'sensory',
    'Sensory needs',
    'Noise and light can overwhelm autistic pupils.',
    '',
    'Autism and the senses',
  ),
  doc('dld', 'What DLD is', 'Developmental language disorder is common and lifelong.'),
];

const catalog: Catalog = {
  version: 'v',
  pathways: [],
  modules: [
    {
      id: 'm',
      title: 'A module',
      summary: '',
      audiences: ['all'],
      areas: ['semh'],
      order: 1,
      hash: 'h',
      bytes: 1,
      file: 'modules/m.h.json',
      // "support" is left out: a lesson the index knows but the catalogue no longer has.
      lessons: docs
        .filter((d) => d.id !== 'm/support')
        .map(
          (d): CatalogLesson => ({
            id: d.id.slice(2),
            title: d.title,
            minutes: 5,
            objectives: [],
            words: 100,
            hash: 'x',
            sections: [],
            checks: 0,
          }),
        ),
    },
  ],
};

const index = new MiniSearch(searchOptions);
index.addAll(docs);
// Load it back as the app does, so the test covers the serialised form too.
const loaded = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(index), searchOptions);
const ids = (query: string) => searchLessons(loaded, catalog, query).hits.map((h) => h.lessonId);

describe('searchLessons', () => {
  it.each([
    // A title match ranks above the same words in objectives, and objectives above body text.
    ['EHC plan', ['applying', 'reviews']],
    ['ehcp ', ['applying', 'reviews']],
    ['autism', ['sensory']],
    ['autistic', ['sensory']],
    ['language disorder', ['dld']],
    // The last word is matched while it is still being typed.
    ['annual rev', ['reviews']],
    ['sens', ['sensory']],
    // A typo in a longer word is forgiven.
    ['devlopmental', ['dld']],
    ['', []],
  ])('“%s” → %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('falls back to lessons with some of the words, and says so', () => {
    const result = searchLessons(loaded, catalog, 'autism lifelong');
    expect(result.partial).toBe(true);
    expect(result.hits.map((h) => h.lessonId).sort()).toEqual(['dld', 'sensory']);
  });

  it('names each hit as the catalogue does', () => {
    expect(searchLessons(loaded, catalog, 'DLD').hits).toEqual([
      { moduleId: 'm', lessonId: 'dld', title: 'What DLD is', moduleTitle: 'A module', minutes: 5 },
    ]);
  });
});
