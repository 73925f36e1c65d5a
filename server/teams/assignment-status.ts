// An assignment's status for one member, from their kept module progress, by the same rule Today shows the
// member (src/shared/planning/team-assignments.ts), plus the date it was done: the day its last module was completed.
import { type ModuleState, assignmentStatus as statusOf } from '../../src/shared/planning/team-assignments';
import type { AssignmentStatus } from '../../src/shared/protocol/team-protocol';
import { dateOf } from './fold-module-progress';

export type KeptModule = { completedAt: string | null };

/** A module's state from the row kept for it: done once completed, started once it has a row. */
export function keptState(progress: ReadonlyMap<string, KeptModule>): (moduleId: string) => ModuleState {
  return (moduleId) => {
    const kept = progress.get(moduleId);
    if (kept?.completedAt) return 'done';
    return kept ? 'started' : 'none';
  };
}

export function assignmentStatus(
  moduleIds: readonly string[],
  progress: ReadonlyMap<string, KeptModule>,
  dueOn: string | null | undefined,
  asOf: string,
): { status: AssignmentStatus; completedOn?: string } {
  const status = statusOf(moduleIds, dueOn ?? undefined, keptState(progress), asOf);
  if (status !== 'done') return { status };
  let last: string | undefined;
  for (const moduleId of moduleIds) {
    const at = progress.get(moduleId)?.completedAt;
    if (at && (!last || Date.parse(at) > Date.parse(last))) last = at;
  }
  return last ? { status, completedOn: dateOf(last) } : { status };
}
