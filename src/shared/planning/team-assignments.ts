// A member's team assignments as Today shows them, from what the device holds (the teams stored from pull
// and the learner's own progress), so they show offline: each one's status by the same words leaders see,
// and which modules are due soon enough to go first in the planner. Loaded only when the learner is in a
// team with assignments, so it costs the first screen nothing.

import type { Catalog } from '../content/content-types';
import type { Progress } from '../progress/progress';
import type { Assignment, AssignmentStatus, MyTeam } from '../protocol/team-protocol';
import { addDays } from './calendar-day';

/** How far ahead a due date pulls an assignment's lessons to the front of the plan. */
export const DUE_SOON_DAYS = 14;

export type ModuleState = 'done' | 'started' | 'none';

export type TodayAssignment = {
  teamName: string;
  assignment: Assignment;
  status: AssignmentStatus;
  modulesDone: number;
  /** The first module of it not yet done, where "Start" leads; absent when all are done. */
  nextModuleId?: string;
};

/** Each module's state from the learner's progress: done when every lesson of it is completed. */
export function moduleStates(catalog: Catalog, progress: Progress): (moduleId: string) => ModuleState {
  return (moduleId) => {
    const module = catalog.modules.find((m) => m.id === moduleId);
    if (!module) return 'none';
    const lessons = module.lessons.map((lesson) => progress.get(lesson.id));
    if (lessons.length > 0 && lessons.every((p) => p?.completed)) return 'done';
    return lessons.some((p) => p?.completed || p?.lastOpenedHlc || p?.firstOpenedAt) ? 'started' : 'none';
  };
}

/**
 * Done when every module is done; otherwise overdue once the due date has passed (it is due at the end of
 * that day), else in progress when any of it is started, else not started. `today` is YYYY-MM-DD.
 */
export function assignmentStatus(
  moduleIds: readonly string[],
  dueOn: string | undefined,
  state: (moduleId: string) => ModuleState,
  today: string,
): AssignmentStatus {
  const states = moduleIds.map(state);
  if (states.every((s) => s === 'done')) return 'done';
  if (dueOn !== undefined && dueOn < today) return 'overdue';
  return states.some((s) => s !== 'none') ? 'in-progress' : 'not-started';
}

/** Every assignment of every team, the ones still to do first, soonest due first, undated after dated. */
export function todayAssignments(
  teams: readonly MyTeam[],
  state: (moduleId: string) => ModuleState,
  today: string,
): TodayAssignment[] {
  const list = teams.flatMap((team) =>
    team.assignments.map((assignment) => ({
      teamName: team.name,
      assignment,
      status: assignmentStatus(assignment.moduleIds, assignment.dueOn, state, today),
      modulesDone: assignment.moduleIds.filter((id) => state(id) === 'done').length,
      nextModuleId: assignment.moduleIds.find((id) => state(id) !== 'done'),
    })),
  );
  const rank = (item: TodayAssignment) => (item.status === 'done' ? 1 : 0);
  return list.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.assignment.dueOn ?? '9999-12-31').localeCompare(b.assignment.dueOn ?? '9999-12-31'),
  );
}

/**
 * The modules the planner puts first: those not yet done of assignments not done and due within `days`
 * (or overdue), soonest due first, each once.
 */
export function dueSoonModules(
  assignments: readonly TodayAssignment[],
  state: (moduleId: string) => ModuleState,
  today: string,
  days = DUE_SOON_DAYS,
): string[] {
  const horizon = addDays(today, days);
  const soon = assignments
    .filter(({ status, assignment }) => status !== 'done' && assignment.dueOn && assignment.dueOn <= horizon)
    .sort((a, b) => (a.assignment.dueOn ?? '').localeCompare(b.assignment.dueOn ?? ''));
  const ids = soon.flatMap(({ assignment }) => assignment.moduleIds.filter((id) => state(id) !== 'done'));
  return [...new Set(ids)];
}
