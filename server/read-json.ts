// Reads a JSON request body and checks it against a zod schema. Bad JSON and schema failures become
// 400s naming the first few offending fields, so a device developer can see what to fix. Text holding the
// NUL character (U+0000) is refused here, for every route: PostgreSQL's text cannot store it (SQLite's
// can), and it would otherwise fail as a 500 on one store and be kept on the other. So are values nested
// deeper than MAX_JSON_DEPTH (later steps recurse and would overflow the stack: a 500) and a `__proto__`
// key anywhere (parsing would silently drop it from a stored note while the push still said `saved`).
import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from './http-error';

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let raw: unknown;
  try {
    // An empty body reads as `{}` so bodiless calls such as POST /devices work; schemas still apply.
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, 'bad_json', 'The request body is not valid JSON.');
  }
  const problem = unsafeJson(raw);
  if (problem) throw new HttpError(400, 'invalid_request', problem);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new HttpError(400, 'invalid_request', describeIssues(parsed.error.issues));
  return parsed.data;
}

/** Far deeper than any request the app sends (a note body is two or three levels). */
const MAX_JSON_DEPTH = 64;

/** What is wrong with a parsed JSON value, or undefined; a loop, so deep nesting cannot overflow. */
function unsafeJson(value: unknown): string | undefined {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: item, depth } = next;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return 'Text must not contain the NUL character (U+0000).';
    } else if (item !== null && typeof item === 'object') {
      if (depth >= MAX_JSON_DEPTH) return `JSON must not be nested more than ${MAX_JSON_DEPTH} levels deep.`;
      if (Array.isArray(item)) {
        // Index keys are digits: only the elements need checking.
        for (const inner of item) pending.push({ value: inner, depth: depth + 1 });
        continue;
      }
      for (const [key, inner] of Object.entries(item)) {
        if (key.includes('\u0000')) return 'Text must not contain the NUL character (U+0000).';
        if (key === '__proto__') return 'The key "__proto__" is not allowed.';
        pending.push({ value: inner, depth: depth + 1 });
      }
    }
  }
  return undefined;
}
