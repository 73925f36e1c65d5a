import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/shared/device/settings';
import {
  planSlot,
  type RefresherRef,
  SLOT_MINUTES,
  type SlotMinutes,
} from '../../../src/shared/planning/plan-slot';
import type { Progress } from '../../../src/shared/progress/progress';
import { allDone, catalog, progressOf } from './sample-course';

const none = progressOf({});
const due = (...ids: string[]): RefresherRef[] => ids.map((id) => ({ lessonId: 'f1', checkId: id }));

type Case = {
  name: string;
  minutes: SlotMinutes;
  progress?: Progress;
  pathway?: Role;
  refreshersDue?: RefresherRef[];
  inProgress?: string;
  /** Items as `kind:lessonId/checkId:minutes:reason`. */
  expected: string[];
  total: number;
  fits?: boolean;
};

const cases: Case[] = [
  // Nothing started, catalogue order (foundations f1 5, f2 4, f3 6; ta t1 3, t2 8; early-years e1 7).
  {
    name: '2 min, nothing started, nothing due: nothing fits, so the next lesson, honestly over',
    minutes: 2,
    expected: ['lesson:f1:5:next-in-pathway'],
    total: 5,
    fits: false,
  },
  {
    name: '2 min with refreshers due: refreshers, not a lesson that cannot fit',
    minutes: 2,
    refreshersDue: due('c1', 'c2', 'c3'),
    expected: ['refresher:c1:1:refresher', 'refresher:c2:1:refresher'],
    total: 2,
  },
  { name: '5 min, nothing started', minutes: 5, expected: ['lesson:f1:5:next-in-pathway'], total: 5 },
  {
    name: '10 min: two lessons, stops before the one that does not fit',
    minutes: 10,
    expected: ['lesson:f1:5:next-in-pathway', 'lesson:f2:4:next-in-pathway'],
    total: 9,
  },
  {
    name: '10 min: the spare minute goes to a due refresher',
    minutes: 10,
    refreshersDue: due('c1', 'c2'),
    expected: ['lesson:f1:5:next-in-pathway', 'lesson:f2:4:next-in-pathway', 'refresher:c1:1:refresher'],
    total: 10,
  },
  {
    name: '15 min: exactly three lessons',
    minutes: 15,
    expected: ['lesson:f1:5:next-in-pathway', 'lesson:f2:4:next-in-pathway', 'lesson:f3:6:next-in-pathway'],
    total: 15,
  },
  {
    name: '15 min on the TA pathway: the role module first, never a later lesson to fill the gap',
    minutes: 15,
    pathway: 'ta',
    expected: ['lesson:t1:3:next-in-pathway', 'lesson:t2:8:next-in-pathway'],
    total: 11,
  },
  {
    name: 'a role with no pathway falls back to catalogue order',
    minutes: 5,
    pathway: 'college',
    expected: ['lesson:f1:5:next-in-pathway'],
    total: 5,
  },
  {
    name: 'completed lessons are skipped',
    minutes: 10,
    progress: progressOf({ f1: { completed: true }, f2: { completed: true } }),
    expected: ['lesson:f3:6:next-in-pathway', 'lesson:t1:3:next-in-pathway'],
    total: 9,
  },
  {
    name: 'in progress first, its remaining minutes from unread sections (5 × 2/3 → 4)',
    minutes: 5,
    progress: progressOf({ f3: {}, f1: { furthestSection: 1 } }),
    inProgress: 'f1',
    refreshersDue: due('c1', 'c2'),
    expected: ['lesson:f1:4:in-progress', 'refresher:c1:1:refresher'],
    total: 5,
  },
  {
    name: 'in progress at its last section still needs a minute, so it fits a 2-minute slot',
    minutes: 2,
    progress: progressOf({ f2: { furthestSection: 1 } }),
    inProgress: 'f2',
    expected: ['lesson:f2:2:in-progress'],
    total: 2,
  },
  {
    name: 'in progress longer than the slot: the next lesson that fits instead',
    minutes: 5,
    progress: progressOf({ t2: { furthestSection: 0 } }),
    inProgress: 't2',
    expected: ['lesson:f1:5:next-in-pathway'],
    total: 5,
  },
  {
    name: 'in progress longer than the slot and nothing fits: the shorter of it and the next lesson',
    minutes: 2,
    progress: progressOf({ e1: { furthestSection: 1 } }),
    inProgress: 'e1',
    expected: ['lesson:e1:4:in-progress'],
    total: 4,
    fits: false,
  },
  {
    name: 'nothing fits: the next lesson when it is shorter than what is left in progress',
    minutes: 2,
    progress: progressOf({ t2: {} }),
    inProgress: 't2',
    expected: ['lesson:f1:5:next-in-pathway'],
    total: 5,
    fits: false,
  },
  {
    name: 'nothing fits and it is a tie: the lesson in progress',
    minutes: 2,
    progress: progressOf({ f3: { furthestSection: 1 } }),
    inProgress: 'f3',
    expected: ['lesson:f3:4:in-progress'],
    total: 4,
    fits: false,
  },
  {
    name: 'a completed lesson named as in progress is ignored',
    minutes: 5,
    progress: progressOf({ f1: { completed: true } }),
    inProgress: 'f1',
    expected: ['lesson:f2:4:next-in-pathway'],
    total: 4,
  },
  {
    name: 'everything done, nothing due: an empty plan',
    minutes: 15,
    progress: allDone,
    expected: [],
    total: 0,
  },
  {
    name: 'everything done: only refreshers, each asked once',
    minutes: 10,
    progress: allDone,
    refreshersDue: [
      ...due('c1', 'c2'),
      { lessonId: 'f1', checkId: 'c1' },
      { lessonId: 'gone', checkId: 'c9' },
    ],
    expected: ['refresher:c1:1:refresher', 'refresher:c2:1:refresher', 'refresher:c9:1:refresher'],
    total: 3,
  },
];

