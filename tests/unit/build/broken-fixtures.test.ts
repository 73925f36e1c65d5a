import { describe, expect, it } from 'vitest';
import { compileFixture, formatted } from './compile-fixture';

// One fixture course per problem kind under tests/fixtures/content/broken/<kind>/. Each row is the
// exact line an author sees, so a changed message or position shows up here.
const at = (kind: string, rest: string) => `tests/fixtures/content/broken/${kind}/${rest}`;

const ERRORS: [kind: string, problem: string][] = [
  ['missing-field', 'm/01-lesson.md:1:1 missing front matter field `title`'],
  [
    'invalid-field',
    'm/index.md:5:13 front matter field `audiences[0]` item must be one of teacher, ta, early-years, college, leader, support, all',
  ],
  ['unknown-field', 'm/01-lesson.md:5:1 unknown front matter field `author`'],
  [
    'duplicate-module-id',
    'n/index.md:2:5 duplicate module id `m`: tests/fixtures/content/broken/duplicate-module-id/m/index.md already uses it',
  ],
  [
    'duplicate-lesson-id',
    'm/02-again.md:2:5 duplicate lesson id `m-lesson`: tests/fixtures/content/broken/duplicate-lesson-id/m/01-lesson.md already uses it',
  ],
  [
    'check-no-correct',
    'm/01-lesson.md:13:1 the check has no correct option: mark the right answer(s) with `- [x]`',
  ],
  [
    'option-no-explanation',
    'm/01-lesson.md:18:1 option has no explanation: on the next line, indented by two spaces, say why it is right or wrong',
  ],
  ['check-one-option', 'm/01-lesson.md:13:1 a check needs at least two options (found 1)'],
  [
    'unknown-directive',
    'm/01-lesson.md:13:4 unknown activity `:::warning`: use :::check, :::reflect, :::tip, :::key, :::try, :::discuss or :::facilitator',
  ],
  [
    'unclosed-directive',
    'm/01-lesson.md:17:1 `:::tip` is not closed: add a line with just `:::` where it ends',
  ],
  [
    'nested-directive',
    'm/01-lesson.md:16:1 `:::try` starts inside `:::tip` (line 13): end `:::tip` with a `:::` line first; activities cannot be put inside each other',
  ],
  [
    'broken-link',
    'm/01-lesson.md:13:21 broken link: `02-next.md` is not a lesson in the course (looked for tests/fixtures/content/broken/broken-link/m/02-next.md)',
  ],
  [
    'missing-image',
    'm/01-lesson.md:13:1 missing image: `chart.png` (looked for tests/fixtures/content/broken/missing-image/m/chart.png)',
  ],
  [
    'image-no-alt',
    'm/01-lesson.md:13:1 image `chart.png` has no alt text: describe the picture between the square brackets',
  ],
  [
    'minutes-out-of-range',
    'm/01-lesson.md:4:10 front matter field `minutes` must be a whole number from 1 to 10',
  ],
  ['raw-html', 'm/01-lesson.md:13:6 raw HTML is not allowed: <b> (write Markdown instead)'],
  ['dangerous-url', 'm/01-lesson.md:13:16 dangerous link address `javascript:alert(1)` is not allowed'],
  [
    'h1-heading',
    'm/01-lesson.md:13:1 do not use a # heading: the lesson title is the page heading; start parts with ##',
  ],
  ['heading-skip', 'm/01-lesson.md:15:1 heading level skipped: #### follows ##; go down one level at a time'],
  ['missing-sources', 'm/01-lesson.md:1:1 missing front matter field `sources`'],
  [
    'confidence-invalid',
    'm/index.md:10:5 front matter field `confidence[1]` item must start “I feel confident to” followed by what the learner can do',
  ],
  [
    'confidence-too-few',
    'm/index.md:9:3 front matter field `confidence` must list at least 3 statements (3 or 4 in all)',
  ],
  ['pathway-unknown-module', 'pathways.yaml:3:16 unknown module id `missing-module` in pathway `teacher`'],
  [
    'discuss-missing-minutes',
    'm/01-lesson.md:13:1 `:::discuss` needs the minutes to allow for the discussion, e.g. `:::discuss{minutes=5}`',
  ],
  [
    'discuss-invalid-minutes',
    'm/01-lesson.md:13:12 the `minutes` of `:::discuss` must be a whole number from 1 to 20 (found "five")',
  ],
  [
    'discuss-unknown-attribute',
    'm/01-lesson.md:13:22 unknown attribute `size` on `:::discuss`: the only one is `minutes`, e.g. `:::discuss{minutes=5}`',
  ],
  [
    'discuss-empty',
    'm/01-lesson.md:13:1 `:::discuss` is empty: write the prompt between `:::discuss` and `:::`',
  ],
  [
    'discuss-title',
    'm/01-lesson.md:13:23 `:::discuss` takes no title (found "Pairs"): write the prompt on the lines below it',
  ],
  [
    'facilitator-empty',
    'm/01-lesson.md:13:1 `:::facilitator` is empty: write the notes between `:::facilitator` and `:::`',
  ],
  [
    'facilitator-unknown-attribute',
    'm/01-lesson.md:13:16 unknown attribute `minutes` on `:::facilitator`: it takes none',
  ],
  [
    'facilitator-nested',
    'm/01-lesson.md:16:1 `:::facilitator` starts inside `:::discuss` (line 13): end `:::discuss` with a `:::` line first; activities cannot be put inside each other',
  ],
  [
    'attribute-on-callout',
    'm/01-lesson.md:13:7 `:::tip` takes no attributes (found `{minutes=5}`): only `:::discuss` (its `minutes`) and `:::reflect` (its `log`) have one',
  ],
  [
    'reflect-unknown-log',
    'm/01-lesson.md:13:12 the `log` of `:::reflect` must be `change` (what I will change) or `impact` (evidence of impact) (found "changes")',
  ],
  [
    'reflect-unknown-attribute',
    'm/01-lesson.md:13:23 unknown attribute `minutes` on `:::reflect`: the only one is `log`, e.g. `:::reflect{log=change}` or `:::reflect{log=impact}`',
  ],
];

const WARNINGS: [kind: string, problem: string][] = [
  [
    'warning-no-confidence',
    'm/index.md:1:1 warning: no `confidence` statements: list 3 or 4 “I feel confident to …” statements taken from the module’s objectives, so learners can rate their confidence before and after',
  ],
  [
    'warning-minutes-estimate',
    'm/01-lesson.md:4:10 warning: minutes is 9 but the lesson reads in about 1 (7 words at 200 a minute, plus half a minute per check)',
  ],
  [
    'warning-reading-ease',
    'm/01-lesson.md:13:1 warning: reading ease is -117 (Flesch), below 50: use shorter sentences and everyday words',
  ],
  [
    'warning-no-try',
    'm/01-lesson.md:13:1 warning: the lesson has no `:::try` activity: add one thing to try in the classroom or setting',
  ],
];

describe('each kind of error is reported with its file, line and column', () => {
  it.each(ERRORS)('%s', async (kind, problem) => {
    const result = await compileFixture(`broken/${kind}`);
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(formatted({ ...result, problems: errors })).toEqual([at(kind, problem)]);
  });
});

describe('each quality warning is reported without failing the build', () => {
  it.each(WARNINGS)('%s', async (kind, problem) => {
    const result = await compileFixture(`broken/${kind}`);
    expect(formatted(result)).toEqual([at(kind, problem)]);
    expect(result.problems.every((p) => p.severity === 'warning')).toBe(true);
  });
});
