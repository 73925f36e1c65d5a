// Sign in (POST /sessions), sign out of this device (DELETE /sessions/current) and sign out
// everywhere (DELETE /sessions). Unknown email and wrong password get the same answer and take about
// the same time, so the endpoint does not reveal which emails have accounts. A password hashed at a lower
// cost than today's is hashed again once it has been checked.
import { Hono } from 'hono';
import { sessionRequestSchema } from '../../src/shared/protocol/sync-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { authLimits } from '../auth-limits';
import { clientIp } from '../client-ip';
import { createSession } from '../create-session';
import { HttpError } from '../http-error';
import { checkPassword, hashPassword } from '../passwords';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';
import { clearSignedIn, markSignedIn } from '../signed-in-marker';

export function sessionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, config, logger } = deps;
  // A real hash to verify against when the email is unknown, made once, lazily.
  let dummyHash: Promise<string> | undefined;
  const auth = requireLearner(deps);
  return new Hono<AppEnv>()
    .post('/sessions', async (c) => {
      const ip = clientIp(c, config.trustProxy);
      await authLimits.ipAttempt(deps, 'signin', ip);
      const body = await readJson(c, sessionRequestSchema);
      const email = body.email.trim().toLowerCase();
      const learner = await db.kysely
        .selectFrom('learners')
        .select(['id', 'name', 'email', 'password_hash'])
        .where('email', '=', email)
        .executeTakeFirst();
      const knownDevice =
        learner !== undefined &&
        body.deviceId !== undefined &&
        (await db.kysely
          .selectFrom('devices')
          .select('id')
          .where('id', '=', body.deviceId)
          .where('learner_id', '=', learner.id)
          .executeTakeFirst()) !== undefined;
      await authLimits.checkSignin(deps, email, ip, knownDevice);
      dummyHash ??= hashPassword('not-a-real-password', config.scryptLogN);
      const checked = await checkPassword(
        body.password,
        learner?.password_hash ?? (await dummyHash),
        config.scryptLogN,
      );
      if (!learner || !checked.ok) {
        await authLimits.countSigninFailure(deps, email, ip);
        throw new HttpError(401, 'invalid_credentials', 'The email or password is not right.');
      }
      await authLimits.signinSucceeded(deps, email, ip);
      if (checked.rehash) {
        const passwordHash = await hashPassword(body.password, config.scryptLogN);
        // Only if the hash is still the one checked: a password changed meanwhile wins.
        await db.kysely
          .updateTable('learners')
          .set({ password_hash: passwordHash })
          .where('id', '=', learner.id)
          .where('password_hash', '=', learner.password_hash)
          .execute();
        logger.info('password rehashed', { logN: config.scryptLogN });
      }
      markSignedIn(c);
      return c.json(await createSession(deps, learner), 200);
    })
    .delete('/sessions/current', auth, async (c) => {
      await db.kysely.deleteFrom('sessions').where('token_hash', '=', c.get('tokenHash')).execute();
      clearSignedIn(c);
      return c.body(null, 204);
    })
    .delete('/sessions', auth, async (c) => {
      await db.kysely.deleteFrom('sessions').where('learner_id', '=', c.get('learnerId')).execute();
      clearSignedIn(c);
      return c.body(null, 204);
    });
}
