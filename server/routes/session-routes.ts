// Sign in (POST /sessions), sign out of this device (DELETE /sessions/current) and sign out
// everywhere (DELETE /sessions). Unknown email and wrong password get the same answer and take about
// the same time, so the endpoint does not reveal which emails have accounts.
import { Hono } from 'hono';
import { sessionRequestSchema } from '../../src/shared/sync-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { authLimits } from '../auth-limits';
import { clientIp } from '../client-ip';
import { createSession } from '../create-session';
import { HttpError } from '../http-error';
import { hashPassword, verifyPassword } from '../passwords';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';

export function sessionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, config } = deps;
  // A real hash to verify against when the email is unknown, made once, lazily.
  let dummyHash: Promise<string> | undefined;
  const auth = requireLearner(deps);
  return new Hono<AppEnv>()
    .post('/sessions', async (c) => {
      const ip = clientIp(c, config.trustProxy);
      await authLimits.ipAttempt(deps, 'signin', ip);
      const body = await readJson(c, sessionRequestSchema);
      const email = body.email.trim().toLowerCase();
      const failures = await authLimits.checkSignin(deps, email, ip);
      const learner = await db.kysely
        .selectFrom('learners')
        .select(['id', 'password_hash'])
        .where('email', '=', email)
        .executeTakeFirst();
      dummyHash ??= hashPassword('not-a-real-password', config.scryptLogN);
      const ok = await verifyPassword(body.password, learner?.password_hash ?? (await dummyHash));
      if (!learner || !ok) {
        await authLimits.countSigninFailure(deps, email, ip);
        throw new HttpError(401, 'invalid_credentials', 'The email or password is not right.');
      }
      if (failures > 0) await authLimits.clearSigninFailures(deps, email);
      return c.json(await createSession(deps, learner.id), 200);
    })
    .delete('/sessions/current', auth, async (c) => {
      await db.kysely.deleteFrom('sessions').where('token_hash', '=', c.get('tokenHash')).execute();
      return c.body(null, 204);
    })
    .delete('/sessions', auth, async (c) => {
      await db.kysely.deleteFrom('sessions').where('learner_id', '=', c.get('learnerId')).execute();
      return c.body(null, 204);
    });
}
