// The slot planner's rule for fitting lessons into minutes, shared by the learner's short slots
// (plan-slot.ts) and facilitated sessions (plan-session.ts), so both fit lessons the same way.

/**
 * The slot planner's rule for lessons: the first items, in their order, while they fit in `minutes`,
 * stopping at the first that does not, so a lesson is never taken out of order to fill a gap. The
 * facilitated-session planner fits a staff meeting's slot by the same rule.
 */
export function takeInOrder<T extends { minutes: number }>(items: readonly T[], minutes: number): T[] {
  const taken: T[] = [];
  let left = minutes;
  for (const item of items) {
    if (item.minutes > left) break;
    taken.push(item);
    left -= item.minutes;
  }
  return taken;
}
