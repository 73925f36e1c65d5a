import type { ReflectLog } from '../shared/content/content-types';
import type { LessonScope } from './lesson-scope';
import { parseAttributes } from './session-directives';

/** What each tag says a prompt asks: the learner's answer fills that CPD log column, when they choose. */
const LOGS: Record<ReflectLog, string> = {
  change: 'what I will change',
  impact: 'evidence of impact',
};
const EXAMPLE = '`:::reflect{log=change}` or `:::reflect{log=impact}`';

/**
 * `:::reflect{log=change}`: the author says the prompt asks what the learner will change (or, with
 * `impact`, what difference it made), so a CPD log can put the learner's answer in that column. Untagged
 * is the default and means neither. Anything else written in the braces is reported, and a prompt whose
 * braces hold a mistake is left untagged rather than guessed at (the build fails on the error anyway).
 */
export function readReflectLog(
  attributes: string | undefined,
  line: number,
  scope: LessonScope,
): ReflectLog | undefined {
  if (attributes === undefined) return undefined;
  let log: ReflectLog | undefined;
  let seen = false;
  const before = scope.problems.length;
  for (const attribute of parseAttributes(attributes, line, scope)) {
    if (attribute.name !== 'log') {
      scope.report(
        line,
        `unknown attribute \`${attribute.name}\` on \`:::reflect\`: the only one is \`log\`, e.g. ${EXAMPLE}`,
        'error',
        attribute.written,
      );
    } else if (seen) {
      scope.report(line, '`log` is given twice: keep one', 'error', attribute.written);
    } else if (Object.hasOwn(LOGS, attribute.value)) {
      seen = true;
      log = attribute.value as ReflectLog;
    } else {
      seen = true;
      const known = Object.entries(LOGS)
        .map(([value, column]) => `\`${value}\` (${column})`)
        .join(' or ');
      scope.report(
        line,
        `the \`log\` of \`:::reflect\` must be ${known} (found "${attribute.value}")`,
        'error',
        attribute.written,
      );
    }
  }
  return scope.problems.length === before ? log : undefined;
}
