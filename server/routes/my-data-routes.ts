// The learner's data rights: GET /account/data (everything the server holds about them, as JSON) and
// DELETE /account (asks for the password; every row of the learner goes, in one transaction).
import { Hono } from 'hono';
import { deleteAccountRequestSchema } from '../../src/shared/protocol/my-data-protocol';
import { confirmPassword, signedInLearner } from '../account/confirm-password';
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
      const learner = await signedInLearner(deps, c);
      await confirmPassword(deps, c, learner, password);
      const shared = await db.kysely
        .selectFrom('team_members as mine')
        .innerJoin('team_members as other', 'other.team_id', 'mine.team_id')
        .innerJoin('teams', 'teams.id', 'mine.team_id')
        .select('teams.name')
        .where('mine.learner_id', '=', learner.id)
        .where('mine.team_role', '=', 'owner')
        .where('other.learner_id', '!=', learner.id)
        .executeTakeFirst();
      if (shared) {
        throw new HttpError(
          409,
          'owns_team',
          `You own the team "${shared.name}". Hand it over to another leader (Team, Manage) before deleting your account.`,
        );
      }
      await deleteLearner(db, learner);
      logger.info('account deleted', { account: hashedAccount(learner.email) });
      return c.body(null, 204);
    });
}
