// Teams and their members (docs/teams.md): create, list, rename, delete, hand over, set a member's role,
// remove a member or leave. Every route needs a session; teamAccess decides the rest (404 for strangers,
// 403 for members without the right role). Leaving and removal take effect at once: the next dashboard
// or pull no longer has the person.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import {
  createTeamRequestSchema,
  handOverRequestSchema,
  renameTeamRequestSchema,
  setTeamRoleRequestSchema,
} from '../../src/shared/protocol/team-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { HttpError } from '../http-error';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';
import { refoldLearner } from '../teams/keep-progress';
import {
  checkTeamCount,
  leaderOf,
  memberNotFound,
  memberOf,
  notALeader,
  ownerOf,
  roleIn,
} from '../teams/team-access';
import { myTeam, myTeams } from '../teams/team-reads';

/** The staff role a team's creator starts with (they can be anyone, but most are SENCOs and heads). */
const CREATOR_STAFF_ROLE = 'leader';

export function teamRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock } = deps;
  const auth = requireLearner(deps);
  return new Hono<AppEnv>()
    .post('/teams', auth, async (c) => {
      const body = await readJson(c, createTeamRequestSchema);
      const learnerId = c.get('learnerId');
      await checkTeamCount(deps, learnerId);
      const teamId = randomUUID();
      const now = clock();
      await db.kysely.transaction().execute(async (trx) => {
        await trx.insertInto('teams').values({ id: teamId, name: body.name, created_at: now }).execute();
        await trx
          .insertInto('team_members')
          .values({
            team_id: teamId,
            learner_id: learnerId,
            team_role: 'owner',
            staff_role: CREATOR_STAFF_ROLE,
            joined_at: now,
          })
          .execute();
        // The creator is a member from now on: their progress is kept from the history, as on joining.
        await refoldLearner(trx, learnerId, deps.course);
      });
      return c.json(await myTeam(db, learnerId, teamId), 201);
    })
    .get('/teams', auth, async (c) => c.json({ teams: await myTeams(db, c.get('learnerId')) }))
    .patch('/teams/:teamId', auth, async (c) => {
      const access = await leaderOf(deps, c.req.param('teamId'), c.get('learnerId'));
      const body = await readJson(c, renameTeamRequestSchema);
      await db.kysely.updateTable('teams').set({ name: body.name }).where('id', '=', access.teamId).execute();
      return c.json(await myTeam(db, access.learnerId, access.teamId));
    })
    .delete('/teams/:teamId', auth, async (c) => {
      const access = await ownerOf(deps, c.req.param('teamId'), c.get('learnerId'));
      // Members, invites and assignments go with it (ON DELETE CASCADE); deleted one by one as well, so
      // nothing depends on the database enforcing foreign keys.
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('team_assignment_modules')
          .where('assignment_id', 'in', (eb) =>
            eb.selectFrom('team_assignments').select('id').where('team_id', '=', access.teamId),
          )
          .execute();
        for (const table of ['team_members', 'team_invites', 'team_assignments'] as const) {
          await trx.deleteFrom(table).where('team_id', '=', access.teamId).execute();
        }
        await trx.deleteFrom('teams').where('id', '=', access.teamId).execute();
      });
      return c.body(null, 204);
    })
    .post('/teams/:teamId/owner', auth, async (c) => {
      const access = await ownerOf(deps, c.req.param('teamId'), c.get('learnerId'));
      const { learnerId: to } = await readJson(c, handOverRequestSchema);
      if (to === access.learnerId) return c.body(null, 204);
      await db.kysely.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable('team_members')
          .set({ team_role: 'owner' })
          .where('team_id', '=', access.teamId)
          .where('learner_id', '=', to)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw memberNotFound();
        await trx
          .updateTable('team_members')
          .set({ team_role: 'leader' })
          .where('team_id', '=', access.teamId)
          .where('learner_id', '=', access.learnerId)
          .execute();
      });
      return c.body(null, 204);
    })
    .put('/teams/:teamId/members/:learnerId/role', auth, async (c) => {
      const access = await leaderOf(deps, c.req.param('teamId'), c.get('learnerId'));
      const { teamRole } = await readJson(c, setTeamRoleRequestSchema);
      const target = await targetMember(deps, access.teamId, c.req.param('learnerId'));
      if (target === 'owner') {
        throw new HttpError(
          409,
          'owner_role',
          "The owner's role changes only by handing the team over to someone else.",
        );
      }
      await db.kysely
        .updateTable('team_members')
        .set({ team_role: teamRole })
        .where('team_id', '=', access.teamId)
        .where('learner_id', '=', c.req.param('learnerId'))
        .execute();
      return c.body(null, 204);
    })
    .delete('/teams/:teamId/members/:learnerId', auth, async (c) => {
      const teamId = c.req.param('teamId');
      const who = c.req.param('learnerId');
      const access = await memberOf(deps, teamId, c.get('learnerId'));
      const leaving = who === access.learnerId;
      if (!leaving && access.teamRole === 'member') throw notALeader();
      const target = leaving ? access.teamRole : await targetMember(deps, teamId, who);
      if (target === 'owner') {
        throw leaving
          ? new HttpError(
              409,
              'owner_must_hand_over',
              'Hand the team over to another leader before leaving it, or delete the team.',
            )
          : new HttpError(403, 'not_the_owner', 'The owner cannot be removed from the team.');
      }
      await db.kysely
        .deleteFrom('team_members')
        .where('team_id', '=', teamId)
        .where('learner_id', '=', who)
        .execute();
      return c.body(null, 204);
    });
}

/** The team role of `learnerId` in `teamId`, or 404 member_not_found. */
async function targetMember({ db }: AppDeps, teamId: string, learnerId: string): Promise<string> {
  const role = await roleIn(db, teamId, learnerId);
  if (!role) throw memberNotFound();
  return role;
}
