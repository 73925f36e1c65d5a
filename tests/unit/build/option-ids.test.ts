import { describe, expect, it } from 'vitest';
import { compileCourse, createCompileCache } from '../../../src/course-compiler/compile-course';
import { formatProblem } from '../../../src/course-compiler/problems';
import { type PublishedOptions, publishedOptionsOf } from '../../../src/course-compiler/published-options';
import type { CheckOption, ModuleBundle } from '../../../src/shared/content/content-types';

const INDEX =
  '---\nid: m\ntitle: M\nsummary: S.\naudiences: [all]\nareas: [semh]\norder: 1\nconfidence:\n  - I feel confident to a\n  - I feel confident to b\n  - I feel confident to c\n---\n';
const FRONT =
  '---\nid: m-x\ntitle: X\nminutes: 1\nobjectives:\n  - O\nsources:\n  - document: D\n    publisher: P\n    year: 2020\n---\n\n';

const option = (text: string, right = false) => `- [${right ? 'x' : ' '}] ${text}\n  Because.\n`;
const check = (...options: string[]) => `:::check calm\nWhat do you do?\n\n${options.join('')}:::\n`;

function compile(body: string, lock?: PublishedOptions, cache = createCompileCache()) {
  const files = new Map<string, string>([
    ['m/index.md', INDEX],
    ['m/01-x.md', `${FRONT}${body}\n:::try\nDo it.\n:::\n`],
  ]);
  if (lock) files.set('published-options.json', JSON.stringify(lock));
  const result = compileCourse('content', files, cache);
  const file = result.catalog.modules[0]?.file;
  const bundle = file
    ? (JSON.parse(String(result.output.get(`content/${file}`))) as ModuleBundle)
    : undefined;
  const block = bundle?.lessons[0]?.blocks.find((b) => b.type === 'check');
  return {
    options: block?.type === 'check' ? block.options : [],
    problems: result.problems.map(formatProblem),
    lock: bundle ? publishedOptionsOf([bundle]) : {},
  };
}

/** The text a stored answer's option ids point at in a compiled check. */
const textsOf = (options: CheckOption[], ids: string[]) =>
  ids.map((id) => options.find((o) => o.id === id)?.html);

describe('check option ids', () => {
  it('are made from the option text, or are the name an author gives at the end of the line', () => {
    const { options, problems } = compile(
      check(option('Stay calm and wait', true), option('Send them out {#send-out}'), option('Shout')),
    );
    expect(problems).toEqual([]);
    expect(options.map((o) => [o.id, o.html])).toEqual([
      ['stay-calm-and-wait', 'Stay calm and wait'],
      ['send-out', 'Send them out'],
      ['shout', 'Shout'],
    ]);
  });

  it('keep a stored answer on the same option text after the options are reordered', () => {
    const v1 = compile(check(option('Stay calm', true), option('Send them out'), option('Shout')));
    const stored = [v1.options[1]?.id as string];
    expect(textsOf(v1.options, stored)).toEqual(['Send them out']);
    const v2 = compile(check(option('Send them out'), option('Shout'), option('Stay calm', true)), v1.lock);
    expect(v2.problems).toEqual([]);
    expect(textsOf(v2.options, stored)).toEqual(['Send them out']);
  });

  it('keep answers stored under the old position letters: the migration lock names the letters', () => {
    // What the course published before option ids were stable: ids by position, a, b, c.
    const lock: PublishedOptions = {
      'm-x': { calm: { a: 'stay calm', b: 'send them out', c: 'say "it\'s fine"' } },
    };
    const stored = ['b', 'c'];
    const reordered = compile(
      check(option('Say “it’s fine”'), option('Stay calm', true), option('Send them out')),
      lock,
    );
    expect(reordered.problems).toEqual([]);
    expect(reordered.options.map((o) => o.id)).toEqual(['c', 'a', 'b']);
    expect(textsOf(reordered.options, stored)).toEqual(['Send them out', 'Say “it’s fine”']);
  });

  it('warn, without failing, when a published option disappears, and a name keeps a reworded one', () => {
    const lock: PublishedOptions = { 'm-x': { calm: { a: 'stay calm', b: 'send them out' } } };
    const reworded = compile(check(option('Stay calm', true), option('Send them outside')), lock);
    expect(reworded.problems).toEqual([
      'content/m/01-x.md:13:1 warning: published option `b` of check `calm` ("send them out") is gone: answers learners gave to it will no longer match an option. If you reworded it, keep its id by ending the option\'s line with `{#b}`; if it really is gone, run `npm run content:lock` when you publish',
    ]);
    // A new id never takes over a published one, which stored answers already mean.
    expect(reworded.options.map((o) => o.id)).toEqual(['a', 'send-them-outside']);
    const named = compile(check(option('Stay calm', true), option('Send them outside {#b}')), lock);
    expect(named.problems).toEqual([]);
    expect(named.options.map((o) => [o.id, o.html])).toEqual([
      ['a', 'Stay calm'],
      ['b', 'Send them outside'],
    ]);
  });

  it('warn when a published check disappears', () => {
    const lock: PublishedOptions = { 'm-x': { gone: { a: 'yes', b: 'no' } } };
    const { problems } = compile(check(option('Stay calm', true), option('Shout')), lock);
    expect(problems).toEqual([
      'content/m/01-x.md:13:1 warning: published check `gone` is gone: answers learners gave to it will no longer show. If you renamed or moved it, name it `:::check gone`; if it really is gone, run `npm run content:lock` when you publish',
    ]);
  });

  it('reject a badly written or repeated name', () => {
    const { problems } = compile(
      check(option('Stay calm {#Stay Calm}', true), option('Wait {#w}'), option('Shout {#w}')),
    );
    expect(problems).toEqual([
      'content/m/01-x.md:16:1 the name of an option must be lower-case words joined by hyphens, e.g. `{#stay-calm}` (found "Stay Calm")',
      'content/m/01-x.md:20:1 two options of this check are named `w`: give each its own name',
    ]);
  });

  it('recompile a cached lesson when its lock entry changes', () => {
    const cache = createCompileCache();
    const body = check(option('Stay calm', true), option('Shout'));
    expect(compile(body, undefined, cache).options.map((o) => o.id)).toEqual(['stay-calm', 'shout']);
    const lock: PublishedOptions = { 'm-x': { calm: { a: 'stay calm', b: 'shout' } } };
    expect(compile(body, lock, cache).options.map((o) => o.id)).toEqual(['a', 'b']);
  });

  it('report a lock that is not valid JSON at its file', () => {
    const files = new Map<string, string>([
      ['m/index.md', INDEX],
      ['m/01-x.md', `${FRONT}${check(option('Stay calm', true), option('Shout'))}\n:::try\nDo it.\n:::\n`],
      ['published-options.json', '{"m-x": '],
    ]);
    const problems = compileCourse('content', files).problems.map(formatProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^content\/published-options\.json:1:1 the lock of published option ids is not valid JSON \(.+\): restore it from git or run `npm run content:lock`$/,
    );
  });
});
