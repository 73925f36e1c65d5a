// An assignment's status for one member, from their kept module progress: done when every module is
// completed, otherwise overdue once its due date has passed (due at the end of that day), in progress once
// any of its modules has been started, else not started.
import type { AssignmentStatus } from '../../src/shared/team-protocol';
import { dateOf } from './fold-module-progress';

export type KeptModule = { completedAt: string | null };

export function assignmentStatus(
  moduleIds: readonly string[],
  progress: ReadonlyMap<string, KeptModule>,
  dueOn: string | null | undefined,
  asOf: string,
): { status: AssignmentStatus; completedOn?: string } {
  let started = false;
  let done = moduleIds.length > 0;
  let last: string | undefined;
  for (const moduleId of moduleIds) {
    const kept = progress.get(moduleId);
    if (kept) started = true;
    if (!kept?.completedAt) {
      done = false;
      continue;
    }
    if (!last || Date.parse(kept.completedAt) > Date.parse(last)) last = kept.completedAt;
  }
  if (done && last) return { status: 'done', completedOn: dateOf(last) };
  if (dueOn && dueOn < asOf) return { status: 'overdue' };
  return { status: started ? 'in-progress' : 'not-started' };
}