function describeItem(item: ReturnType<typeof planSlot>['items'][number]): string {
  const id = item.kind === 'lesson' ? item.lessonId : item.checkId;
  return `${item.kind}:${id}:${item.minutes}:${item.reason}`;
}

describe('planSlot', () => {
  it.each(cases)('$name', (c) => {
    const plan = planSlot({
      minutes: c.minutes,
      catalog,
      progress: c.progress ?? none,
      pathway: c.pathway,
      refreshersDue: c.refreshersDue ?? [],
      inProgress: c.inProgress,
    });
    expect(plan.items.map(describeItem)).toEqual(c.expected);
    expect(plan.totalMinutes).toBe(c.total);
    expect(plan.fits).toBe(c.fits ?? true);
  });

  it('names the module of each lesson and of each refresher whose lesson is still in the course', () => {
    const plan = planSlot({
      minutes: 10,
      catalog,
      progress: progressOf({ f1: { completed: true }, f2: { completed: true }, f3: { completed: true } }),
      pathway: 'ta',
      refreshersDue: [
        { lessonId: 'f2', checkId: 'c1' },
        { lessonId: 'gone', checkId: 'c2' },
      ],
    });
    expect(plan.items).toEqual([
      { kind: 'lesson', lessonId: 't1', moduleId: 'ta', minutes: 3, reason: 'next-in-pathway' },
      {
        kind: 'refresher',
        lessonId: 'f2',
        checkId: 'c1',
        moduleId: 'foundations',
        minutes: 1,
        reason: 'refresher',
      },
      { kind: 'refresher', lessonId: 'gone', checkId: 'c2', minutes: 1, reason: 'refresher' },
    ]);
  });

  it('never plans more than the slot when it says it fits, for every slot and starting point', () => {
    const states: Progress[] = [
      none,
      allDone,
      progressOf({ f1: { furthestSection: 2 } }),
      progressOf({ f1: { completed: true }, t2: {} }),
    ];
    for (const minutes of SLOT_MINUTES) {
      for (const progress of states) {
        for (const inProgress of [undefined, 'f1', 't2']) {
          const plan = planSlot({
            minutes,
            catalog,
            progress,
            refreshersDue: due('a', 'b', 'c'),
            inProgress,
          });
          const sum = plan.items.reduce((total, item) => total + item.minutes, 0);
          expect(plan.totalMinutes).toBe(sum);
          if (plan.fits) expect(sum).toBeLessThanOrEqual(minutes);
          else expect(plan.items).toHaveLength(1);
        }
      }
    }
  });
});
