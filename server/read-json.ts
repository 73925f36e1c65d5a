// Reads a JSON request body and checks it against a zod schema. Bad JSON and schema failures become
// 400s naming the first few offending fields, so a device developer can see what to fix.
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
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new HttpError(400, 'invalid_request', describeIssues(parsed.error.issues));
  return parsed.data;
}
