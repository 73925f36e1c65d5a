// Reading teams back in the contract's shapes (src/shared/protocol/team-protocol.ts): assignments, and a learner's
// own teams with only the assignments meant for them (GET /teams, joining, and the last page of a pull).
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Assignment, MyTeam, StaffRole, TeamRole } from '../../src/shared/protocol/team-protocol';
import type { Database } from '../db-schema';
import type { Db } from '../open-database';

type AssignmentRow = Database['team_assignments'];

/** The UTC calendar date of a server time: the server's "today" and the dates of membership. */
export const serverDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * "`learner_id` is a member of the team", for a read of per-learner rows (module_progress). PostgreSQL
 * plans `in (subquery)` as a hash join over the whole table (a sequential scan of every learner's rows in
 * the database, 4× slower for a 300-member team among 5,000 staff); given the members as an array it
 * probes the primary key once per member. SQLite already probes the index for `in (subquery)`.
 */
export function inTeam(db: Db, teamId: string): Expression<SqlBool> {
  return db.dialect === 'postgres'
    ? sql<SqlBool>`learner_id = any(array(select learner_id from team_members where team_id = ${teamId}))`
    : sql<SqlBool>`learner_id in (select learner_id from team_members where team_id = ${teamId})`;
}

export function toAssignment(row: AssignmentRow): Assignment {
  return {
    id: row.id,
    title: row.title,
    target: JSON.parse(row.target) as Assignment['target'],
    group: row.group_name as Assignment['group'],
    moduleIds: JSON.parse(row.module_ids) as string[],
    ...(row.due_on ? { dueOn: row.due_on } : {}),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export const includes = (group: string, staffRole: string): boolean =>
  group === 'everyone' || group === staffRole;

/** A team's assignments, oldest first, in the contract's shape. */
export async function teamAssignments(db: Db, teamId: string): Promise<Assignment[]> {
  const rows = await db.kysely
    .selectFrom('team_assignments')
    .selectAll()
    .where('team_id', '=', teamId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toAssignment);
}

/**
 * Every team `learnerId` belongs to (or only `teamId`), oldest membership first, each with the assignments
 * meant for them.
 */
export async function myTeams(db: Db, learnerId: string, teamId?: string): Promise<MyTeam[]> {
  const memberships = await db.kysely
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['t.id', 't.name', 'm.team_role', 'm.staff_role', 'm.joined_at'])
    .where('m.learner_id', '=', learnerId)
    .$if(teamId !== undefined, (qb) => qb.where('m.team_id', '=', teamId as string))
    .orderBy('m.joined_at')
    .orderBy('t.id')
    .execute();
  if (memberships.length === 0) return [];
  const assignments = await db.kysely
    .selectFrom('team_assignments')
    .selectAll()
    .where(
      'team_id',
      'in',
      memberships.map((m) => m.id),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return memberships.map((m) => ({
    teamId: m.id,
    name: m.name,
    myRole: m.team_role as TeamRole,
    staffRole: m.staff_role as StaffRole,
    joinedAt: new Date(m.joined_at).toISOString(),
    assignments: assignments
      .filter((a) => a.team_id === m.id && includes(a.group_name, m.staff_role))
      .map(toAssignment),
  }));
}

/** The caller's own view of one team they have just made, changed or joined. */
export async function myTeam(db: Db, learnerId: string, teamId: string): Promise<MyTeam> {
  const [team] = await myTeams(db, learnerId, teamId);
  if (!team) throw new Error('membership vanished while answering');
  return team;
}
