// Bearer-token middleware: the learner id of every authenticated route comes from here, from the
// session the token names, never from the request body or the URL. The scheme is case-insensitive (RFC 9110).
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from './app-env';
import { HttpError } from './http-error';
import { hashSessionToken } from './session-tokens';

export function requireLearner({ db, clock }: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = /^bearer ([A-Za-z0-9_-]{1,200})$/i.exec(c.req.header('authorization') ?? '');
    if (!match?.[1]) throw new HttpError(401, 'unauthorized', 'Sign in to continue.');
    const tokenHash = hashSessionToken(match[1]);
    const session = await db.kysely
      .selectFrom('sessions')
      .select('learner_id')
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', clock())
      .executeTakeFirst();
    if (!session) throw new HttpError(401, 'unauthorized', 'Your session has ended. Sign in again.');
    c.set('learnerId', session.learner_id);
    c.set('tokenHash', tokenHash);
    await next();
  };
}
