// Assignments (docs/teams.md): a leader asks everyone, or one staff role, to complete a module or a role's
// pathway, optionally by a date. Checked against the course the server serves; a pathway is resolved to
// its modules now, so a later course edition does not move what was asked.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { createAssignmentRequestSchema } from '../../src/shared/protocol/team-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { HttpError } from '../http-error';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';
import { leaderOf } from '../teams/team-access';
import { serverDate, toAssignment } from '../teams/team-reads';

/** Far more than a setting asks of its staff in a year; keeps one dashboard's work bounded. */
export const MAX_ASSIGNMENTS_PER_TEAM = 100;

export function assignmentRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock, course } = deps;
  const auth = requireLearner(deps);
  return new Hono<AppEnv>()
    .post('/teams/:teamId/assignments', auth, async (c) => {
      const access = await leaderOf(deps, c.req.param('teamId'), c.get('learnerId'));
      const body = await readJson(c, createAssignmentRequestSchema);
      const now = clock();
      let title: string;
      let moduleIds: string[];
      if (body.target.kind === 'module') {
        const module = course.modules.get(body.target.moduleId);
        if (!module) {
          throw new HttpError(
            400,
            'unknown_module',
            `There is no module "${body.target.moduleId}" in the course.`,
          );
        }
        title = module.title;
        moduleIds = [module.id];
      } else {
        const pathway = course.pathways.get(body.target.role);
        if (!pathway || pathway.moduleIds.length === 0) {
          throw new HttpError(400, 'unknown_pathway', `The course has no pathway for "${body.target.role}".`);
        }
        title = pathway.title;
        moduleIds = pathway.moduleIds;
      }
      if (body.dueOn !== undefined && body.dueOn < serverDate(now)) {
        throw new HttpError(400, 'due_in_past', `The due date ${body.dueOn} has already passed.`);
      }
      const { count } = await db.kysely
        .selectFrom('team_assignments')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('team_id', '=', access.teamId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= MAX_ASSIGNMENTS_PER_TEAM) {
        throw new HttpError(
          409,
          'too_many_assignments',
          `A team can have at most ${MAX_ASSIGNMENTS_PER_TEAM} assignments. Remove one first.`,
        );
      }
      const row = {
        id: randomUUID(),
        team_id: access.teamId,
        title,
        target: JSON.stringify(body.target),
        group_name: body.group,
        module_ids: JSON.stringify(moduleIds),
        due_on: body.dueOn ?? null,
        created_at: now,
      };
      await db.kysely.transaction().execute(async (trx) => {
        await trx.insertInto('team_assignments').values(row).execute();
        await trx
          .insertInto('team_assignment_modules')
          .values([...new Set(moduleIds)].map((moduleId) => ({ assignment_id: row.id, module_id: moduleId })))
          .execute();
      });
      return c.json(toAssignment(row), 201);
    })
    .delete('/teams/:teamId/assignments/:id', auth, async (c) => {
      const access = await leaderOf(deps, c.req.param('teamId'), c.get('learnerId'));
      const id = c.req.param('id');
      const gone = await db.kysely.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('team_assignments')
          .where('team_id', '=', access.teamId)
          .where('id', '=', id)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 1) {
          await trx.deleteFrom('team_assignment_modules').where('assignment_id', '=', id).execute();
        }
        return deleted;
      });
      if (Number(gone.numDeletedRows) !== 1) {
        throw new HttpError(404, 'assignment_not_found', 'There is no such assignment in this team.');
      }
      return c.body(null, 204);
    });
}
