// What a study reminder names first (server/reminders/reminder-scheduler.ts): a team assignment still to do
// and due within the days Today puts it first (or overdue), read from the learner's teams and kept module
// progress with the same rules Today uses on the device, so the reminder and Today agree.
import type { AssignmentDue } from '../../src/shared/planning/reminder-todo';
import { dueSoonModules, todayAssignments } from '../../src/shared/planning/team-assignments';
import type { Db } from '../open-database';
import { keptState } from './assignment-status';
import { myTeams, serverDate } from './team-reads';

export function assignmentsDueSoon(db: Db) {
  return async (learnerId: string, now: Date): Promise<AssignmentDue[]> => {
    const teams = await myTeams(db, learnerId);
    if (!teams.some((team) => team.assignments.some((a) => a.dueOn))) return [];
    const rows = await db.kysely
      .selectFrom('module_progress')
      .select(['module_id', 'completed_at'])
      .where('learner_id', '=', learnerId)
      .execute();
    const state = keptState(new Map(rows.map((row) => [row.module_id, { completedAt: row.completed_at }])));
    const today = serverDate(now.getTime());
    const assignments = todayAssignments(teams, state, today);
    const soon = new Set(dueSoonModules(assignments, state, today));
    return assignments
      .filter(({ nextModuleId }) => nextModuleId !== undefined && soon.has(nextModuleId))
      .map(({ assignment, nextModuleId }) => ({
        title: assignment.dueOn ? `${assignment.title}, due ${assignment.dueOn}` : assignment.title,
        url: `/modules/${nextModuleId}`,
      }));
  };
}
