// Signed-in routes that change something lasting (the email, the password, new recovery codes, deleting the
// account) ask for the current password again, so a phone left unlocked and signed in is not enough. They
// all come here, so every one has the same limits (authLimits.checkReauth) and the same answer: a wrong
// password is 403 `wrong_password`, not 401, because the session is still good and a 401 would sign the
// device out.
import type { Context } from 'hono';
import { WRONG_PASSWORD_CODE } from '../../src/shared/protocol/account-codes';
import type { AppDeps, AppEnv } from '../app-env';
import { authLimits } from '../auth-limits';
import { clientIp } from '../client-ip';
import { HttpError } from '../http-error';
import { checkPassword } from '../passwords';

export type SignedInLearner = { id: string; email: string; name: string; password_hash: string };

/** The session's learner; 401 when a deletion removed the account since the session was checked. */
export async function signedInLearner({ db }: AppDeps, c: Context<AppEnv>): Promise<SignedInLearner> {
  const learner = await db.kysely
    .selectFrom('learners')
    .select(['id', 'email', 'name', 'password_hash'])
    .where('id', '=', c.get('learnerId'))
    .executeTakeFirst();
  if (!learner) throw new HttpError(401, 'unauthorized', 'Your session has ended. Sign in again.');
  return learner;
}

/** Throws 429 while guesses are slowed, 403 for a wrong password (and counts it); returns when it is right. */
export async function confirmPassword(
  deps: AppDeps,
  c: Context<AppEnv>,
  learner: SignedInLearner,
  password: string,
): Promise<void> {
  const ip = clientIp(c, deps.config.trustProxy);
  await authLimits.checkReauth(deps, learner, ip);
  const checked = await checkPassword(password, learner.password_hash, deps.config.scryptLogN);
  if (!checked.ok) {
    await authLimits.countReauthFailure(deps, learner, ip);
    throw new HttpError(403, WRONG_PASSWORD_CODE, 'That is not your current password.');
  }
}
