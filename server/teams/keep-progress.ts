// Keeps `module_progress` in step with a team member's events, in the push's transaction. Two ways:
// - progressOn folds the new events on from each touched module's kept state (module-fold-state.ts): no
//   history read. SQLite reads the states after its lock (push-statements-sqlite.ts) and writes the rows in
//   a statement of their own (writeProgress); PostgreSQL reads them in its lock statement and writes them in
//   its insert statement (push-statements-pg.ts), so a team member's push costs no more round trips there.
// - keepProgress folds the touched modules again from the learner's events of their lessons and their voids
//   (indexes events_learner_seq and events_learner_voided), whenever progressOn cannot (a void, events out
//   of order, a new course build, a concurrent change, a row from before states were kept).
import { type Kysely, sql } from 'kysely';
import type { LearnerEvent } from '../../src/shared/progress/events';
import type { Database } from '../db-schema';
import type { CourseIndex } from './course-index';
import { foldModuleOn, foldModuleProgress, isAnswer, type ModuleProgressRow } from './fold-module-progress';
import { foldedTheSame, type ModuleFoldState, printFoldState, readFoldState } from './module-fold-state';

type Trx = Kysely<Database>;

/**
 * What keeping a push's progress starts from: `none` for a learner in no team; for a team member, the fold
 * states kept for the modules the push names (none for a module without a row, or with a row from before
 * states were kept); `unknown` when what was read cannot be folded on from: no modules named; a stored void
 * naming a pushed event (a void can arrive before what it voids); on PostgreSQL, a read that raced a
 * commit. keepProgress then folds from the events.
 */
export type TeamState =
  | { kind: 'none' }
  | { kind: 'member'; kept: Map<string, KeptState> }
  | { kind: 'unknown' };

/** A module's kept fold state, and its text as stored. */
export type KeptState = { state: ModuleFoldState; printed: string };

export function teamState(
  member: boolean,
  moduleIds: string[] | null,
  kept: [string, string | null][] | null,
  voidsPushed: boolean,
): TeamState {
  if (!member) return { kind: 'none' };
  if (!moduleIds || voidsPushed) return { kind: 'unknown' };
  const states = new Map<string, KeptState>();
  for (const [moduleId, printed] of kept ?? []) {
    if (printed !== null) states.set(moduleId, { state: readFoldState(printed), printed });
  }
  return { kind: 'member', kept: states };
}

/** A row to write, with its fold state printed. */
export type PrintedRow = { row: ModuleProgressRow; foldState: string };

/** What a fold changes: the rows to keep (insert or replace) and the modules whose row goes. */
export type ProgressWrite = { kept: PrintedRow[]; gone: string[] };

/** The course modules `events` name by their own lessons (a void's target's module is not among them). */
export function modulesOf(events: readonly LearnerEvent[], course: CourseIndex): Set<string> {
  const moduleIds = new Set<string>();
  for (const event of events) {
    const moduleId = course.lessonModule.get(event.lessonId);
    if (moduleId) moduleIds.add(moduleId);
  }
  return moduleIds;
}

/** The lessons whose stored events a fold of `moduleIds` reads (besides every void of the learner). */
function lessonsOf(moduleIds: Iterable<string>, course: CourseIndex): string[] {
  return [...moduleIds].flatMap((id) => course.modules.get(id)?.lessons.map((l) => l.id) ?? []);
}

/** Folds `moduleIds` over the events stored before a push and the push's new ones. */
function progressWrite(
  earlier: readonly LearnerEvent[],
  pushed: readonly LearnerEvent[],
  course: CourseIndex,
  moduleIds: Iterable<string>,
): ProgressWrite {
  const folded = foldModuleProgress([...earlier, ...pushed], course, moduleIds);
  const kept: PrintedRow[] = [];
  const gone: string[] = [];
  for (const [moduleId, row] of folded) {
    if (row) kept.push({ row, foldState: printFoldState(row.state) });
    else gone.push(moduleId);
  }
  return { kept, gone };
}

/**
 * The new `events` folded on from the kept states of the modules they touch. Undefined when one module
 * cannot be folded on: it has no kept state (no row, yet it may have history: a lesson a new course build
 * moved into it, events stored before the server's build knew their lesson; or a row from before states
 * were kept), or foldModuleOn declines. The caller then folds from the events.
 *
 * A module whose state the events left as it was, but for `last` (a section reached, a lesson opened or
 * completed again, an interval re-sent no longer: most pushes of someone reading), is not written: its row
 * and kept state stay as they are, `last` too. That is sound because such an event changes nothing wherever
 * it falls in the order (what it would change, an earlier event can only have made so already), so a later
 * event that sorts before it may still be folded on. Not so an answer: a wrong first answer makes no card,
 * but after a correct one that sorts before it and arrives later it reviews that card again. A module with
 * an answer among its events is always written, so that `last` moves past it.
 */
