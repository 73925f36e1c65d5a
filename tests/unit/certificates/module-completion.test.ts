import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { moduleCompletion, type ReceivedEvent } from '../../../server/certificates/module-completion';
import type { LearnerEvent } from '../../../src/shared/progress/events';
import { normaliseCertificateId } from '../../../src/shared/protocol/certificate-protocol';
import { fixtureCatalog } from '../../helpers/fixture-course';

const foundations = fixtureCatalog.modules.find((m) => m.id === 'foundations');
if (!foundations) throw new Error('fixture without foundations');
const [first, second] = foundations.lessons.map((l) => l.id) as [string, string];
const DEVICE = randomUUID();
let seq = 0;

/** An event as a device sends it; `at` and `hlc` are the device's claims, `receivedAt` the server's. */
function received(
  type: 'lesson-completed' | 'voided' | 'time-spent',
  lessonId: string,
  receivedAt: number,
  extra: { id?: string; at?: string; payload?: Record<string, unknown> } = {},
): ReceivedEvent {
  seq += 1;
  const at = extra.at ?? new Date(receivedAt).toISOString();
  const event = {
    id: extra.id ?? randomUUID(),
    deviceId: DEVICE,
    deviceSeq: seq,
    at,
    hlc: `${at}-${String(seq).padStart(4, '0')}`,
    type,
    lessonId,
    payload: extra.payload ?? {},
  } as LearnerEvent;
  return { event, receivedAt };
}

const voidedId = randomUUID();
const cases: { name: string; events: ReceivedEvent[]; expected: unknown }[] = [
  { name: 'no events', events: [], expected: { complete: false, done: 0, total: 2 } },
  {
    name: 'one lesson of two',
    events: [received('lesson-completed', first, 1000)],
    expected: { complete: false, done: 1, total: 2 },
  },
  {
    name: 'both lessons: dates are when the server received them, not the device’s backdated claim',
    events: [
      received('lesson-completed', first, 1000, { at: '2019-01-01T00:00:00.000Z' }),
      received('lesson-completed', second, 5000, { at: '2019-01-02T00:00:00.000Z' }),
    ],
    expected: {
      complete: true,
      lessons: [
        { id: first, title: 'What SEN means', minutes: 5, completedAt: 1000 },
        { id: second, title: 'SEN support and EHC plans', minutes: 4, completedAt: 5000 },
      ],
      minutes: 9,
      msSpent: 0,
    },
  },
  {
    name: 'a lesson completed twice: the first the server heard of',
    events: [
      received('lesson-completed', first, 9000),
      received('lesson-completed', first, 2000),
      received('lesson-completed', second, 3000),
    ],
    expected: { complete: true, lessons: [{ completedAt: 2000 }, { completedAt: 3000 }] },
  },
  {
    name: 'the only completion of a lesson voided',
    events: [
      received('lesson-completed', first, 1000),
      received('lesson-completed', second, 2000, { id: voidedId }),
      received('voided', second, 3000, { payload: { eventId: voidedId } }),
    ],
    expected: { complete: false, done: 1, total: 2 },
  },
  {
    name: 'time spent counts once per interval',
    events: [
      received('time-spent', first, 500, { payload: { intervalId: 'a', ms: 120_000 } }),
      received('time-spent', first, 600, { payload: { intervalId: 'a', ms: 120_000 } }),
      received('time-spent', second, 700, { payload: { intervalId: 'b', ms: 60_000 } }),
      received('lesson-completed', first, 1000),
      received('lesson-completed', second, 2000),
    ],
    expected: { complete: true, msSpent: 180_000 },
  },
  {
    name: 'completions of lessons in other modules do not count',
    events: [received('lesson-completed', 'speech-language-dld-what-it-is', 1000)],
    expected: { complete: false, done: 0, total: 2 },
  },
];

describe('moduleCompletion', () => {
  it.each(cases)('$name', ({ events, expected }) => {
    expect(moduleCompletion(foundations, events)).toMatchObject(expected as object);
  });
});

describe('normaliseCertificateId', () => {
  it.each([
    ['K7M2QX9P4T', 'K7M2QX9P4T'],
    ['k7m2qx9p4t', 'K7M2QX9P4T'],
    ['K7M2Q X9P4T', 'K7M2QX9P4T'],
    ['K7M2Q-X9P4T', 'K7M2QX9P4T'],
    ['K7M2QX9P4', null],
    ['K7M2QX9P4TT', null],
    ['K0M2QX9P4T', null],
    ['KIM2QX9P4T', null],
    ['KLM2QX9P4T', null],
    ['../../etc', null],
  ])('%s → %s', (typed, id) => {
    expect(normaliseCertificateId(typed)).toBe(id);
  });
});
