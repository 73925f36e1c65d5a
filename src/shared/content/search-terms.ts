// How lesson text and a learner's query become search terms. The content compiler indexes with these
// functions and the search page queries with them, so both sides agree: words are lower-cased, American
// spellings become British, English endings are stemmed (Porter), and the field's abbreviations and their
// spelled-out forms meet on one term ("EHC plan" and "EHCP", "ASD" and "autism").
import { stemmer } from 'stemmer';

/** One lesson as it goes into the index; `id` is `moduleId/lessonId`. */
export type SearchDocument = {
  id: string;
  title: string;
  objectives: string;
  headings: string;
  text: string;
};

export const SEARCH_FIELDS = ['title', 'objectives', 'headings', 'text'] as const;

/** Each group's words and phrases, as lower-case words: any of them finds the others. */
const GROUPS: readonly (readonly string[])[] = [
  ['ehcp', 'ehc plan', 'education health and care plan', 'ehc needs assessment'],
  ['senco', 'sendco', 'special educational needs coordinator', 'special educational needs co ordinator'],
  ['autism', 'autistic', 'asd', 'asc', 'autism spectrum disorder', 'autism spectrum condition'],
  ['dld', 'language disorder', 'developmental language disorder'],
  ['semh', 'mental health', 'social emotional and mental health'],
  ['adhd', 'attention deficit hyperactivity disorder'],
  ['slcn', 'speech language and communication needs'],
  ['salt', 'slt', 'speech and language therapist', 'speech and language therapy'],
  ['ta', 'teaching assistant', 'lsa', 'learning support assistant'],
  ['spld', 'specific learning difficulty', 'specific learning difficulties'],
  ['dyslexia', 'dyslexic'],
  ['send', 'sen', 'special educational needs'],
  ['eyfs', 'early years foundation stage'],
  ['iep', 'individual education plan', 'support plan'],
  ['pda', 'pathological demand avoidance', 'demand avoidance'],
  ['deaf', 'hearing impairment', 'hearing impaired'],
  ['blind', 'vision impairment', 'visual impairment', 'visually impaired'],
  ['aac', 'augmentative and alternative communication'],
];

/** American → British spellings the course might be searched with. */
const SPELLINGS: Readonly<Record<string, string>> = {
  behavior: 'behaviour',
  behaviors: 'behaviours',
  behavioral: 'behavioural',
  color: 'colour',
  colors: 'colours',
  center: 'centre',
  centers: 'centres',
  counselor: 'counsellor',
  favorite: 'favourite',
  program: 'programme',
  programs: 'programmes',
  pediatric: 'paediatric',
  pediatrician: 'paediatrician',
  labeled: 'labelled',
  labeling: 'labelling',
  modeling: 'modelling',
  modeled: 'modelled',
  license: 'licence',
  practiced: 'practised',
  practicing: 'practising',
  analyze: 'analyse',
};

/** Words too common to tell lessons apart: left out of the index and of queries. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be but by can do for from has have how i if in into is it its my not of on or so ' +
    'than that the their them then there these they this to was we were what when which who will with you your'
  ).split(' '),
);

/** The lower-case words of a text: letters and digits, with apostrophes and hyphens splitting words. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      // Accents go so "naïve" meets "naive".
      .replace(/\p{M}/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function britishStem(word: string): string {
  const british = SPELLINGS[word] ?? word.replace(/iz(e|es|ed|ing|ation|ations)$/, 'is$1');
  return stemmer(british);
}

const canonical = new Map<string, string>();
const phrases: { words: string[]; term: string }[] = [];
for (const group of GROUPS) {
  const term = group[0] as string;
  for (const entry of group) {
    const parts = words(entry);
    if (parts.length === 1) canonical.set(britishStem(parts[0] as string), term);
    else phrases.push({ words: parts.map(britishStem), term });
  }
}
// Longest first, so "developmental language disorder" wins over "language disorder".
phrases.sort((a, b) => b.words.length - a.words.length);

const phrasesByFirstWord = new Map<string, { words: string[]; term: string }[]>();
for (const phrase of phrases) {
  const first = phrase.words[0] as string;
  phrasesByFirstWord.set(first, [...(phrasesByFirstWord.get(first) ?? []), phrase]);
}

/** `stems` are the text's words stemmed, so "EHC plans" is a phrase of the group as "EHC plan" is. */
function phraseAt(stems: readonly string[], at: number): { words: string[]; term: string } | undefined {
  return phrasesByFirstWord
    .get(stems[at] as string)
    ?.find((p) => p.words.every((w, i) => stems[at + i] === w));
}

// A course repeats its words: stem each once. Bounded, so a long session of queries cannot grow it forever.
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

function stemOf(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = britishStem(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/** True for a group's term: such a term is matched whole, never as the start of a longer word. */
export function isGroupTerm(term: string): boolean {
  return groupTerms.has(term);
}
const groupTerms = new Set(GROUPS.map((g) => g[0] as string));

/** A word's search term: its British spelling, stemmed, or its group's term. Empty for a stop word. */
export function termOf(word: string): string {
  if (STOP_WORDS.has(word)) return '';
  const stem = stemOf(word);
  return canonical.get(stem) ?? stem;
}

/**
 * Terms for the index: every word's term, plus a group's term wherever one of its phrases appears, so
 * "EHC plan" is found by "EHCP" while "plan" alone still finds it.
 */
export function indexTerms(text: string): string[] {
  const list = words(text);
  const stems = list.map(stemOf);
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const phrase = phraseAt(stems, i);
    if (phrase) out.push(phrase.term);
    const term = termOf(list[i] as string);
    if (term) out.push(term);
  }
  return out;
}

/**
 * Terms for a query: a phrase of a group becomes its one term (so "language disorder" asks for lessons
 * about DLD, not any lesson with "language" in it); other words become their terms.
 */
export function queryTerms(query: string): string[] {
  const list = words(query);
  const stems = list.map(stemOf);
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const phrase = phraseAt(stems, i);
    if (phrase) {
      out.push(phrase.term);
      i += phrase.words.length - 1;
      continue;
    }
    const term = termOf(list[i] as string);
    if (term && !out.includes(term)) out.push(term);
  }
  return out;
}
