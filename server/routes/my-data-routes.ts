// The learner's data rights: GET /account/data (everything the server holds about them, as JSON) and
// DELETE /account (asks for the password; every row of the learner goes, in one transaction).
import { Hono } from 'hono';
import { deleteAccountRequestSchema } from '../../src/shared/my-data-protocol';
import { confirmPassword } from '../account/confirm-password';
import { deleteLearner } from '../account/delete-learner';
import { exportLearner } from '../account/export-learner';
import type { AppDeps, AppEnv } from '../app-env';
import { hashedAccount } from '../auth-limits';
import { HttpError } from '../http-error';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';

export function myDataRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock, logger } = deps;
  const auth = requireLearner(deps);
  return new Hono<AppEnv>()
    .get('/account/data', auth, async (c) => {
      const data = await exportLearner(db, c.get('learnerId'), clock());
      if (!data) throw new HttpError(401, 'unauthorized', 'Your session has ended. Sign in again.');
      c.header('Cache-Control', 'no-store');
      return c.json(data);
    })
    .delete('/account', auth, async (c) => {
      const { password } = await readJson(c, deleteAccountRequestSchema);
      const learner = await confirmPassword(deps, c.get('learnerId'), password);
      await deleteLearner(db, learner);
      logger.info('account deleted', { account: hashedAccount(learner.email) });
      return c.body(null, 204);
    });
}
