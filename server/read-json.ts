// Reads a JSON request body and checks it against a zod schema. Bad JSON and schema failures become
// 400s naming the first few offending fields, so a device developer can see what to fix. Text holding the
// NUL character (U+0000) is refused here, for every route: PostgreSQL's text cannot store it (SQLite's
// can), and it would otherwise fail as a 500 on one store and be kept on the other.
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
  if (holdsNul(raw)) {
    throw new HttpError(400, 'invalid_request', 'Text must not contain the NUL character (U+0000).');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new HttpError(400, 'invalid_request', describeIssues(parsed.error.issues));
  return parsed.data;
}

/** Whether any string or key in a parsed JSON value holds U+0000; a loop, so deep nesting cannot overflow. */
function holdsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (next.includes('\u0000')) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
    } else if (next !== null && typeof next === 'object') {
      for (const [key, inner] of Object.entries(next)) {
        if (key.includes('\u0000')) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}
