import { describe, expect, it } from 'vitest';
import type { Lesson, LessonBlock } from '../../../src/shared/content/content-types';
import {
  planSession,
  type SessionPick,
  type SessionSlide,
  sessionMinutes,
} from '../../../src/shared/planning/plan-session';

const check = (id: string, section: number): LessonBlock => ({
  type: 'check',
  id,
  section,
  question: `<p>${id}?</p>`,
  multiple: false,
  options: [
    { id: 'a', html: 'A', correct: true, explanation: 'Because A.' },
    { id: 'b', html: 'B', correct: false, explanation: 'Not B.' },
  ],
});
const html = (id: string, section: number): LessonBlock => ({
  type: 'html',
  id,
  section,
  html: `<p>${id}</p>`,
});

function lesson(id: string, minutes: number, blocks: LessonBlock[], sections = 2): Lesson {
  return {
    id,
    moduleId: 'm',
    title: `Lesson ${id}`,
    minutes,
    objectives: [],
    sources: [],
    words: 100,
    hash: 'h',
    sections: Array.from({ length: sections }, (_, i) => ({ id: `${id}-s${i}`, title: `${id} part ${i}` })),
    blocks,
  };
}

// a: 5 + discuss 3 + one poll = 9; b: 4 + discuss 2 = 6; c: 6 + two polls = 8.
const a = lesson('a', 5, [
  html('a1', 0),
  { type: 'facilitator', html: '<p>note for a1</p>' },
  html('a2', 1),
  { type: 'discuss', minutes: 3, html: '<p>Talk about a</p>' },
  { type: 'facilitator', html: '<p>note for the discussion</p>' },
  check('qa', 1),
  html('a3', 1),
  { type: 'callout', id: 'try-a', section: 1, kind: 'try', title: 'Map the room', html: '<p>Map it</p>' },
  { type: 'reflect', id: 'r', section: 1, prompt: '<p>private</p>' },
]);
const b = lesson('b', 4, [html('b1', 0), { type: 'discuss', minutes: 2, html: '<p>Talk about b</p>' }], 1);
const c = lesson('c', 6, [html('c1', 0), check('qc1', 0), check('qc2', 1)]);
const lessons = [a, b, c];

describe('sessionMinutes', () => {
  it.each([
    [a, 9],
    [b, 6],
    [c, 8],
  ])('lesson %#: its minutes, its discussions and a minute per poll', (l, minutes) => {
    expect(sessionMinutes(l)).toBe(minutes);
  });
});

type Case = { name: string; pick: SessionPick; lessons: string[]; total: number; fits: boolean };
const cases: Case[] = [
  {
    name: 'a whole module, however long',
    pick: { kind: 'module' },
    lessons: ['a', 'b', 'c'],
    total: 25,
    fits: true,
  },
  {
    name: '15 min: a (9) and the try-this (2), then b (6) does not fit',
    pick: { kind: 'slot', minutes: 15 },
    lessons: ['a'],
    total: 11,
    fits: true,
  },
  {
    name: '20 min: a and b (15) and the try-this (2); c would not fit',
    pick: { kind: 'slot', minutes: 20 },
    lessons: ['a', 'b'],
    total: 17,
    fits: true,
  },
  {
    name: '30 min: all three and the try-this (25)',
    pick: { kind: 'slot', minutes: 30 },
    lessons: ['a', 'b', 'c'],
    total: 25,
    fits: true,
  },
  {
    name: 'from a later lesson',
    pick: { kind: 'slot', minutes: 15, from: 'b' },
    lessons: ['b'],
    total: 8,
    fits: true,
  },
  {
    name: 'picked lessons stop at the first that does not fit, never skipping it for a later one',
    pick: { kind: 'slot', minutes: 15, lessonIds: ['b', 'a', 'c'] },
    lessons: ['b'],
    total: 8,
    fits: true,
  },
  {
    name: 'unknown picked ids are left out',
    pick: { kind: 'slot', minutes: 20, lessonIds: ['gone', 'c', 'b'] },
    lessons: ['c', 'b'],
    total: 16,
    fits: true,
  },
];
// A lesson longer than any slot, to see the "does not fit" answer.
const long = lesson('long', 20, [html('l1', 0)], 1);

function shapeOf(s: SessionSlide): string {
  if (s.kind === 'input') return `input:${s.sectionTitle}:${s.blocks.map((b) => b.id).join('+')}`;
  if (s.kind === 'discuss') return `discuss:${s.discussMinutes}`;
  if (s.kind === 'poll') return `poll:${s.check.id}`;
  if (s.kind === 'try') return `try:${s.tries.map((t) => t.title).join('+')}`;
  return `follow-up:${s.on}`;
}

describe('planSession', () => {
  it.each(cases)('$name', ({ pick, lessons: expected, total, fits }) => {
    const plan = planSession({ moduleId: 'm', lessons, pick, today: '2026-12-07' });
    expect(plan.lessons.map((l) => l.lessonId)).toEqual(expected);
    expect(plan.totalMinutes).toBe(total);
    expect(plan.fits).toBe(fits);
  });

  it('offers a lesson longer than the slot alone, marked as not fitting', () => {
    const plan = planSession({
      moduleId: 'm',
      lessons: [long, b],
      pick: { kind: 'slot', minutes: 15 },
      today: '2026-12-07',
    });
    expect(plan.lessons.map((l) => l.lessonId)).toEqual(['long']);
    expect(plan.fits).toBe(false);
    expect(plan.totalMinutes).toBe(22);
  });

  it('makes input, discussion, poll, try-this and follow-up slides in the author order', () => {
    const plan = planSession({ moduleId: 'm', lessons: [a], pick: { kind: 'module' }, today: '2026-12-07' });
    const shape = plan.slides.map(shapeOf);
    expect(shape).toEqual([
      'input:a part 0:a1',
      'input:a part 1:a2',
      'discuss:3',
      'poll:qa',
      // The prose after a poll continues the section on a slide of its own, keeping the author's order.
      'input:a part 1:a3',
      'try:Map the room',
      'follow-up:2026-12-21',
    ]);
    expect(plan.slides.map((s) => s.notes)).toEqual([
      ['<p>note for a1</p>'],
      [],
      ['<p>note for the discussion</p>'],
      [],
      [],
      [],
      [],
    ]);
    // The lesson's 5 minutes are shared by its three input slides; the plan runs without gaps.
    expect(plan.slides.map((s) => Math.round(s.startMinute * 100) / 100)).toEqual([
      0, 1.67, 3.33, 6.33, 7.33, 9, 11,
    ]);
    expect(plan.checks).toEqual([{ lessonId: 'a', checkId: 'qa' }]);
  });

  it.each([
    ['2026-12-07', undefined, '2026-12-21'],
    ['2026-12-25', 14, '2027-01-08'],
    ['2027-03-27', 7, '2027-04-03'],
  ])('follows up from %s after %s days on %s', (today, days, on) => {
    const plan = planSession({
      moduleId: 'm',
      lessons,
      pick: { kind: 'module' },
      today,
      ...(days ? { followUpDays: days } : {}),
    });
    expect(plan.followUpOn).toBe(on);
  });
});
