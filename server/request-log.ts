// One log line per request: method, path (no query string), status and milliseconds. Never headers or
// bodies, which carry tokens and passwords.
import type { MiddlewareHandler } from 'hono';
import type { Logger } from './logger';

export function requestLog(logger: Logger, now: () => number = () => performance.now()): MiddlewareHandler {
  return async (c, next) => {
    const start = now();
    await next();
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((now() - start) * 10) / 10,
    });
  };
}
