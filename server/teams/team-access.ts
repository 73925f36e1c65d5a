// Who may do what in a team, decided on the server for every team route. A caller who is not a member
// gets the same 404 as for a team that does not exist, so team ids cannot be probed; a member who is not
// a leader gets 403. No answer names another person or team.
import type { TeamRole } from '../../src/shared/protocol/team-protocol';
import type { AppDeps } from '../app-env';
import { HttpError } from '../http-error';
import type { Db } from '../open-database';

export type TeamAccess = {
  teamId: string;
  teamName: string;
  teamCreatedAt: number;
  learnerId: string;
  teamRole: TeamRole;
  staffRole: string;
  joinedAt: number;
};

/** Teams one person may belong to: a trust lead leads each setting's team, and a trust is rarely bigger. */
export const MAX_TEAMS_PER_LEARNER = 200;

export const teamNotFound = () => new HttpError(404, 'team_not_found', 'There is no such team.');
export const notALeader = () => new HttpError(403, 'not_a_leader', "Only the team's leaders can do this.");
export const notTheOwner = () => new HttpError(403, 'not_the_owner', "Only the team's owner can do this.");
export const memberNotFound = () =>
  new HttpError(404, 'member_not_found', 'There is no such member in this team.');

/** The team role of `learnerId` in `teamId`, or undefined when they are not a member. */
export async function roleIn(db: Db, teamId: string, learnerId: string): Promise<TeamRole | undefined> {
  const row = await db.kysely
    .selectFrom('team_members')
    .select('team_role')
    .where('team_id', '=', teamId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  return row?.team_role as TeamRole | undefined;
}

/** The caller's membership of `teamId`, or 404 team_not_found. */
export async function memberOf({ db }: AppDeps, teamId: string, learnerId: string): Promise<TeamAccess> {
  const row = await db.kysely
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['t.name', 't.created_at', 'm.team_role', 'm.staff_role', 'm.joined_at'])
    .where('m.team_id', '=', teamId)
    .where('m.learner_id', '=', learnerId)
    .executeTakeFirst();
  if (!row) throw teamNotFound();
  return {
    teamId,
    teamName: row.name,
    teamCreatedAt: row.created_at,
    learnerId,
    teamRole: row.team_role as TeamRole,
    staffRole: row.staff_role,
    joinedAt: row.joined_at,
  };
}

/** The caller's membership when they lead `teamId` (owner or leader); 404 for non-members, 403 for members. */
export async function leaderOf(deps: AppDeps, teamId: string, learnerId: string): Promise<TeamAccess> {
  const access = await memberOf(deps, teamId, learnerId);
  if (access.teamRole === 'member') throw notALeader();
  return access;
}

/** The caller's membership when they own `teamId`; 404 for non-members, 403 for members and leaders. */
export async function ownerOf(deps: AppDeps, teamId: string, learnerId: string): Promise<TeamAccess> {
  const access = await leaderOf(deps, teamId, learnerId);
  if (access.teamRole !== 'owner') throw notTheOwner();
  return access;
}

/** 409 too_many_teams when `learnerId` already belongs to MAX_TEAMS_PER_LEARNER teams (creating or joining). */
export async function checkTeamCount({ db }: AppDeps, learnerId: string): Promise<void> {
  const { count } = await db.kysely
    .selectFrom('team_members')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('learner_id', '=', learnerId)
    .executeTakeFirstOrThrow();
  if (Number(count) >= MAX_TEAMS_PER_LEARNER) {
    throw new HttpError(
      409,
      'too_many_teams',
      `One account can belong to at most ${MAX_TEAMS_PER_LEARNER} teams. Leave one first.`,
    );
  }
}
