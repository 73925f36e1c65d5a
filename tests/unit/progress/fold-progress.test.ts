import { describe, expect, it } from 'vitest';
import type { LearnerEvent } from '../../../src/shared/progress/events';
import { foldProgress, type LessonProgress } from '../../../src/shared/progress/progress';

const DEVICE = '00000000-0000-4000-8000-000000000001';
let counter = 0;

/** Builds an event at wall time `t` (seconds), with an id made from `n` so tests can name them. */
function ev<T extends LearnerEvent['type']>(
  n: number,
  t: number,
  type: T,
  payload: Extract<LearnerEvent, { type: T }>['payload'],
  lessonId = 'l1',
): LearnerEvent {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    deviceId: DEVICE,
    deviceSeq: counter,
    at: new Date(Date.UTC(2026, 10, 28, 9, 0, t)).toISOString(),
    hlc: `${String(Date.UTC(2026, 10, 28, 9, 0, t)).padStart(15, '0')}:00000:${DEVICE}`,
    type,
    lessonId,
    payload,
  } as LearnerEvent;
}

const opened = ev(1, 1, 'lesson-opened', {});
const reached2 = ev(2, 2, 'section-reached', { sectionId: 'two', index: 2 });
const reached1 = ev(3, 3, 'section-reached', { sectionId: 'one', index: 1 });
const wrong = ev(4, 4, 'check-answered', { checkId: 'c1', optionIds: ['a'], correct: false });
const right = ev(5, 5, 'check-answered', { checkId: 'c1', optionIds: ['b'], correct: true });
const wrongAgain = ev(6, 6, 'check-answered', { checkId: 'c1', optionIds: ['a'], correct: false });
const completed = ev(7, 7, 'lesson-completed', {});
const completedLater = ev(8, 8, 'lesson-completed', {});
const time1 = ev(9, 9, 'time-spent', { intervalId: 'i1', ms: 60_000 });
const time1Again = ev(10, 10, 'time-spent', { intervalId: 'i1', ms: 60_000 });
const time2 = ev(11, 11, 'time-spent', { intervalId: 'i2', ms: 30_000 });
const voidCompleted = ev(12, 12, 'voided', { eventId: completed.id });
const voidOpened = ev(13, 13, 'voided', { eventId: opened.id });
const voidWrong = ev(14, 14, 'voided', { eventId: wrong.id });
const openedOther = ev(15, 15, 'lesson-opened', {}, 'l2');

const at = (e: LearnerEvent) => e.at;

type Case = { name: string; events: LearnerEvent[]; expected: Record<string, Partial<LessonProgress>> };

const cases: Case[] = [
  { name: 'no events', events: [], expected: {} },
  {
    name: 'an opened lesson',
    events: [opened],
    expected: { l1: { firstOpenedAt: at(opened), lastOpenedAt: at(opened), completed: false, msSpent: 0 } },
  },
  {
    name: 'duplicates count once',
    events: [opened, completed, completed, time1, time1, reached2, reached2],
    expected: { l1: { completed: true, completedAt: at(completed), msSpent: 60_000, furthestSection: 2 } },
  },
  {
    name: 'out-of-order events give the same result as ordered ones',
    events: [completed, reached1, time2, opened, reached2],
    expected: {
      l1: { firstOpenedAt: at(opened), completed: true, completedAt: at(completed), furthestSection: 2 },
    },
  },
  {
    name: 'a voided completion undoes it',
    events: [opened, completed, voidCompleted],
    expected: { l1: { completed: false, completedAt: undefined, firstOpenedAt: at(opened) } },
  },
  {
    name: 'completion is monotonic: a later completion keeps it when the first is voided',
    events: [completedLater, voidCompleted, completed],
    expected: { l1: { completed: true, completedAt: at(completedLater) } },
  },
  {
    name: 'voiding another event leaves completion alone',
    events: [opened, completed, voidOpened],
    expected: { l1: { completed: true, completedAt: at(completed), firstOpenedAt: undefined } },
  },
  {
    name: 'repeated interval ids are counted once; distinct ones add up',
    events: [time1, time1Again, time2],
    expected: { l1: { msSpent: 90_000 } },
  },
  {
    name: 'the furthest section wins whatever the order',
    events: [reached2, reached1],
    expected: { l1: { furthestSection: 2 } },
  },
  {
    name: 'lessons are kept apart',
    events: [opened, openedOther],
    expected: { l1: { firstOpenedAt: at(opened) }, l2: { firstOpenedAt: at(openedOther), completed: false } },
  },
];

describe('foldProgress', () => {
  it.each(cases)('$name', ({ events, expected }) => {
    const progress = foldProgress(events);
    expect([...progress.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [lessonId, fields] of Object.entries(expected)) {
      const lesson = progress.get(lessonId);
      for (const [field, value] of Object.entries(fields)) {
        expect(lesson?.[field as keyof LessonProgress], `${lessonId}.${field}`).toEqual(value);
      }
    }
  });

  it('keeps every check attempt, with the latest and the best', () => {
    const check = foldProgress([wrongAgain, right, wrong]).get('l1')?.checks.c1;
    expect(check?.attempts.map((a) => a.optionIds[0])).toEqual(['a', 'b', 'a']);
    expect(check?.latest).toMatchObject({ correct: false, at: at(wrongAgain) });
    expect(check?.best).toMatchObject({ correct: true, at: at(right) });
  });

  it('shows the latest attempt as best while none is correct', () => {
    const check = foldProgress([wrong, wrongAgain]).get('l1')?.checks.c1;
    expect(check?.best.at).toBe(at(wrongAgain));
  });

  it('drops a voided check attempt', () => {
    const check = foldProgress([wrong, right, voidWrong]).get('l1')?.checks.c1;
    expect(check?.attempts).toHaveLength(1);
    expect(check?.latest.correct).toBe(true);
  });

  it('gives the same answer for every order of the same events', () => {
    const events = [opened, reached1, reached2, wrong, right, completed, time1, time2, voidOpened];
    const expected = foldProgress(events);
    const reversed = foldProgress([...events].reverse());
    const rotated = foldProgress([...events.slice(4), ...events.slice(0, 4)]);
    expect(reversed).toEqual(expected);
    expect(rotated).toEqual(expected);
  });
});
