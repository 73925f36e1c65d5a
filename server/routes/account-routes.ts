// POST /accounts: creates a learner (email lower-cased, scrypt password hash) and signs them in. One of the
// most common passwords is refused (server/common-passwords.ts) before anything is stored.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { accountRequestSchema } from '../../src/shared/protocol/sync-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { authLimits } from '../auth-limits';
import { clientIp } from '../client-ip';
import { createSession } from '../create-session';
import { HttpError } from '../http-error';
import { hashNewPassword } from '../new-password';
import { readJson } from '../read-json';
import { markSignedIn } from '../signed-in-marker';

const emailTaken = () => new HttpError(409, 'email_taken', 'An account with this email already exists.');

export function accountRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock, config } = deps;
  return new Hono<AppEnv>().post('/accounts', async (c) => {
    const ip = clientIp(c, config.trustProxy);
    await authLimits.ipAttempt(deps, 'signup', ip);
    const body = await readJson(c, accountRequestSchema);
    const email = body.email.trim().toLowerCase();
    await authLimits.signupAttempt(deps, email);
    const taken = await db.kysely
      .selectFrom('learners')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    if (taken) throw emailTaken();
    const id = randomUUID();
    const passwordHash = await hashNewPassword(body.password, config.scryptLogN);
    try {
      await db.kysely
        .insertInto('learners')
        .values({ id, email, name: body.name, password_hash: passwordHash, created_at: clock() })
        .execute();
    } catch (error) {
      // Two sign-ups with one email racing past the check above: the unique index decides.
      const again = await db.kysely
        .selectFrom('learners')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirst();
      if (again) throw emailTaken();
      throw error;
    }
    markSignedIn(c);
    return c.json(await createSession(deps, { id, name: body.name, email }), 201);
  });
}