export function progressOn(
  kept: ReadonlyMap<string, KeptState>,
  events: readonly LearnerEvent[],
  course: CourseIndex,
): ProgressWrite | undefined {
  const write: ProgressWrite = { kept: [], gone: [] };
  const answered = modulesOf(events.filter(isAnswer), course);
  for (const moduleId of modulesOf(events, course)) {
    const before = kept.get(moduleId);
    if (!before) return undefined;
    const row = foldModuleOn(before.state, events, course, moduleId);
    if (row === undefined) return undefined;
    if (!row) {
      write.gone.push(moduleId);
      continue;
    }
    const foldState = printFoldState(row.state);
    if (answered.has(moduleId) || !foldedTheSame(foldState, before.printed))
      write.kept.push({ row, foldState });
  }
  return write;
}

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
  const moduleIds = modulesOf(events, course);
  const voidTargets = events.flatMap((e) => (e.type === 'voided' ? [e.payload.eventId] : []));
  if (moduleIds.size === 0 && voidTargets.length === 0) return;
  // Only team members' progress is read by anyone: others' pushes skip the fold after this one indexed
  // look-up. Joining or creating a team folds the whole history (refoldLearner), and holds the learner's
  // row as a push does, so no push slips between the two.
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
  const earlier = await readEvents(trx, learnerId, lessonsOf(moduleIds, course), storedSeq);
  await writeProgress(trx, learnerId, progressWrite(earlier, events, course, moduleIds));
}

/** Folds every module of the course again for one learner: on joining or creating a team, in its transaction. */
export async function refoldLearner(trx: Trx, learnerId: string, course: CourseIndex): Promise<void> {
  // The learner's row is the lock every push of theirs takes first (store-push.ts). It is updated, not only
  // locked: a new row version is how a PostgreSQL push that waited for this lock knows its first read
  // missed the membership (push-statements-pg.ts).
  await trx
    .updateTable('learners')
    .set((eb) => ({ event_seq: eb.ref('event_seq') }))
    .where('id', '=', learnerId)
    .execute();
  if (course.modules.size === 0) return;
  const moduleIds = [...course.modules.keys()];
  const events = await readEvents(trx, learnerId, lessonsOf(moduleIds, course));
  await writeProgress(trx, learnerId, progressWrite(events, [], course, moduleIds));
}

/** The learner's events of `lessonIds` and all their voids, up to sequence `upToSeq` when given. */
async function readEvents(
  trx: Trx,
  learnerId: string,
  lessonIds: string[],
  upToSeq?: number,
): Promise<LearnerEvent[]> {
  const before = upToSeq === undefined ? sql`` : sql` and seq <= ${upToSeq}`;
  const { rows } = await sql<{ body: string }>`
    select body from events where learner_id = ${learnerId} and lesson_id in (${sql.join(lessonIds)})${before}
    union all
    select body from events where learner_id = ${learnerId} and type = 'voided'${before}`.execute(trx);
  return rows.map((row) => JSON.parse(row.body) as LearnerEvent);
}

export async function writeProgress(
  trx: Trx,
  learnerId: string,
  { kept, gone }: ProgressWrite,
): Promise<void> {
  if (gone.length > 0) {
    await trx
      .deleteFrom('module_progress')
      .where('learner_id', '=', learnerId)
      .where('module_id', 'in', gone)
      .execute();
  }
  if (kept.length > 0) await upsertProgress(learnerId, kept).execute(trx);
}

/**
 * The upsert of the kept rows, as a statement of its own (writeProgress) or inside PostgreSQL's insert
 * statement (push-statements-pg.ts). A template, not Kysely's insert builder: every push of a team member
 * writes here, and building and compiling that cost more than running it. Each value a parameter of its own:
 * PostgreSQL parsed the same rows sent as one JSON document (json_to_recordset) slower than it stored them.
 */
export function upsertProgress(learnerId: string, kept: readonly PrintedRow[]) {
  const values = kept.map(
    ({ row, foldState }) => sql`(${learnerId}, ${row.moduleId}, ${row.lessonsCompleted}, ${row.lessonsTotal},
      ${row.completedAt}, ${row.msSpent}, ${JSON.stringify(row.lessons)}, ${JSON.stringify(row.refreshers)},
      ${foldState})`,
  );
  return sql`
    insert into module_progress (learner_id, module_id, lessons_completed, lessons_total, completed_at, ms_spent,
      lessons, refreshers, fold_state)
    values ${sql.join(values)}
    on conflict (learner_id, module_id) do update set
      lessons_completed = excluded.lessons_completed, lessons_total = excluded.lessons_total,
      completed_at = excluded.completed_at, ms_spent = excluded.ms_spent, lessons = excluded.lessons,
      refreshers = excluded.refreshers, fold_state = excluded.fold_state`;
}
