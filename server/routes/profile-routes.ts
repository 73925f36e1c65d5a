// The signed-in learner's own account: read it (GET /account), change the display name or the email
// (PATCH /account) and change the password (PUT /account/password). A new email or password needs the
// current password, checked with the same slow-down for wrong guesses as sign-in, so a stolen session
// cannot take the account over. A wrong current password is 403, never 401: the session is still good.
import { Hono } from 'hono';
import { WRONG_PASSWORD_CODE } from '../../src/shared/account-codes';
import {
  type AccountProfile,
  accountPatchSchema,
  passwordChangeSchema,
} from '../../src/shared/account-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { authLimits } from '../auth-limits';
import { clientIp } from '../client-ip';
import { commonPasswordRefused } from '../common-password-refused';
import { HttpError } from '../http-error';
import { checkPassword, hashPassword } from '../passwords';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';

type Learner = { id: string; email: string; name: string; password_hash: string };

export function profileRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, config } = deps;
  const auth = requireLearner(deps);

  const learnerOf = async (id: string): Promise<Learner> => {
    const learner = await db.kysely
      .selectFrom('learners')
      .select(['id', 'email', 'name', 'password_hash'])
      .where('id', '=', id)
      .executeTakeFirst();
    // The session names a learner that a delete removed between the two reads.
    if (!learner) throw new HttpError(401, 'unauthorized', 'Your session has ended. Sign in again.');
    return learner;
  };

  /** Throws 429 while guesses are slowed, 403 for a wrong current password; counts the failure. */
  const confirmPassword = async (learner: Learner, password: string, ip: string) => {
    await authLimits.checkSignin(deps, learner.email, ip, true);
    const checked = await checkPassword(password, learner.password_hash, config.scryptLogN);
    if (!checked.ok) {
      await authLimits.countSigninFailure(deps, learner.email, ip);
      throw new HttpError(403, WRONG_PASSWORD_CODE, 'currentPassword: your current password is not right.');
    }
  };

  const profile = (l: Pick<Learner, 'id' | 'email' | 'name'>): AccountProfile => ({
    learnerId: l.id,
    email: l.email,
    name: l.name,
  });

  return new Hono<AppEnv>()
    .get('/account', auth, async (c) => c.json(profile(await learnerOf(c.get('learnerId'))), 200))
    .patch('/account', auth, async (c) => {
      const body = await readJson(c, accountPatchSchema);
      const learner = await learnerOf(c.get('learnerId'));
      const email = body.email?.trim().toLowerCase();
      const changesEmail = email !== undefined && email !== learner.email;
      if (changesEmail) {
        await confirmPassword(learner, body.currentPassword ?? '', clientIp(c, config.trustProxy));
        const taken = await db.kysely
          .selectFrom('learners')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirst();
        if (taken) throw new HttpError(409, 'email_taken', 'email: another account already uses this email.');
      }
      const next = {
        ...learner,
        name: body.name ?? learner.name,
        email: changesEmail ? email : learner.email,
      };
      try {
        await db.kysely
          .updateTable('learners')
          .set({ name: next.name, email: next.email })
          .where('id', '=', learner.id)
          .execute();
      } catch (error) {
        // Two accounts moving to one email at once: the unique index decides.
        if (changesEmail)
          throw new HttpError(409, 'email_taken', 'email: another account already uses this email.');
        throw error;
      }
      return c.json(profile(next), 200);
    })
    .put('/account/password', auth, async (c) => {
      const body = await readJson(c, passwordChangeSchema);
      const learner = await learnerOf(c.get('learnerId'));
      await confirmPassword(learner, body.currentPassword, clientIp(c, config.trustProxy));
      commonPasswordRefused(body.newPassword);
      const passwordHash = await hashPassword(body.newPassword, config.scryptLogN);
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('learners')
          .set({ password_hash: passwordHash })
          .where('id', '=', learner.id)
          .execute();
        if (body.signOutOtherDevices) {
          await trx
            .deleteFrom('sessions')
            .where('learner_id', '=', learner.id)
            .where('token_hash', '!=', c.get('tokenHash'))
            .execute();
        }
      });
      return c.body(null, 204);
    });
}
