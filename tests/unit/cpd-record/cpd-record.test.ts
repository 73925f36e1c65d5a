import { describe, expect, it } from 'vitest';
import { buildCpdRecord, type NoteDoc } from '../../../src/shared/progress/cpd-record';
import type { LearnerEvent } from '../../../src/shared/progress/events';
import { catalog } from '../plan-slot/sample-course';
import { attended, completed, DAY, days, makeEvent, refresher, voids } from '../refreshers/sample-events';

const iso = (ms: number) => new Date(ms).toISOString();
const spent = (lessonId: string, intervalId: string, ms: number, at: number) =>
  makeEvent('time-spent', { intervalId, ms }, { lessonId, at });

const f1Done = completed(days(1), 'f1');
const t1Done = completed(days(2), 't1');
const wrongRefresher = refresher('c2', false, days(6), 'gone');
const i1 = spent('f1', 'i1', 180_000, days(1) - 1000);
const events: LearnerEvent[] = [
  makeEvent('lesson-opened', {}, { lessonId: 'f1', at: days(1) - 300_000 }),
  i1,
  i1,
  spent('f1', 'i2', 90_000, days(1) - 500),
  f1Done,
  completed(days(3), 'f3'),
  completed(days(2), 'f2'),
  spent('f2', 'i3', 20_000, days(2)),
  t1Done,
  voids(t1Done, days(2) + 1000),
  completed(days(4), 'gone'),
  spent('t2', 'i4', 600_000, days(4)),
  refresher('c1', true, days(5), 'f1'),
  wrongRefresher,
  refresher('c3', true, days(7), 'f2'),
  voids(refresher('c4', true, days(8), 'f2'), days(8) + 1),
];

const notes: NoteDoc[] = [
  { id: 'note:f2:r2', body: { text: 'Second thought' }, updatedAt: iso(days(2)) },
  {
    id: 'note:f1:r1',
    body: { text: '  I will seat him near the front.  ', lessonId: 'f1' },
    updatedAt: iso(days(1)),
  },
  { id: 'note:f3:r3', body: { text: '   ' }, updatedAt: iso(days(3)) },
  { id: 'note:gone:r9', body: { text: 'From an old lesson' } },
  { id: 'settings', body: { text: 'not a note', role: 'ta' } },
  { id: 'note:f1', body: { text: 'no block id' } },
];

