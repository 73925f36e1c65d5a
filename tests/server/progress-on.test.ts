// progressOn folds a push on from the kept states as the database hands them over (text), and writes nothing
// for a module whose state the push left as it was but for `last`; the rows stored that way stay those a
// fold of the whole history gives, whatever order later events arrive in.
import { describe, expect, it } from 'vitest';
import { courseIndex } from '../../server/teams/course-index';
import { foldModuleProgress, type ModuleProgressRow } from '../../server/teams/fold-module-progress';
import { type KeptState, progressOn, teamState } from '../../server/teams/keep-progress';
import { printFoldState } from '../../server/teams/module-fold-state';
import type { LearnerEvent } from '../../src/shared/progress/events';
import { formatHlc } from '../../src/shared/progress/hlc';
import { seededRandom } from '../faults/support/seeded-random';
import { history, shown } from './support/fold-fixtures';
import { TEST_CATALOG } from './support/team-fixture';

const course = courseIndex(TEST_CATALOG);
const T0 = Date.parse('2026-03-02T09:00:00.000Z');

/** What the database holds for one learner: each module's row and its kept state as text. */
type Stored = Map<string, { row: ModuleProgressRow; printed: string }>;

function storeFold(events: readonly LearnerEvent[]): Stored {
  const stored: Stored = new Map();
  for (const [moduleId, row] of foldModuleProgress(events, course, course.modules.keys())) {
    if (row) stored.set(moduleId, { row, printed: printFoldState(row.state) });
  }
  return stored;
}

/** The kept states as a push reads them (teamState parses the stored text). */
function keptOf(stored: Stored): Map<string, KeptState> {
  const team = teamState(
    true,
    [...stored.keys()],
    [...stored].map(([moduleId, { printed }]) => [moduleId, printed]),
    false,
  );
  if (team.kind !== 'member') throw new Error('a member reads kept states');
  return team.kept;
}

/** Folds `pushed` on and writes the result into `stored`; the modules written, or undefined if it declined. */
function pushOn(stored: Stored, pushed: readonly LearnerEvent[]): string[] | undefined {
  const write = progressOn(keptOf(stored), pushed, course);
  if (!write) return undefined;
  for (const { row, foldState } of write.kept) stored.set(row.moduleId, { row, printed: foldState });
  for (const moduleId of write.gone) stored.delete(moduleId);
  return write.kept.map(({ row }) => row.moduleId);
}

/** As a push does: folds on, or where that declines folds every event stored so far again (keepProgress). */
function pushOrRefold(
  stored: Stored,
  storedBefore: readonly LearnerEvent[],
  pushed: readonly LearnerEvent[],
) {
  if (pushOn(stored, pushed) !== undefined) return;
  stored.clear();
  for (const [moduleId, kept] of storeFold([...storedBefore, ...pushed])) stored.set(moduleId, kept);
}

let seq = 0;
function event(minute: number, lessonId: string, kind: string, payload: object = {}): LearnerEvent {
  const wall = T0 + minute * 60_000;
  seq += 1;
  return {
    id: `p-${seq}`,
    deviceId: 'device-1',
    deviceSeq: seq,
    at: new Date(wall).toISOString(),
    hlc: formatHlc({ wall, counter: 0, node: 'device1' }),
    lessonId,
    type: kind,
    payload,
  } as LearnerEvent;
}

/** Lesson f1 opened, studied in one interval of a minute, its check answered, completed. */
const studied = () => [
  event(0, 'f1', 'lesson-opened'),
  event(1, 'f1', 'time-spent', { intervalId: 'i1', ms: 60_000 }),
  event(2, 'f1', 'check-answered', { checkId: 'c1', optionIds: ['o1'], correct: true }),
  event(3, 'f1', 'lesson-completed'),
];

