import { describe, expect, it } from 'vitest';
import { classifyUrl } from '../../../src/course-compiler/classify-url';
import { slugify } from '../../../src/course-compiler/slugify';
import {
  countSyllables,
  countWords,
  estimateMinutes,
  fleschReadingEase,
  tallyProse,
} from '../../../src/course-compiler/text-stats';

describe('countSyllables', () => {
  it.each([
    ['cat', 1],
    ['the', 1],
    ['table', 2],
    ['make', 1],
    ['makes', 1],
    ['asked', 1],
    ['wanted', 2],
    ['teacher', 2],
    ['provision', 3],
    ['education', 4],
    ['communication', 5],
    ['additional', 4],
    ['yes', 1],
  ])('%s has %i', (word, n) => {
    expect(countSyllables(word)).toBe(n);
  });
});

describe('reading statistics', () => {
  it('counts words, ignoring punctuation and keeping contractions whole', () => {
    expect(countWords("Don't panic: it's 5 minutes — really.")).toBe(6);
  });

  it('scores plain prose as easy and dense prose as hard', () => {
    expect(fleschReadingEase(tallyProse(['The cat sat on the mat. It was warm.']))).toBeGreaterThan(90);
    expect(
      fleschReadingEase(
        tallyProse([
          'Institutional accountability necessitates comprehensive organisational implementation.',
        ]),
      ),
    ).toBeLessThan(0);
  });

  it.each([
    [0, 0, 1],
    [200, 0, 1],
    [700, 2, 5],
    [1000, 1, 6],
    [2000, 0, 10],
  ])('%i words and %i checks read in %i minutes', (words, checks, minutes) => {
    expect(estimateMinutes(words, checks)).toBe(minutes);
  });
});

describe('classifyUrl', () => {
  it.each([
    ['https://www.gov.uk', 'https'],
    ['mailto:a@b.org', 'mailto'],
    ['#part', 'anchor'],
    ['02-next.md', 'relative'],
    ['../m/01-x.md#a', 'relative'],
    ['http://example.org', 'http'],
    ['javascript:alert(1)', 'dangerous'],
    ['JavaScript:alert(1)', 'dangerous'],
    ['java\tscript:alert(1)', 'dangerous'],
    ['%6Aavascript:alert(1)', 'dangerous'],
    ['vbscript:x', 'dangerous'],
    ['data:text/html,x', 'dangerous'],
    ['ftp://x', 'other-scheme'],
    ['//evil.example', 'other-scheme'],
  ])('%s is %s', (url, kind) => {
    expect(classifyUrl(url)).toBe(kind);
  });
});

describe('slugify', () => {
  it.each([
    ['What the Code says', 'what-the-code-says'],
    ['SEN support & EHC plans', 'sen-support-ehc-plans'],
    ['Café: naïve ideas!', 'cafe-naive-ideas'],
    ['???', 'section'],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});
