import { describe, expect, it } from 'vitest';
import { eventToStatement, type MappingContext } from '../../../server/xapi/event-statement';
import { isoDuration } from '../../../server/xapi/iso-duration';
import type { LearnerEvent } from '../../../src/shared/progress/events';

const BASE = 'https://cpd.example.org';
const ADL = 'http://adlnet.gov/expapi';
const LESSON = `${BASE}/modules/foundations/what-send-means`;
const MODULE = `${BASE}/modules/foundations`;

const ctx: MappingContext = {
  baseUrl: BASE,
  learner: { id: 'learner-1', name: 'Sam Learner' },
  course: {
    lessonModule: new Map([['what-send-means', 'foundations']]),
    modules: new Map([
      [
        'foundations',
        { title: 'Foundations', lessons: [{ id: 'what-send-means', title: 'What SEND means' }] },
      ],
    ]),
  },
  receivedAt: Date.parse('2026-03-02T09:05:00.000Z'),
};

const EVENT_ID = '0b6f2a36-9a57-4c5e-9d43-1f0f3a8e6c11';
const event = (type: LearnerEvent['type'], payload: object, lessonId = 'what-send-means') =>
  ({
    id: EVENT_ID,
    deviceId: '6a0e4c2a-5f2b-4a3c-8f11-2b7d9e0c1a22',
    deviceSeq: 1,
    at: '2026-03-02T09:00:00.000Z',
    hlc: '1',
    type,
    lessonId,
    payload,
  }) as LearnerEvent;

type Case = {
  name: string;
  event: LearnerEvent;
  verb: string;
  object: string;
  result?: object;
  parent?: string[];
  grouping?: string[];
  category?: string[];
};

const cases: Case[] = [
  {
    name: 'a lesson opened is the lesson attempted, in its module',
    event: event('lesson-opened', {}),
    verb: `${ADL}/verbs/attempted`,
    object: LESSON,
    parent: [MODULE],
  },
  {
    name: 'a section reached is progress through the lesson, naming the section',
    event: event('section-reached', { sectionId: 'why', index: 2 }),
    verb: `${ADL}/verbs/progressed`,
    object: LESSON,
    result: { extensions: { [`${BASE}/xapi/extensions/section`]: { id: 'why', index: 2 } } },
    parent: [MODULE],
  },
  {
    name: "a check answered is the check's interaction answered, with success and the options chosen",
    event: event('check-answered', { checkId: 'c1', optionIds: ['a', 'c'], correct: false }),
    verb: `${ADL}/verbs/answered`,
    object: `${LESSON}#check-c1`,
    result: { success: false, response: 'a[,]c' },
    parent: [LESSON],
    grouping: [MODULE],
  },
  {
    name: 'a refresher answered is the same check answered, in the refresher category',
    event: event('refresher-answered', { checkId: 'c1', optionIds: ['b'], correct: true }),
    verb: `${ADL}/verbs/answered`,
    object: `${LESSON}#check-c1`,
    result: { success: true, response: 'b' },
    parent: [LESSON],
    grouping: [MODULE],
    category: [`${BASE}/xapi/categories/refresher`],
  },
  {
    name: 'a lesson completed is the lesson completed',
    event: event('lesson-completed', {}),
    verb: `${ADL}/verbs/completed`,
    object: LESSON,
    result: { completion: true },
    parent: [MODULE],
  },
  {
    name: 'time spent is the lesson experienced for an ISO 8601 duration',
    event: event('time-spent', { intervalId: 'i1', ms: 754_321 }),
    verb: `${ADL}/verbs/experienced`,
    object: LESSON,
    result: { duration: 'PT12M34.32S', extensions: { [`${BASE}/xapi/extensions/interval`]: 'i1' } },
    parent: [MODULE],
  },
  {
    name: 'a voided event is a voiding statement pointing at the same id',
    event: event('voided', { eventId: '11111111-2222-4333-8444-555555555555' }),
    verb: `${ADL}/verbs/voided`,
    object: '11111111-2222-4333-8444-555555555555',
  },
  {
    name: 'a confidence rating is a response to the module survey, scored by its mean',
    event: event('confidence-rated', {
      moduleId: 'foundations',
      stage: 'before',
      ratings: [
        { statement: 'I can explain SEND', rating: 2 },
        { statement: 'I can plan support', rating: 3 },
      ],
    }),
    verb: `${ADL}/verbs/responded`,
    object: `${MODULE}#confidence-before`,
    result: {
      score: { raw: 2.5, min: 1, max: 5 },
      extensions: {
        [`${BASE}/xapi/extensions/ratings`]: [
          { statement: 'I can explain SEND', rating: 2 },
          { statement: 'I can plan support', rating: 3 },
        ],
      },
    },
    parent: [MODULE],
  },
  {
    name: 'a facilitated session attended is the session attended for its minutes, grouped by its lessons',
    event: event('session-attended', {
      sessionId: 's1',
      moduleId: 'foundations',
      lessonIds: ['what-send-means'],
      checks: [],
      minutes: 90,
    }),
    verb: `${ADL}/verbs/attended`,
    object: `${BASE}/sessions/s1`,
    result: { duration: 'PT1H30M' },
    parent: [MODULE],
    grouping: [LESSON],
  },
  {
    name: 'a lesson the course no longer has keeps an id under /lessons/ and no module',
    event: event('lesson-completed', {}, 'retired lesson'),
    verb: `${ADL}/verbs/completed`,
    object: `${BASE}/lessons/retired%20lesson`,
    result: { completion: true },
  },
];

