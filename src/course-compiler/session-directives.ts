import type { LessonBlock } from '../shared/content/content-types';
import type { LessonScope } from './lesson-scope';
import type { Token } from './markdown-engine';
import type { MarkdownEngine } from './markdown-renderer';

/** The longest a discussion may be planned for: a whole 20-minute session, with a little to spare. */
export const MAX_DISCUSS_MINUTES = 20;

/** `{minutes=5 size="x"}` read into name/value pairs, each with the text it was written as. */
export type DirectiveAttribute = { name: string; value: string; written: string };

const ATTRIBUTE = /^([a-z][a-z0-9-]*)=(?:"([^"]*)"|([^\s"]*))$/i;

/**
 * Reads the inside of a directive's `{…}`. Anything not written `name=value` is reported and dropped, so
 * one typo gives one message and the rest of the attributes are still checked.
 */
export function parseAttributes(raw: string, line: number, scope: LessonScope): DirectiveAttribute[] {
  const out: DirectiveAttribute[] = [];
  for (const written of raw.match(/[^\s"=]+=?(?:"[^"]*"|[^\s"]*)|"[^"]*"/g) ?? []) {
    const m = ATTRIBUTE.exec(written);
    if (!m) {
      scope.report(
        line,
        `attributes are written \`name=value\` inside the braces, e.g. \`{minutes=5}\` (found \`${written}\`)`,
        'error',
        written,
      );
      continue;
    }
    out.push({ name: m[1] ?? '', value: m[2] ?? m[3] ?? '', written });
  }
  return out;
}

type SessionKind = 'discuss' | 'facilitator';

/**
 * `:::discuss{minutes=5}` (a prompt for a group, with the minutes a facilitator should allow) and
 * `:::facilitator` (notes only the presenter sees). Neither takes a title; only discuss takes an attribute.
 */
export function buildSessionBlock(
  kind: SessionKind,
  attributes: string | undefined,
  rest: string,
  inner: Token[],
  line: number,
  scope: LessonScope,
  engine: MarkdownEngine,
): LessonBlock {
  if (rest !== '') {
    scope.report(
      line,
      `\`:::${kind}\` takes no title (found "${rest}"): write ${kind === 'discuss' ? 'the prompt' : 'the notes'} on the lines below it`,
      'error',
      rest,
    );
  }
  const parsed = attributes === undefined ? [] : parseAttributes(attributes, line, scope);
  let minutes: number | undefined;
  const seen = new Set<string>();
  for (const attribute of parsed) {
    if (kind === 'discuss' && attribute.name === 'minutes') {
      if (seen.has('minutes')) {
        scope.report(line, '`minutes` is given twice: keep one', 'error', attribute.written);
        continue;
      }
      seen.add('minutes');
      const value = /^\d+$/.test(attribute.value) ? Number(attribute.value) : Number.NaN;
      if (Number.isInteger(value) && value >= 1 && value <= MAX_DISCUSS_MINUTES) minutes = value;
      else
        scope.report(
          line,
          `the \`minutes\` of \`:::discuss\` must be a whole number from 1 to ${MAX_DISCUSS_MINUTES} (found "${attribute.value}")`,
          'error',
          attribute.written,
        );
      continue;
    }
    scope.report(
      line,
      kind === 'discuss'
        ? `unknown attribute \`${attribute.name}\` on \`:::discuss\`: the only one is \`minutes\`, e.g. \`:::discuss{minutes=5}\``
        : `unknown attribute \`${attribute.name}\` on \`:::facilitator\`: it takes none`,
      'error',
      attribute.written,
    );
  }
  if (kind === 'discuss' && !seen.has('minutes')) {
    scope.report(
      line,
      '`:::discuss` needs the minutes to allow for the discussion, e.g. `:::discuss{minutes=5}`',
    );
  }
  const html = engine.render(inner);
  if (html === '') {
    scope.report(
      line,
      `\`:::${kind}\` is empty: write the ${kind === 'discuss' ? 'prompt' : 'notes'} between \`:::${kind}\` and \`:::\``,
    );
  }
  return kind === 'discuss'
    ? { type: 'discuss', minutes: minutes ?? 0, html }
    : { type: 'facilitator', html };
}
