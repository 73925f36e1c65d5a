// Ways back in when the password is forgotten (docs/accounts.md):
// - POST /account/recovery-codes (signed in, password again): ten new codes, replacing the old set;
//   GET /account/recovery-codes: how many are left.
// - POST /password-resets/recovery-code: email, a code and a new password; the code is spent.
// - GET /password-resets/options: whether this server sends reset links (only with SMTP_URL).
// - POST /password-resets/email: sends a one-time link if the email has an account; the same 202 either
//   way, and 501 when the server has no mail.
// - POST /password-resets/token: the link's token and a new password; the link is spent.
// Each reset ends every session of the account and signs this device in.
import { Hono } from 'hono';
import {
  EMAIL_RESET_UNAVAILABLE_CODE,
  emailResetRequestSchema,
  formatRecoveryCode,
  RESET_LINK_MINUTES,
  recoveryCodeResetSchema,
  recoveryCodesRequestSchema,
  tokenResetRequestSchema,
} from '../../src/shared/protocol/recovery-protocol';
import { confirmPassword, signedInLearner } from '../account/confirm-password';
import { hashRecoveryCode, newRecoveryCodes } from '../account/recovery-codes';
import { recoveryLimits } from '../account/recovery-limits';
import { storeNewPassword } from '../account/replace-password';
import type { AppDeps, AppEnv } from '../app-env';
import { hashedAccount } from '../auth-limits';
import { clientIp } from '../client-ip';
import { createSession } from '../create-session';
import { HttpError } from '../http-error';
import { resetEmail, resetLink } from '../mail/reset-email';
import { hashNewPassword } from '../new-password';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';
import { hashSessionToken, newSessionToken } from '../session-tokens';

export function recoveryRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock, config, logger } = deps;
  const auth = requireLearner(deps);
  const lookUp = (email: string) =>
    db.kysely
      .selectFrom('learners')
      .select(['id', 'name', 'email'])
      .where('email', '=', email)
      .executeTakeFirst();

  return new Hono<AppEnv>()
    .post('/account/recovery-codes', auth, async (c) => {
      const { password } = await readJson(c, recoveryCodesRequestSchema);
      const learner = await signedInLearner(deps, c);
      await confirmPassword(deps, c, learner, password);
      const { id } = learner;
      const codes = newRecoveryCodes();
      const now = clock();
      await db.kysely.transaction().execute(async (trx) => {
        await trx.deleteFrom('recovery_codes').where('learner_id', '=', id).execute();
        await trx
          .insertInto('recovery_codes')
          .values(
            codes.map((code) => ({ learner_id: id, code_hash: hashRecoveryCode(id, code), created_at: now })),
          )
          .execute();
      });
      return c.json({ codes: codes.map(formatRecoveryCode) }, 201);
    })
    .get('/account/recovery-codes', auth, async (c) => {
      const row = await db.kysely
        .selectFrom('recovery_codes')
        .select((eb) => [eb.fn.countAll<number>().as('remaining'), eb.fn.max('created_at').as('made')])
        .where('learner_id', '=', c.get('learnerId'))
        .executeTakeFirst();
      const remaining = Number(row?.remaining ?? 0);
      return c.json({
        remaining,
        madeAt: remaining > 0 && row?.made ? new Date(Number(row.made)).toISOString() : null,
      });
    })
    .get('/password-resets/options', (c) => c.json({ recoveryCode: true, email: Boolean(deps.mailer) }))
    .post('/password-resets/recovery-code', async (c) => {
      await recoveryLimits.ipAttempt(deps, clientIp(c, config.trustProxy));
      const body = await readJson(c, recoveryCodeResetSchema);
      const email = body.email.trim().toLowerCase();
      await recoveryLimits.checkCodeGuesses(deps, email);
      // Hashed whether or not the email and code are right, so the answer takes as long either way.
      const passwordHash = await hashNewPassword(body.password, config.scryptLogN);
      const learner = await lookUp(email);
      const spent =
        learner &&
        (await db.kysely.transaction().execute(async (trx) => {
          const deleted = await trx
            .deleteFrom('recovery_codes')
            .where('learner_id', '=', learner.id)
            .where('code_hash', '=', hashRecoveryCode(learner.id, body.code))
            .executeTakeFirst();
          // Two requests racing with one code: only the one that deleted its row goes on.
          if (Number(deleted.numDeletedRows) !== 1) return false;
          await storeNewPassword(trx, learner.id, passwordHash);
          return true;
        }));
      if (!learner || !spent) {
        await recoveryLimits.countWrongCode(deps, email);
        logger.warn('recovery code refused', { account: hashedAccount(email) });
        throw new HttpError(401, 'invalid_recovery_code', 'The email or recovery code is not right.');
      }
      logger.info('password reset by recovery code', { account: hashedAccount(email) });
      return c.json(await createSession(deps, learner), 200);
    })
    .post('/password-resets/email', async (c) => {
      const { mailer } = deps;
      if (!mailer || !config.mail) {
        throw new HttpError(
          501,
          EMAIL_RESET_UNAVAILABLE_CODE,
          'This server does not send email. Use one of your recovery codes instead.',
        );
      }
      await recoveryLimits.ipAttempt(deps, clientIp(c, config.trustProxy));
      const email = (await readJson(c, emailResetRequestSchema)).email.trim().toLowerCase();
      const learner = (await recoveryLimits.mayEmail(deps, email)) ? await lookUp(email) : undefined;
      if (learner) {
        const token = newSessionToken();
        const now = clock();
        await db.kysely
          .insertInto('password_resets')
          .values({
            token_hash: hashSessionToken(token),
            learner_id: learner.id,
            created_at: now,
            expires_at: now + RESET_LINK_MINUTES * 60_000,
          })
          .execute();
        // Not awaited: the answer must not take longer, or say more, when the email has an account.
        mailer.send(resetEmail(email, resetLink(config.mail.publicUrl, token))).then(
          () => logger.info('reset email sent', { account: hashedAccount(email) }),
          (error: unknown) =>
            logger.error('reset email failed', {
              account: hashedAccount(email),
              error: error instanceof Error ? error.message : String(error),
            }),
        );
      }
      return c.json({ accepted: true }, 202);
    })
    .post('/password-resets/token', async (c) => {
      await recoveryLimits.ipAttempt(deps, clientIp(c, config.trustProxy));
      const body = await readJson(c, tokenResetRequestSchema);
      const passwordHash = await hashNewPassword(body.password, config.scryptLogN);
      const tokenHash = hashSessionToken(body.token);
      const learner = await db.kysely.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('password_resets')
          .innerJoin('learners', 'learners.id', 'password_resets.learner_id')
          .select(['learners.id', 'learners.name', 'learners.email'])
          .where('password_resets.token_hash', '=', tokenHash)
          .where('password_resets.expires_at', '>', clock())
          .executeTakeFirst();
        if (!row) return undefined;
        const deleted = await trx
          .deleteFrom('password_resets')
          .where('token_hash', '=', tokenHash)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) !== 1) return undefined;
        await storeNewPassword(trx, row.id, passwordHash);
        return row;
      });
      if (!learner) {
        throw new HttpError(
          400,
          'reset_link_invalid',
          'This link has expired or has already been used. Ask for a new one.',
        );
      }
      logger.info('password reset by email link', {});
      return c.json(await createSession(deps, learner), 200);
    });
}
