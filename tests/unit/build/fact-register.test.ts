import { describe, expect, it } from 'vitest';
import { parseFactRegister } from '../../../src/course-compiler/fact-register';
import { formatReport } from '../../../src/course-compiler/format-report';
import { formatProblem } from '../../../src/course-compiler/problems';
import { readFactRegisters } from '../../../src/course-compiler/read-fact-registers';
import { compileFixture } from './compile-fixture';

const HEAD = '# Register\n\n| id | claim | source | url | checked |\n| --- | --- | --- | --- | --- |\n';
const errorsOf = (text: string) => parseFactRegister(text, 'docs/facts/m.md').problems.map(formatProblem);

describe('parseFactRegister', () => {
  it('reads rows, with escaped pipes and an empty url', () => {
    const { facts, problems } = parseFactRegister(
      `${HEAD}| m-1 | A \\| B. | Act s1 |  | 2026-12-01 |\n\nNot stated: x.\n`,
      'docs/facts/m.md',
    );
    expect(problems).toEqual([]);
    expect(facts).toEqual([
      {
        id: 'm-1',
        claim: 'A | B.',
        source: 'Act s1',
        url: '',
        checked: '2026-12-01',
        file: 'docs/facts/m.md',
      },
    ]);
  });

  it.each([
    [
      'no table',
      '# Register\n\nNothing yet.\n',
      'docs/facts/m.md:1:1 no register table: start one with the header `| id | claim | source | url | checked |`',
    ],
    [
      'a wrong header',
      '\n| id | claim | source | checked |\n| --- | --- | --- | --- |\n',
      'docs/facts/m.md:2:1 the table header must be `| id | claim | source | url | checked |` (found `| id | claim | source | checked |`)',
    ],
    [
      'no delimiter line',
      '| id | claim | source | url | checked |\n| m-1 | C | S | | 2026-12-01 |\n',
      'docs/facts/m.md:2:1 the line under the header must be `| --- | --- | --- | --- | --- |`',
    ],
    [
      'a short row',
      `${HEAD}| m-1 | C | S |\n`,
      'docs/facts/m.md:5:1 a row needs 5 cells (id, claim, source, url, checked), found 3',
    ],
    [
      'a bad date',
      `${HEAD}| m-1 | C | S | | 2026-02-30 |\n`,
      'docs/facts/m.md:5:1 the checked date of fact `m-1` must be a date written YYYY-MM-DD (found "2026-02-30")',
    ],
    [
      'a bad url',
      `${HEAD}| m-1 | C | S | www.gov.uk | 2026-02-03 |\n`,
      'docs/facts/m.md:5:1 the url of fact `m-1` must be a web address starting with https:// or http:// (found "www.gov.uk")',
    ],
    [
      'no source',
      `${HEAD}| m-1 | C |  | | 2026-02-03 |\n`,
      'docs/facts/m.md:5:1 fact `m-1` has no source: name the primary source',
    ],
    [
      'a repeated id',
      `${HEAD}| m-1 | C | S | | 2026-02-03 |\n| m-1 | D | S | | 2026-02-03 |\n`,
      'docs/facts/m.md:6:1 duplicate fact id `m-1`: docs/facts/m.md:5 already uses it',
    ],
    [
      'a second table',
      `${HEAD}| m-1 | C | S | | 2026-02-03 |\n\n| m-2 | D | S | | 2026-02-03 |\n`,
      'docs/facts/m.md:7:1 a second table: keep every fact in the one register table, with no blank line inside it',
    ],
  ])('%s is an error at its line', (_, text, problem) => {
    expect(errorsOf(text)).toEqual([problem]);
  });
});

describe('content:report', () => {
  it('prints reading ease per module and pathway, and the register of facts', async () => {
    const result = await compileFixture('good');
    const register = await readFactRegisters('tests/fixtures/facts/good');
    expect(register.problems).toEqual([]);
    const lines = formatReport(result.lessons, result.catalog.pathways, register).split('\n');
    const row = (start: string) => lines.find((l) => l.startsWith(start))?.split(/\s{2,}/);
    const foundations = result.lessons.filter((l) => l.moduleId === 'foundations');
    const words = foundations.reduce((n, l) => n + l.words, 0);
    const ease = Math.round(foundations.reduce((n, l) => n + l.readingEase * l.words, 0) / words);
    expect(row('foundations    ')?.slice(-1)).toEqual([String(ease)]);
    expect(row('teacher')?.slice(-1)[0]).toMatch(/^\d+$/);
    expect(lines).toContain('register of facts: 2 facts in 1 file (m 2)');
    expect(row('m-2')).toEqual([
      'm-2',
      '2026-12-02',
      'A claim with a pipe | inside. (Children and Families Act 2014 s19)',
    ]);
  });

  it('says when there is no register', async () => {
    const result = await compileFixture('good');
    const register = await readFactRegisters('tests/fixtures/facts/none');
    expect(formatReport(result.lessons, result.catalog.pathways, register)).toMatch(
      /\nno register of facts \(docs\/facts\/\*\.md\)$/,
    );
  });
});
