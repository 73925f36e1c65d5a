// The lock of published check option ids: `content/published-options.json`, written by
// `npm run content:lock` when a version of the course is published. Learners' stored answers name
// option ids, so the compiler keeps an option's published id while its text is unchanged (whatever its
// position), and warns when a published id is about to disappear.
import type { ModuleBundle } from '../shared/content/content-types';
import { optionTextKey } from './option-text-key';
import type { Problem } from './problems';

/** Check id → option id → the option's text key (see `optionTextKey`). */
export type PublishedChecks = Record<string, Record<string, string>>;
/** Lesson id → its published checks. */
export type PublishedOptions = Record<string, PublishedChecks>;

export const PUBLISHED_OPTIONS_FILE = 'published-options.json';

/** Reads the lock; anything malformed is an error at its file and the build goes on without it. */
export function readPublishedOptions(
  text: string | undefined,
  file: string,
): { published: PublishedOptions; problems: Problem[] } {
  if (text === undefined) return { published: {}, problems: [] };
  const fail = (message: string) => ({
    published: {},
    problems: [{ file, line: 1, col: 1, severity: 'error' as const, message }],
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(
      `the lock of published option ids is not valid JSON (${error instanceof Error ? error.message : String(error)}): restore it from git or run \`npm run content:lock\``,
    );
  }
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(data)) return fail('the lock of published option ids must be a JSON object of lessons');
  for (const [lessonId, checks] of Object.entries(data)) {
    if (!isRecord(checks)) return fail(`lesson \`${lessonId}\` in the lock must be an object of checks`);
    for (const [checkId, options] of Object.entries(checks)) {
      if (!isRecord(options) || !Object.values(options).every((t) => typeof t === 'string')) {
        return fail(`check \`${checkId}\` of \`${lessonId}\` in the lock must map option ids to their text`);
      }
    }
  }
  return { published: data as PublishedOptions, problems: [] };
}

/** The lock for a course as compiled now: every check option of every lesson, by id. */
export function publishedOptionsOf(bundles: readonly ModuleBundle[]): PublishedOptions {
  const lock: PublishedOptions = {};
  const lessons = bundles.flatMap((b) => b.lessons).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const lesson of lessons) {
    const checks: PublishedChecks = {};
    for (const block of lesson.blocks) {
      if (block.type !== 'check') continue;
      checks[block.id] = Object.fromEntries(block.options.map((o) => [o.id, optionTextKey(o.html)]));
    }
    if (Object.keys(checks).length > 0) lock[lesson.id] = checks;
  }
  return lock;
}
