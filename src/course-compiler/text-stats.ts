// Reading statistics for the quality warnings. Documented in docs/authoring.md ("Checks the build makes").

const WORD = /[A-Za-z0-9\u00C0-\u024F]+(?:['’-][A-Za-z0-9\u00C0-\u024F]+)*/g;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/**
 * Estimates English syllables with the usual vowel-group rule: count groups of vowels (a e i o u y),
 * drop a silent final "e" (but keep "-le" after a consonant, as in "table"), drop "-es"/"-ed" endings
 * that add no syllable ("makes", "asked"), and count at least one per word.
 */
const syllableMemo = new Map<string, number>();

export function countSyllables(word: string): number {
  // Course text reuses a small vocabulary, so memoising makes this nearly free on large courses.
  let n = syllableMemo.get(word);
  if (n === undefined) {
    n = syllablesOf(word);
    if (syllableMemo.size < 100_000) syllableMemo.set(word, n);
  }
  return n;
}

function syllablesOf(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouytd]ed|[^laeiouy]e)$/, (m) => m.charAt(0));
  w = w.replace(/^y/, '');
  const groups = w.match(/[aeiouy]+/g)?.length ?? 0;
  return Math.max(1, groups);
}

/** Splits prose into sentences at `.`, `!` or `?` followed by a space or the end. */
export function splitSentences(text: string): string[] {
  return text
    .split(/[.!?]+(?:\s+|$)/)
    .map((s) => s.trim())
    .filter((s) => countWords(s) > 0);
}

export type ReadingTally = { words: number; sentences: number; syllables: number };

export function tallyProse(paragraphs: readonly string[]): ReadingTally {
  const tally: ReadingTally = { words: 0, sentences: 0, syllables: 0 };
  for (const paragraph of paragraphs) {
    for (const sentence of splitSentences(paragraph)) {
      const words = sentence.match(WORD) ?? [];
      tally.sentences++;
      tally.words += words.length;
      for (const word of words) tally.syllables += countSyllables(word);
    }
  }
  return tally;
}

/** Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word. */
export function fleschReadingEase(t: ReadingTally): number {
  if (t.words === 0 || t.sentences === 0) return 100;
  return 206.835 - 1.015 * (t.words / t.sentences) - 84.6 * (t.syllables / t.words);
}

/** Minutes a typical reader needs: words at 200 a minute plus half a minute per check, rounded, at least 1. */
export function estimateMinutes(words: number, checks: number): number {
  return Math.max(1, Math.round(words / 200 + 0.5 * checks));
}