describe('eventToStatement', () => {
  it.each(cases)('$name', (c) => {
    const s = eventToStatement(c.event, ctx);
    expect(s.id).toBe(EVENT_ID);
    expect(s.verb.id).toBe(c.verb);
    expect(s.object.id).toBe(c.object);
    expect(s.result).toEqual(c.result);
    const activities = s.context?.contextActivities;
    expect(activities?.parent?.map((a) => a.id)).toEqual(c.parent);
    expect(activities?.grouping?.map((a) => a.id)).toEqual(c.grouping);
    expect(activities?.category?.map((a) => a.id)).toEqual(c.category);
    expect(s.timestamp).toBe('2026-03-02T09:00:00.000Z');
    expect(s.stored).toBe('2026-03-02T09:05:00.000Z');
    expect(s.version).toBe('1.0.3');
  });

  it('names the learner by their account on the site, never by email', () => {
    const s = eventToStatement(event('lesson-opened', {}), ctx);
    expect(s.actor).toEqual({
      objectType: 'Agent',
      name: 'Sam Learner',
      account: { homePage: BASE, name: 'learner-1' },
    });
  });

  it("gives a team's key the day of a statement and never the time of day", () => {
    const s = eventToStatement(event('lesson-completed', {}), { ...ctx, datesOnly: true });
    expect(s.timestamp).toBe('2026-03-02T00:00:00.000Z');
    expect(s.stored).toBe('2026-03-02T00:00:00.000Z');
  });

  it('titles the lesson and module from the course', () => {
    const s = eventToStatement(event('lesson-completed', {}), ctx);
    expect(s.object).toMatchObject({ definition: { name: { 'en-GB': 'What SEND means' } } });
    expect(s.context?.contextActivities?.parent?.[0]?.definition?.name).toEqual({ 'en-GB': 'Foundations' });
  });
});

describe('isoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [5, 'PT0.01S'],
    [1_000, 'PT1S'],
    [60_000, 'PT1M'],
    [3_600_000, 'PT1H'],
    [3_661_500, 'PT1H1M1.5S'],
    [6 * 3_600_000, 'PT6H'],
  ])('%i ms is %s', (ms, text) => {
    expect(isoDuration(ms)).toBe(text);
  });
});
