import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fastFrontMatter } from '../../../src/course-compiler/fast-front-matter';
import { splitFrontMatter } from '../../../src/course-compiler/split-front-matter';

// The fast path must read exactly what the `yaml` library reads, or step aside (undefined).
const agrees = (text: string) => {
  const fast = fastFrontMatter(text);
  if (fast !== undefined) expect(fast).toEqual(parse(text) ?? {});
  return fast !== undefined;
};

function frontMatterOf(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const split = splitFrontMatter(readFileSync(join(entry.parentPath, entry.name), 'utf8').split(/\r?\n/));
    if (split.ok) found.push(split.yaml);
  }
  return found;
}

describe('fastFrontMatter', () => {
  it('agrees with yaml on every front matter in the course and the fixtures', () => {
    const all = [...frontMatterOf('content'), ...frontMatterOf('tests/fixtures/content')];
    expect(all.length).toBeGreaterThan(10);
    const taken = all.filter(agrees).length;
    // Most real front matter takes the fast path; the rest falls back, never disagrees.
    expect(taken).toBeGreaterThan(all.length / 2);
  });

  it.each([
    ['id: a\ntitle: "A: b"\norder: 3', true],
    ['audiences: [teacher, ta]\nareas: []', true],
    ["title: 'It''s'", false],
    ['title: A: b', false],
    ['updated: 2026-11-28\nyear: "2015"', true],
    ['order: 1.5', false],
    ['order: 0x1F', false],
    ['flag: true', false],
    ['title: yes', true],
    ['empty:', true],
    ['key: value # comment', false],
    ['list:\n  - a\n  - b', true],
    ['list:\n- a\n- b', false],
    [
      'sources:\n  - document: D\n    publisher: P\n    year: 2015\n  - document: E\n    publisher: Q\n    year: 2016',
      true,
    ],
    ['sources:\n  - document: D\n      nested: x', false],
    ['text: >\n  folded', false],
    ['a: 1\na: 2', false],
    ['title: "with \\"escape\\""', false],
    ['anchor: &x 1', false],
  ])('%j takes the fast path: %s', (text, fast) => {
    expect(agrees(text)).toBe(fast);
  });
});
