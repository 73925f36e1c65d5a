import { expect, it } from 'vitest';
import { compileFixture, formatted } from './compile-fixture';

const FILE = 'tests/fixtures/content/many-problems/m/01-many.md';

it('reports every problem in a file in one run, in line order', async () => {
  const result = await compileFixture('many-problems');
  expect(formatted(result)).toEqual([
    `${FILE}:4:10 front matter field \`minutes\` must be a whole number from 1 to 10`,
    `${FILE}:11:1 unknown front matter field \`colour\``,
    `${FILE}:14:1 do not use a # heading: the lesson title is the page heading; start parts with ##`,
    `${FILE}:14:1 warning: the lesson has no \`:::try\` activity: add one thing to try in the classroom or setting`,
    `${FILE}:16:6 raw HTML is not allowed: <em> (write Markdown instead)`,
    `${FILE}:16:42 broken link: \`03-missing.md\` is not a lesson in the course (looked for tests/fixtures/content/many-problems/m/03-missing.md)`,
    `${FILE}:18:1 a check needs at least two options (found 1)`,
    `${FILE}:21:1 option has no explanation: on the next line, indented by two spaces, say why it is right or wrong`,
    `${FILE}:24:4 unknown activity \`:::callout\`: use :::check, :::reflect, :::tip, :::key, :::try, :::discuss or :::facilitator`,
    `${FILE}:28:1 image \`missing.png\` has no alt text: describe the picture between the square brackets`,
    `${FILE}:28:1 missing image: \`missing.png\` (looked for tests/fixtures/content/many-problems/m/missing.png)`,
  ]);
});
