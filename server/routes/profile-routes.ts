// The signed-in learner's own account: read it (GET /account), change the display name or the email
// (PATCH /account) and change the password (PUT /account/password). A new email or password needs the
// current password, checked with the same slow-down for wrong guesses as sign-in, so a stolen session
// cannot take the account over. A wrong current password is 403, never 401: the session is still good.
import { Hono } from 'hono';
import {
  type AccountProfile,
  accountPatchSchema,
  passwordChangeSchema,
} from '../../src/shared/protocol/account-protocol';
import { confirmPassword, type SignedInLearner, signedInLearner } from '../account/confirm-password';
import type { AppDeps, AppEnv } from '../app-env';
import { HttpError } from '../http-error';
import { hashNewPassword } from '../new-password';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';

export function profileRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, config } = deps;
  const auth = requireLearner(deps);

  const profile = (l: Pick<SignedInLearner, 'id' | 'email' | 'name'>): AccountProfile => ({
    learnerId: l.id,
    email: l.email,
    name: l.name,
  });

  return new Hono<AppEnv>()
    .get('/account', auth, async (c) => c.json(profile(await signedInLearner(deps, c)), 200))
    .patch('/account', auth, async (c) => {
      const body = await readJson(c, accountPatchSchema);
      const learner = await signedInLearner(deps, c);
      const email = body.email?.trim().toLowerCase();
      const changesEmail = email !== undefined && email !== learner.email;
      if (changesEmail) {
        await confirmPassword(deps, c, learner, body.currentPassword ?? '');
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
      const learner = await signedInLearner(deps, c);
      await confirmPassword(deps, c, learner, body.currentPassword);
      const passwordHash = await hashNewPassword(body.newPassword, config.scryptLogN);
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('learners')
          .set({ password_hash: passwordHash })
          .where('id', '=', learner.id)
          .execute();
        // They are back in: a leader's reset code still waiting for them is of no more use.
        await trx
          .updateTable('leader_reset_codes')
          .set({ code_hash: null })
          .where('learner_id', '=', learner.id)
          .where('code_hash', 'is not', null)
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
