// What a learner does in a lesson, as events. Every write goes through writeErrors.run: a failure (for
// example a full disk) is shown to the learner and resolves false; nothing already stored is touched.
import { eventsRepo } from '../../db/events-repo';
import { writeErrors } from '../../lib/stores/write-errors';

export function lessonActions(lessonId: string) {
  return {
    opened: () => writeErrors.run(() => eventsRepo.record('lesson-opened', lessonId, {})),
    sectionReached: (sectionId: string, index: number) =>
      writeErrors.run(() => eventsRepo.record('section-reached', lessonId, { sectionId, index })),
    checkAnswered: (checkId: string, optionIds: string[], correct: boolean) =>
      writeErrors.run(() => eventsRepo.record('check-answered', lessonId, { checkId, optionIds, correct })),
    completed: () => writeErrors.run(() => eventsRepo.record('lesson-completed', lessonId, {})),
    timeSpent: (intervalId: string, ms: number) =>
      writeErrors.run(() => eventsRepo.record('time-spent', lessonId, { intervalId, ms })),
  };
}
