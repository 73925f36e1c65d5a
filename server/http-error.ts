// The one error type routes throw; the app's error handler turns it into `{error: {code, message}}`, with
// any `details` (say, which quota a push hit) added to that `error` object.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
