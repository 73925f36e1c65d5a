// The facilitated sessions run for a team and which of its members attended each, joined by code or
// ticked by the facilitator (docs/facilitating.md). Leaders see only their own team's sessions, and only
// the attendance of people who are members of the team now: a visitor who joined by code, or someone who
// has left, is not shown.
import type { SessionAttended, TeamSession } from '../../src/shared/protocol/team-protocol';
import type { Db } from '../open-database';
import type { CourseIndex } from './course-index';
import { dateOf } from './fold-module-progress';

export type TeamSessionsRead = {
  sessions: TeamSession[];
  /** Each member's attended sessions, oldest first; a member who attended none is absent. */
  byLearner: Map<string, SessionAttended[]>;
};

/** The team's sessions, and the attendance of its members (or only of `learnerId`). */
export async function teamSessions(
  db: Db,
  course: CourseIndex,
  teamId: string,
  learnerId?: string,
): Promise<TeamSessionsRead> {
  const [rows, attended] = await Promise.all([
    db.kysely
      .selectFrom('facilitated_sessions')
      .select(['id', 'module_id', 'title', 'started_at', 'minutes'])
      .where('team_id', '=', teamId)
      .orderBy('started_at')
      .orderBy('id')
      .execute(),
    db.kysely
      .selectFrom('session_attendees as a')
      .innerJoin('facilitated_sessions as s', 's.id', 'a.session_id')
      .innerJoin('team_members as m', (join) =>
        join.onRef('m.team_id', '=', 's.team_id').onRef('m.learner_id', '=', 'a.learner_id'),
      )
      .select(['a.session_id', 'a.learner_id', 'a.via'])
      .where('s.team_id', '=', teamId)
      .$if(learnerId !== undefined, (q) => q.where('a.learner_id', '=', learnerId ?? ''))
      .execute(),
  ]);
  const counts = new Map<string, number>();
  const viaBy = new Map<string, Map<string, 'code' | 'ticked'>>();
  for (const row of attended) {
    if (!row.learner_id) continue;
    counts.set(row.session_id, (counts.get(row.session_id) ?? 0) + 1);
    const mine = viaBy.get(row.learner_id) ?? new Map<string, 'code' | 'ticked'>();
    mine.set(row.session_id, row.via);
    viaBy.set(row.learner_id, mine);
  }
  const sessions = rows.map(
    (row): TeamSession => ({
      sessionId: row.id,
      moduleId: row.module_id,
      title: course.modules.get(row.module_id)?.title ?? row.title,
      on: dateOf(row.started_at),
      minutes: row.minutes,
      attended: counts.get(row.id) ?? 0,
    }),
  );
  const byLearner = new Map<string, SessionAttended[]>();
  for (const [who, mine] of viaBy) {
    byLearner.set(
      who,
      sessions.flatMap((s) => {
        const via = mine.get(s.sessionId);
        return via
          ? [{ sessionId: s.sessionId, moduleId: s.moduleId, on: s.on, minutes: s.minutes, via }]
          : [];
      }),
    );
  }
  return { sessions, byLearner };
}