describe('progressOn', () => {
  it.each([
    ['a section reached', event(10, 'f1', 'section-reached', { sectionId: 's2', index: 2 }), []],
    ['the lesson opened again', event(10, 'f1', 'lesson-opened'), []],
    ['the lesson completed again', event(10, 'f1', 'lesson-completed'), []],
    ['an interval re-sent, no longer', event(10, 'f1', 'time-spent', { intervalId: 'i1', ms: 30_000 }), []],
    [
      'an interval re-sent, longer',
      event(10, 'f1', 'time-spent', { intervalId: 'i1', ms: 90_000 }),
      ['foundations'],
    ],
    ['a new interval', event(10, 'f1', 'time-spent', { intervalId: 'i2', ms: 5_000 }), ['foundations']],
    [
      'a check answered again',
      event(10, 'f1', 'check-answered', { checkId: 'c1', optionIds: ['o1'], correct: true }),
      ['foundations'],
    ],
    ['another lesson of the module opened', event(10, 'f2', 'lesson-opened'), ['foundations']],
    [
      'a wrong answer to a check that has a card',
      event(10, 'f1', 'check-answered', { checkId: 'c1', optionIds: ['o2'], correct: false }),
      ['foundations'],
    ],
    [
      'a refresher answered',
      event(10, 'f1', 'refresher-answered', { checkId: 'c1', optionIds: ['o1'], correct: true }),
      ['foundations'],
    ],
    [
      'confidence rated (the device keeps it, not the fold)',
      event(10, 'f1', 'confidence-rated', {
        moduleId: 'foundations',
        stage: 'after',
        ratings: [{ statement: 'I can say what SEN means', rating: 4 }],
      }),
      [],
    ],
    [
      'a session attended (its polls are not the learner’s own answers here)',
      event(10, 'f1', 'session-attended', {
        sessionId: 'session-1',
        moduleId: 'foundations',
        lessonIds: ['f1'],
        checks: [{ lessonId: 'f1', checkId: 'c1' }],
        minutes: 30,
      }),
      [],
    ],
  ])('%s', (_name, pushed, written) => {
    const history = studied();
    const stored = storeFold(history);
    const before = stored.get('foundations')?.printed;
    expect(pushOn(stored, [pushed])).toEqual(written);
    if (written.length === 0) expect(stored.get('foundations')?.printed).toBe(before);
    expect(shown(stored.get('foundations')?.row)).toEqual(
      shown(foldModuleProgress([...history, pushed], course, ['foundations']).get('foundations')),
    );
  });

  it('folds on an event that sorts before one it did not write, and the row is the whole fold', () => {
    const history = studied();
    const stored = storeFold(history);
    const section = event(20, 'f1', 'section-reached', { sectionId: 's3', index: 3 });
    expect(pushOn(stored, [section])).toEqual([]);
    // From another device, offline until now: earlier than the section, later than all the row was made of.
    const late = event(15, 'f1', 'time-spent', { intervalId: 'i9', ms: 20_000 });
    expect(pushOn(stored, [late])).toEqual(['foundations']);
    const whole = foldModuleProgress([...history, section, late], course, ['foundations']);
    expect(shown(stored.get('foundations')?.row)).toEqual(shown(whole.get('foundations')));
    // Before the last event it did write, it declines: the caller folds from the events.
    expect(pushOn(stored, [event(12, 'f1', 'lesson-completed')])).toBeUndefined();
  });

  it('writes an answer even when it changes nothing, as one sorting before it may make it change something', () => {
    const opened = event(0, 'f1', 'lesson-opened');
    const stored = storeFold([opened]);
    // A wrong first answer makes no card; a correct answer from before it, arriving later, would make one
    // that the wrong answer then reviews again.
    const wrong = event(10, 'f1', 'check-answered', { checkId: 'c1', optionIds: ['o2'], correct: false });
    expect(pushOn(stored, [wrong])).toEqual(['foundations']);
    const correctEarlier = event(5, 'f1', 'check-answered', {
      checkId: 'c1',
      optionIds: ['o1'],
      correct: true,
    });
    pushOrRefold(stored, [opened, wrong], [correctEarlier]);
    const whole = foldModuleProgress([opened, correctEarlier, wrong], course, ['foundations']);
    expect(stored.get('foundations')?.row.refreshers).toEqual(whole.get('foundations')?.refreshers);
    expect(shown(stored.get('foundations')?.row)).toEqual(shown(whole.get('foundations')));
  });

  it('keeps the whole fold’s rows when two devices push a seeded history in any order', () => {
    let unwritten = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(seed);
      // Voids go to a refold whatever else the push holds (keepProgress), so they are left out here; most
      // answers are wrong, so many make no card.
      const events = history(seed, 40)
        .filter((e) => e.type !== 'voided')
        .map((e) =>
          e.type === 'check-answered' ? { ...e, payload: { ...e.payload, correct: random.chance(0.2) } } : e,
        );
      const byDevice: LearnerEvent[][] = [[], []];
      for (const e of events) byDevice[random.int(0, 1)]?.push(e);
      // Each device pushes its own events in order, in batches of one to four; the two interleave at random.
      const pushes: LearnerEvent[][] = [];
      let unsent = byDevice.filter((own) => own.length > 0);
      while (unsent.length > 0) {
        pushes.push(random.pick(unsent).splice(0, random.int(1, 4)));
        unsent = unsent.filter((own) => own.length > 0);
      }
      const stored: Stored = new Map();
      const sent: LearnerEvent[] = [];
      for (const batch of pushes) {
        const before = new Map([...stored].map(([id, kept]) => [id, kept.printed]));
        pushOrRefold(stored, sent, batch);
        sent.push(...batch);
        for (const [id, printed] of before) if (stored.get(id)?.printed === printed) unwritten += 1;
      }
      const whole = storeFold(sent);
      expect([...stored.keys()].sort(), `seed ${seed}`).toEqual([...whole.keys()].sort());
      for (const [moduleId, { row }] of whole) {
        expect(shown(stored.get(moduleId)?.row), `seed ${seed}, ${moduleId}`).toEqual(shown(row));
      }
    }
    expect(unwritten, 'some modules were left as they were').toBeGreaterThan(0);
  });

  it.each([
    { seed: 11, stored: 40, pushes: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
    { seed: 12, stored: 20, pushes: [2, 3, 1, 5, 1, 1, 2] },
    { seed: 13, stored: 60, pushes: [4, 4, 4, 4] },
  ])(
    'seed $seed: pushes of $pushes, some not written, leave the rows of the whole fold',
    ({ seed, stored: kept, pushes }) => {
      const events = history(seed, kept + pushes.reduce((sum, n) => sum + n, 0));
      const stays = events.slice(0, kept);
      const voided = new Set(stays.flatMap((e) => (e.type === 'voided' ? [e.payload.eventId] : [])));
      // Voids go to a refold (keepProgress), so pushes folded on carry none.
      const pushed = events.slice(kept).filter((e) => e.type !== 'voided' && !voided.has(e.id));
      const stored = storeFold(stays);
      let unwritten = 0;
      let from = 0;
      for (const size of pushes) {
        const batch = pushed.slice(from, from + size);
        from += size;
        if (batch.length === 0) continue;
        const written = pushOn(stored, batch);
        expect(written, 'folds on').not.toBeUndefined();
        const touched = new Set(batch.map((e) => course.lessonModule.get(e.lessonId)).filter(Boolean));
        unwritten += touched.size - (written?.length ?? 0);
      }
      expect(unwritten, 'some pushes changed nothing').toBeGreaterThan(0);
      const whole = storeFold([...stays, ...pushed]);
      expect([...stored.keys()].sort()).toEqual([...whole.keys()].sort());
      for (const [moduleId, { row }] of whole)
        expect(shown(stored.get(moduleId)?.row), moduleId).toEqual(shown(row));
    },
  );
});
