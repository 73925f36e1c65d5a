// Keeps `module_progress` in step with a team member's events: after a push stores new events (in the same
// transaction), the modules those events touch are folded again from the stored events and their rows
// replaced. Only the touched modules' lessons stored before the push are parsed (found along the learner's
// own events, index events_learner_seq), plus the learner's voids (partial index events_learner_voided).
import { type Kysely, sql } from 'kysely';
import type { LearnerEvent } from '../../src/shared/progress/events';
import type { Database } from '../db-schema';
import type { CourseIndex } from './course-index';
import { foldModuleProgress, type ModuleProgressRow } from './fold-module-progress';

type Trx = Kysely<Database>;

/**
 * Folds again the modules `events` touch; nothing to do for other lessons. `events` were just stored for
 * `learnerId` with sequences after `storedSeq`: those are used as they are, and only the learner's earlier
 * events are read back (and parsed) from the table.
 */
export async function keepProgress(
  trx: Trx,
  learnerId: string,
  events: readonly LearnerEvent[],
  storedSeq: number,
  course: CourseIndex,
): Promise<void> {
  if (course.modules.size === 0 || events.length === 0) return;
  const moduleIds = new Set<string>();
  const voidTargets: string[] = [];
  for (const event of events) {
    const moduleId = course.lessonModule.get(event.lessonId);
    if (moduleId) moduleIds.add(moduleId);
    if (event.type === 'voided') voidTargets.push(event.payload.eventId);
  }
  if (moduleIds.size === 0 && voidTargets.length === 0) return;
  // Only team members' progress is read by anyone: others' pushes skip the fold after this one indexed
  // look-up. Joining folds the whole history (refoldLearner), and holds the learner's row as a push does,
  // so no push slips between the two.
  const member = await trx
    .selectFrom('team_members')
    .select('team_id')
    .where('learner_id', '=', learnerId)
    .limit(1)
    .executeTakeFirst();
  if (!member) return;
  if (voidTargets.length > 0) {
    // A void may name its target's lesson or not: the target's own row says which module it undoes.
    const targets = await trx
      .selectFrom('events')
      .select('lesson_id')
      .where('learner_id', '=', learnerId)
      .where('event_id', 'in', voidTargets)
      .execute();
    for (const { lesson_id } of targets) {
      const moduleId = course.lessonModule.get(lesson_id);
      if (moduleId) moduleIds.add(moduleId);
    }
  }
  if (moduleIds.size === 0) return;
  await refold(trx, learnerId, [...moduleIds], course, { events, storedSeq });
}

/** Folds every module of the course again for one learner: on joining a team, in the joining transaction. */
export async function refoldLearner(trx: Trx, learnerId: string, course: CourseIndex): Promise<void> {
  // The learner's row is the lock every push of theirs takes first (store-push.ts).
  await trx
    .updateTable('learners')
    .set((eb) => ({ event_seq: eb.ref('event_seq') }))
    .where('id', '=', learnerId)
    .execute();
  if (course.modules.size === 0) return;
  await refold(trx, learnerId, [...course.modules.keys()], course);
}

async function refold(
  trx: Trx,
  learnerId: string,
  moduleIds: string[],
  course: CourseIndex,
  pushed?: { events: readonly LearnerEvent[]; storedSeq: number },
): Promise<void> {
  const lessonIds = moduleIds.flatMap((id) => course.modules.get(id)?.lessons.map((l) => l.id) ?? []);
  const before = pushed ? sql` and seq <= ${pushed.storedSeq}` : sql``;
  const { rows } = await sql<{ body: string }>`
    select body from events where learner_id = ${learnerId} and lesson_id in (${sql.join(lessonIds)})${before}
    union all
    select body from events where learner_id = ${learnerId} and type = 'voided'${before}`.execute(trx);
  const events = rows.map((row) => JSON.parse(row.body) as LearnerEvent);
  if (pushed) events.push(...pushed.events);
  const folded = foldModuleProgress(events, course, moduleIds);
  const gone = [...folded].filter(([, row]) => row === null).map(([id]) => id);
  const kept = [...folded.values()].filter((row): row is ModuleProgressRow => row !== null);
  if (gone.length > 0) {
    await trx
      .deleteFrom('module_progress')
      .where('learner_id', '=', learnerId)
      .where('module_id', 'in', gone)
      .execute();
  }
  if (kept.length === 0) return;
  await trx
    .insertInto('module_progress')
    .values(
      kept.map((row) => ({
        learner_id: learnerId,
        module_id: row.moduleId,
        lessons_completed: row.lessonsCompleted,
        lessons_total: row.lessonsTotal,
        completed_at: row.completedAt,
        ms_spent: row.msSpent,
        lessons: JSON.stringify(row.lessons),
        refreshers: JSON.stringify(row.refreshers),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['learner_id', 'module_id']).doUpdateSet((eb) => ({
        lessons_completed: eb.ref('excluded.lessons_completed'),
        lessons_total: eb.ref('excluded.lessons_total'),
        completed_at: eb.ref('excluded.completed_at'),
        ms_spent: eb.ref('excluded.ms_spent'),
        lessons: eb.ref('excluded.lessons'),
        refreshers: eb.ref('excluded.refreshers'),
      })),
    )
    .execute();
}
