import { describe, expect, it } from 'vitest';
import { reminderTodo } from '../../../src/shared/planning/reminder-todo';
import type { LearnerEvent } from '../../../src/shared/progress/events';
import { answer, completed, DAY, days, makeEvent, T0 } from '../refreshers/sample-events';

const opened = (lessonId: string, at: number) => makeEvent('lesson-opened', {}, { lessonId, at });

const cases: { name: string; events: LearnerEvent[]; now: number; expected: unknown }[] = [
  { name: 'no events: nothing to do', events: [], now: T0, expected: null },
  {
    name: 'a lesson opened and not finished: that lesson',
    events: [opened('l1', days(0))],
    now: days(1),
    expected: { kind: 'lesson', lessonId: 'l1' },
  },
  {
    name: 'every opened lesson finished, no refresher due yet: nothing',
    events: [opened('l1', days(0)), answer('c', true, days(0)), completed(days(0))],
    now: days(1),
    expected: null,
  },
  {
    name: 'a refresher due: refreshers come before a half-done lesson',
    events: [opened('l1', days(0)), answer('c', true, days(0)), completed(days(0)), opened('l2', days(1))],
    now: days(30),
    expected: { kind: 'refreshers', count: 1 },
  },
  {
    name: 'two lessons half done: the one opened last',
    events: [opened('l1', days(0)), opened('l2', days(1))],
    now: days(2),
    expected: { kind: 'lesson', lessonId: 'l2' },
  },
];

describe('reminderTodo', () => {
  it.each(cases)('$name', ({ events, now, expected }) => {
    expect(reminderTodo(events, new Date(now))).toEqual(expected);
  });

  it('an assignment due soon comes first', () => {
    const todo = reminderTodo([opened('l1', T0)], new Date(T0 + DAY), [
      { title: 'Module 1 by Friday', url: '/x' },
    ]);
    expect(todo).toEqual({ kind: 'assignment', title: 'Module 1 by Friday', url: '/x' });
  });
});
