// What a reminder would be about, from the learner's events (the same pure functions the app's screens
// use, so the server and the app agree on "due" and "half done"). Assignments come first because they
// have a date; then refreshers, which fade if left; then the most recently opened unfinished lesson.
import type { LearnerEvent } from '../progress/events';
import { foldProgress } from '../progress/progress';
import { dueRefreshers } from '../progress/refresher-schedule';
import type { ReminderTodo } from './reminder-rules';

/** A team assignment due soon (server/teams/assignments-due-soon.ts), named first in a reminder. */
export type AssignmentDue = { title: string; url: string };

export function reminderTodo(
  events: readonly LearnerEvent[],
  now: Date,
  assignmentsDueSoon: readonly AssignmentDue[] = [],
): ReminderTodo | null {
  const assignment = assignmentsDueSoon[0];
  if (assignment) return { kind: 'assignment', title: assignment.title, url: assignment.url };
  const due = dueRefreshers(events, now).length;
  if (due > 0) return { kind: 'refreshers', count: due };
  let latest: { lessonId: string; hlc: string } | null = null;
  for (const lesson of foldProgress(events).values()) {
    if (lesson.completed || !lesson.firstOpenedAt || !lesson.lastOpenedHlc) continue;
    if (!latest || lesson.lastOpenedHlc > latest.hlc)
      latest = { lessonId: lesson.lessonId, hlc: lesson.lastOpenedHlc };
  }
  return latest ? { kind: 'lesson', lessonId: latest.lessonId } : null;
}
