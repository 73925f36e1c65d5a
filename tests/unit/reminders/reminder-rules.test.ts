import { describe, expect, it } from 'vitest';
import {
  type ReminderState,
  type ReminderTodo,
  shouldRemind,
} from '../../../src/shared/planning/reminder-rules';
import type { StudySlot } from '../../../src/shared/planning/reminder-slots';

const LONDON = 'Europe/London';
const tuesdayLunch: StudySlot = { id: 'tue', days: ['TU'], time: '12:10', label: 'my free period' };
const weekdayEvenings: StudySlot = { id: 'eve', days: ['MO', 'TU', 'WE', 'TH', 'FR'], time: '20:00' };
const lateSlot: StudySlot = { id: 'late', days: ['SA'], time: '22:00' };
const slots = [tuesdayLunch, weekdayEvenings, lateSlot];
const refreshers: ReminderTodo = { kind: 'refreshers', count: 2 };
const HOUR = 3_600_000;

// 2026-12-08 is a Tuesday; London is on GMT in December and on BST (UTC+1) in June.
const state = (over: Partial<ReminderState> = {}): ReminderState => ({
  sentAt: [],
  sentOccurrences: new Set(),
  todo: refreshers,
  ...over,
});

const cases: { name: string; now: string; zone?: string; state?: ReminderState; expected: unknown }[] = [
  {
    name: 'at the slot time with refreshers due: sends',
    now: '2026-12-08T12:10:00Z',
    expected: { send: true, occurrence: '2026-12-08T12:10', slotId: 'tue', todo: refreshers },
  },
  {
    name: 'within the 30-minute window after the slot: sends (a late tick loses nothing)',
    now: '2026-12-08T12:39:00Z',
    expected: { send: true, occurrence: '2026-12-08T12:10', slotId: 'tue', todo: refreshers },
  },
  {
    name: 'a minute before the slot: nothing',
    now: '2026-12-08T12:09:00Z',
    expected: { send: false, reason: 'no-slot' },
  },
  {
    name: 'after the window: nothing',
    now: '2026-12-08T12:40:00Z',
    expected: { send: false, reason: 'no-slot' },
  },
  {
    name: 'the slot time on another day: nothing',
    now: '2026-12-09T12:10:00Z',
    expected: { send: false, reason: 'no-slot' },
  },
  {
    name: 'in summer the slot is local time (11:10 UTC is 12:10 BST)',
    now: '2026-06-09T11:10:00Z',
    expected: { send: true, occurrence: '2026-06-09T12:10', slotId: 'tue', todo: refreshers },
  },
  {
    name: 'in another zone the same instant is not the slot',
    now: '2026-12-08T12:10:00Z',
    zone: 'America/New_York',
    expected: { send: false, reason: 'no-slot' },
  },
  {
    name: 'weekday evening slot on Friday',
    now: '2026-12-11T20:05:00Z',
    expected: { send: true, occurrence: '2026-12-11T20:00', slotId: 'eve', todo: refreshers },
  },
  {
    name: 'a slot inside quiet hours never sends',
    now: '2026-12-12T22:00:00Z',
    expected: { send: false, reason: 'quiet-hours' },
  },
  {
    name: 'the same occurrence already reminded: not again',
    now: '2026-12-08T12:20:00Z',
    state: state({ sentOccurrences: new Set(['2026-12-08T12:10']) }),
    expected: { send: false, reason: 'already-sent' },
  },
  {
    name: 'last week’s occurrence does not block this week’s',
    now: '2026-12-08T12:20:00Z',
    state: state({ sentOccurrences: new Set(['2026-12-01T12:10']) }),
    expected: { send: true, occurrence: '2026-12-08T12:10', slotId: 'tue', todo: refreshers },
  },
  {
    name: 'five sent in the last 7 days: weekly cap',
    now: '2026-12-08T12:10:00Z',
    state: state({ sentAt: [1, 2, 3, 4, 5].map((d) => Date.parse('2026-12-08T12:10:00Z') - d * 24 * HOUR) }),
    expected: { send: false, reason: 'weekly-cap' },
  },
  {
    name: 'five sent but the oldest over 7 days ago: sends',
    now: '2026-12-08T12:10:00Z',
    state: state({
      sentAt: [1, 2, 3, 4, 7.01].map((d) => Date.parse('2026-12-08T12:10:00Z') - d * 24 * HOUR),
    }),
    expected: { send: true, occurrence: '2026-12-08T12:10', slotId: 'tue', todo: refreshers },
  },
  {
    name: 'nothing to do: no reminder',
    now: '2026-12-08T12:10:00Z',
    state: state({ todo: null }),
    expected: { send: false, reason: 'nothing-to-do' },
  },
  {
    name: 'a lesson half done is something to do',
    now: '2026-12-08T12:10:00Z',
    state: state({ todo: { kind: 'lesson', lessonId: 'l1' } }),
    expected: {
      send: true,
      occurrence: '2026-12-08T12:10',
      slotId: 'tue',
      todo: { kind: 'lesson', lessonId: 'l1' },
    },
  },
];

describe('shouldRemind', () => {
  it.each(cases)('$name', ({ now, zone = LONDON, state: s = state(), expected }) => {
    expect(shouldRemind(new Date(now), slots, zone, s)).toEqual(expected);
  });

  it('with no slots never sends', () => {
    expect(shouldRemind(new Date('2026-12-08T12:10:00Z'), [], LONDON, state())).toEqual({
      send: false,
      reason: 'no-slot',
    });
  });
});
