import { describe, expect, it } from 'vitest';
import type { LearnerEvent } from '../../../src/shared/progress/events';
import {
  dueRefreshers,
  monthlyPromptDue,
  nextDueAt,
  refresherStates,
} from '../../../src/shared/progress/refresher-schedule';
import { answer, attended, completed, DAY, days, makeEvent, refresher, T0, voids } from './sample-events';

/** Each scheduled check as `lesson/check` → days after T0 that it falls due. */
function dueDays(events: LearnerEvent[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of refresherStates(events).values()) {
    out[`${s.lessonId}/${s.checkId}`] = Math.round(((Date.parse(s.dueAt) - T0) / DAY) * 1000) / 1000;
  }
  return out;
}

const firstRight = answer('c', true, days(0));
const rightAtDay3 = refresher('c', true, days(3));
const stateCases: { name: string; events: LearnerEvent[]; expected: Record<string, number> }[] = [
  { name: 'no answers: nothing scheduled', events: [], expected: {} },
  {
    name: 'only wrong answers in the lesson: still learning, nothing scheduled',
    events: [answer('c', false, days(0))],
    expected: {},
  },
  {
    name: 'a first correct answer schedules the first refresher (3 days)',
    events: [firstRight],
    expected: { 'l1/c': 3 },
  },
  {
    name: 'wrong answers before the first correct one do not count',
    events: [answer('c', false, days(0) - 60_000), answer('c', true, days(0))],
    expected: { 'l1/c': 3 },
  },
  {
    name: 'right again at the refresher: a longer gap (14 days)',
    events: [firstRight, refresher('c', true, days(3))],
    expected: { 'l1/c': 17 },
  },
  {
    name: 'wrong at the refresher: back the next day',
    events: [firstRight, refresher('c', false, days(3))],
    expected: { 'l1/c': 4 },
  },
  {
    name: 'wrong then right at refreshers',
    events: [firstRight, refresher('c', false, days(3)), refresher('c', true, days(4))],
    expected: { 'l1/c': 7 },
  },
  {
    name: 'three right in a row',
    events: [firstRight, refresher('c', true, days(3)), refresher('c', true, days(20))],
    expected: { 'l1/c': 83 },
  },
  {
    name: 'a wrong answer in the lesson after a right one is a lapse',
    events: [firstRight, answer('c', false, days(1))],
    expected: { 'l1/c': 2 },
  },
  {
    name: 'the same check id in two lessons is two checks',
    events: [firstRight, answer('c', true, days(1), 'l2')],
    expected: { 'l1/c': 3, 'l2/c': 4 },
  },
  {
    name: 'a voided first correct answer unschedules the check',
    events: [firstRight, voids(firstRight, days(0) + 1000)],
    expected: {},
  },
  {
    name: 'a refresher for a check with no card starts one',
    events: [refresher('c', true, days(10))],
    expected: { 'l1/c': 13 },
  },
  {
    name: 'a duplicate answer (pulled back from the server) counts once',
    events: [firstRight, firstRight, rightAtDay3, rightAtDay3],
    expected: { 'l1/c': 17 },
  },
  {
    name: 'a session that polled the checks schedules each as answered right then',
    events: [attended(['c', 'l2/d'], days(1))],
    expected: { 'l1/c': 4, 'l2/d': 4 },
  },
  {
    name: 'a check already scheduled keeps its own history after a session',
    events: [firstRight, attended(['c'], days(1))],
    expected: { 'l1/c': 3 },
  },
  {
    name: 'a session then a refresher answered right: a longer gap',
    events: [attended(['c'], days(0)), rightAtDay3],
    expected: { 'l1/c': 17 },
  },
  {
    name: 'a voided session schedules nothing',
    events: (() => {
      const session = attended(['c'], days(0));
      return [session, voids(session, days(0) + 1000)];
    })(),
    expected: {},
  },
];

describe('refresherStates', () => {
  it.each(stateCases)('$name', ({ events, expected }) => {
    expect(dueDays(events)).toEqual(expected);
  });

  it('replays in hlc order whatever order the events arrive in', () => {
    const events = [firstRight, refresher('c', false, days(3)), refresher('c', true, days(4))];
    expect(dueDays([...events].reverse())).toEqual(dueDays(events));
  });

  it('a wrong answer brings the check back sooner than a right one', () => {
    for (const reviewDay of [3, 10, 40]) {
      const right = dueDays([firstRight, refresher('c', true, days(reviewDay))])['l1/c'] ?? 0;
      const wrong = dueDays([firstRight, refresher('c', false, days(reviewDay))])['l1/c'] ?? 0;
      expect(wrong).toBeLessThan(right);
      expect(wrong).toBeGreaterThan(reviewDay);
    }
  });

  it('never reviews before the previous answer when a device clock was behind', () => {
    // The second answer is causally later (hlc) but its device clock said a day earlier.
    const late = makeEvent(
      'refresher-answered',
      { checkId: 'c', optionIds: ['x'], correct: false },
      { at: days(-1), hlcMs: days(3) },
    );
    const state = refresherStates([firstRight, late]).get('l1\u0000c');
    expect(state?.lastAnsweredAt).toBe(new Date(days(0)).toISOString());
    expect(state?.card.lapses).toBe(1);
  });

  it('is deterministic: the same events give the same schedule', () => {
    const events = [firstRight, refresher('c', true, days(3)), answer('d', true, days(1))];
    expect(dueDays(events)).toEqual(dueDays(events.map((e) => ({ ...e }))));
  });
});

