// What leaders see (docs/teams.md): a team's dashboard, one member's record (dates only) and, for a trust
// lead, every team they lead side by side. Read from the kept `module_progress` rows (one indexed read per
// team), never from events, and never anything but counts, minutes and dates: no answers, notes, reading
// positions or times of day. The team's own facilitated sessions, and which members attended each, come
// from server/teams/team-sessions.ts.
import { Hono } from 'hono';
import { sql } from 'kysely';
import type {
  Assignment,
  MemberRecord,
  ModuleProgress,
  StaffRole,
  TeamDashboard,
  TeamMemberRow,
  TeamRole,
  TrustOverview,
} from '../../src/shared/protocol/team-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { requireLearner } from '../require-learner';
import { assignmentStatus } from '../teams/assignment-status';
import { dateOf } from '../teams/fold-module-progress';
import { leaderOf, memberNotFound } from '../teams/team-access';
import { includes, inTeam, serverDate, teamAssignments } from '../teams/team-reads';
import { teamSessions } from '../teams/team-sessions';

const MINUTE_MS = 60_000;

type KeptRow = {
  learner_id: string;
  module_id: string;
  lessons_completed: number;
  lessons_total: number;
  completed_at: string | null;
  ms_spent: number;
  refreshers: string;
};

export function teamDashboardRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock, course } = deps;
  const auth = requireLearner(deps);

  const moduleProgress = (moduleId: string, row: KeptRow | undefined): ModuleProgress => ({
    moduleId,
    lessonsCompleted: row?.lessons_completed ?? 0,
    // The course served now decides a module's size; a module gone from it keeps what was folded.
    lessonsTotal: course.modules.get(moduleId)?.lessons.length ?? row?.lessons_total ?? 0,
    ...(row?.completed_at ? { completedOn: dateOf(row.completed_at) } : {}),
    minutes: Math.round((row?.ms_spent ?? 0) / MINUTE_MS),
  });
  const refreshersDue = (rows: readonly KeptRow[], nowIso: string) => {
    let due = 0;
    for (const row of rows) {
      for (const at of JSON.parse(row.refreshers) as string[]) {
        if (at > nowIso) break;
        due += 1;
      }
    }
    return due;
  };
  const moduleOrder = (a: string, b: string) =>
    (course.modules.get(a)?.order ?? Number.MAX_SAFE_INTEGER) -
      (course.modules.get(b)?.order ?? Number.MAX_SAFE_INTEGER) || (a < b ? -1 : a > b ? 1 : 0);
  /**
   * One member's modules (each with its kept row, if any), in course order: every module they have a row
   * for or are assigned; and the status of each assignment meant for them.
   */
  const memberProgress = <Row extends KeptRow>(
    own: readonly Row[],
    staffRole: string,
    assignments: readonly Assignment[],
    asOf: string,
  ) => {
    const byModule = new Map(own.map((row) => [row.module_id, row]));
    const mine = assignments.filter((a) => includes(a.group, staffRole));
    const moduleIds = new Set([...byModule.keys(), ...mine.flatMap((a) => a.moduleIds)]);
    const completion = new Map(own.map((row) => [row.module_id, { completedAt: row.completed_at }]));
    return {
      modules: [...moduleIds].sort(moduleOrder).map((id) => ({ id, row: byModule.get(id) })),
      assignments: mine.map((a) => ({
        assignmentId: a.id,
        ...assignmentStatus(a.moduleIds, completion, a.dueOn, asOf),
      })),
    };
  };

  return new Hono<AppEnv>()
    .get('/teams/overview', auth, async (c) => {
      const learnerId = c.get('learnerId');
      const now = clock();
      const asOf = serverDate(now);
      const led = await db.kysely
        .selectFrom('team_members as m')
        .innerJoin('teams as t', 't.id', 'm.team_id')
        .select(['t.id', 't.name'])
        .where('m.learner_id', '=', learnerId)
        .where('m.team_role', '!=', 'member')
        .orderBy('t.name')
        .orderBy('t.id')
        .execute();
      const body: TrustOverview = { asOf, teams: [] };
      if (led.length === 0) return c.json(body);
      const teamIds = led.map((t) => t.id);
      // Counted in the database: per assignment, the members of its group, and how many of them have
      // completed every one of its modules. A trust's thousands of progress rows never leave it.
      const [memberCounts, assignments, counts] = await Promise.all([
        db.kysely
          .selectFrom('team_members')
          .select(['team_id', (eb) => eb.fn.countAll<number>().as('members')])
          .where('team_id', 'in', teamIds)
          .groupBy('team_id')
          .execute(),
        db.kysely
          .selectFrom('team_assignments')
          .select(['id', 'team_id', 'title', 'due_on'])
          .where('team_id', 'in', teamIds)
          .orderBy('created_at')
          .orderBy('id')
          .execute(),
        sql<{ assignment_id: string; assigned: number; done: number }>`
          select per.assignment_id, count(*) as assigned,
            sum(case when per.completed = per.modules then 1 else 0 end) as done
          from (
            select a.id as assignment_id, m.learner_id,
              count(p.module_id) as completed, count(am.module_id) as modules
            from team_assignments a
            join team_members m on m.team_id = a.team_id
              and (a.group_name = 'everyone' or a.group_name = m.staff_role)
            join team_assignment_modules am on am.assignment_id = a.id
            left join module_progress p on p.learner_id = m.learner_id
              and p.module_id = am.module_id and p.completed_at is not null
            where a.team_id in (${sql.join(teamIds)})
            group by a.id, m.learner_id
          ) per
          group by per.assignment_id`.execute(db.kysely),
      ]);
      const membersOf = new Map(memberCounts.map((row) => [row.team_id, Number(row.members)]));
      const countsOf = new Map(counts.rows.map((row) => [row.assignment_id, row]));
      for (const team of led) {
        body.teams.push({
          teamId: team.id,
          name: team.name,
          memberCount: membersOf.get(team.id) ?? 0,
          assignments: assignments
            .filter((a) => a.team_id === team.id)
            .map((a) => {
              const count = countsOf.get(a.id);
              const assigned = Number(count?.assigned ?? 0);
              const done = Number(count?.done ?? 0);
              // Not done once the due day is over is overdue, started or not (assignment-status.ts).
              const overdue = a.due_on && a.due_on < asOf ? assigned - done : 0;
              return {
                assignmentId: a.id,
                title: a.title,
                ...(a.due_on ? { dueOn: a.due_on } : {}),
                assigned,
                done,
                overdue,
              };
            }),
        });
      }
      return c.json(body);
    })
    .get('/teams/:teamId/dashboard', auth, async (c) => {
      const access = await leaderOf(deps, c.req.param('teamId'), c.get('learnerId'));
      const now = clock();
      const asOf = serverDate(now);
      const nowIso = new Date(now).toISOString();
      const [assignments, members, kept, sessions] = await Promise.all([
        teamAssignments(db, access.teamId),
        db.kysely
          .selectFrom('team_members as m')
          .innerJoin('learners as l', 'l.id', 'm.learner_id')
          .select(['m.learner_id', 'l.name', 'm.staff_role', 'm.team_role', 'm.joined_at'])
          .where('m.team_id', '=', access.teamId)
          .orderBy('l.name')
          .orderBy('m.learner_id')
          .execute(),
        db.kysely
          .selectFrom('module_progress')
          .select([
            'learner_id',
            'module_id',
            'lessons_completed',
            'lessons_total',
            'completed_at',
            'ms_spent',
            'refreshers',
          ])
          .where(inTeam(db, access.teamId))
          .execute(),
        teamSessions(db, course, access.teamId),
      ]);
      const keptBy = new Map<string, KeptRow[]>();
      for (const row of kept) {
        const list = keptBy.get(row.learner_id) ?? [];
        list.push(row);
        keptBy.set(row.learner_id, list);
      }
      const rows: TeamMemberRow[] = members.map((m) => {
        const own = keptBy.get(m.learner_id) ?? [];
        const ms = own.reduce((sum, row) => sum + row.ms_spent, 0);
        const progress = memberProgress(own, m.staff_role, assignments, asOf);
        return {
          learnerId: m.learner_id,
          name: m.name,
          staffRole: m.staff_role as StaffRole,
          teamRole: m.team_role as TeamRole,
          joinedOn: serverDate(m.joined_at),
          minutes: Math.round(ms / MINUTE_MS),
          lessonsCompleted: own.reduce((sum, row) => sum + row.lessons_completed, 0),
          refreshersDue: refreshersDue(own, nowIso),
          modules: progress.modules.map(({ id, row }) => moduleProgress(id, row)),
          assignments: progress.assignments,
          sessions: sessions.byLearner.get(m.learner_id) ?? [],
        };
      });
      const body: TeamDashboard = {
        team: {
          teamId: access.teamId,
          name: access.teamName,
          createdAt: new Date(access.teamCreatedAt).toISOString(),
        },
        myRole: access.teamRole,
        asOf,
        assignments,
        members: rows,
        sessions: sessions.sessions,
      };
      return c.json(body);
    })
    .get('/teams/:teamId/members/:learnerId', auth, async (c) => {
      const access = await leaderOf(deps, c.req.param('teamId'), c.get('learnerId'));
      const who = c.req.param('learnerId');
      const member = await db.kysely
        .selectFrom('team_members as m')
        .innerJoin('learners as l', 'l.id', 'm.learner_id')
        .select(['l.name', 'm.staff_role', 'm.team_role', 'm.joined_at'])
        .where('m.team_id', '=', access.teamId)
        .where('m.learner_id', '=', who)
        .executeTakeFirst();
      if (!member) throw memberNotFound();
      const now = clock();
      const asOf = serverDate(now);
      const [assignments, kept, sessions] = await Promise.all([
        teamAssignments(db, access.teamId),
        db.kysely.selectFrom('module_progress').selectAll().where('learner_id', '=', who).execute(),
        teamSessions(db, course, access.teamId, who),
      ]);
      const progress = memberProgress(kept, member.staff_role, assignments, asOf);
      const body: MemberRecord = {
        learnerId: who,
        name: member.name,
        staffRole: member.staff_role as StaffRole,
        teamRole: member.team_role as TeamRole,
        joinedOn: serverDate(member.joined_at),
        modules: progress.modules.map(({ id, row }) => ({
          ...moduleProgress(id, row),
          lessons: row ? (JSON.parse(row.lessons) as { lessonId: string; completedOn: string }[]) : [],
        })),
        assignments: progress.assignments,
        refreshersDue: refreshersDue(kept, new Date(now).toISOString()),
        sessions: sessions.byLearner.get(who) ?? [],
      };
      return c.json(body);
    });
}