describe('buildCpdRecord', () => {
  const record = buildCpdRecord({ events, catalog, notes });

  it('lists completed lessons oldest first with declared and actual minutes; voided ones drop out', () => {
    expect(record.lessons).toEqual([
      {
        lessonId: 'f1',
        lessonTitle: 'Lesson f1',
        moduleId: 'foundations',
        moduleTitle: 'Module foundations',
        completedAt: iso(days(1)),
        declaredMinutes: 5,
        msSpent: 270_000,
        minutesSpent: 5,
      },
      {
        lessonId: 'f2',
        lessonTitle: 'Lesson f2',
        moduleId: 'foundations',
        moduleTitle: 'Module foundations',
        completedAt: iso(days(2)),
        declaredMinutes: 4,
        msSpent: 20_000,
        minutesSpent: 0,
      },
      {
        lessonId: 'f3',
        lessonTitle: 'Lesson f3',
        moduleId: 'foundations',
        moduleTitle: 'Module foundations',
        completedAt: iso(days(3)),
        declaredMinutes: 6,
        msSpent: 0,
        minutesSpent: 0,
      },
      {
        lessonId: 'gone',
        lessonTitle: 'gone',
        completedAt: iso(days(4)),
        declaredMinutes: 0,
        msSpent: 0,
        minutesSpent: 0,
      },
    ]);
  });

  it('lists a module once all its lessons are done, dated by the last completion', () => {
    expect(record.modules).toEqual([
      {
        moduleId: 'foundations',
        moduleTitle: 'Module foundations',
        completedAt: iso(days(3)),
        lessons: 3,
        declaredMinutes: 15,
      },
    ]);
  });

  it('keeps reflections with text, trimmed, from note docs only', () => {
    expect(record.reflections).toEqual([
      { lessonId: 'gone', lessonTitle: 'gone', blockId: 'r9', text: 'From an old lesson' },
      {
        lessonId: 'f1',
        lessonTitle: 'Lesson f1',
        moduleId: 'foundations',
        moduleTitle: 'Module foundations',
        blockId: 'r1',
        text: 'I will seat him near the front.',
        updatedAt: iso(days(1)),
      },
      {
        lessonId: 'f2',
        lessonTitle: 'Lesson f2',
        moduleId: 'foundations',
        moduleTitle: 'Module foundations',
        blockId: 'r2',
        text: 'Second thought',
        updatedAt: iso(days(2)),
      },
    ]);
  });

  it('gives a reflection the tag its prompt has in the catalogue, and none to an untagged or unknown one', () => {
    const tagged = {
      ...catalog,
      modules: catalog.modules.map((m) => ({
        ...m,
        lessons: m.lessons.map((l) =>
          l.id === 'f1' ? { ...l, reflectLog: { r1: 'change' as const, r4: 'impact' as const } } : l,
        ),
      })),
    };
    const withTags = buildCpdRecord({ events, catalog: tagged, notes });
    expect(withTags.reflections.map((r) => [r.lessonId, r.blockId, r.log])).toEqual([
      ['gone', 'r9', undefined],
      ['f1', 'r1', 'change'],
      ['f2', 'r2', undefined],
    ]);
    // Untagged is no key at all, as the record had before tags.
    expect(withTags.reflections[2]).not.toHaveProperty('log');
    // A catalogue that has never loaded knows no tags: the note stays untagged rather than guessed.
    expect(buildCpdRecord({ events, catalog: null, notes }).reflections.some((r) => r.log)).toBe(false);
  });

  it('lists refreshers answered in order, without voided ones', () => {
    expect(record.refreshers.map((r) => [r.lessonId, r.checkId, r.correct, r.answeredAt])).toEqual([
      ['f1', 'c1', true, iso(days(5))],
      ['gone', 'c2', false, iso(days(6))],
      ['f2', 'c3', true, iso(days(7))],
    ]);
  });

  it('adds up the totals', () => {
    expect(record.totals).toEqual({
      lessonsCompleted: 4,
      modulesCompleted: 1,
      declaredMinutes: 15,
      // 270 s + 20 s in completed lessons; the 10 minutes in unfinished t2 are not counted.
      minutesSpent: 5,
      refreshersAnswered: 3,
      refreshersCorrect: 2,
      reflections: 3,
      sessionsAttended: 0,
      sessionMinutes: 0,
    });
  });

  it('lists each facilitated session once, with its lessons and minutes, and counts them', () => {
    const first = attended(['c1'], days(3));
    const joinedAgain = attended(['c1'], days(3) + 60_000);
    const other = { ...attended([], days(1)), payload: { ...first.payload, sessionId: 'session-2' } };
    const voided = { ...attended([], days(5)), payload: { ...first.payload, sessionId: 'session-3' } };
    const r = buildCpdRecord({
      events: [
        { ...first, payload: { ...first.payload, moduleId: 'foundations', lessonIds: ['f1', 'f2'] } },
        joinedAgain,
        other,
        voided,
        voids(voided, days(5) + 1),
      ],
      catalog,
      notes: [],
    });
    expect(
      r.sessions.map((s) => [s.sessionId, s.moduleTitle, s.lessons.map((l) => l.lessonTitle), s.attendedAt]),
    ).toEqual([
      ['session-2', 'm1', ['l1'], iso(days(1))],
      ['session-1', 'Module foundations', ['Lesson f1', 'Lesson f2'], iso(days(3))],
    ]);
    expect(r.totals.sessionsAttended).toBe(2);
    expect(r.totals.sessionMinutes).toBe(40);
    // A session is not a lesson completed.
    expect(r.totals.lessonsCompleted).toBe(0);
  });

  const cases: {
    name: string;
    events: LearnerEvent[];
    catalogLoaded: boolean;
    lessons: number;
    modules: number;
  }[] = [
    { name: 'no events', events: [], catalogLoaded: true, lessons: 0, modules: 0 },
    {
      name: 'a module with one lesson not done is not completed',
      events: [completed(days(1), 'f1'), completed(days(1), 'f2')],
      catalogLoaded: true,
      lessons: 2,
      modules: 0,
    },
    {
      name: 'a one-lesson module completes with its lesson',
      events: [completed(days(1), 'e1')],
      catalogLoaded: true,
      lessons: 1,
      modules: 1,
    },
    {
      name: 'no catalogue yet: lessons still count, modules cannot be known',
      events: [completed(days(1), 'e1')],
      catalogLoaded: false,
      lessons: 1,
      modules: 0,
    },
  ];
  it.each(cases)('$name', (c) => {
    const r = buildCpdRecord({ events: c.events, catalog: c.catalogLoaded ? catalog : null, notes: [] });
    expect(r.totals.lessonsCompleted).toBe(c.lessons);
    expect(r.totals.modulesCompleted).toBe(c.modules);
  });

  it('orders by instant even when devices wrote times with different offsets', () => {
    const early = makeEvent('lesson-completed', {}, { lessonId: 'f2', at: days(1) });
    // 08:30-01:00 is 09:30Z, later than 09:00Z, though as text it sorts first.
    const later = { ...completed(days(1) + DAY / 48, 'f1'), at: '2026-01-06T08:30:00-01:00' };
    const r = buildCpdRecord({ events: [later, early], catalog, notes: [] });
    expect(r.lessons.map((l) => l.lessonId)).toEqual(['f2', 'f1']);
  });
});