describe('dueRefreshers and nextDueAt', () => {
  // a due day 3, b due day 4, c due day 17, d due day 6 in another lesson.
  const events = [
    answer('a', true, days(0)),
    answer('b', true, days(1)),
    answer('c', true, days(0)),
    refresher('c', true, days(3)),
    answer('d', true, days(3), 'l2'),
  ];
  const ids = (list: ReturnType<typeof dueRefreshers>) => list.map((d) => `${d.lessonId}/${d.checkId}`);

  const cases: { name: string; now: number; limit?: number; hide?: string; expected: string[] }[] = [
    { name: 'before anything is due', now: days(2), expected: [] },
    { name: 'due exactly now counts', now: days(3), expected: ['l1/a'] },
    { name: 'most overdue first', now: days(7), expected: ['l1/a', 'l1/b', 'l2/d'] },
    { name: 'a limit keeps the most overdue', now: days(7), limit: 2, expected: ['l1/a', 'l1/b'] },
    {
      name: 'unavailable checks are dropped before the limit',
      now: days(7),
      limit: 2,
      hide: 'a',
      expected: ['l1/b', 'l2/d'],
    },
    { name: 'everything due', now: days(30), expected: ['l1/a', 'l1/b', 'l2/d', 'l1/c'] },
  ];

  it.each(cases)('$name', ({ now, limit, hide, expected }) => {
    const due = dueRefreshers(events, new Date(now), limit, (_lesson, check) => check !== hide);
    expect(ids(due)).toEqual(expected);
  });

  it('says how overdue each one is', () => {
    expect(dueRefreshers(events, new Date(days(4)))).toEqual([
      { lessonId: 'l1', checkId: 'a', dueAt: new Date(days(3)).toISOString(), overdueMs: DAY },
      { lessonId: 'l1', checkId: 'b', dueAt: new Date(days(4)).toISOString(), overdueMs: 0 },
    ]);
  });

  const nextCases: { now: number; expected: number | null }[] = [
    { now: days(0), expected: days(3) },
    { now: days(3), expected: days(4) },
    { now: days(7), expected: days(17) },
    { now: days(17), expected: null },
  ];
  it.each(nextCases.map((c) => ({ ...c, day: (c.now - T0) / DAY })))(
    'next due after day $day',
    ({ now, expected }) => {
      expect(nextDueAt(events, new Date(now))).toBe(
        expected === null ? null : new Date(expected).toISOString(),
      );
    },
  );

  it('has nothing due and nothing next without answers', () => {
    expect(dueRefreshers([], new Date(days(100)))).toEqual([]);
    expect(nextDueAt([], new Date(days(100)))).toBeNull();
  });
});

describe('monthlyPromptDue', () => {
  const done = completed(days(0));
  const cases: { name: string; events: LearnerEvent[]; now: number; expected: boolean }[] = [
    { name: 'nothing completed yet', events: [], now: days(40), expected: false },
    { name: 'completed, never a refresher', events: [done], now: days(1), expected: true },
    {
      name: 'a refresher 10 days ago',
      events: [done, refresher('c', true, days(30))],
      now: days(40),
      expected: false,
    },
    {
      name: 'a refresher exactly 30 days ago',
      events: [done, refresher('c', true, days(10))],
      now: days(40),
      expected: false,
    },
    {
      name: 'the last refresher 31 days ago',
      events: [done, refresher('c', true, days(9))],
      now: days(40),
      expected: true,
    },
    {
      name: 'a refresher stamped after now by a fast clock',
      events: [done, refresher('c', true, days(41))],
      now: days(40),
      expected: false,
    },
    {
      name: 'refreshers but the only completion voided',
      events: [done, voids(done, days(1))],
      now: days(40),
      expected: false,
    },
    {
      name: 'a voided recent refresher does not count',
      events: [done, ...voidedRefresher()],
      now: days(40),
      expected: true,
    },
  ];

  it.each(cases)('$name', ({ events, now, expected }) => {
    expect(monthlyPromptDue(events, new Date(now))).toBe(expected);
  });
});

function voidedRefresher(): LearnerEvent[] {
  const r = refresher('c', true, days(35));
  return [r, voids(r, days(35) + 1000)];
}
