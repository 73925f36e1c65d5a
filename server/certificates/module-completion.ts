// Whether the server's own copy of a learner's events shows a module complete, checked against the
// course the server serves (teams/course-index.ts). Progress comes from the same pure fold as every screen
// (src/shared/progress/progress.ts); the dates are when the server received each completion, so a device whose
// clock was set back cannot backdate a certificate.
import type { LearnerEvent } from '../../src/shared/progress/events';
import { foldProgress } from '../../src/shared/progress/progress';
import type { CourseModule } from '../teams/course-index';

/** A stored event: the validated event and when the server received it. */
export type ReceivedEvent = { event: LearnerEvent; receivedAt: number };

export type CompletedLesson = { id: string; title: string; minutes: number; completedAt: number };

export type ModuleCompletion =
  | { complete: true; lessons: CompletedLesson[]; minutes: number; msSpent: number }
  | { complete: false; done: number; total: number };

export function moduleCompletion(
  module: Pick<CourseModule, 'lessons'>,
  received: readonly ReceivedEvent[],
): ModuleCompletion {
  const progress = foldProgress(received.map((r) => r.event));
  const voidEvents = received.filter((r) => r.event.type === 'voided');
  const voided = new Set(voidEvents.map((r) => (r.event.type === 'voided' ? r.event.payload.eventId : '')));
  // The first time the server heard of a completion that still stands, per lesson.
  const firstReceived = new Map<string, number>();
  for (const { event, receivedAt } of received) {
    if (event.type !== 'lesson-completed' || voided.has(event.id)) continue;
    const known = firstReceived.get(event.lessonId);
    if (known === undefined || receivedAt < known) firstReceived.set(event.lessonId, receivedAt);
  }

  const lessons: CompletedLesson[] = [];
  let msSpent = 0;
  for (const lesson of module.lessons) {
    const p = progress.get(lesson.id);
    const completedAt = firstReceived.get(lesson.id);
    if (!p?.completed || completedAt === undefined) continue;
    lessons.push({ id: lesson.id, title: lesson.title, minutes: lesson.minutes, completedAt });
    msSpent += p.msSpent;
  }
  if (lessons.length !== module.lessons.length || lessons.length === 0) {
    return { complete: false, done: lessons.length, total: module.lessons.length };
  }
  const minutes = module.lessons.reduce((sum, l) => sum + l.minutes, 0);
  return { complete: true, lessons, minutes, msSpent };
}
