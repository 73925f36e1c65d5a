// Routes that change something lasting (new recovery codes, deleting the account) ask for the password
// again, so a phone left unlocked and signed in is not enough. A wrong password answers 403, not 401: the
// session is still good, and a 401 would sign the device out.
import type { AppDeps } from '../app-env';
import { HttpError } from '../http-error';
import { verifyPassword } from '../passwords';
import { recoveryLimits } from './recovery-limits';

export async function confirmPassword(
  deps: AppDeps,
  learnerId: string,
  password: string,
): Promise<{ id: string; email: string }> {
  await recoveryLimits.checkReauth(deps, learnerId);
  const learner = await deps.db.kysely
    .selectFrom('learners')
    .select(['id', 'email', 'password_hash'])
    .where('id', '=', learnerId)
    .executeTakeFirst();
  if (!learner || !(await verifyPassword(password, learner.password_hash))) {
    await recoveryLimits.countWrongPassword(deps, learnerId);
    throw new HttpError(403, 'wrong_password', 'That is not your current password.');
  }
  return { id: learner.id, email: learner.email };
}
